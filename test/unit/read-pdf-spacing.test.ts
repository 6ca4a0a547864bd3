// Letter spacing in justified PDF text: narrow blanks inside words are decided from the document's words.
import { describe, expect, it } from 'vitest';
import {
  buildLines,
  type PdfTextItem,
  type RawLine,
  resolveNarrowSpaces,
} from '../../src/corpus/read/pdf-lines.js';

const item = (str: string, x: number, width: number): PdfTextItem => ({
  str,
  transform: [10, 0, 0, 10, x, 700],
  width,
  height: str.trim() === '' ? 0 : 10,
  fontName: 'f1',
});

/** One line of items: words separated by normal spaces (width 3.5) or narrow blanks (width 1). */
function line(parts: string[]): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  let x = 100;
  for (const part of parts) {
    const width = part === '|' ? 1 : part === ' ' ? 3.5 : part.length * 5;
    items.push(item(part === '|' ? ' ' : part, x, width));
    x += width;
  }
  return items;
}

describe('narrow blanks inside PDF words', () => {
  it('joins fragments into the word the document uses, keeps real spaces', () => {
    const pages: RawLine[][] = [
      buildLines(
        line(['trustworthy', ' ', 'ar', '|', 'tificial', ' ', 'intelligence', ' ', 'system', '|', 's;']),
        1,
      ),
      buildLines(
        line([
          'the',
          '|',
          'least',
          ' ',
          'developed',
          ' ',
          'l',
          '|',
          'east',
          ' ',
          'systems',
          ' ',
          'intelligence',
        ]),
        2,
      ),
      buildLines(line(['GIVEN,', '|', 'OR', ' ', 'OTHERWISE', ' ', 'the', ' ', 'or', ' ', 'given']), 3),
    ];
    resolveNarrowSpaces(pages);
    expect(pages.map((p) => p[0]!.text)).toEqual([
      'trustworthy artificial intelligence systems;',
      'the least developed least systems intelligence',
      'GIVEN, OR OTHERWISE the or given',
    ]);
  });
});
