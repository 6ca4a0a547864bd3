// Document routing: how likely a question is about each document, from the documents themselves. Each
// document is one bag of words (its passages' text and headings, and its catalog title, short title and
// aliases), and a question's weighted terms are scored under each bag as a multinomial language model with
// Dirichlet smoothing (Zhai and Lafferty 2001): log P(q | d) = Σ w(t) · log((tf(t, d) + μ · P(t | C)) /
// (|d| + μ)). Worked out once per corpus (the counts), a few dozen look-ups per question. The `documentPrior`
// signal (signals.ts) turns the per-term log-likelihood ratios into a factor per document.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { termsOf } from './text.js';
import type { WeightedTerm } from './thesaurus.js';

/** How many times a word of a document's catalog names counts in its bag (the names say what it is about). */
const NAME_COUNT = 3;

export class DocumentRouter {
  /** Document ids, in the order of `of`'s numbers. */
  readonly docIds: readonly string[];
  /** Each passage's document number. */
  readonly of: Int32Array;
  private readonly counts: Map<string, number>[];
  private readonly lengths: Float64Array;
  private readonly collection = new Map<string, number>();
  private collectionLength = 0;

  constructor(passages: readonly Passage[], docs: ReadonlyMap<string, CatalogDocument>) {
    const numbers = new Map<string, number>();
    this.of = Int32Array.from(passages, (passage) => {
      const known = numbers.get(passage.docId);
      if (known !== undefined) return known;
      numbers.set(passage.docId, numbers.size);
      return numbers.size - 1;
    });
    this.docIds = [...numbers.keys()];
    this.counts = this.docIds.map(() => new Map<string, number>());
    this.lengths = new Float64Array(this.docIds.length);
    const add = (d: number, terms: readonly string[], times: number) => {
      const bag = this.counts[d]!;
      for (const term of terms) {
        bag.set(term, (bag.get(term) ?? 0) + times);
        this.collection.set(term, (this.collection.get(term) ?? 0) + times);
      }
      this.lengths[d]! += terms.length * times;
      this.collectionLength += terms.length * times;
    };
    for (let i = 0; i < passages.length; i++) {
      const passage = passages[i]!;
      add(this.of[i]!, termsOf(`${passage.headingPath.at(-1) ?? ''}\n${passage.text}`), 1);
    }
    for (const [id, d] of numbers) {
      const doc = docs.get(id);
      if (doc) add(d, termsOf([doc.title, doc.shortTitle, ...doc.aliases].join('\n')), NAME_COUNT);
    }
  }

  /**
   * Per document, the question's mean log-likelihood ratio against the best document (0 for the best,
   * negative for the others), per unit of term weight; undefined when no term is in the corpus.
   */
  relative(terms: readonly WeightedTerm[], mu: number): Float64Array | undefined {
    const scores = new Float64Array(this.docIds.length);
    let total = 0;
    for (const { term, weight } of terms) {
      const inCollection = this.collection.get(term);
      if (!inCollection) continue;
      total += weight;
      const background = inCollection / this.collectionLength;
      for (let d = 0; d < scores.length; d++) {
        const tf = this.counts[d]!.get(term) ?? 0;
        scores[d]! += weight * Math.log((tf + mu * background) / (this.lengths[d]! + mu));
      }
    }
    if (total === 0) return undefined;
    let best = Number.NEGATIVE_INFINITY;
    for (const score of scores) best = Math.max(best, score);
    for (let d = 0; d < scores.length; d++) scores[d] = (scores[d]! - best) / total;
    return scores;
  }
}
