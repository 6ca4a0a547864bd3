// Which number a PDF page is cited by (src/corpus/read/page-labels.ts): the number printed on the sheet,
// else the PDF's own label when no other page is cited by it, else none. Fixtures are the shapes of the
// corpus's PDFs: the Ethics Guidelines (cover and imprint before a printed p. 1, no PDF labels), NIST AI RMF
// (labels "1, 1, i, i, ii" where the sheets print "i" and "Page ii" on pages 4 and 5, then 1 on page 6) and
// the AI Action Plan (labels "a, i, ii", printed i and ii).
import { describe, expect, it } from 'vitest';
import { formatLocator } from '../../src/corpus/citation.js';
import { pageLabels } from '../../src/corpus/read/page-labels.js';
import { pageSegment } from '../../src/corpus/split/styles/report.js';
import type { ReadDocument } from '../../src/corpus/types.js';

const run = (n: number, from: number, offset: number) =>
  Array.from({ length: n }, (_, i) => (i + 1 >= from ? String(i + 1 + offset) : undefined));

describe('page labels', () => {
  it('cites the printed numbers, and leaves pages before p. 1 unnumbered rather than physical', () => {
    const labels = pageLabels(undefined, run(10, 3, -2));
    expect(labels).toEqual(['', '', '1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('gives pages inside the printed run the number the run gives them (a full-page figure)', () => {
    const printed = run(8, 1, 0);
    printed[1] = undefined;
    printed[2] = undefined;
    expect(pageLabels(undefined, printed)).toBeUndefined(); // all equal the physical numbers
    const shifted = run(8, 3, -2);
    shifted[5] = undefined;
    expect(pageLabels(undefined, shifted)?.[5]).toBe('4');
  });

  it('outvotes a stray number at a page edge', () => {
    const printed = run(10, 3, -2);
    printed[6] = '689';
    expect(pageLabels(undefined, printed)?.[6]).toBe('5');
  });

  it('takes printed roman numbers before the Arabic run, and a PDF label only when no other page has it', () => {
    const printed: (string | undefined)[] = [
      undefined,
      undefined,
      undefined,
      'i',
      'ii',
      ...run(5, 1, 0).map(String),
    ];
    const pdf = ['1', '1', 'i', 'i', 'ii', '1', '2', '3', '4', '5'];
    expect(pageLabels(pdf, printed)).toEqual(['', '', '', 'i', 'ii', '1', '2', '3', '4', '5']);
  });

  it('keeps the publisher’s labels for unprinted pages when they are unique', () => {
    const printed = [undefined, 'i', 'ii', '1', '2', '3', '4'];
    expect(pageLabels(['a', 'i', 'ii', '1', '2', '3', '4'], printed)).toEqual([
      'a',
      'i',
      'ii',
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('cites pages counted from the first when the document prints no numbers and has no labels', () => {
    expect(pageLabels(undefined, [undefined, undefined, undefined, undefined, undefined])).toBeUndefined();
  });

  it('keeps upper-case roman numbers as printed', () => {
    const printed = ['I', 'II', '1', '2', '3', '4'];
    expect(pageLabels(undefined, printed)).toEqual(['I', 'II', '1', '2', '3', '4']);
  });
});

describe('citing a page', () => {
  const read: ReadDocument = { lines: [], footnotes: [], pageCount: 4, pageLabels: ['', '', '1', '2'] };

  it('cites a printed page by its number and an unnumbered one by its PDF page, never as "p. N"', () => {
    expect(pageSegment(read, 4)).toBe('p:2');
    expect(pageSegment(read, 2)).toBe('pdfpage:2');
    expect(pageSegment({ lines: [], footnotes: [], pageCount: 4 }, 2)).toBe('p:2');
    expect(formatLocator('report', ['pdfpage:2'], { heading: 'Imprint' })).toBe(
      '“Imprint”, unnumbered page (PDF page 2)',
    );
    expect(formatLocator('report', ['p:2'], { heading: 'Executive Summary' })).toBe(
      '“Executive Summary”, p. 2',
    );
  });
});
