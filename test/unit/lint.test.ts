// The corpus linter's checks on passages made up for the purpose: each check fires on its defect and stays
// quiet on the same words set right.
import { describe, expect, it } from 'vitest';
import { isAllowed } from '../../src/corpus/lint/allow.js';
import { type Check, headingProblem, lintPassages } from '../../src/corpus/lint/checks.js';
import type { Passage } from '../../src/corpus/types.js';

let seq = 0;
const passage = (text: string, headingPath: string[] = ['Part 1']): Passage => ({
  id: `doc#p:${++seq}`,
  docId: 'doc',
  locator: `p. ${seq}`,
  path: [`p:${seq}`],
  headingPath,
  text,
  seq,
});

/** Background text that makes the words of the examples words of the corpus. */
const corpus = [
  passage('artificial intelligence systems are artificial systems; artificial intelligence helps'),
  passage('the least developed countries and the least developed economies need the least delay'),
  passage('systems, systems and more systems; keeping pace with the pace of change at a steady pace'),
  passage('facts are facts and facts matter; confusing facts'),
];
const checksOf = (text: string, headingPath?: string[]): Check[] =>
  lintPassages([...corpus, passage(text, headingPath)])
    .filter((f) => f.passageId === `doc#p:${seq}`)
    .map((f) => f.check);

describe('lint checks', () => {
  it('split words: fragments that are not words whose join is', () => {
    expect(checksOf('trustworthy ar tificial intelligence in the l east developed countries')).toEqual([
      'split-word',
      'split-word',
    ]);
    expect(checksOf('trustworthy artificial intelligence in the least developed countries')).toEqual([]);
  });

  it('private-use glyphs and control characters', () => {
    expect(checksOf('\uF0B7 Develop, deploy and use AI systems')).toEqual(['private-use']);
    expect(checksOf('• Develop, deploy and use AI systems\nnext line')).toEqual([]);
  });

  it('footnote debris, but not abbreviations', () => {
    expect(checksOf('and other authorities., , ,')).toContain('footnote-debris');
    expect(checksOf('across GAI outputs and contexts., Confabulations are')).toContain('footnote-debris');
    expect(checksOf('resources (e.g., AI incident database, etc., and more) by Smith et al., 2020')).toEqual(
      [],
    );
  });

  it('a lost superscript in a compute threshold', () => {
    expect(checksOf('floating point operations is greater than 1025.')).toEqual(['lost-superscript']);
    expect(checksOf('floating point operations is greater than 10^25.')).toEqual([]);
    expect(checksOf('Regulation (EU) No 1025/2012 on standardisation')).toEqual([]);
  });

  it('page furniture', () => {
    expect(
      checksOf('ACTUAL OR Capital letters or bold & italic numbers indicate new material added'),
    ).toEqual(['page-furniture']);
    expect(checksOf('the text continues on Page 3 of 12 here')).toEqual(['page-furniture']);
  });

  it('tables of contents', () => {
    expect(checksOf('Introduction ........ 1 Pillar I ........ 3 Pillar II ........ 14')).toEqual(['toc']);
    expect(checksOf('Executive Summary 1 Part 1: Framing 4 Risk 4 Audiences 9 Trust 12')).toEqual(['toc']);
    expect(
      checksOf('This Regulation should apply from 2 August 2026 and Article 5 from 2 February 2025.'),
    ).toEqual([]);
  });

  it('headings that are not headings', () => {
    expect(headingProblem('ETHICS GUIDELINES', 'Ethics Guidelines')).toBe('repeats its parent');
    expect(headingProblem('MASTERCARD:', 'Part 1')).toBe('a lead-in, not a heading');
    expect(headingProblem('5.4 To create a system. We should propose', undefined)).toBe('a sentence');
    expect(headingProblem('5.10 To promote exchange and cooperation on', undefined)).toBe('cut mid-phrase');
    expect(
      headingProblem('§ 6-1-1703 Deployer duty to avoid algorithmic discrimination.', undefined),
    ).toBeUndefined();
    expect(checksOf('text', ['TITLE', 'TITLE'])).toEqual(['heading']);
  });

  it('missing spaces', () => {
    expect(checksOf('ON AND AFTER FEBRUARY 1,2026, A DEVELOPER')).toEqual(['missing-space']);
    expect(checksOf('ON AND AFTER FEBRUARY 1, 2026, A DEVELOPER')).toEqual([]);
  });

  it('page furniture: a bare page number or stranded marker between paragraphs', () => {
    expect(checksOf('Explanation of conformity to guiding principles\n\n34\n\n• Encourage users')).toEqual([
      'page-furniture',
    ]);
    expect(checksOf('driverless vehicles).\n\n4\n\nHIGHLY RECOMMENDED!')).toEqual(['page-furniture']);
    expect(checksOf('a table of 34 rows\n\n(4) the fourth point')).toEqual([]);
  });

  it('footnote debris: a call left glued to its word', () => {
    expect(checksOf('take necessary countermeasures17 18. Then')).toEqual(['footnote-debris']);
    expect(checksOf('business executive officers5, including management')).toEqual(['footnote-debris']);
    expect(checksOf('take necessary countermeasures. Guidelines Ver1.1 on x86 and ISO/IEC 42001')).toEqual(
      [],
    );
  });

  it('markup: HTML tags let through as text, not a document’s own angle brackets', () => {
    expect(
      checksOf(
        'Synthetic content. <figure> <img src="https://example.org/image.gif" title="Anchor" class="wp-image-1" decoding="async" /> </figure> To foster',
      ),
    ).toEqual(['markup', 'markup', 'markup']);
    expect(checksOf('the <span style="text-decoration: underline">Sec. 2.</span> Policy')).toEqual([
      'markup',
      'markup',
    ]);
    expect(checksOf('skills such as <Academic discipline> and <Career>, where a < b and c > d')).toEqual([]);
  });

  it('runs of one-word paragraphs', () => {
    expect(
      checksOf('4. Advance approaches;\n\nresponsible,\n\nequitable\n\nand\n\ninteroperable\n\ndata'),
    ).toEqual(['one-word-lines']);
    expect(
      checksOf('4. Advance responsible, equitable and interoperable data governance approaches;'),
    ).toEqual([]);
  });

  it('interleaved table columns: a phrase repeated inside one line', () => {
    expect(checksOf('Consideration for bias in i. Consideration for bias in judgement')).toEqual([
      'interleaved',
    ]);
    expect(checksOf('C. Common guiding common guiding principles')).toEqual(['interleaved']);
    expect(checksOf('C. Common guiding principles\n\ni. Consideration for bias in judgement')).toEqual([]);
  });

  it('a footnote call glued to a year', () => {
    expect(checksOf('Reporting Framework since February 202546. It')).toEqual(['glued-call']);
    expect(checksOf('Reporting Framework since February 2025. It')).toEqual([]);
  });

  it('line-break hyphens left in words, not suspended hyphens', () => {
    expect(checksOf('informed decision- making and human-in-the- loop')).toEqual([
      'line-break-hyphen',
      'line-break-hyphen',
    ]);
    expect(checksOf('informed decision-making and human-in-the-loop')).toEqual([]);
    expect(checksOf('pre- and post-market checks, short- or long-term, 3- to 5-year')).toEqual([]);
    // A compound whose second part is capitalised: the NSM's copy gave "Geospatial- Intelligence".
    expect(checksOf('the National Geospatial- Intelligence Agency and Human- Centric AI')).toEqual([
      'line-break-hyphen',
      'line-break-hyphen',
    ]);
    expect(checksOf('(M) SPAM- AND ROBOCALL-FILTERING SOFTWARE')).toEqual([]);
  });

  it('OCR debris of a scanned signature page, not bullets or lists', () => {
    expect(checksOf('R ►bi Jones CHIEF CLERK')).toEqual(['ocr-debris']);
    expect(checksOf('THE SENATE ,e-maz -a,nlakiact,ex. Cindi L. Markwell')).toEqual([
      'ocr-debris',
      'ocr-debris',
    ]);
    expect(checksOf("APPROVED 15-;•;()(A.ve (Y14- II-41 1 '20aq")).toEqual(['ocr-debris']);
    expect(checksOf('▪ Codes of conduct, (a), (b) and 1,000 people; see (i)')).toEqual([]);
    expect(
      checksOf('https://example.org/#:~:text=AI%20actors%20in%20this%20category,data%20providers'),
    ).toEqual([]);
  });

  it('duplicate locators: two passages naming one place, not the pieces of one long paragraph', () => {
    const [a, b] = [
      { ...passage('4. Deployers of an AI system shall disclose.'), path: ['art:50', '4'] },
      { ...passage('Deployers of text shall.'), path: ['art:50', '4'] },
    ];
    const dup = lintPassages([a, { ...b, locator: a.locator }]);
    expect(dup.map((f) => f.check)).toEqual(['duplicate-locator']);
    expect(lintPassages([a, { ...b, locator: a.locator, continued: true }])).toEqual([]);
    expect(lintPassages([a, { ...b, locator: `${a.locator}, second subparagraph` }])).toEqual([]);
  });

  it('markup prefixes', () => {
    expect(checksOf('1.3.0.sec=AI Actors should respect the rule of law')).toEqual(['markup-prefix']);
    expect(checksOf('Ti=Principles on AI')).toEqual(['markup-prefix']);
    expect(checksOf('AI Actors should respect the rule of law where x = 3')).toEqual([]);
  });

  it('control and escape characters', () => {
    expect(checksOf('the text\u001b[2J goes on')).toEqual(['control']);
    expect(checksOf('a\u0008b and \u{E0041}tag')).toEqual(['control', 'control']);
    expect(checksOf('the text goes on\nacross lines')).toEqual([]);
  });

  it('full-width punctuation in English text and headings, not in Chinese', () => {
    expect(checksOf('General Provisions： this chapter')).toEqual(['fullwidth']);
    expect(checksOf('text', ['Chapter I： General Provisions'])).toEqual(['fullwidth']);
    expect(checksOf('text', ['Chapter I: General Provisions'])).toEqual([]);
    expect(checksOf('第一章　总则：为了促进')).toEqual([]);
  });

  it('an allow-list entry excuses its own finding only', () => {
    const [finding] = lintPassages([passage('deep fakes and deepfakes and deepfakes')]);
    expect(finding?.check).toBe('split-word');
    const entry = {
      check: 'split-word' as const,
      passageId: finding!.passageId,
      excerpt: 'deep fakes',
      reason: 'the document spells it so',
    };
    expect(isAllowed(finding!, [entry])).toBe(true);
    expect(isAllowed(finding!, [{ ...entry, excerpt: 'chat bot' }])).toBe(false);
    expect(isAllowed(finding!, [{ ...entry, passageId: 'doc#*' }])).toBe(true);
  });
});
