// The ranking read in order: `top` and `ordered` give exactly a full sort (higher score first, then corpus
// order), however deep they are read and however often, with ties and a filter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { before, type Ranked, RankedList } from '../../src/search/ranking.js';

/** The reference: every passage with a positive score the filter keeps, fully sorted. */
function sorted(ids: Int32Array, scores: Float64Array, keep?: (i: number) => boolean): Ranked[] {
  return [...ids]
    .map((i, k) => ({ i, score: scores[k]! }))
    .filter(({ i, score }) => score > 0 && (!keep || keep(i)))
    .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

// Few distinct scores, so ties are common (and fall on chunk boundaries).
const lists = fc
  .uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 300 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(Int32Array.from(ids)),
      fc.array(fc.integer({ min: -1, max: 6 }), { minLength: ids.length, maxLength: ids.length }),
    ),
  )
  .map(([ids, scores]) => ({ ids, scores: Float64Array.from(scores, (s) => s / 2) }));

describe('RankedList', () => {
  it('reads the whole ranking in order, however often and however deep', () => {
    fc.assert(
      fc.property(lists, fc.integer({ min: 1, max: 20 }), fc.boolean(), ({ ids, scores }, depth, odd) => {
        const keep = odd ? (i: number) => i % 2 === 1 : undefined;
        const ranked = new RankedList(ids, scores, () => []);
        const expected = sorted(ids, scores, keep);
        // A partial reading first, then whole readings after it (the readers of one query share one).
        expect(ranked.top(depth, keep)).toEqual(expected.slice(0, depth));
        expect([...ranked.ordered(keep)]).toEqual(expected);
        expect([...ranked.ordered()]).toEqual(sorted(ids, scores));
        expect(ranked.top(depth * 2, keep)).toEqual(expected.slice(0, depth * 2));
      }),
    );
  });

  it('stops reading when the caller stops', () => {
    const ids = Int32Array.from({ length: 1000 }, (_, i) => i);
    const scores = Float64Array.from(ids, (i) => 1000 - i);
    const ranked = new RankedList(ids, scores, () => []);
    const read: number[] = [];
    for (const { i } of ranked.ordered()) {
      read.push(i);
      if (read.length === 6) break;
    }
    expect(read).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
