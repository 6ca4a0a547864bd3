// Properties of the structure-aware splitters on generated documents: nothing lost or duplicated, no
// sentence cut, locators unique within a document (pieces of one split unit aside).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/corpus/read/markdown.js';
import { splitDocument } from '../../src/corpus/split/index.js';
import { coverage, duplicateLocators, fixtureDoc } from '../fixtures/text/check.js';

const word = fc.constantFrom(
  'system',
  'provider',
  'shall',
  'ensure',
  'risk',
  'data',
  'the',
  'of',
  'Union',
  'model',
  'non-',
  'AI',
  'per',
  'cent',
);
/** A sentence: capitalized, ends with a full stop, unique tag so it can be found again. */
const sentence = fc.tuple(fc.array(word, { minLength: 3, maxLength: 40 }), fc.nat()).map(([words, n]) => {
  const text = words.join(' ').replace(/- /g, '-');
  return `S${n} ${text}.`;
});
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 14 });
const letters = 'abcdefghijklmnopqrstuvwxyz';

/** An article: unnumbered text or numbered paragraphs, some with a lead-in and points. */
const article = fc.record({
  paragraphs: fc.array(
    fc.record({
      text: paragraph,
      points: fc.array(paragraph, { maxLength: 6 }),
      wrap: fc.integer({ min: 30, max: 90 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  numbered: fc.boolean(),
});

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...lines, line].join('\n');
}

interface Article {
  paragraphs: { text: string[]; points: string[][]; wrap: number }[];
  numbered: boolean;
}

function render(articles: Article[]): { source: string; sentences: string[] } {
  const out: string[] = [];
  const sentences: string[] = [];
  articles.forEach((a, i) => {
    out.push(`Article ${i + 1}`, '', `Title ${i + 1}`, '');
    a.paragraphs.forEach((p, j) => {
      const leadIn = p.points.length > 0 ? ' The following apply:' : '';
      const body = `${a.numbered ? `${j + 1}. ` : ''}${p.text.join(' ')}${leadIn}`;
      sentences.push(...p.text);
      out.push(wrap(body, p.wrap), '');
      p.points.forEach((point, k) => {
        out.push(`(${letters[k]})   ${point.join(' ')}  `, '  ');
        sentences.push(...point);
      });
    });
  });
  return { source: out.join('\n'), sentences };
}

describe('structure-aware splitting (property)', () => {
  it('loses nothing, cuts no sentence and keeps locators unique', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 4 }), (articles) => {
        const { source, sentences } = render(articles);
        const read = parseMarkdown(`HAVE ADOPTED THIS REGULATION:\n\n${source}`);
        const passages = splitDocument(fixtureDoc('eu-act'), read);
        const { missing, skipped } = coverage(read, passages);
        expect(missing).toEqual([]);
        // Only headings ("Article 1", "Title 1") are outside the passages' texts.
        for (const gap of skipped) expect(gap).toMatch(/^(?:Article\d+Title\d+)+$/);
        expect(duplicateLocators(passages)).toEqual([]);
        const texts = passages.map((p) => p.text.replace(/\s+/g, ' '));
        for (const s of sentences) expect(texts.some((t) => t.includes(s))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
