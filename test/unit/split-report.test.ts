import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { paragraphsOf, splitReport } from '../../src/corpus/split/styles/report.js';
import type { ReadDocument, TextLine } from '../../src/corpus/types.js';

const doc = loadCatalog().find((d) => d.id === 'uk-ai-opportunities-action-plan-2025')!;
const line = (text: string, page: number, paragraph: boolean, heading?: number): TextLine =>
  heading === undefined ? { text, page, paragraph } : { text, page, paragraph, heading };

/** Recommendations 1–10 under a numbered section, then an unnumbered heading over two pages. */
function report(): ReadDocument {
  const lines: TextLine[] = [
    line('Contents', 1, true, 1),
    line('1. Lay the foundations ____________ 3', 1, true),
    line('Foreword', 2, true, 1),
    line('“Set in large type, this pull quote is a sentence.”', 2, true, 2),
    line('AI is the defining opportunity of our generation.', 2, true),
    line('1. Lay the foundations to enable AI', 3, true, 1),
    line('1.1 Building AI infrastructure', 3, true, 2),
    line('The UK needs compute.', 3, true),
  ];
  for (let n = 1; n <= 10; n++)
    lines.push(line(`${n}. Do thing number ${n}. It matters.`, 3 + Math.floor(n / 6), true));
  lines.push(
    line('Conclusion', 5, true, 1),
    line('We will deliver.', 5, true),
    line('Delivery starts now.', 6, true),
  );
  return { lines, footnotes: [], pageLabels: ['i', 'ii', '1', '2', '3', '4'] };
}

describe('splitReport', () => {
  const passages = splitReport(doc, report());

  it('cites unnumbered parts by heading and printed page, numbered sections and recommendations by number', () => {
    expect(passages.map((p) => p.locator)).toEqual([
      '“Contents”, p. i',
      '“Foreword”, p. ii',
      'Sec. 1.1',
      ...Array.from({ length: 10 }, (_, i) => `Recommendation ${i + 1}`),
      '“Conclusion”, p. 3',
      '“Conclusion”, p. 4',
    ]);
    expect(passages.find((p) => p.locator === 'Recommendation 7')!.path).toEqual(['rec:7']);
  });

  it('keeps a large sentence (pull quote) as text and real headings in the heading path', () => {
    const foreword = passages[1]!;
    expect(foreword.text.startsWith('“Set in large type, this pull quote is a sentence.”')).toBe(true);
    expect(foreword.headingPath).toEqual(['Foreword']);
    expect(passages[2]!.headingPath).toEqual([
      '1. Lay the foundations to enable AI',
      '1.1 Building AI infrastructure',
    ]);
  });

  it('has unique locators', () => {
    expect(new Set(passages.map((p) => p.locator)).size).toBe(passages.length);
  });

  it('does not take a short numbered list for recommendations', () => {
    const short: ReadDocument = {
      footnotes: [],
      lines: [line('Steps', 1, true, 1), line('1. First.', 1, true), line('2. Second.', 1, true)],
    };
    expect(splitReport(doc, short).map((p) => p.locator)).toEqual(['“Steps”, p. 1']);
  });
});

describe('splitReport with headings set in bold at body size', () => {
  const bold = (text: string, page: number, paragraph = true): TextLine => ({
    text,
    page,
    paragraph,
    bold: true,
  });
  const read: ReadDocument = {
    footnotes: [],
    lines: [
      line('Pillar I: Accelerate Innovation', 1, true, 1),
      line('America must lead.', 1, true),
      bold('Remove Red Tape and Onerous', 1),
      bold('Regulation', 1, false),
      line('Red tape hinders innovation.', 1, true),
      line('The requirements below apply:', 1, true),
      bold('1 Human agency', 2),
      line('Including oversight', 2, false),
      bold('Key guidance:', 2),
      line('Respect rights.', 2, true),
      bold('Accuracy', 2),
      line('Did you assess accuracy?', 2, true),
    ],
  };
  const passages = splitReport(doc, read);

  it('takes a bold block with space below it for the lowest heading, wrapped lines and all', () => {
    expect(passages.map((p) => [p.locator, p.text.slice(0, 20)])).toEqual([
      ['“Pillar I: Accelerate Innovation”, p. 1', 'America must lead.'],
      ['“Remove Red Tape and Onerous Regulation”, p. 1', 'Red tape hinders inn'],
      ['“Remove Red Tape and Onerous Regulation”, p. 2', '1 Human agency Inclu'],
      ['“Accuracy”, p. 2', 'Did you assess accur'],
    ]);
    expect(passages[1]!.headingPath).toEqual([
      'Pillar I: Accelerate Innovation',
      'Remove Red Tape and Onerous Regulation',
    ]);
  });

  it('keeps bold numbered items listed under a section’s lead-in in that section', () => {
    const listed: ReadDocument = {
      footnotes: [],
      lines: [
        line('3.7 Organisations may consider features such as:', 1, true),
        bold('1. Clear roles and responsibilities', 1),
        line('Responsibility should be allocated.', 1, true),
        bold('2. Risk management', 2),
        line('Use risk controls.', 2, true),
        bold('Annex', 2),
        line('Not part of the list.', 2, true),
      ],
    };
    const passages = splitReport(doc, listed);
    expect(passages.map((p) => p.locator)).toEqual(['Sec. 3.7', '“Annex”, p. 2']);
    expect(passages[0]!.text).toBe(
      '3.7 Organisations may consider features such as:\n\nResponsibility should be allocated.\n\nUse risk controls.',
    );
  });

  it('keeps a bold list item run into its text and a bold lead-in as text', () => {
    expect(passages[2]!.text).toContain('1 Human agency Including oversight');
    expect(passages[2]!.text).toContain('Key guidance:');
  });
});

describe('paragraphsOf', () => {
  it('joins lines between block starts and keeps the page span', () => {
    expect(paragraphsOf([line('One', 1, true), line('two.', 2, false), line('Three.', 2, true)])).toEqual([
      { text: 'One two.', page: 1, pageEnd: 2 },
      { text: 'Three.', page: 2 },
    ]);
  });
  it('treats each line as a paragraph for text formats (no block marks)', () => {
    expect(paragraphsOf([{ text: 'A.' }, { text: 'B.' }])).toEqual([{ text: 'A.' }, { text: 'B.' }]);
  });
});

describe('splitReport on text formats (no pages)', () => {
  it('cites paragraphs by the heading they sit under and their order, never by numbers the text lacks', () => {
    const read: ReadDocument = {
      footnotes: [],
      lines: [
        { text: 'China issues action plan' },
        { text: '' },
        { text: 'China on Saturday issued a plan.' },
        { text: 'Experts agreed.' },
      ],
    };
    expect(splitReport(doc, read).map((p) => [p.locator, p.text, p.headingPath])).toEqual([
      ['“China issues action plan”', 'China on Saturday issued a plan.', ['China issues action plan']],
      ['“China issues action plan”, second paragraph', 'Experts agreed.', ['China issues action plan']],
    ]);
  });

  it('cites text before any heading by its order, and a repeated heading by its occurrence', () => {
    const read: ReadDocument = {
      footnotes: [],
      lines: [
        { text: 'An opening sentence.' },
        { text: 'A second sentence.' },
        { text: 'Notes' },
        { text: 'First note.' },
        { text: 'Notes' },
        { text: 'Another note.' },
        { text: 'And one more.' },
      ],
    };
    const passages = splitReport(doc, read);
    expect(passages.map((p) => p.locator)).toEqual([
      'First paragraph',
      'Second paragraph',
      '“Notes”',
      'second “Notes”',
      'second “Notes”, second paragraph',
    ]);
    // Every place distinct, and the ids stable words of the heading.
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
    expect(passages[2]!.id).toMatch(/#h:notes\.1$/);
    expect(passages[3]!.id).toMatch(/#h:notes-2\.1$/);
  });
});
