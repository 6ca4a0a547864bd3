// Ranking, stage 1: candidate sources. Each source proposes passages for an analyzed question with a score
// of its own; fusion (fusion.ts) combines them, then the signals (signals.ts) adjust the fused scores.
// Today's sources: BM25+ over MiniSearch's postings (`LexicalSource`) and the provisions of the kind a
// question asks for (`ProvisionSource`: "when does … apply" wants the entry into force, whose words need not
// be the question's). A second retriever (embeddings, a citation graph) is one more `CandidateSource`.
import { includes, type Provisions } from './provisions.js';
import type { AnalyzedQuery } from './query.js';
import type { TermScorer, TermScores } from './scorer.js';
import type { TermCache } from './term-cache.js';

/** What a source proposes: passages (by corpus position) and a score each, higher better. */
export interface Candidates {
  ids: Int32Array;
  scores: Float64Array;
  /** The question's index terms found in passage `i` (highlighting, evidence); [] when the source has no words. */
  termsOf(i: number): string[];
}

/**
 * A candidate source. Its scores need not share a scale with another source's: fusion is where scales
 * meet. It must be deterministic, and cheap enough to run on every question (a few milliseconds).
 */
export interface CandidateSource {
  /** Short name, for documentation and measurement. */
  readonly name: string;
  /** The passages it proposes for the question; undefined when it has nothing to say about this question. */
  candidates(query: AnalyzedQuery): Candidates | undefined;
}

/**
 * BM25+ over the question's weighted terms, as MiniSearch's OR query scores (number of terms matched × Σ
 * term weight × the term's BM25+ over the fields), from per-term results kept in a bounded cache. With a
 * `coordinationExponent` above 0, also × (share of the question's weight matched) ^ exponent.
 */
export class LexicalSource implements CandidateSource {
  readonly name = 'bm25';
  /** Per-passage accumulators, zeroed again after each use. */
  private readonly scratch: {
    scores: Float64Array;
    matched: Float64Array;
    matchedWeight: Float64Array;
    /** The passages given a score so far. */
    touched: Int32Array;
  };

  constructor(
    private readonly scorer: TermScorer,
    private readonly cache: TermCache,
    passageCount: number,
    private readonly coordinationExponent: number,
  ) {
    this.scratch = {
      scores: new Float64Array(passageCount),
      matched: new Float64Array(passageCount),
      matchedWeight: new Float64Array(passageCount),
      touched: new Int32Array(passageCount),
    };
  }

  /** One term's BM25+ score in each passage that has it (summed over the fields), through the cache. */
  termScores(term: string): TermScores {
    const cached = this.cache.get(term);
    if (cached) return cached;
    const scores = this.scorer.score(term);
    this.cache.set(term, scores);
    return scores;
  }

  candidates(query: Pick<AnalyzedQuery, 'terms' | 'skips'>): Candidates {
    const { terms, skips } = query;
    const lists = terms.map(({ term }) => this.termScores(term));
    const { scores, matched, matchedWeight, touched } = this.scratch;
    let count = 0;
    for (let t = 0; t < lists.length; t++) {
      const weight = terms[t]!.weight;
      const counts = terms[t]!.count ?? 1;
      const { ids, scores: termScores } = lists[t]!;
      const skip = skips?.get(terms[t]!.term);
      for (let k = 0; k < ids.length; k++) {
        const i = ids[k]!;
        if (skip?.has(i)) continue;
        if (matched[i] === 0) touched[count++] = i;
        matched[i]! += counts;
        matchedWeight[i]! += weight;
        scores[i]! += weight * termScores[k]!;
      }
    }
    const exponent = this.coordinationExponent;
    const totalWeight = terms.reduce((sum, { weight }) => sum + weight, 0);
    const ids = touched.slice(0, count);
    const out = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const i = ids[k]!;
      const coordination = exponent === 0 ? 1 : (matchedWeight[i]! / totalWeight) ** exponent;
      out[k] = matched[i]! * scores[i]! * coordination;
      scores[i] = 0;
      matched[i] = 0;
      matchedWeight[i] = 0;
    }
    // The words of each term found in a passage, looked up only for the passages that become hits.
    const termsOf = (i: number) =>
      terms
        .filter(({ term }, t) => includes(lists[t]!.ids, i) && !skips?.get(term)?.has(i))
        .map(({ term }) => term);
    return { ids, scores: out, termsOf };
  }
}

/**
 * The passages of the kind of provision the question asks for (`AnalyzedQuery.shape`), at score 0: the
 * `provisionShape` signal gives them a share of their document's best score, so the entry into force comes
 * up for "when does … apply" though it rarely repeats the topic's words. Nothing for a question of no shape.
 */
export class ProvisionSource implements CandidateSource {
  readonly name = 'provisions';

  constructor(private readonly provisions: () => Provisions) {}

  candidates(query: Pick<AnalyzedQuery, 'shape'>): Candidates | undefined {
    if (query.shape === 0) return undefined;
    const ids = this.provisions().ofShape(query.shape);
    return { ids, scores: new Float64Array(ids.length), termsOf: () => [] };
  }
}

/**
 * The passages of a place the question names inside it ("does GDPR article 22 mean …"), at score 0: the
 * `namedPlace` signal puts them first, so a point that shares no word with the question still shows.
 */
export class PlaceSource implements CandidateSource {
  readonly name = 'place';

  candidates(query: Pick<AnalyzedQuery, 'place'>): Candidates | undefined {
    if (!query.place || query.place.length === 0) return undefined;
    return { ids: query.place, scores: new Float64Array(query.place.length), termsOf: () => [] };
  }
}
