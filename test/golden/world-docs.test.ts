// Golden tests on the six documents added for issue 14 (GDPR, AIDA, SB 1001, BIPA, the NSM on AI, Japan's
// AI Guidelines for Business), read from the mirror like the first 24 (never copied into the repo).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDocument } from '../../src/answer/documents.js';
import { applyCorrections, correctionsFor } from '../../src/corpus/corrections.js';
import { readDocument } from '../../src/corpus/read/index.js';
import type { Passage } from '../../src/corpus/types.js';
import { documentChoices } from '../../src/discord/ui/documents.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { CorpusIndex } from '../../src/search/index.js';
import { ReferenceResolver } from '../../src/search/reference/resolver.js';
import { coverage, duplicateLocators } from '../fixtures/text/check.js';
import { catalog, catalogDoc, describeGolden, MIRROR, realPassages } from '../support/corpus.js';

/** Exact locators and the opening words of their passage. */
const OPENINGS: Record<string, [string, string][]> = {
  'eu-gdpr-2016': [
    ['Art. 22(1)', '1. The data subject shall have the right not to be subject to a decision based solely'],
    ['Art. 22(2)(a)', '(a) is necessary for entering into, or performance of, a contract'],
    ['Recital 71', '(71) The data subject should have the right not to be subject to a decision'],
    ['Art. 4(1)', '(1) ‘personal data’ means any information relating to an identified'],
    // A nested list flattened into one table row: "(16) | ‘main establishment’ means: | (a) | …".
    ['Art. 4(16)', '(16) ‘main establishment’ means:'],
    ['Art. 4(16)(b)', '(b) as regards a processor with establishments in more than one Member State'],
    ['Art. 83(5)(a)', '(a) the basic principles for processing, including conditions for consent'],
    ['Art. 6(1), second subparagraph', 'Point (f) of the first subparagraph shall not apply'],
    ['Art. 99(2)', '2. It shall apply from 25 May 2018.'],
  ],
  'ca-aida-2022': [
    ['Bill s. 39', 'The Artificial Intelligence and Data Act is enacted as follows:'],
    ['s. 1', 'This Act may be cited as the Artificial Intelligence and Data Act.'],
    ['s. 2, “artificial intelligence system”', 'artificial intelligence system means a technological system'],
    ['s. 3(2)(a)', '(a) the Minister of National Defence;'],
    ['s. 5(1), “harm”(b)', '(b) damage to an individual’s property; or'],
    ['s. 7', 'A person who is responsible for an artificial intelligence system must'],
    ['s. 40(a)(i)', '(i) to a fine of not more than the greater of $25,000,000 and 5%'],
    ['s. 41', 'The provisions of this Act come into force on a day or days'],
  ],
  'us-ca-sb-1001-2018': [
    ['§ 17940(a)', '(a) “Bot” means an automated online account'],
    ['§ 17941(a)', '(a) It shall be unlawful for any person to use a bot to communicate'],
    ['§ 17943', 'This chapter shall become operative on July 1, 2019.'],
    ['SEC. 1', 'Chapter 6 (commencing with Section 17940) is added to Part 3'],
    ["Legislative Counsel's Digest", 'SB 1001, Hertzberg. Bots: disclosure.'],
  ],
  'us-il-bipa-2008': [
    ['Sec. 1', 'This Act may be cited as the Biometric Information Privacy Act.'],
    ['Sec. 5(c)', '(c) Biometrics are unlike other unique identifiers'],
    ['Sec. 15(b)(3)', '(3) receives a written release executed by the subject'],
    ['Sec. 20(a)(2)', '(2) against a private entity that intentionally or recklessly violates'],
    ['Sec. 15, source note', '(Source: P.A. 95-994, eff. 10-3-08.)'],
    ['Sec. 99', 'This Act takes effect upon becoming law.'],
  ],
  'us-nsm-ai-2024': [
    ['Sec. 1(a)', '(a) This memorandum fulfills the directive set forth in subsection 4.8'],
    ['Sec. 3.1(a)', '(a) The United States’ competitive edge in AI development'],
    ['Sec. 3.3(e)(i)', '(i) Within 180 days of the date of this memorandum and subject to private'],
    ['Sec. 8(c)', '(c) This memorandum is not intended to, and does not, create any right'],
    ['Closing', 'JOSEPH R. BIDEN JR.'],
  ],
  'jp-ai-guidelines-for-business-2025': [
    ['Preface', 'Technologies related to AI (Artificial Intelligence) are constantly evolving'],
    ['Part 2 C 2)(3)', '(3) Proper training'],
    ['Part 2 C 1)(1)', '(1) Human dignity and autonomy of individuals'],
    ['Part 2 D I)', 'I) Take appropriate measures throughout the development of advanced AI systems'],
    ['Part 2 D XII)', 'XII) Promote and contribute to trustworthy and responsible use'],
    ['Part 3 D-2) i.', '➢ D-2) i. Proper data training'],
    ['Part 5 U-7) ii.', '➢ U-7) ii. Effective use of provided documents'],
  ],
};

/** Site chrome and conversion markup that must never reach a passage. */
const BOILERPLATE = [
  /justia|justatic/i,
  /leginfo|Quick Search|Add To My Favorites/,
  /Skip to content|bidenwhitehouse\.archives|Next Post|frozen in time/,
  /---\|---|\s\|\s{2}/,
  /\]\(#?[./a-z]/i,
  /<\/?[A-Z][A-Za-z]+>/,
  /(?:^|\s)_\S[^_]*_(?:\s|$)/,
];

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.runIf(describeGolden)('the six documents of issue 14 (golden)', () => {
  for (const [id, openings] of Object.entries(OPENINGS)) {
    it(`${id}: exact locators open with the right words; unique locators; no site chrome; nothing lost`, async () => {
      const passages = await realPassages(id);
      for (const [locator, opening] of openings) {
        const passage = passages.find((p) => p.locator === locator);
        expect(passage, `${id} ${locator}`).toBeDefined();
        expect(flat(passage!.text).startsWith(opening), `${locator}: ${passage!.text.slice(0, 80)}`).toBe(
          true,
        );
      }
      expect(duplicateLocators(passages)).toEqual([]);
      for (const passage of passages)
        for (const pattern of BOILERPLATE)
          expect(pattern.test(passage.text), `${passage.locator} ${pattern}`).toBe(false);
      const doc = catalogDoc(id);
      // The passages come from the read text with the document's documented corrections applied.
      const read = applyCorrections(
        await readDocument(
          new Uint8Array(readFileSync(join(MIRROR, `${id}.${doc.source.format}`))),
          doc.source.format,
        ),
        correctionsFor(id),
      );
      const { missing, skipped } = coverage(read, passages);
      expect(missing).toEqual([]);
      // Only headings fall between passages (AIDA: the rest of Bill C-27 before and after it; Japan's
      // guidelines: the table of contents, left out like the headings it repeats).
      const inner = (id === 'ca-aida-2022' ? skipped.slice(1, -1) : skipped).filter(
        (gap) => !gap.startsWith('ContentsPreface...'),
      );
      for (const gap of inner) expect(gap.length, gap.slice(0, 120)).toBeLessThan(400);
    });
  }

  it('GDPR: recitals 1–173, Articles 1–99, the 21 footnotes set apart', async () => {
    const passages = await realPassages('eu-gdpr-2016');
    const units = new Set(passages.map((p) => p.path[0]));
    for (let n = 1; n <= 173; n++) expect(units.has(`recital:${n}`), `recital ${n}`).toBe(true);
    for (let n = 1; n <= 99; n++) expect(units.has(`art:${n}`), `article ${n}`).toBe(true);
    expect([...units].filter((u) => u?.startsWith('recital:'))).toHaveLength(173);
    expect(passages.find((p) => p.locator === 'Art. 22(1)')!.headingPath).toEqual([
      'Chapter III Rights of the data subject',
      'Section 4 Right to object and automated individual decision-making',
      'Article 22 Automated individual decision-making, including profiling',
    ]);
    const read = await readDocument(new Uint8Array(readFileSync(join(MIRROR, 'eu-gdpr-2016.md'))), 'md');
    expect(read.footnotes.map((f) => f.marker)).toEqual(Array.from({ length: 21 }, (_, i) => String(i + 1)));
    expect(read.footnotes[0]!.text).toBe('OJ C 229, 31.7.2012, p. 90.');
  });

  it('AIDA: only the Act of Part 3, sections 1–41 cited as its own, read from the XML tree', async () => {
    const passages = await realPassages('ca-aida-2022');
    const sections = [...new Set(passages.map((p) => p.path[0]).filter((s) => s?.startsWith('sec:')))];
    expect(sections).toEqual(Array.from({ length: 41 }, (_, i) => `sec:${i + 1}`));
    // Nothing of the Consumer Privacy Protection Act or the Tribunal Act (Parts 1 and 2 of the bill).
    expect(passages.some((p) => /Privacy Commissioner may|Tribunal consists of/.test(p.text))).toBe(false);
    expect(passages.find((p) => p.locator === 's. 3(2)')!.headingPath).toEqual([
      'Artificial Intelligence and Data Act',
      'Definitions and Application',
      '3 Non-application',
      'Product, service or activity',
    ]);
    expect(catalogDoc('ca-aida-2022').status).toBe('died on the order paper');
  });

  it('SB 1001 and BIPA: the statutes without the web pages around them', async () => {
    const sb = await realPassages('us-ca-sb-1001-2018');
    expect(sb[0]!.text.startsWith('Senate Bill No. 1001')).toBe(true);
    expect([...new Set(sb.map((p) => p.path[0]).filter((s) => s?.startsWith('sec:')))]).toEqual([
      'sec:17940',
      'sec:17941',
      'sec:17942',
      'sec:17943',
    ]);
    const bipa = await realPassages('us-il-bipa-2008');
    expect([...new Set(bipa.map((p) => p.path[0]))]).toEqual(
      ['1', '5', '10', '15', '20', '25', '30', '99'].map((n) => `sec:${n}`),
    );
    expect(bipa.at(-1)!.text).toBe('(Source: P.A. 95-994, eff. 10-3-08.)');
  });

  it('NSM on AI: Sections 1–8 with subsections 3.1–3.3 and 4.1–4.2, the signature last', async () => {
    const passages = await realPassages('us-nsm-ai-2024');
    const units = [...new Set(passages.map((p) => p.path[0]))];
    expect(units).toEqual([
      'h:preamble',
      'sec:1',
      'sec:2',
      'sec:3',
      'sec:3.1',
      'sec:3.2',
      'sec:3.3',
      'sec:4',
      'sec:4.1',
      'sec:4.2',
      'sec:5',
      'sec:6',
      'sec:7',
      'sec:8',
      'h:closing',
    ]);
    expect(passages.some((p) => /in silico/.test(p.text))).toBe(true);
  });

  it('Japan AI Guidelines: Parts 1–5, principles C 1)–10) and D I)–XII) in order', async () => {
    const passages = await realPassages('jp-ai-guidelines-for-business-2025');
    const parts = [...new Set(passages.map((p) => p.path[0]).filter((s) => s?.startsWith('part:')))];
    expect(parts).toEqual(['part:1', 'part:2', 'part:3', 'part:4', 'part:5']);
    const principles = [
      ...new Set(passages.filter((p) => p.path[1] === 'sec:c' && p.path[2]).map((p) => p.path[2])),
    ];
    expect(principles).toEqual(Array.from({ length: 10 }, (_, i) => `item:${i + 1}`));
    const advanced = [
      ...new Set(passages.filter((p) => p.path[1] === 'sec:d' && p.path[2]).map((p) => p.path[2])),
    ];
    expect(advanced).toHaveLength(12);
    expect(passages.find((p) => p.locator === 'Part 2 C 6)')!.headingPath.at(-1)).toBe('6) Transparency');
  });
});

describe.runIf(describeGolden)('the names people type for the new documents', () => {
  let passages: Passage[];
  let resolver: ReferenceResolver;
  let index: CorpusIndex;
  beforeAll(async () => {
    passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    resolver = new ReferenceResolver(catalog, passages);
    index = CorpusIndex.build(catalog, passages);
  }, 120_000);

  const NAMES: [string, string][] = [
    ['GDPR', 'eu-gdpr-2016'],
    ['AIDA', 'ca-aida-2022'],
    ['C-27', 'ca-aida-2022'],
    ['BIPA', 'us-il-bipa-2008'],
    ['SB 1001', 'us-ca-sb-1001-2018'],
    ['NSM-25', 'us-nsm-ai-2024'],
    ['METI guidelines', 'jp-ai-guidelines-for-business-2025'],
  ];

  it('autocomplete offers the document first and /quote-style lookups find it', () => {
    for (const [name, id] of NAMES) {
      expect(documentChoices(catalog, name)[0]?.value, name).toBe(id);
      expect(findDocument(catalog, name)?.id, name).toBe(id);
      const [found] = new DocNameMatcher(catalog).findExact(`what does ${name} say`);
      expect(found?.docId, name).toBe(id);
    }
  });

  const REFERENCES: [string, string, string][] = [
    ['GDPR Art. 22(1)', 'eu-gdpr-2016', 'Art. 22(1)'],
    ['GDPR Recital 71', 'eu-gdpr-2016', 'Recital 71'],
    ['AIDA s. 5(1)', 'ca-aida-2022', 's. 5(1)'],
    ['C-27 section 40(a)(i)', 'ca-aida-2022', 's. 40(a)(i)'],
    ['BIPA Sec. 15(b)(1)', 'us-il-bipa-2008', 'Sec. 15(b)(1)'],
    ['SB 1001 § 17941(a)', 'us-ca-sb-1001-2018', '§ 17941(a)'],
    ['NSM-25 Sec. 3.3(e)(i)', 'us-nsm-ai-2024', 'Sec. 3.3(e)(i)'],
    ['METI guidelines D-2) i.', 'jp-ai-guidelines-for-business-2025', 'Part 3 D-2) i.'],
    ['METI guidelines principle 2(3)', 'jp-ai-guidelines-for-business-2025', 'Part 2 C 2)(3)'],
  ];

  it('charter quote resolves references by the new names', () => {
    for (const [reference, id, locator] of REFERENCES) {
      const result = resolver.resolve(reference);
      expect(result.ok, `${reference}: ${result.ok ? '' : result.failure.reason}`).toBe(true);
      if (!result.ok) continue;
      expect(result.doc.id, reference).toBe(id);
      expect(result.passages[0]!.locator, reference).toBe(locator);
    }
  });

  it('ask steers to the document a question names', () => {
    const cases: [string, string][] = [
      ['what does the GDPR say about automated decision-making', 'eu-gdpr-2016'],
      ['does AIDA define high-impact system', 'ca-aida-2022'],
      ['BIPA written release', 'us-il-bipa-2008'],
      ['SB 1001 bot disclosure', 'us-ca-sb-1001-2018'],
      ['NSM-25 testing of frontier models', 'us-nsm-ai-2024'],
      ['METI guidelines proper data training', 'jp-ai-guidelines-for-business-2025'],
    ];
    for (const [question, id] of cases) {
      const hits = index.search(question, { limit: 3 }).hits;
      expect(hits.length, question).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.passages[0]!.docId, question).toBe(id);
    }
  });
});
