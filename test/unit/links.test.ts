// The citation grammar (citation-refs.ts, citation-zh.ts), defined terms and the corpus link table on small
// invented passages (not corpus text).
import { ComponentType } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import { formatLocator, passageId } from '../../src/corpus/citation.js';
import { findChineseCitations, findCitations, UNNAMED } from '../../src/corpus/citation-refs.js';
import { LinkTable } from '../../src/corpus/links.js';
import type { Passage } from '../../src/corpus/types.js';
import { LIMITS, messageViolations } from '../../src/discord/limits.js';
import { linksMenu } from '../../src/discord/ui/links.js';
import { decodeState, encodeState } from '../../src/discord/ui/state.js';
import { docs } from './search-fixture.js';

const places = (text: string, style: Parameters<typeof findCitations>[1]) =>
  findCitations(text, style).map((c) => ({ text: c.text, places: c.places, instrument: c.instrument }));

describe('citations in running text, by citation style', () => {
  it('EU acts: lists, ranges, points of paragraphs, suffixes and other instruments', () => {
    expect(places('referred to in paragraphs 3 and 6.', 'eu-act')).toEqual([
      {
        text: 'paragraphs 3 and 6',
        places: [
          { path: ['3'], keep: 1 },
          { path: ['6'], keep: 1 },
        ],
        instrument: undefined,
      },
    ]);
    const [c] = findCitations('unless point (a) or (g) of Article 9(2) applies', 'eu-act');
    expect(c!.places).toEqual([
      { path: ['art:9', '2', 'a'], keep: 0 },
      { path: ['art:9', '2', 'g'], keep: 0 },
    ]);
    expect(findCitations('Articles 8 to 11', 'eu-act')[0]!.places.map((p) => p.path[0])).toEqual([
      'art:8',
      'art:9',
      'art:10',
      'art:11',
    ]);
    expect(findCitations('Article 5(1), first subparagraph, point (h)', 'eu-act')[0]!.places).toEqual([
      { path: ['art:5', '1', 'h'], keep: 0 },
    ]);
    expect(findCitations('points 5 (b) and (c) of Annex III', 'eu-act')[0]!.places).toEqual([
      { path: ['annex:iii', '5', 'b'], keep: 0 },
      { path: ['annex:iii', '5', 'c'], keep: 0 },
    ]);
    // Both articles are the GDPR's: the instrument named after the last is shared.
    const shared = findCitations(
      'Article 6(4) and Article 9(2), point (g), of Regulation (EU) 2016/679',
      'eu-act',
    );
    expect(shared.map((x) => x.instrument)).toEqual(['Regulation (EU) 2016/679', 'Regulation (EU) 2016/679']);
    expect(findCitations('Articles 16 and 114 thereof', 'eu-act')[0]!.instrument).toBe(UNNAMED);
    expect(findCitations('Articles 12 to 15 of that Directive', 'eu-act')[0]!.instrument).toBe(UNNAMED);
    expect(findCitations('Article 8 of the Charter of Fundamental Rights', 'eu-act')[0]!.instrument).toBe(
      'Charter of Fundamental Rights',
    );
    expect(findCitations('Article 13 of this Regulation', 'eu-act')[0]!.instrument).toBeUndefined();
  });

  it('US, Canadian and Illinois styles', () => {
    expect(findCitations('subsections 4.2(c) and (d) of this section', 'us-eo')[0]!.places).toEqual([
      { path: ['sec:4.2', 'c'], keep: 0 },
      { path: ['sec:4.2', 'd'], keep: 0 },
    ]);
    expect(findCitations('SUBSECTION (10)(b)(I) OF THIS SECTION', 'us-statute')[0]!.places).toEqual([
      { path: ['10', 'b', 'i'], keep: 1 },
    ]);
    expect(findCitations('paragraph (2)(d)', 'ca-act')[0]!.places).toEqual([{ path: ['2', 'd'], keep: 1 }]);
    expect(findCitations('subsection (b) of Section 15', 'ilcs')[0]!.places).toEqual([
      { path: ['sec:15', 'b'], keep: 0 },
    ]);
    // "(b)" after "(a)(ii)" is 4.1(b), not 4.1(a)(b).
    expect(findCitations('subsection 4.1(a)(ii) and (b)', 'us-eo')[0]!.places[1]).toEqual({
      path: ['sec:4.1', 'b'],
      keep: 0,
    });
    // The article "a" of a sentence is not a sub-paragraph.
    expect(findCitations('SUBSECTION (7), A DEVELOPER', 'us-statute')[0]!.places).toEqual([
      { path: ['7'], keep: 1 },
    ]);
  });

  it('Chinese: 第十四条, 本办法第十四条第二款, 《…》第十条', () => {
    expect(findChineseCitations('违反本办法第十四条规定的').map((c) => c.places)).toEqual([
      [{ path: ['art:14'], keep: 0 }],
    ]);
    expect(findChineseCitations('依照第十四条第二款')[0]!.places).toEqual([
      { path: ['art:14', 'kuan:2'], keep: 0 },
    ]);
    const [law] = findChineseCitations('根据《中华人民共和国网络安全法》第十条');
    expect(law).toMatchObject({
      instrument: '中华人民共和国网络安全法',
      places: [{ path: ['art:10'], keep: 0 }],
    });
  });
});

// A small corpus: an EU act, and a Chinese measure; then a local document that cites the EU act (`charter add`).
const EU = docs.find((d) => d.id === 'eu-ai-act-2024')!;
const ZH = docs.find((d) => d.id === 'cn-generative-ai-interim-measures-2023.zh')!;
let seq = 0;
const at = (doc: CatalogDocument, path: string[], text: string, context?: string): Passage => ({
  id: passageId(doc.id, path),
  docId: doc.id,
  locator: formatLocator(doc.citation.style, path, {}),
  path,
  headingPath: [],
  text,
  seq: seq++,
  ...(context ? { context } : {}),
});
const passages: Passage[] = [
  at(EU, ['art:3', '1'], '(1) ‘fixture system’ means a pretend machine;', 'the following definitions apply:'),
  at(
    EU,
    ['art:3', '2'],
    '(2) ‘keeper’ means whoever keeps a fixture system;',
    'the following definitions apply:',
  ),
  at(EU, ['art:4', '1'], '1. Keepers of fixture systems shall follow paragraph 2 and Annex I.'),
  at(
    EU,
    ['art:4', '2'],
    '2. A keeper shall comply with Article 9(3) and with Article 4 of Directive 2000/31/EC.',
  ),
  at(EU, ['annex:i', '1'], '1. A first point of the fixture annex.'),
  at(ZH, ['art:14'], '第十四条 提供者发现违法内容的，应当及时处置。'),
  at(ZH, ['art:15'], '第十五条 提供者违反本办法第十四条规定的，依法处理。'),
  at(ZH, ['art:22', '1'], '（一）提供者，是指提供服务的组织。', '第二十二条 本办法下列用语的含义是：'),
];

describe('the link table', () => {
  const table = new LinkTable([EU, ZH], passages);

  it('resolves relative and absolute places, keeps the rest as text, names what Charter lacks', () => {
    expect(table.referencesOf('eu-ai-act-2024#art:4/1')).toEqual([
      expect.objectContaining({ text: 'paragraph 2', status: 'resolved', id: 'eu-ai-act-2024#art:4/2' }),
      expect.objectContaining({ text: 'Annex I', status: 'resolved', id: 'eu-ai-act-2024#annex:i' }),
    ]);
    const second = table.referencesOf('eu-ai-act-2024#art:4/2');
    expect(second[0]).toMatchObject({ text: 'Article 9(3)', status: 'unresolved' });
    expect(second[0]!.id).toBeUndefined();
    expect(second[1]).toMatchObject({ text: 'Article 4 of Directive 2000/31/EC', status: 'not-held' });
  });

  it('第十四条 is cited by 第十五条, and is not its own reference', () => {
    expect(table.referencesOf(`${ZH.id}#art:15`)).toEqual([
      expect.objectContaining({ status: 'resolved', id: `${ZH.id}#art:14`, locator: '第十四条' }),
    ]);
    expect(table.referencesOf(`${ZH.id}#art:14`)).toEqual([]);
    expect(table.citedBy(`${ZH.id}#art:14`).map((c) => c.id)).toEqual([`${ZH.id}#art:15`]);
  });

  it('defined terms: plurals, longest first, Chinese without spaces, never the definition itself', () => {
    expect(table.termsOf('eu-ai-act-2024#art:4/1').map((t) => [t.term, t.id])).toEqual([
      ['keeper', 'eu-ai-act-2024#art:3/2'],
      ['fixture system', 'eu-ai-act-2024#art:3/1'],
    ]);
    expect(table.termsOf('eu-ai-act-2024#art:3/1')).toEqual([]);
    expect(table.termsOf(`${ZH.id}#art:15`).map((t) => t.term)).toEqual(['提供者']);
  });

  it('a document added later links into the corpus, and citedBy follows', () => {
    const local = {
      ...EU,
      id: 'acme-policy-2025',
      title: 'Acme AI policy',
      shortTitle: 'Acme policy',
      aliases: [],
      originalOf: undefined,
    } as CatalogDocument;
    const added = at(local, ['art:1'], 'Acme follows Article 4(1) of Regulation (EU) 2024/1689.');
    const grown = new LinkTable([EU, ZH, local], [...passages, added]);
    expect(grown.referencesOf(added.id)).toEqual([
      expect.objectContaining({ status: 'resolved', id: 'eu-ai-act-2024#art:4/1', docId: EU.id }),
    ]);
    expect(grown.citedBy('eu-ai-act-2024#art:4/1').map((c) => c.id)).toContain(added.id);
    const report = grown.reports.find((r) => r.docId === EU.id)!;
    expect(report).toMatchObject({ found: 4, resolved: 2, unresolved: 1, notHeld: 1, termsDefined: 2 });
  });
});

describe('the links menu on Discord', () => {
  const id = fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/),
      fc.stringMatching(/^[a-z0-9:.-]{1,40}(?:\/[a-z0-9]{1,4}){0,3}$/),
    )
    .map(([doc, path]) => `${doc}#${path}`);
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom('@everyone', '<@&1>', '**x**', '', ' '),
  );

  it('fits Discord’s limits for any links, with unique values and the rest counted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text, id, locator: text }), { maxLength: 40 }),
        fc.array(fc.record({ term: text, id, locator: text }), { maxLength: 40 }),
        fc.array(fc.record({ id, docId: fc.constant('d'), locator: text }), { maxLength: 40 }),
        (references, terms, citedBy) => {
          const links = {
            references: references.map((r) => ({ ...r, status: 'resolved' as const })),
            terms,
            citedBy,
          };
          const menu = linksMenu('eu-ai-act-2024#art:26/1', links);
          if (!menu) {
            expect(references.length + terms.length + citedBy.length).toBe(0);
            return;
          }
          expect(messageViolations({ components: [menu] })).toEqual([]);
          const select = menu.components[0]!;
          if (select.type !== ComponentType.StringSelect) throw new Error('a select menu');
          const values = select.options.map((o) => o.value);
          expect(new Set(values).size).toBe(values.length);
          const total = [references, terms, citedBy].reduce(
            (n, list) => n + new Set(list.map((x) => x.id)).size,
            0,
          );
          if (total > LIMITS.selectOptions) expect(select.placeholder).toMatch(/and \d+ more/);
          for (const o of select.options) expect(o.label.trim()).not.toBe('');
        },
      ),
    );
  });

  it('its state survives a restart: the custom_id decodes to the place', () => {
    const customId = encodeState({ action: 'links', place: 'eu-ai-act-2024#art:26/1' })!;
    expect(decodeState(customId)).toEqual({ action: 'links', place: 'eu-ai-act-2024#art:26/1' });
    expect(decodeState(encodeState({ action: 'linksof', place: 'ca-aida-2022#sec:7' }))).toEqual({
      action: 'linksof',
      place: 'ca-aida-2022#sec:7',
    });
    expect(decodeState('c1|links|not a place')).toBeNull();
  });
});
