// A plain Okapi BM25 over one text field: the baseline `charter eval` measures Charter's search against.
// Same term processing as Charter (text.ts), so the comparison isolates what ranking adds on top of BM25.
import { termsOf } from '../../src/search/text.js';

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

interface Posting {
  docs: number[];
  freqs: number[];
}

export class Bm25Index {
  private readonly postings = new Map<string, Posting>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;

  constructor(
    texts: readonly string[],
    private readonly params: Bm25Params = DEFAULT_BM25,
    private readonly analyze: (text: string) => string[] = termsOf,
  ) {
    for (const [doc, text] of texts.entries()) {
      const terms = analyze(text);
      this.lengths.push(terms.length);
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let posting = this.postings.get(term);
        if (!posting) {
          posting = { docs: [], freqs: [] };
          this.postings.set(term, posting);
        }
        posting.docs.push(doc);
        posting.freqs.push(count);
      }
    }
    this.averageLength =
      this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.lengths.length);
  }

  /** Documents (by index into `texts`) ranked by BM25 score, best first. */
  search(query: string, limit = 10): { doc: number; score: number }[] {
    const { k1, b } = this.params;
    const total = this.lengths.length;
    const scores = new Map<number, number>();
    for (const term of new Set(this.analyze(query))) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const df = posting.docs.length;
      const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
      for (let k = 0; k < df; k++) {
        const doc = posting.docs[k]!;
        const tf = posting.freqs[k]!;
        const norm = tf + k1 * (1 - b + (b * this.lengths[doc]!) / this.averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / norm);
      }
    }
    return [...scores]
      .map(([doc, score]) => ({ doc, score }))
      .sort((x, y) => y.score - x.score || x.doc - y.doc)
      .slice(0, limit);
  }
}
