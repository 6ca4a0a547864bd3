// A reference is never quoted as something other than what it names: a misspelled unit word ("Reciatl 27")
// is refused with the reading it probably meant, and a place deeper than the passages (Annex VII point 3.2)
// is shown as the passage that holds it, with a note saying so. Invented fixture text, not corpus text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteResultReply } from '../../commands/quote.js';
import { quote } from '../../src/answer/quote.js';
import type { Services } from '../../src/answer/services.js';
import { notFoundWording, PLAIN, quotedNote } from '../../src/answer/wording.js';
import { formatLocator, passageId } from '../../src/corpus/citation.js';
import type { Passage } from '../../src/corpus/types.js';
import { ReferenceResolver } from '../../src/search/reference/resolver.js';
import { STOP_WORDS } from '../../src/search/text.js';
import { docs } from './search-fixture.js';

const EU = 'eu-ai-act-2024';
const EO = 'us-eo-14110-2023';
let seq = 0;
function passage(docId: string, path: string[], text: string): Passage {
  const doc = docs.find((d) => d.id === docId)!;
  const locator = formatLocator(doc.citation.style, path, { unitLabel: doc.citation.unitLabel });
  return { id: passageId(docId, path), docId, locator, path, headingPath: [], text, seq: seq++ };
}

const passages: Passage[] = [
  passage(EU, ['recital:27'], '(27) A fixture recital about trustworthy machines.'),
  passage(
    EU,
    ['art:6', '1'],
    '1. A fixture paragraph with points:\n\n(a) the first point;\n\n(b) the second point.',
  ),
  passage(EU, ['art:27'], 'A fixture article twenty-seven.'),
  passage(
    EU,
    ['annex:vii', '3'],
    '3. Fixture system\n\n3.1. The first sub-point.\n\n3.2. The second sub-point.',
  ),
  passage(EU, ['annex:vii', '4'], '4. Fixture control'),
  passage(EU, ['annex:vii', '4', 'subpara:2'], '4.2. A passage that starts with its sub-point.'),
  passage(EO, ['sec:4.2'], '4.2. A fixture section.'),
  passage('un-global-digital-compact-2024', ['para:50'], '50. A fixture paragraph.'),
];
const resolver = new ReferenceResolver(docs, passages);
const services = {
  catalog: docs,
  passagesOf: (id: string) => passages.filter((p) => p.docId === id),
  quote: async (reference: string) => resolver.resolve(reference),
} as unknown as Services;

describe('a misspelled unit word', () => {
  it('is refused with the reading it probably meant, never quoted as an article', () => {
    const result = resolver.resolve('Reciatl 27 AI Act');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({
      reason: 'unknown-unit',
      typed: 'Reciatl 27',
      reading: 'Recital 27',
    });
    expect(result.suggestions[0]).toBe('AI Act Recital 27');
  });

  it('reads other styles alike: Anex, Artcle, Secton, paragrph', () => {
    const reading = (reference: string) => {
      const result = resolver.resolve(reference);
      return !result.ok && result.failure.reason === 'unknown-unit' ? result.failure.reading : 'quoted';
    };
    expect(reading('AI Act Anex VII')).toBe('Annex VII');
    expect(reading('AI Act Artcle 27')).toBe('Art. 27');
    expect(reading('EO 14110 Secton 4.2')).toBe('Sec. 4.2');
    expect(reading('GDC parra 50')).toBe('para. 50');
    expect(reading('GDC paragrph 50')).toBe('para. 50');
    expect(reading('Foo 27 AI Act')).toBeUndefined();
  });

  it('says the same through the one wording: refused, with the reading suggested', async () => {
    const outcome = await quote(services, 'Reciatl 27 AI Act');
    expect(outcome.kind).toBe('not-found');
    if (outcome.kind !== 'not-found') return;
    const wording = notFoundWording(outcome, PLAIN);
    expect(wording.text).toContain('Read “Reciatl 27” as Recital 27?');
    expect(wording.suggestions).toEqual(['AI Act Recital 27']);
    const gdc = await quote(services, 'GDC parra 50');
    expect(gdc.kind === 'not-found' && notFoundWording(gdc, PLAIN).text).toContain(
      'Global Digital Compact has no unit called that; it cites paragraphs.',
    );
  });

  it('still quotes a bare number and a unit word spelled right', () => {
    expect(resolver.resolve('AI Act 27')).toMatchObject({ ok: true, locator: 'Art. 27' });
    expect(resolver.resolve('quote AI Act 27')).toMatchObject({ ok: true, locator: 'Art. 27' });
    expect(resolver.resolve('Recital 27 AI Act')).toMatchObject({ ok: true, locator: 'Recital 27' });
  });

  it('never quotes a place of another unit kind for a word that is not a unit word (property)', () => {
    const units =
      /^(?:art|arts|article|articles|recital|recitals|annex|annexes|sec|secs|section|sections|ss?|para|paras|paragraph|paragraphs|chapter|ch|part|page|pages|pp?|pg|actions?|principles?|items?|recommendations?|recs?|preambular)$/;
    const word = fc
      .stringMatching(/^[a-z]{1,10}$/)
      .filter((w) => !units.test(w) && !STOP_WORDS.has(w) && !/^[ivxlc]+$/.test(w));
    fc.assert(
      fc.property(word, fc.integer({ min: 1, max: 120 }), fc.boolean(), (w, n, before) => {
        const reference = before ? `${w} ${n} AI Act` : `AI Act ${w} ${n}`;
        const result = resolver.resolve(reference);
        // Quoted only when the word was no unit word at all (a filler such as "quote", or a document's name).
        if (result.ok) expect(resolver.parse(reference).leftover).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a place deeper than the passages', () => {
  it('shows the passage that starts with the sub-point, saying it is not a passage of its own', () => {
    const result = resolver.resolve('AI Act Annex VII point 4.2');
    expect(result).toMatchObject({ ok: true, note: { reason: 'containing', asked: 'Annex VII, point 4.2' } });
    if (!result.ok) return;
    expect(result.passages.map((p) => p.text)).toEqual(['4.2. A passage that starts with its sub-point.']);
  });

  it('shows the containing point with a note when no passage starts with the sub-point', async () => {
    const result = resolver.resolve('AI Act Annex VII point 3.2');
    expect(result).toMatchObject({
      ok: true,
      locator: 'Annex VII, point 3',
      note: { reason: 'containing', asked: 'Annex VII, point 3.2', shown: 'Annex VII, point 3' },
    });
    const outcome = await quote(services, 'AI Act Annex VII point 3.2');
    expect(outcome.kind === 'quoted' && quotedNote(outcome, PLAIN)).toBe(
      'Annex VII, point 3.2 is not a passage of its own; showing Annex VII, point 3, which contains it.',
    );
    // /quote (and /ask, which replies with the same) says it above the quote.
    expect(quoteResultReply(outcome, {}).content).toContain('point 3.2 is not a passage of its own');
  });

  it('says so for a sub-point of an unsplit paragraph too, and refuses one its text lacks', () => {
    expect(resolver.resolve('AI Act Art. 6(1)(a)')).toMatchObject({
      ok: true,
      note: { reason: 'containing', asked: 'Art. 6(1)(a)', shown: 'Art. 6(1)' },
    });
    expect(resolver.resolve('AI Act Art. 6(1)(z)')).toMatchObject({
      ok: false,
      failure: { reason: 'no-such-point' },
    });
    expect(resolver.resolve('AI Act Annex VII point 3.9')).toMatchObject({
      ok: false,
      failure: { reason: 'no-such-point' },
    });
  });

  it('carries no note when the place asked is the place shown', () => {
    const result = resolver.resolve('AI Act Annex VII point 3');
    expect(result.ok && result.note).toBeUndefined();
  });
});

describe('a sub-point found inside another passage', () => {
  const local = new ReferenceResolver(docs, [
    passage(EU, ['art:9', '2', 'a'], '(a) a point of paragraph 2.'),
    passage(EU, ['art:9', '3'], '3. Paragraph three, kept whole.'),
  ]);
  it('is never taken from a sibling: Art. 9(1)(a) is not Art. 9(2)(a)', () => {
    const result = local.resolve('AI Act Art. 9(1)(a)');
    expect(result.ok).toBe(false);
  });
});

describe('a lettered annex section (Annex VIII, Sections A–C, each numbering its points from 1)', () => {
  const local = new ReferenceResolver(docs, [
    passage(EU, ['annex:viii', 'annexsec:a', '1'], '1. Point one of Section A.'),
    passage(EU, ['annex:viii', 'annexsec:b', '1'], '1. Point one of Section B.'),
    passage(EU, ['annex:viii', 'annexsec:b', '2'], '2. Point two of Section B.'),
  ]);

  it('quotes the point of the section named, not the whole annex', () => {
    const result = local.resolve('AI Act Annex VIII Section B point 1');
    expect(result).toMatchObject({ ok: true, locator: 'Annex VIII, Section B, point 1' });
    expect(result.ok && result.passages.map((p) => p.text)).toEqual(['1. Point one of Section B.']);
    expect(result.ok && result.note).toBeUndefined();
  });

  it('quotes the point of an annex not split by section, saying the section was not read', () => {
    const annexI = new ReferenceResolver(docs, [
      passage(EU, ['annex:i', '12'], '12. Point twelve, in Section A.'),
      passage(EU, ['annex:i', '13'], '13. Point thirteen, in Section B.'),
    ]);
    expect(annexI.resolve('AI Act Annex I, Section B, point 13')).toMatchObject({
      ok: true,
      locator: 'Annex I, point 13',
      note: { reason: 'unread', words: 'Section B', shown: 'Annex I, point 13' },
    });
  });

  it('never takes another section’s point for a section the annex lacks', () => {
    expect(local.resolve('AI Act Annex VIII, Section D, point 1')).toMatchObject({
      ok: false,
      failure: { reason: 'no-such-point' },
    });
  });
});

describe('words after the place that name no place', () => {
  it('quote the whole place read with a note, never a wider place silently', async () => {
    const result = resolver.resolve('AI Act Art. 27, second subparagraph');
    expect(result).toMatchObject({
      ok: true,
      locator: 'Art. 27',
      note: { reason: 'unread', words: 'second subparagraph', shown: 'Art. 27' },
    });
    const outcome = await quote(services, 'AI Act Art. 27, second subparagraph');
    expect(outcome.kind === 'quoted' && quotedNote(outcome, PLAIN)).toBe(
      '“second subparagraph” was not read as a place; showing the whole of Art. 27.',
    );
  });

  it('need no note when they are fillers or words of the locator shown', () => {
    expect(resolver.resolve('quote the text of AI Act Art. 27 please')).not.toHaveProperty('note');
    expect(resolver.resolve('AI Act Art. 27')).not.toHaveProperty('note');
  });
});
