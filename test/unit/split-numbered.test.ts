import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { splitNumbered } from '../../src/corpus/split/styles/numbered.js';
import type { ReadDocument, TextLine } from '../../src/corpus/types.js';

const doc = loadCatalog().find((d) => d.id === 'g7-hiroshima-code-of-conduct-2023')!;
const line = (text: string, page: number, paragraph: boolean): TextLine => ({ text, page, paragraph });

const read: ReadDocument = {
  footnotes: [],
  lines: [
    line('We call on organizations to follow these actions.', 1, true),
    line('The introduction goes on to a second page', 1, true),
    line('and ends there.', 2, false),
    line('A second paragraph on that page.', 2, true),
    line('1 Take appropriate measures to identify risks.', 1, true),
    line('This includes testing. It spans', 1, true),
    line('11 countries and two pages.', 2, false),
    line('• A bullet of the first action.', 2, true),
    line('2 Identify and mitigate vulnerabilities.', 2, true),
    line('3 was skipped? No: 4 cannot open before 3.', 2, false),
  ],
};

describe('splitNumbered', () => {
  const passages = splitNumbered(doc, read);

  it('cuts at the numbered items in order, with the catalog’s label', () => {
    expect(passages.map((p) => [p.locator, p.path])).toEqual([
      ['Introduction, p. 1', ['h:introduction', 'p:1']],
      ['Introduction, p. 2', ['h:introduction', 'p:2']],
      ['Action 1', ['item:1']],
      ['Action 2', ['item:2']],
    ]);
  });

  it('cites the introduction by the page each of its paragraphs starts on', () => {
    expect(passages[0]!.text).toBe(
      'We call on organizations to follow these actions.\n\nThe introduction goes on to a second page and ends there.',
    );
    expect(passages[1]!.text).toBe('A second paragraph on that page.');
  });

  it('keeps an item’s paragraphs and bullets with it, and a wrapped number inside its paragraph', () => {
    const action1 = passages.find((p) => p.locator === 'Action 1')!;
    expect(action1.text).toBe(
      '1 Take appropriate measures to identify risks.\n\nThis includes testing. It spans 11 countries and two pages.\n\n• A bullet of the first action.',
    );
    expect([action1.page, action1.pageEnd]).toEqual([1, 2]);
  });

  it('loses and duplicates nothing', () => {
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(passages.map((p) => p.text).join(' '))).toEqual(
      words(read.lines.map((l) => l.text).join(' ')),
    );
  });
});
