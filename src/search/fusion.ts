// Ranking, stage 2: fusion. The sources' candidates become one list: each passage once, its score the sum
// of its scores from the sources that proposed it. With one scoring source (BM25 today; the provision source
// adds passages at 0) the sum is that source's score unchanged. A second retriever with scores on another
// scale should be fused by rank instead (reciprocal rank fusion) — this is the place for it.
import type { Candidates } from './sources.js';

export function fuse(lists: readonly Candidates[], passageCount: number): Candidates {
  if (lists.length === 1) return lists[0]!;
  const at = new Int32Array(passageCount).fill(-1);
  const ids: number[] = [];
  const scores: number[] = [];
  for (const list of lists)
    for (let k = 0; k < list.ids.length; k++) {
      const i = list.ids[k]!;
      const known = at[i]!;
      if (known >= 0) scores[known]! += list.scores[k]!;
      else {
        at[i] = ids.length;
        ids.push(i);
        scores.push(list.scores[k]!);
      }
    }
  return {
    ids: Int32Array.from(ids),
    scores: Float64Array.from(scores),
    termsOf: (i) => [...new Set(lists.flatMap((list) => list.termsOf(i)))],
  };
}
