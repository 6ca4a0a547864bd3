// Page numbers and stray footnote markers: the readers take them out of the running text by rules that
// cannot take a word of the document.
import { describe, expect, it } from 'vitest';
import { setPageFootnotesApart } from '../../src/corpus/read/clean.js';
import { extractFootnotes } from '../../src/corpus/read/pdf-clean.js';
import type { RawLine } from '../../src/corpus/read/pdf-lines.js';
import { parseText } from '../../src/corpus/read/text.js';

const page = (n: number, words: string, extra: string[] = []) =>
  [`Text of page ${n}: ${words}`, ...extra, '', `                      ${n - 1}`].join('\n');

describe('printed page numbers in a form-feed text extraction', () => {
  it('drops the bare numbers that follow the page sequence, keeps others', () => {
    const source = [
      'Cover',
      page(2, 'guiding principles'),
      page(3, 'a count follows', ['', '7']),
      page(4, 'more'),
      page(5, 'the end'),
    ].join('\f');
    const texts = parseText(source)
      .lines.map((l) => l.text.trim())
      .filter((t) => t !== '');
    expect(texts).toEqual([
      'Cover',
      'Text of page 2: guiding principles',
      'Text of page 3: a count follows',
      '7',
      'Text of page 4: more',
      'Text of page 5: the end',
    ]);
  });

  it('keeps every number when fewer than three pages agree on a sequence', () => {
    const source = ['Cover', 'Page two\n\n4', 'Page three\n\n9'].join('\f');
    expect(parseText(source).lines.map((l) => l.text.trim())).toContain('4');
  });
});

const line = (text: string, y: number, size: number): RawLine => ({
  text,
  page: 1,
  x: 72,
  y,
  endX: 500,
  size,
  font: 'f',
  startsWithSuperscript: false,
  bold: false,
});

describe('a footnote marker the line builder set apart', () => {
  it('goes back to the start of its note, and the note leaves the running text', () => {
    const { pages, footnotes } = extractFootnotes(
      [
        [
          line('harm associated with a wrong product recommendation.', 547, 12),
          line('Other factors may be considered:', 116.6, 9),
          line('(a) the nature of harm.', 104.6, 9),
          line('4', 118.6, 5.2),
        ],
      ],
      12,
    );
    expect(pages[0]!.map((l) => l.text)).toEqual(['harm associated with a wrong product recommendation.']);
    expect(footnotes).toEqual([
      { marker: '4', text: 'Other factors may be considered: (a) the nature of harm.', page: 1 },
    ]);
  });

  it('leaves a small number with no note beside it alone', () => {
    const lines = [line('Body text here.', 500, 12), line('4', 300, 5.2)];
    expect(extractFootnotes([lines], 12).pages[0]!.map((l) => l.text)).toEqual(['Body text here.', '4']);
  });
});

describe('footnote calls at a page foot', () => {
  const onPage = (texts: string[]) => texts.map((text) => ({ text, page: 1 }));

  it('takes a group of calls out whole, even when a later note sits on the next page', () => {
    const { lines, footnotes } = setPageFootnotesApart(
      onPage(['by AI, and take necessary countermeasures17 18.', 'More text.', '17', 'A note.']),
    );
    expect(lines.map((l) => l.text)).toEqual(['by AI, and take necessary countermeasures.', 'More text.']);
    expect(footnotes).toEqual([{ marker: '17', text: 'A note.', page: 1 }]);
  });

  it('prefers a glued call to a number that is text ("Parts 3 to 5")', () => {
    const { lines } = setPageFootnotesApart(
      onPage(['described in Parts 3 to 5', 'executive officers5, including management', '5', 'A note.']),
    );
    expect(lines.map((l) => l.text)).toEqual([
      'described in Parts 3 to 5',
      'executive officers, including management',
    ]);
  });
});
