// Lists: a lead-in records its items and never answers alone; an item shown says which items follow it.
import { describe, expect, it } from 'vitest';
import { findPassages } from '../../src/answer/ask.js';
import { followingItems, precedingItems } from '../../src/answer/places.js';
import type { Services } from '../../src/answer/services.js';
import { buildPassages, type Unit } from '../../src/corpus/split/passages.js';
import type { Passage } from '../../src/corpus/types.js';
import { quotePassages } from '../../src/reply/format.js';
import { fixtureDoc } from '../fixtures/text/check.js';

const LEAD = '1. The following AI practices shall be prohibited:';
const unit = (path: string[], text: string, context?: string): Unit => ({
  path,
  headingPath: ['Article 5'],
  paragraphs: [{ text }],
  ...(context ? { context } : {}),
});
const passages = buildPassages(fixtureDoc('eu-act', 'act'), [
  unit(['art:5', '1'], LEAD),
  unit(['art:5', '1', 'a'], '(a) subliminal techniques;', LEAD),
  unit(['art:5', '1', 'b'], '(b) exploiting vulnerabilities;', LEAD),
  unit(['art:5', '1', 'c'], '(c) social scoring leading to either of the following:', LEAD),
  unit(
    ['art:5', '1', 'c', 'i'],
    '(i) unrelated contexts;',
    '(c) social scoring leading to either of the following:',
  ),
  unit(
    ['art:5', '1', 'c', 'ii'],
    '(ii) disproportionate treatment;',
    '(c) social scoring leading to either of the following:',
  ),
  unit(['art:5', '1', 'd'], '(d) risk assessments.', LEAD),
]);
const at = (suffix: string) => passages.find((p) => p.id === `act#art:5/1${suffix}`)!;

const servicesFor = (hit: readonly Passage[]) =>
  ({
    catalog: [],
    search: () => ({ query: 'q', namedDocs: [], hits: [{ passages: [...hit], score: 1, terms: [] }] }),
    quote: () => ({ ok: false, reference: '', failure: { reason: 'no-document' }, suggestions: [] }),
    isReference: () => false,
    passagesOf: (): readonly Passage[] => passages,
  }) satisfies Services;

describe('lists', () => {
  it('links a lead-in to its items and each item to the items after it at its depth', () => {
    expect(at('').items).toEqual(['act#art:5/1/a', 'act#art:5/1/b', 'act#art:5/1/c', 'act#art:5/1/d']);
    expect(at('/c').items).toEqual(['act#art:5/1/c/i', 'act#art:5/1/c/ii']);
    expect(at('/a').following).toEqual(['Art. 5(1)(b)', 'Art. 5(1)(c)', 'Art. 5(1)(d)']);
    expect(at('/c/i').following).toEqual(['Art. 5(1)(c)(ii)']);
    expect(at('/d').following).toBeUndefined();
  });

  it('says which items follow the outermost item shown, naming long runs by their ends', () => {
    expect(followingItems([at('/b')])).toBe('Art. 5(1)(c), Art. 5(1)(d)');
    expect(followingItems([at('/c'), at('/c/i'), at('/c/ii')])).toBe('Art. 5(1)(d)');
    expect(followingItems([at('/d')])).toBeUndefined();
    expect(quotePassages([at('/a')], [], 1000).markdown).toMatch(
      /\n\n-# followed by Art\. 5\(1\)\(b\), Art\. 5\(1\)\(c\), Art\. 5\(1\)\(d\)$/,
    );
  });

  it('says which items come before the first item shown, so a list never seems to start at a later point', () => {
    expect(at('/a').preceding).toBeUndefined();
    expect(at('/c').preceding).toEqual(['Art. 5(1)(a)', 'Art. 5(1)(b)']);
    expect(at('/c/ii').preceding).toEqual(['Art. 5(1)(c)(i)']);
    expect(precedingItems([at('/b')])).toBe('Art. 5(1)(a)');
    expect(precedingItems([at('/c'), at('/c/i'), at('/c/ii')])).toBe('Art. 5(1)(a), Art. 5(1)(b)');
    expect(precedingItems([at('/a'), at('/b')])).toBeUndefined();
    expect(quotePassages([at('/b')], [], 1000).markdown).toMatch(/^-# preceded by Art\. 5\(1\)\(a\)\n\n> /);
    expect(quotePassages([at('/a')], [], 1000).markdown).not.toMatch(/preceded/);
  });

  it('never answers with a lead-in alone: its items (and their sub-items) come with it, in order', async () => {
    const found = await findPassages(servicesFor([at('')]), { query: 'prohibited practices', limit: 3 });
    expect(found.hits[0]!.passages.map((p) => p.id.replace('act#art:5/1', ''))).toEqual([
      '',
      '/a',
      '/b',
      '/c',
      '/c/i',
      '/c/ii',
      '/d',
    ]);
  });

  it('brings the sub-items of an item the hit already shows (trial finding 2: § 6-1-1706(3)(a)(II), (III))', async () => {
    // Search joined the lead-in, (c) and (c)(i) into one hit; (c)(ii) once stayed out, unmarked.
    const hit = [at(''), at('/c'), at('/c/i')];
    const found = await findPassages(servicesFor(hit), { query: 'social scoring', limit: 3 });
    expect(found.hits[0]!.passages.map((p) => p.id.replace('act#art:5/1', ''))).toEqual([
      '',
      '/a',
      '/b',
      '/c',
      '/c/i',
      '/c/ii',
      '/d',
    ]);
  });
});
