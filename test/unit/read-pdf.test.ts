import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReadError } from '../../src/corpus/read/index.js';
import { readPdf } from '../../src/corpus/read/pdf.js';
import { dropsHyphen, wordForms } from '../../src/corpus/read/pdf-clean.js';
import type { ReadDocument } from '../../src/corpus/types.js';
import { type FixtureLine, makeEncryptedPdf, makePdf } from '../fixtures/pdf/make.js';

const body = (text: string, extra: Partial<FixtureLine> = {}): FixtureLine => ({ text, ...extra });

// Three pages with a running header and page numbers; words hyphenated at line ends; a footnote.
const PAGES: FixtureLine[][] = [
  [
    { text: 'Managing Model Risk', size: 18 },
    body('Providers should take a risk-based approach to the', { gap: 12 }),
    body('develop-'),
    body('ment of their systems and the risk-'),
    body('based review that follows it, including'),
    body('non-'),
    body('European partners.'),
    body('A second paragraph names the risks', { gap: 14 }),
    { text: '12', size: 7, rise: 4, sameLine: true },
    body('that matter most.'),
    { text: '12', size: 7, rise: 3, y: 90 },
    { text: 'The footnote body sits at the bottom of the page.', size: 8, sameLine: true },
  ],
  [body('The second page continues with plain text.'), body('It ends here.')],
  [body('The third page has one line.')],
];

describe('readPdf on a generated report', () => {
  let read: ReadDocument;
  beforeAll(async () => {
    read = await readPdf(await makePdf(PAGES, { header: 'Charter Test Report', footer: true }));
  });

  it('keeps every body line with its physical page', () => {
    expect(read.pageCount).toBe(3);
    expect(read.lines.map((l) => l.page)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3]);
    expect(read.lines[0]).toMatchObject({ text: 'Managing Model Risk', heading: 1, paragraph: true });
  });

  it('removes running headers and page-number footers', () => {
    const texts = read.lines.map((l) => l.text);
    expect(texts).not.toContain('Charter Test Report');
    expect(texts.some((t) => /^\d+$/.test(t))).toBe(false);
  });

  it('undoes line-end hyphenation but keeps compounds the document uses', () => {
    const all = read.lines.map((l) => l.text).join(' ');
    expect(all).toContain('development of their systems');
    expect(all).toContain('risk-based review');
    expect(all).toContain('non-European partners.');
    expect(all).not.toMatch(/develop- ?ment/);
    // The rest of a broken word moves up; the line breaks stay otherwise.
    expect(read.lines.map((l) => l.text).slice(2, 4)).toEqual([
      'development',
      'of their systems and the risk-based',
    ]);
  });

  it('drops raised call markers from the text and sets the footnote body apart', () => {
    const all = read.lines.map((l) => l.text).join(' ');
    expect(all).toContain('names the risks that matter most.');
    expect(all).not.toContain('risks12');
    expect(all).not.toContain('footnote body');
    expect(read.footnotes).toEqual([
      { marker: '12', text: 'The footnote body sits at the bottom of the page.', page: 1 },
    ]);
  });

  it('marks paragraph starts from the vertical gaps', () => {
    const starts = read.lines.filter((l) => l.paragraph).map((l) => l.text);
    expect(starts).toContain('Providers should take a risk-based approach to the');
    expect(starts.some((t) => t.startsWith('A second paragraph'))).toBe(true);
    expect(read.lines.find((l) => l.text.startsWith('of their systems'))?.paragraph ?? false).toBe(false);
  });
});

describe('readPdf layout', () => {
  it('reads a table drawn cell by cell in reading order, not row by row', async () => {
    const bytes = await makePdf([
      [
        { text: 'GOVERN 1:', x: 72, y: 700 },
        { text: 'Policies are in place.', x: 72, y: 686 },
        { text: 'GOVERN 1.1: Legal requirements', x: 250, y: 700 },
        { text: 'are understood.', x: 250, y: 686 },
      ],
    ]);
    const read = await readPdf(bytes);
    expect(read.lines.map((l) => l.text)).toEqual([
      'GOVERN 1:',
      'Policies are in place.',
      'GOVERN 1.1: Legal requirements',
      'are understood.',
    ]);
  });

  it('reads a box drawn last but set above the page’s text first (a case study’s opening)', async () => {
    // As on the Singapore Model Framework's p. 62: the study's body is drawn first, its title box last.
    const bytes = await makePdf([
      [
        { text: 'Prior to deployment, the team tested the interface.', x: 72, y: 585 },
        { text: 'Users were told the chatbot is AI-powered.', x: 72, y: 570 },
        { text: 'MSD:', x: 72, y: 702, size: 24 },
        { text: 'MSD deploys an in-house chatbot, Jennie.', x: 72, y: 649 },
      ],
    ]);
    const read = await readPdf(bytes);
    expect(read.lines.map((l) => l.text)).toEqual([
      'MSD:',
      'MSD deploys an in-house chatbot, Jennie.',
      'Prior to deployment, the team tested the interface.',
      'Users were told the chatbot is AI-powered.',
    ]);
  });

  it('keeps two columns drawn one after the other in their drawn order', async () => {
    // The second column starts as high as the first: nothing drawn later lies wholly above what came before.
    const bytes = await makePdf([
      [
        { text: 'Left column, first line.', x: 72, y: 700 },
        { text: 'Left column, last line.', x: 72, y: 600 },
        { text: 'Right column, first line.', x: 320, y: 700 },
        { text: 'Right column, last line.', x: 320, y: 600 },
      ],
    ]);
    const read = await readPdf(bytes);
    expect(read.lines.map((l) => l.text)).toEqual([
      'Left column, first line.',
      'Left column, last line.',
      'Right column, first line.',
      'Right column, last line.',
    ]);
  });

  it('joins pieces of one word drawn separately and spaces words from their gaps', async () => {
    const bytes = await makePdf([
      [
        { text: 'privat', x: 72, y: 700 },
        { text: 'e data', sameLine: true },
        { text: 'and', x: 140, y: 700 },
      ],
    ]);
    const read = await readPdf(bytes);
    expect(read.lines.map((l) => l.text)).toEqual(['private data and']);
  });

  it('gives printed page numbers as labels when they are offset from the physical pages', async () => {
    const words = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'];
    const pages: FixtureLine[][] = words.map((word) => [body(`${word} is the only line here.`)]);
    const pdf = await PDFDocument.load(await makePdf(pages));
    const font = await pdf.embedFont('Helvetica');
    // Pages 3–6 print 1–4 at the bottom: the cover and the contents are unnumbered, not "p. 1" and "p. 2"
    // (the printed numbers of pages 3 and 4).
    pdf.getPages().forEach((page, i) => {
      if (i >= 2) page.drawText(String(i - 1), { x: 290, y: 40, size: 9, font });
    });
    const read = await readPdf(await pdf.save());
    expect(read.pageLabels).toEqual(['', '', '1', '2', '3', '4']);
    expect(read.lines.map((l) => l.text)).toEqual(pages.map((p) => p[0]!.text));
  });
});

describe('readPdf bold lines', () => {
  it('flags lines set wholly in a bold face, not lines with a bold word', async () => {
    const bytes = await makePdf([
      [
        body('Remove Red Tape', { bold: true }),
        body('Regular text follows the heading.', { gap: 8 }),
        body('Lead:', { bold: true, gap: 8 }),
        { text: ' a run-in lead in bold.', sameLine: true },
      ],
    ]);
    const read = await readPdf(bytes);
    expect(read.lines.map((l) => [l.text, l.bold ?? false])).toEqual([
      ['Remove Red Tape', true],
      ['Regular text follows the heading.', false],
      ['Lead: a run-in lead in bold.', false],
    ]);
  });
});

describe('readPdf footnotes under a rule', () => {
  // A UN-style page: the rule of underscores, two notes in small type, then the job number with its
  // print date and the barcode below them.
  it('sets the rule and the notes apart, even with document chrome below them', async () => {
    const bytes = await makePdf([
      [
        body('Recalling its resolutions on the matter,', { y: 400 }),
        body('including the plans of action,'),
        { text: '__________________', size: 8, y: 330 },
        { text: '1', size: 6, rise: 3, y: 315 },
        { text: ' Resolution 217 A (III).', size: 8.5, sameLine: true },
        { text: '2', size: 6, rise: 3, y: 304 },
        { text: ' See A/C.2/59/3, annex.', size: 8.5, sameLine: true },
        { text: '24-05969 (E) 050424', size: 10, y: 60 },
        { text: '*2405969*', size: 12, y: 40 },
      ],
    ]);
    const read = await readPdf(bytes);
    expect(read.lines.map((l) => l.text)).toEqual([
      'Recalling its resolutions on the matter,',
      'including the plans of action,',
    ]);
    expect(read.footnotes).toEqual([
      { marker: '1', text: 'Resolution 217 A (III).', page: 1 },
      { marker: '2', text: 'See A/C.2/59/3, annex.', page: 1 },
    ]);
  });
});

describe('dropsHyphen', () => {
  const forms = wordForms([
    'risk-based approach',
    'organizational culture',
    'human-centric AI',
    'a driven team',
  ]);
  it('follows the document’s own usage', () => {
    expect(dropsHyphen('orga', 'nizational', forms)).toBe(true);
    expect(dropsHyphen('risk', 'based', forms)).toBe(false);
    expect(dropsHyphen('human', 'centricity', forms)).toBe(false);
    expect(dropsHyphen('data', 'driven', forms)).toBe(false);
    expect(dropsHyphen('develop', 'ment', forms)).toBe(true);
  });
});

describe('readPdf errors', () => {
  const expectReadError = async (bytes: Uint8Array, sentence: RegExp) => {
    const error = await readPdf(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as Error).message).toMatch(sentence);
    // One sentence: a single full stop, at the end.
    expect((error as Error).message.match(/\.(\s|$)/g)).toHaveLength(1);
  };

  it('rejects an empty file', () => expectReadError(new Uint8Array(), /^The PDF file is empty\.$/));
  it('rejects bytes that are not a PDF', () =>
    expectReadError(new TextEncoder().encode('<html>not a pdf</html>'), /not a readable PDF/));
  it('rejects a truncated PDF', async () => {
    const bytes = await makePdf([[body('Some text.')]]);
    await expectReadError(bytes.slice(0, 200), /not a readable PDF/);
  });
  it('rejects an encrypted PDF', async () =>
    expectReadError(await makeEncryptedPdf(), /encrypted with a password/));
  it('rejects a PDF without a text layer', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    await expectReadError(await pdf.save(), /no text layer/);
  });
});
