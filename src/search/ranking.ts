// Ranking the scored passages of one query: read in order only as deep as the hits need.
/** A scored passage before hits are formed. */
export interface Ranked {
  i: number;
  score: number;
}

/** Whether `a` ranks before `b`: higher score first, then corpus order. */
export const before = (a: Ranked, b: Ranked): boolean =>
  a.score > b.score || (a.score === b.score && a.i < b.i);

/**
 * The scored passages of one query, sorted only as deep as they are read: sorting every match of a query with
 * common words is most of its cost on a large corpus, and hits come from the first few dozen. Reading the
 * whole ranking (all documents) is shared by every reader of the query (its hits, its documents menu).
 */
export class RankedList {
  private unread?: RankReader;
  /** The whole ranking's best, in order, as far as it was read. */
  private readonly read: Ranked[] = [];

  constructor(
    private readonly ids: Int32Array,
    private readonly scores: Float64Array,
    readonly termsOf: (i: number) => string[],
  ) {}

  /** The best `depth` passages (of those `keep` accepts), best first. */
  top(depth: number, keep?: (i: number) => boolean): Ranked[] {
    const out: Ranked[] = [];
    if (depth <= 0) return out;
    for (const ranked of this.ordered(keep)) {
      out.push(ranked);
      if (out.length >= depth) break;
    }
    return out;
  }

  /** The passages (of those `keep` accepts), best first, sorted only as far as the caller reads. */
  *ordered(keep?: (i: number) => boolean): Generator<Ranked, void, undefined> {
    if (keep) {
      // A filtered reading (one document, one side) sorts only what it keeps.
      const reader = new RankReader(this.ids, this.scores, keep);
      for (let next = reader.next(); next; next = reader.next()) yield next;
      return;
    }
    for (let n = 0; ; n++) {
      if (n === this.read.length) {
        this.unread ??= new RankReader(this.ids, this.scores);
        const next = this.unread.next();
        if (!next) return;
        this.read.push(next);
      }
      yield this.read[n]!;
    }
  }
}

/**
 * The candidates not read yet, best at the root of a heap of their positions: made in one linear pass, and
 * each one read costs a few comparisons, so reading the first few dozen of thousands costs little more than
 * looking at each once.
 */
class RankReader {
  private readonly heap: Int32Array;
  private size = 0;

  constructor(
    private readonly ids: Int32Array,
    private readonly scores: Float64Array,
    keep?: (i: number) => boolean,
  ) {
    this.heap = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      // A passage of the asked kind in a document nothing matched (see Provisions) is no answer.
      if (scores[k]! <= 0 || (keep && !keep(ids[k]!))) continue;
      this.heap[this.size++] = k;
    }
    for (let at = (this.size >> 1) - 1; at >= 0; at--) this.siftDown(at);
  }

  next(): Ranked | undefined {
    if (this.size === 0) return undefined;
    const k = this.heap[0]!;
    this.size--;
    if (this.size > 0) {
      this.heap[0] = this.heap[this.size]!;
      this.siftDown(0);
    }
    return { i: this.ids[k]!, score: this.scores[k]! };
  }

  /** Whether the candidate at position `a` ranks before the one at `b` (as `before`). */
  private better(a: number, b: number): boolean {
    const sa = this.scores[a]!;
    const sb = this.scores[b]!;
    return sa > sb || (sa === sb && this.ids[a]! < this.ids[b]!);
  }

  private siftDown(at: number): void {
    const { heap, size } = this;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let best = at;
      if (left < size && this.better(heap[left]!, heap[best]!)) best = left;
      if (right < size && this.better(heap[right]!, heap[best]!)) best = right;
      if (best === at) return;
      const swap = heap[best]!;
      heap[best] = heap[at]!;
      heap[at] = swap;
      at = best;
    }
  }
}
