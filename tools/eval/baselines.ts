// The rankings Charter is measured against, each over the same passages with its documented defaults
// (only the field to index is given). Used by `charter eval` and `npm run bench`.
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { Passage } from '../../src/corpus/types.js';
import type { CorpusIndex } from '../../src/search/index.js';
import { Bm25Index } from './bm25.js';

/** How deep rankings go (recall is read at 1, 3, 5 and 10). */
export const DEPTH = 10;

/** A ranked list: each entry is the passages shown together at that rank. */
export type Ranking = (query: string) => Passage[][];

export function charterRanking(index: CorpusIndex): Ranking {
  return (query) => index.search(query, { limit: DEPTH }).hits.map((hit) => hit.passages);
}

/** Plain BM25 with k1 1.2 and b 0.75. */
export function bm25Ranking(passages: readonly Passage[]): Ranking {
  const bm25 = new Bm25Index(passages.map((p) => p.text));
  return (query) => bm25.search(query, DEPTH).map(({ doc }) => [passages[doc]!]);
}

export function miniSearchDefaultRanking(passages: readonly Passage[]): Ranking {
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  mini.addAll(passages.map((p, id) => ({ id, text: p.text })));
  return (query) =>
    mini
      .search(query)
      .slice(0, DEPTH)
      .map((result) => [passages[result.id as number]!]);
}

export function lunrRanking(passages: readonly Passage[]): Ranking {
  const index = lunr(function () {
    this.ref('id');
    this.field('text');
    for (const [id, passage] of passages.entries()) this.add({ id: String(id), text: passage.text });
  });
  return (query) =>
    // lunr reads ":", "~", "^", "*", "+" and "-" as query syntax; a typed question means none of it.
    index
      .search(query.replace(/[:~^*+-]/g, ' '))
      .slice(0, DEPTH)
      .map((result) => [passages[Number(result.ref)]!]);
}
