import type MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../src/search/index.js';
import { termsOf } from '../../src/search/text.js';
import { docs, passages } from './search-fixture.js';

// The term scorer reads MiniSearch's postings itself; these pin it to what MiniSearch's own search returns.
interface Inside {
  mini: MiniSearch;
  termScores(term: string): { ids: Int32Array; scores: Float64Array };
}

function miniSearchScores(index: CorpusIndex, term: string, fields: string[], boost: Record<string, number>) {
  const results = (index as unknown as Inside).mini.search(term, {
    tokenize: (text) => [text],
    processTerm: (text) => text,
    fields,
    boost,
    prefix: false,
    fuzzy: false,
  });
  return results.map((result) => ({ i: result.id as number, score: result.score })).sort((a, b) => a.i - b.i);
}

function scorerScores(index: CorpusIndex, term: string) {
  const { ids, scores } = (index as unknown as Inside).termScores(term);
  return [...ids].map((i, n) => ({ i, score: scores[n]! }));
}

const vocabulary = [
  ...new Set(passages.flatMap((p) => [...termsOf(p.text), ...termsOf(p.headingPath.join(' '))])),
];

describe('per-term scores', () => {
  it('equal MiniSearch search scores for every indexed term, built and loaded', () => {
    expect(vocabulary.length).toBeGreaterThan(100);
    const built = CorpusIndex.build(docs, passages);
    const loaded = CorpusIndex.load(docs, JSON.parse(JSON.stringify(built)))!;
    for (const index of [built, loaded]) {
      for (const term of vocabulary) {
        expect(scorerScores(index, term)).toEqual(
          miniSearchScores(index, term, ['text', 'heading'], { text: 1, heading: 1 }),
        );
      }
    }
  });

  it('follow field boosts, leaving out a field weighted 0', () => {
    const index = CorpusIndex.build(docs, passages, {
      fieldBoosts: { text: 1, heading: 0 },
      termCacheEntries: 0,
    });
    const headingOnly = vocabulary.filter(
      (term) =>
        passages.some((p) => termsOf(p.headingPath.join(' ')).includes(term)) &&
        !passages.some((p) => termsOf(p.text).includes(term)),
    );
    for (const term of vocabulary)
      expect(scorerScores(index, term)).toEqual(miniSearchScores(index, term, ['text'], { text: 1 }));
    for (const term of headingOnly) expect(scorerScores(index, term)).toEqual([]);
    const boosted = CorpusIndex.build(docs, passages, { fieldBoosts: { text: 1, heading: 2.5 } });
    for (const term of vocabulary)
      expect(scorerScores(boosted, term)).toEqual(
        miniSearchScores(boosted, term, ['text', 'heading'], { text: 1, heading: 2.5 }),
      );
  });

  it('are empty for a term not in the index', () => {
    expect(scorerScores(CorpusIndex.build(docs, passages), 'zzzqx')).toEqual([]);
  });
});
