// Ranking the scored passages of one query: a partial sort (a heap) only as deep as the hits need.
/** A scored passage before hits are formed. */
export interface Ranked {
  i: number;
  score: number;
}

/** Whether `a` ranks before `b`: higher score first, then corpus order. */
export const before = (a: Ranked, b: Ranked): boolean =>
  a.score > b.score || (a.score === b.score && a.i < b.i);

/**
 * The scored passages of one query, sorted only as deep as asked: sorting every match of a query with common
 * words is most of its cost on a large corpus, and hits come from the first few dozen.
 */
export class RankedList {
  constructor(
    private readonly ids: Int32Array,
    private readonly scores: Float64Array,
    readonly termsOf: (i: number) => string[],
  ) {}

  /** The best `depth` passages (of those `keep` accepts) ranking after `after` (from the top without it), best first. */
  top(depth: number, keep?: (i: number) => boolean, after?: Ranked): Ranked[] {
    // A min-heap of the best so far: its root is the one the next better passage replaces.
    const heap: Ranked[] = [];
    const { ids, scores } = this;
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k]!;
      const score = scores[k]!;
      // A passage of the asked kind in a document nothing matched (see Provisions) is no answer.
      if (score <= 0) continue;
      // Read already (a deeper chunk of `ordered`).
      if (after && (score > after.score || (score === after.score && i <= after.i))) continue;
      // Most passages lose to the heap's root: compared before any object is made for them.
      if (heap.length === depth) {
        const root = heap[0]!;
        if (score < root.score || (score === root.score && i > root.i)) continue;
      }
      if (keep && !keep(i)) continue;
      const candidate = { i, score };
      if (heap.length < depth) {
        heap.push(candidate);
        siftUp(heap, heap.length - 1);
      } else {
        heap[0] = candidate;
        siftDown(heap, 0);
      }
    }
    return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  /**
   * All the passages (of those `keep` accepts), best first, read only as deep as the caller goes: the best
   * `depth` first, then each next chunk four times deeper, each found by one pass that skips what was read.
   */
  *ordered(depth: number, keep?: (i: number) => boolean): Generator<Ranked, void, undefined> {
    let after: Ranked | undefined;
    for (let size = depth; ; size *= 4) {
      const chunk = this.top(size, keep, after);
      yield* chunk;
      if (chunk.length < size) return;
      after = chunk.at(-1);
    }
  }
}

function siftUp(heap: Ranked[], at: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!before(heap[parent]!, heap[at]!)) return;
    [heap[parent], heap[at]] = [heap[at]!, heap[parent]!];
    at = parent;
  }
}

function siftDown(heap: Ranked[], at: number): void {
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let worst = at;
    if (left < heap.length && before(heap[worst]!, heap[left]!)) worst = left;
    if (right < heap.length && before(heap[worst]!, heap[right]!)) worst = right;
    if (worst === at) return;
    [heap[worst], heap[at]] = [heap[at]!, heap[worst]!];
    at = worst;
  }
}
