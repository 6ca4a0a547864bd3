// Golden tests on the real documents of the structure-aware styles (read from the mirror, never copied).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorrected } from '../../src/corpus/build.js';
import { readDocument } from '../../src/corpus/read/index.js';
import { coverage, duplicateLocators } from '../fixtures/text/check.js';
import { catalogDoc, describeGolden, MIRROR, realPassages } from '../support/corpus.js';

/** For every document: exact locators and the opening words of their passage. */
const OPENINGS: Record<string, [string, string][]> = {
  'eu-ai-act-2024': [
    ['Recital 27', '(27) While the risk-based approach is the basis'],
    ['Art. 50(2)', '2. Providers of AI systems, including general-purpose AI systems, gene'],
    ['Annex III, point 4', '4. Employment, workers’ management and access to self-employment:'],
    ['Art. 3(1)', '(1) ‘AI system’ means a machine-based system'],
    // Decimal points of Annex VII are cited as themselves, not as subparagraphs of point 3 or 4.
    ['Annex VII, point 3.2', '3.2. The quality management system shall be assessed by the notified body'],
    ['Annex VII, point 3.1(f)', '(f) a written declaration that the same application has not been lodged'],
    ['Annex VII, point 4.6', '4.6. The decision of the notified body shall be notified to the provider'],
    // Annex VIII numbers the points of each lettered section afresh: Section B's point 1 is not point 13(1).
    ['Annex VIII, Section B, point 1', '1. The name, address and contact details of the provider;'],
    ['Annex VIII, Section C, point 3', '3. The URL of the entry of the AI system in the EU database'],
  ],
  'coe-framework-convention-ai-2024': [
    ['Art. 16(2)', '2 Such measures shall be graduated and differentiated, as appropriate,'],
    ['Art. 3(1)(b)', 'b Each Party shall address risks and impacts arising from activities'],
    ['Art. 36(a)', 'a any signature;'],
  ],
  'cn-generative-ai-interim-measures-2023': [
    ['Art. 7', 'Article 7: The providers of generative AI services (hereinafter “provi'],
    ['Art. 4(1)', '(1) Uphold the Core Socialist Values;'],
  ],
  'cn-deep-synthesis-provisions-2022': [
    ['Art. 17(1)', '(1) services such as smart dialogue or smart writing'],
    ['Art. 25', 'Article 25: These rules shall take effect on January 10, 2023.'],
  ],
  'cn-algorithmic-recommendation-provisions-2021': [
    ['Art. 24', 'Article 24: Within 10 working days of beginning to provide services'],
    ['Art. 35', 'Article 35: These Provisions are to take effect on March 1, 2022.'],
  ],
  'cn-ai-content-labelling-measures-2025': [
    ['Art. 4(1)', '(1) Add labels such as text notifications'],
    ['Art. 14', 'These measures are to take effect from September 1, 2025.'],
  ],
  'us-eo-14110-2023': [
    ['Sec. 4.2(a)', '(a) Within 90 days of the date of this order, to ensure and verify'],
    ['Sec. 4.2(a)(i)(A)', '(A) any ongoing or planned activities related to training'],
    // Its title ran into its text in the copy ("Training.To improve"): a documented correction.
    ['Sec. 4.7', 'To improve public data access and manage security risks'],
    ['Sec. 4.7(a)', '(a) within 270 days of the date of this order, the Chief Data Officer'],
  ],
  'us-eo-14179-2025': [
    ['Sec. 4(a)', '(a) Within 180 days of this order, the Assistant to the President'],
    ['Sec. 2', 'It is the policy of the United States to sustain and enhance America’s'],
    // Points set off only by markdown hard line breaks.
    ['Sec. 5(b)', '(b) Within 60 days of this order, the OMB Director'],
    ['Sec. 6(a)(i)', '(i) the authority granted by law to an executive department or agency,'],
    ['Sec. 6(a)(ii)', '(ii) the functions of the Director of the Office of Management and'],
  ],
  'un-global-digital-compact-2024': [
    ['para. 56', '56. We therefore commit to:'],
    ['para. 1', '1. Digital technologies are dramatically transforming our world.'],
  ],
  'unesco-ethics-of-ai-2021': [
    ['para. 26', '26. The choice to use AI systems and which AI method to use should be'],
    ['para. 2(a)', '(a) AI systems are information-processing technologies'],
  ],
  'cn-ai-safety-governance-framework-2024': [
    ['Sec. 6.1(a)', '(a) Developers should uphold a people-centered approach'],
    ['Sec. 5.2', '5.2 To develop a traceability management system for AI services.'],
  ],
  'us-ca-sb-53-2025': [
    ['§ 22757.12(a)', '(a) A large frontier developer shall write, implement, comply with'],
    ['SEC. 1(a)', '(a) California is leading the world in artificial intelligence'],
    ['§ 22757.11(c)(1)', '(c) (1) “Catastrophic risk” means a foreseeable and material risk'],
  ],
};

/** Documents whose PDF reader is another engineer's; checked the same way once it reads them. */
const PDF_OPENINGS: Record<string, [string, string][]> = {
  'un-ga-res-78-265': [
    ['preambular para. 3', 'Recalling its resolutions 77/320 of 25 July 2023'],
    ['para. 6(a)', '(a) Promoting the development and implementation of domestic'],
    ['para. 13', '13. Acknowledges that the United Nations system'],
  ],
  'us-co-ai-act-2024': [
    ['§ 6-1-1701(2)', '(2) "ARTIFICIAL INTELLIGENCE SYSTEM" MEANS ANY'],
    ['§ 6-1-1706(1)', '(1) NOTWITHSTANDING SECTION 6-1-103, THE ATTORNEY GENERAL'],
    // After a catchline on the section's first line: "6-1-1702. Developer duty … documentation. (1) ON …".
    ['§ 6-1-1702(1)', '(1) ON AND AFTER FEBRUARY 1, 2026, A DEVELOPER OF A HIGH-RISK'],
    // OCR reads "(11)" as "(1 1 )", "(O)" as "(0)" and the small-capital "(c)" as "(C)".
    ['§ 6-1-1701(11)(a)', '(1 1 ) (a) "SUBSTANTIAL FACTOR" MEANS A FACTOR THAT:'],
    ['§ 6-1-1701(9)(b)(II)(O)', '(0) SPREADSHEETS;'],
    ['§ 6-1-1703(3)(c)', '(C) IN ADDITION TO THE INFORMATION REQUIRED UNDER SUBSECTION'],
    ['§ 6-1-1703(6)(a)(I)', '(I) EMPLOYS FEWER THAN FIFTY FULL-TIME EQUIVALENT EMPLOYEES;'],
    ['§ 6-1-1707(1)(f)', '(f) THE REQUIREMENTS FOR THE AFFIRMATIVE DEFENSE'],
  ],
};

const BOILERPLATE = [
  /Click to rate/i,
  /Related posts/i,
  /Published in Internet/i,
  /data:image/,
  /chinalawtranslate\.com\/en\/author/,
  /={5,}/,
  /END OF DOCUMENT/,
  /-- \d+ of \d+ --/,
  /CETS 225 – Artificial Intelligence, 5\.IX\.2024/,
  /_{5,}/,
  /^(?:id|title|source_url|fetched_date|official_url|status):/m,
  /\]\(\.{1,2}\//,
  /<\/?(?:span|sup)\b/,
  /ISSN 1977-0677/,
];

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.runIf(describeGolden)('text documents of the structure-aware styles (golden)', () => {
  it('AI Act: recitals 1–180, Articles 1–113, Annexes I–XIII', async () => {
    const passages = await realPassages('eu-ai-act-2024');
    const units = new Set(passages.map((p) => p.path[0]));
    for (let n = 1; n <= 180; n++) expect(units.has(`recital:${n}`), `recital ${n}`).toBe(true);
    for (let n = 1; n <= 113; n++) expect(units.has(`art:${n}`), `article ${n}`).toBe(true);
    const annexes = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii'];
    for (const a of annexes) expect(units.has(`annex:${a}`), `annex ${a}`).toBe(true);
    const recitals = [...units].filter((u) => u?.startsWith('recital:'));
    expect(recitals).toHaveLength(180);
  });

  it('AI Act: Art. 5(1)(c) is social scoring, with the lead-in as context and its own sub-points', async () => {
    const passages = await realPassages('eu-ai-act-2024');
    const c = passages.find((p) => p.locator === 'Art. 5(1)(c)')!;
    expect(flat(c.text)).toContain(
      'the evaluation or classification of natural persons or groups of persons over a certain period of time based on their social behaviour',
    );
    expect(c.context).toBe('1. The following AI practices shall be prohibited:');
    expect(c.headingPath).toEqual([
      'Chapter II Prohibited AI practices',
      'Article 5 Prohibited AI practices',
    ]);
    expect(passages.find((p) => p.locator === 'Art. 5(1)(h)(iii)')?.text).toMatch(
      /^\(iii\) the localisation/,
    );
  });

  it('AI Act: footnote bodies are set apart', async () => {
    const bytes = new Uint8Array(readFileSync(join(MIRROR, 'eu-ai-act-2024.md')));
    const read = await readDocument(bytes, 'md');
    expect(read.footnotes.map((f) => f.marker)).toEqual(Array.from({ length: 58 }, (_, i) => String(i + 1)));
    expect(read.footnotes[0]!.text).toBe('OJ C 517, 22.12.2021, p. 56.');
  });

  it('UN A/RES/78/265: the footnote rule and the ten notes leave the text for ReadDocument.footnotes', async () => {
    const bytes = new Uint8Array(readFileSync(join(MIRROR, 'un-ga-res-78-265.pdf')));
    const read = await readDocument(bytes, 'pdf');
    expect(read.footnotes.map((f) => f.marker)).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 1)));
    expect(read.footnotes[0]).toEqual({ marker: '1', text: 'Resolution 217 A (III).', page: 1 });
    const passages = await realPassages('un-ga-res-78-265');
    const pp3 = passages.find((p) => p.locator === 'preambular para. 3')!;
    expect(flat(pp3.text)).not.toMatch(/Resolution 217 A|Ibid\.|_{3,}/);
    expect(flat(pp3.text)).toMatch(/Geneva Plan of Action, the Tunis Commitment/);
    expect(passages.some((p) => /24-05969|Resolution 70\/1\.$/.test(p.text))).toBe(false);
  });

  it('Global Digital Compact: footnotes 17–22 set apart, their calls and the running headers out of the text', async () => {
    const bytes = new Uint8Array(readFileSync(join(MIRROR, 'un-global-digital-compact-2024.md')));
    const read = await readDocument(bytes, 'md');
    expect(read.footnotes.map((f) => [f.marker, f.page])).toEqual([
      ['17', 1],
      ['18', 1],
      ['19', 1],
      ['20', 7],
      ['21', 7],
      ['22', 13],
    ]);
    expect(read.footnotes[1]!.text).toBe('See A/C.2/59/3, annex.');
    const passages = await realPassages('un-global-digital-compact-2024');
    const byLocator = (locator: string) => flat(passages.find((p) => p.locator === locator)!.text);
    expect(byLocator('para. 5')).toContain('Sustainable Development. We remain committed');
    expect(byLocator('para. 5')).toContain('Information Society. The United Nations');
    // Para. 57 runs over a page whose foot carries note 22: the note no longer splits it.
    expect(byLocator('para. 57')).toContain('the terms of reference and modalities for the establishment');
    for (const p of passages) {
      expect(p.text).not.toMatch(/A\/79\/L\.2|24-15616|\b\d{1,2}\/16\b|Resolution 70\/1\.|Treaty Series/);
    }
  });

  it('AI Safety Governance Framework: no running header or page footer in any passage', async () => {
    const passages = await realPassages('cn-ai-safety-governance-framework-2024');
    for (const p of passages) {
      expect(p.text).not.toMatch(/^AI Safety Governance Framework$|^- ?\d{1,2} ?-$/m);
      expect(p.text).not.toMatch(/\n\nAI Safety Governance Framework\n\n|(?:^|\s)- ?\d{1,2} ?-(?:\s|$)/);
    }
  });

  it('AI Safety Governance Framework: every risk of Sec. 3 opens with its title alone, the title its own table names', async () => {
    const passages = await realPassages('cn-ai-safety-governance-framework-2024');
    const flat = (s: string) => s.replace(/[,\s]+/g, ' ').trim();
    const table = flat(
      passages
        .filter((p) => p.path[0] === 'h:table')
        .map((p) => p.text)
        .join(' '),
    );
    const risks = passages.filter((p) => /^sec:3\./.test(p.path[0]!) && p.path.length === 2);
    expect(risks).toHaveLength(26);
    for (const p of risks) {
      const [title, body] = p.text.split('\n\n');
      // The title is a paragraph of its own, never the first words of the sentence after it.
      expect(title, p.locator).toMatch(/^\([a-f]\) ?[A-Z][^.;:]*$/);
      expect(body, p.locator).toMatch(/^[A-Z]/);
      expect(table, p.locator).toContain(flat(title!.replace(/^\([a-f]\) ?/, '')));
    }
    expect(passages.find((p) => p.path[0] === 'h:table')!.headingPath).toEqual([
      'Table of AI Safety and Security Risks to Technical Countermeasures and Comprehensive Governance Measures',
    ]);
  });

  it('Colorado SB 24-205: SEC. 3 ends with the safety clause, not the signature page read by OCR', async () => {
    const passages = await realPassages('us-co-ai-act-2024');
    const last = passages.find((p) => p.path[0] === 'billsec:3')!;
    expect(last.text).toMatch(/^Safety clause\. .*the departments of the state and state institutions\.$/);
    expect(passages.at(-1)!.id).toBe(last.id);
  });

  it('Colorado SB 24-205: definitions (1)–(12), sections 6-1-1701 to 6-1-1707, Colorado-style sub-levels', async () => {
    const passages = await realPassages('us-co-ai-act-2024');
    const sections = passages.filter((p) => p.path[0]?.startsWith('sec:6-1-17'));
    expect([...new Set(sections.map((p) => p.path[0]))]).toEqual(
      ['1701', '1702', '1703', '1704', '1705', '1706', '1707'].map((n) => `sec:6-1-${n}`),
    );
    const definitions = new Set(sections.filter((p) => p.path[0] === 'sec:6-1-1701').map((p) => p.path[1]));
    for (let n = 1; n <= 12; n++) expect(definitions.has(String(n)), `6-1-1701(${n})`).toBe(true);
    // Subsection (1), paragraph (a), subparagraph (I), sub-subparagraph (A): no lower-case roman, no
    // lower-case letter under a capital.
    for (const { locator } of sections)
      expect(locator).toMatch(/^§ 6-1-170[1-7](?:\(\d+\))?(?:\([a-z]\))?(?:\([IVX]+\))?(?:\([A-Z]\))?$/);
    expect(sections.find((p) => p.locator === '§ 6-1-1702(1)')!.headingPath).toEqual([
      'SEC. 1.',
      '§ 6-1-1702 Developer duty to avoid algorithmic discrimination - required documentation.',
    ]);
  });

  for (const [id, openings] of Object.entries({ ...OPENINGS, ...PDF_OPENINGS })) {
    it(`${id}: exact locators open with the right words; unique locators; no boilerplate; nothing lost`, async () => {
      let passages: Awaited<ReturnType<typeof realPassages>>;
      try {
        passages = await realPassages(id);
      } catch (error) {
        // Only the PDF reader may be missing (another engineer's work in progress).
        if (id in PDF_OPENINGS && /not implemented/.test(String(error))) return;
        throw error;
      }
      for (const [locator, opening] of openings) {
        const passage = passages.find((p) => p.locator === locator);
        expect(passage, `${id} ${locator}`).toBeDefined();
        expect(flat(passage!.text).startsWith(opening), `${locator}: ${passage!.text.slice(0, 80)}`).toBe(
          true,
        );
      }
      expect(duplicateLocators(passages)).toEqual([]);
      for (const passage of passages) {
        for (const pattern of BOILERPLATE)
          expect(pattern.test(passage.text), `${passage.locator} ${pattern}`).toBe(false);
      }
      const doc = catalogDoc(id);
      // What the splitter saw: the reader's output with the copy's documented corrections.
      const read = await readCorrected(
        doc,
        new Uint8Array(readFileSync(join(MIRROR, `${id}.${doc.source.format}`))),
      );
      const { missing, skipped } = coverage(read, passages);
      expect(missing).toEqual([]);
      // Only headings (kept in headingPath) fall between passages.
      for (const gap of skipped) expect(gap.length, gap.slice(0, 120)).toBeLessThan(400);
    });
  }
});
