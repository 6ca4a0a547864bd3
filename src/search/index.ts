// The search facade: full-text search over passages — MiniSearch (BM25+) with legal-English term
// processing, a governance thesaurus, steering toward documents the question names, diverse hits and a fast
// save/load format. The parts live beside it: options.ts (tuning and the saved shape), scorer.ts (per-term
// BM25+ from MiniSearch's postings), ranking.ts (partial sort), provisions.ts (provision kinds),
// term-cache.ts (shared term results) and highlight.ts (the words to highlight).
import type { AsPlainObject } from 'minisearch';
import type { CatalogDocument } from '../corpus/catalog.js';
import { unitId } from '../corpus/citation.js';
import type { Passage } from '../corpus/types.js';
import { DocNameMatcher } from './docnames.js';
import { type PendingHit, withLazyTerms } from './highlight.js';
import { MissingDetector } from './missing.js';
import {
  type CorpusIndexOptions,
  corpusFingerprint,
  DEFAULT_INDEX_OPTIONS,
  findCommonTerms,
  INDEX_FORMAT_VERSION,
  miniSearchOptions,
  newsReferents,
  type SavedIndex,
} from './options.js';
import { loadPlaces } from './places.js';
import { includes, Provisions } from './provisions.js';
import { type AnalyzedQuery, analyzeQuery, ProvisionKind } from './query.js';
import { type Ranked, RankedList } from './ranking.js';
import { PassageMiniSearch, TermScorer, type TermScores } from './scorer.js';
import { TERM_CACHE_MIN, TERM_CACHE_PER_PASSAGE, TermCache } from './term-cache.js';
import type { WeightedTerm } from './thesaurus.js';
import type { SearchOptions, SearchResponse } from './types.js';
import { isContentFree, isNonOperative } from './units.js';
import { WordNet } from './wordnet.js';

export { surfaceTerms } from './highlight.js';
export {
  type CorpusIndexOptions,
  corpusFingerprint,
  DEFAULT_INDEX_OPTIONS,
  INDEX_FORMAT_VERSION,
  type SavedIndex,
} from './options.js';
export { TERM_CACHE_MIN, TERM_CACHE_PER_PASSAGE } from './term-cache.js';

/** Largest share of passages a word brought in by the vocabulary bridge may occur in. */
const BRIDGE_MAX_SHARE = 0.01;

/** How many of the best hits `matchesWeakly` looks at: what a reply shows. */
const WEAK_DEPTH = 3;

let wordNet: WordNet | undefined | null;

/** WordNet's synonyms, opened once per process (no bridge when the package is missing). */
function defaultBridge(): ((word: string) => readonly string[]) | undefined {
  if (wordNet === undefined) wordNet = WordNet.installed() ?? null;
  const found = wordNet;
  return found ? (word) => found.synonyms(word) : undefined;
}

/** Words that set two things side by side. */
const COMPARING = /\b(vs\.?|versus|compared?|comparison|compar\w+|differ\w*|between|both)\b/i;

/** Kinds of document that bind (catalog `kind`). */
const BINDING_KINDS: ReadonlySet<string> = new Set(['law', 'regulation', 'executive order', 'treaty']);

/**
 * Hits taken from each side's own ranking in turn, then the overall ranking's other hits, `wanted` in all.
 */
function alternate(
  sides: readonly PendingHit[][],
  overall: readonly PendingHit[],
  wanted: number,
): PendingHit[] {
  const out: PendingHit[] = [];
  const seen = new Set<string>();
  const add = (hit: PendingHit) => {
    const id = hit.passages[0]!.id;
    if (out.length >= wanted || seen.has(id)) return;
    seen.add(id);
    out.push(hit);
  };
  const longest = Math.max(0, ...sides.map((side) => side.length));
  for (let round = 0; round < longest; round++)
    for (const side of sides) if (round < side.length) add(side[round]!);
  for (const hit of overall) add(hit);
  return out;
}

export class CorpusIndex {
  readonly passages: readonly Passage[];
  readonly options: CorpusIndexOptions;
  readonly fingerprint: string;
  private readonly docs: Map<string, CatalogDocument>;
  private readonly names: DocNameMatcher;
  private readonly missing: MissingDetector;
  private readonly mini: PassageMiniSearch;
  private readonly commonTerms: ReadonlySet<string>;
  private readonly termCache: TermCache;
  private readonly scorer: TermScorer;
  /** The vocabulary bridge (`CorpusIndexOptions.bridge`; WordNet by default). */
  private readonly bridge?: (word: string) => readonly string[];
  /** Score factor of each passage for being operative or not (see `nonOperativeFactor`). */
  private readonly unitFactor: Float64Array;
  /** Each passage's kind of provision, worked out on the first question that asks for one. */
  private provisionIndex?: Provisions;
  /** Per-passage accumulators of `rank`, zeroed again after each use. */
  private readonly scratch: {
    scores: Float64Array;
    matched: Uint16Array;
    matchedWeight: Float64Array;
    /** The passages `rank` has given a score so far. */
    touched: Int32Array;
  };

  private constructor(
    docs: readonly CatalogDocument[],
    passages: readonly Passage[],
    options: CorpusIndexOptions,
    fingerprint: string,
    saved?: { index: AsPlainObject; commonTerms: string[] },
  ) {
    this.passages = passages;
    this.options = options;
    this.fingerprint = fingerprint;
    this.docs = new Map(docs.map((doc) => [doc.id, doc]));
    this.names = new DocNameMatcher(docs);
    const miniOptions = miniSearchOptions(
      options,
      options.newsReferents && !saved ? newsReferents(docs, passages) : undefined,
    );
    if (saved) {
      this.mini = PassageMiniSearch.restore(saved.index, miniOptions);
      this.commonTerms = new Set(saved.commonTerms);
    } else {
      this.mini = new PassageMiniSearch(miniOptions);
      this.mini.addAll(passages.map((passage, i) => ({ ...passage, i })));
      this.commonTerms = findCommonTerms(passages, options.commonTermShare);
    }
    this.scorer = new TermScorer(this.mini, options, passages.length);
    this.missing = new MissingDetector({
      docs,
      names: this.names,
      places: loadPlaces(),
      hasTerm: (term) => this.scorer.has(term),
    });
    this.termCache = new TermCache(
      options.termCacheEntries ?? Math.max(TERM_CACHE_MIN, TERM_CACHE_PER_PASSAGE * passages.length),
    );
    this.bridge = options.bridge === null ? undefined : (options.bridge ?? defaultBridge());
    this.unitFactor = Float64Array.from(
      passages,
      (passage) =>
        (isNonOperative(passage) ? options.nonOperativeFactor : 1) *
        (isContentFree(passage, options.contentFreeTerms) ? options.contentFreeFactor : 1) *
        (BINDING_KINDS.has(this.docs.get(passage.docId)?.kind ?? '') ? 1 : options.softLawFactor),
    );
    this.scratch = {
      scores: new Float64Array(passages.length),
      matched: new Uint16Array(passages.length),
      matchedWeight: new Float64Array(passages.length),
      touched: new Int32Array(passages.length),
    };
  }

  /** Indexes passages (sorted by document and `seq`, as the corpus build produces them). */
  static build(
    docs: readonly CatalogDocument[],
    passages: readonly Passage[],
    options: Partial<CorpusIndexOptions> = {},
  ): CorpusIndex {
    return new CorpusIndex(
      docs,
      passages,
      { ...DEFAULT_INDEX_OPTIONS, ...options },
      corpusFingerprint(docs, passages),
    );
  }

  /** The saved form, for `JSON.stringify`; written once by `charter sync`. */
  toJSON(): SavedIndex {
    return {
      format: INDEX_FORMAT_VERSION,
      fingerprint: this.fingerprint,
      passages: [...this.passages],
      commonTerms: [...this.commonTerms],
      index: this.mini.toJSON(),
    };
  }

  /**
   * Loads a saved index; undefined when it was written by another format version or for another corpus
   * (pass the fingerprint the current corpus would have, or undefined to accept any corpus).
   */
  static load(
    docs: readonly CatalogDocument[],
    saved: SavedIndex,
    expectedFingerprint?: string,
    options: Partial<CorpusIndexOptions> = {},
  ): CorpusIndex | undefined {
    if (saved.format !== INDEX_FORMAT_VERSION) return undefined;
    if (expectedFingerprint !== undefined && saved.fingerprint !== expectedFingerprint) return undefined;
    return new CorpusIndex(
      docs,
      saved.passages,
      { ...DEFAULT_INDEX_OPTIONS, ...options },
      saved.fingerprint,
      saved,
    );
  }

  /** Documents a text names, by catalog titles and aliases. */
  namedDocs(text: string): string[] {
    return [...new Set(this.names.findExact(text).map((name) => name.docId))];
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = Math.max(0, Math.min(options.limit ?? 5, 50));
    const offset = Math.max(0, options.offset ?? 0);
    const analyzed = analyzeQuery(query, this.names, {
      synonymWeight: this.options.synonymWeight,
      commonTerms: this.commonTerms,
      describedDocs: this.options.describedDocs,
      ...(this.bridge
        ? {
            bridge: this.bridge,
            bridgeWeight: this.options.bridgeWeight,
            // A bridged word must be in the corpus but not common: a common one costs most of a query's
            // time and says little (measured: same recall, a third of the bridge's cost).
            hasTerm: (term: string) => this.scorer.has(term),
            isBridgeTarget: (term: string) => {
              const count = this.scorer.frequency(term);
              return count > 0 && count <= BRIDGE_MAX_SHARE * this.passages.length;
            },
          }
        : {}),
    });
    const allowed = this.allowedDocs(options);
    // A named document outside the allowed set does not steer.
    const namedDocs = analyzed.namedDocs.filter((id) => allowed === undefined || allowed.has(id));
    const facetSize = Math.max(0, Math.min(options.documentFacets ?? 0, 50));
    const terms = analyzed.terms;
    const missing = this.missing.detect(query);
    if (terms.length === 0)
      return { query, hits: [], namedDocs, missing, weak: true, ...(facetSize > 0 ? { documents: [] } : {}) };

    // Ranked over all documents, then filtered: a passage's score depends only on its own document's boost
    // (the same with or without the filter), so this equals ranking within the allowed documents, and the
    // menu's documents come from the same ranking.
    const all = this.rank(terms, this.docBoosts(analyzed.namedDocs, analyzed.jurisdictions), analyzed);
    const passages = this.passages;
    const keep = allowed ? (i: number) => allowed.has(passages[i]!.docId) : undefined;
    const sides =
      this.options.bothSides && COMPARING.test(query)
        ? this.sidesOf(namedDocs, analyzed.jurisdictions)
        : undefined;
    const wanted = offset + limit;
    const formed = sides
      ? alternate(
          [...new Set(sides.values())]
            .sort((a, b) => a - b)
            .map((side) =>
              this.formHits(
                all,
                true,
                wanted,
                (i) => sides.get(passages[i]!.docId) === side && (!keep || keep(i)),
              ),
            ),
          this.formHits(all, true, wanted, keep),
          wanted,
        )
      : this.formHits(all, namedDocs.length > 0, wanted, keep);
    const weak = this.matchesWeakly(analyzed, formed.slice(0, WEAK_DEPTH));
    const hits = formed.slice(offset, offset + limit).map(withLazyTerms);
    if (facetSize === 0) return { query, hits, namedDocs, missing, weak };
    const documents = [
      ...new Set(
        this.formHits(all, analyzed.namedDocs.length > 0, facetSize).map((hit) => hit.passages[0]!.docId),
      ),
    ];
    return { query, hits, namedDocs, missing, weak, documents };
  }

  /**
   * For a question that names two or more documents or places ("US vs China on open source"): which side
   * each document is on (its index in the names), so the answer alternates between them.
   */
  private sidesOf(
    namedDocs: readonly string[],
    jurisdictions: readonly string[],
  ): Map<string, number> | undefined {
    const sides = new Map<string, number>();
    if (namedDocs.length >= 2) for (const [side, id] of namedDocs.entries()) sides.set(id, side);
    else if (jurisdictions.length >= 2)
      for (const doc of this.docs.values()) {
        const code = doc.jurisdiction.toLowerCase();
        const side = jurisdictions.findIndex(
          (j) => code === j.toLowerCase() || code.startsWith(`${j.toLowerCase()}-`),
        );
        if (side >= 0) sides.set(doc.id, side);
      }
    else return undefined;
    return sides;
  }

  /**
   * Whether the best hits hold too little of the question to be its answer: the share of the question's own
   * words (each weighted by its IDF, words the corpus lacks counting fully) found in the best of them is below
   * `weakCoverage`. Not for questions that name a document or ask when something applies: those are
   * answered by the document or its entry into force, whose words need not be the question's.
   */
  private matchesWeakly(analyzed: AnalyzedQuery, best: readonly PendingHit[]): boolean {
    // "When does … apply" is answered by the entry into force, which rarely repeats the topic's words.
    if (analyzed.namedDocs.length > 0 || (analyzed.shape & ProvisionKind.start) !== 0) return false;
    if (best.length === 0) return true;
    const typed = analyzed.terms.filter((term) => term.weight === 1);
    const total = this.passages.length;
    let whole = 0;
    const weights = typed.map(({ term }) => {
      const count = this.termScores(term).ids.length;
      const weight = Math.log(1 + (total - count + 0.5) / (count + 0.5));
      whole += weight;
      return weight;
    });
    if (whole === 0) return false;
    let covered = 0;
    for (const hit of best) {
      let share = 0;
      for (const [t, { term }] of typed.entries()) if (hit.stems.has(term)) share += weights[t]!;
      covered = Math.max(covered, share / whole);
    }
    return covered < this.options.weakCoverage;
  }

  private allowedDocs(options: SearchOptions): Set<string> | undefined {
    if (!options.docs && !options.jurisdictions) return undefined;
    const jurisdictions = options.jurisdictions?.map((j) => j.toLowerCase());
    const allowed = new Set<string>();
    for (const doc of this.docs.values()) {
      if (options.docs && !options.docs.includes(doc.id)) continue;
      if (jurisdictions && !jurisdictions.includes(doc.jurisdiction.toLowerCase())) continue;
      allowed.add(doc.id);
    }
    return allowed;
  }

  /** Score factors per document: named documents, then documents of named jurisdictions. */
  private docBoosts(namedDocs: string[], jurisdictions: string[]): Map<string, number> | undefined {
    if (namedDocs.length === 0 && jurisdictions.length === 0) return undefined;
    const boosts = new Map<string, number>();
    for (const doc of this.docs.values()) {
      const code = doc.jurisdiction.toLowerCase();
      const inPlace = jurisdictions.some(
        (j) => code === j.toLowerCase() || code.startsWith(`${j.toLowerCase()}-`),
      );
      if (namedDocs.includes(doc.id)) boosts.set(doc.id, this.options.namedDocBoost);
      else if (inPlace) boosts.set(doc.id, this.options.jurisdictionBoost);
    }
    return boosts;
  }

  /**
   * Scores every passage matching a term, as MiniSearch's OR query does (document boost × number of terms
   * matched × Σ term weight × the term's BM25+ over the fields), from per-term results; returns the best
   * passages in order, deep enough for `enough` (false: all of them).
   */
  private rank(
    terms: readonly WeightedTerm[],
    boosts: Map<string, number> | undefined,
    asked: Pick<AnalyzedQuery, 'shape' | 'namedDocs' | 'topicTerms'>,
  ): RankedList {
    const shape = asked.shape;
    const lists = terms.map(({ term }) => this.termScores(term));
    const { scores, matched, matchedWeight, touched } = this.scratch;
    let count = 0;
    for (let t = 0; t < lists.length; t++) {
      const weight = terms[t]!.weight;
      const { ids, scores: termScores } = lists[t]!;
      for (let k = 0; k < ids.length; k++) {
        const i = ids[k]!;
        if (matched[i] === 0) touched[count++] = i;
        matched[i]!++;
        matchedWeight[i]! += weight;
        scores[i]! += weight * termScores[k]!;
      }
    }
    const passages = this.passages;
    const exponent = this.options.coordinationExponent;
    const totalWeight = terms.reduce((sum, { weight }) => sum + weight, 0);
    const provisions = shape === 0 ? undefined : this.provisions();
    // Passages of the wanted kind that match no term (the entry into force rarely repeats the topic words).
    const unmatched = provisions ? provisions.ofShape(shape).filter((i) => matched[i] === 0) : [];
    const ids = new Int32Array(count + unmatched.length);
    ids.set(touched.subarray(0, count));
    ids.set(unmatched, count);
    const final = new Float64Array(ids.length);
    for (let k = 0; k < count; k++) {
      const i = ids[k]!;
      const boost = boosts ? (boosts.get(passages[i]!.docId) ?? 1) : 1;
      const coordination = exponent === 0 ? 1 : (matchedWeight[i]! / totalWeight) ** exponent;
      final[k] = boost * matched[i]! * scores[i]! * coordination * this.unitFactor[i]!;
      scores[i] = 0;
      matched[i] = 0;
      matchedWeight[i] = 0;
    }
    if (provisions) provisions.lift(ids, final, asked, this.options);
    // The words of each term found in a passage, looked up only for the passages that become hits.
    const termsOf = (i: number) => terms.filter((_, t) => includes(lists[t]!.ids, i)).map(({ term }) => term);
    return new RankedList(ids, final, termsOf);
  }

  private provisions(): Provisions {
    this.provisionIndex ??= new Provisions(this.passages);
    return this.provisionIndex;
  }

  /** One term's BM25+ score in each passage that has it (summed over the fields), through a bounded cache. */
  private termScores(term: string): TermScores {
    const cached = this.termCache.get(term);
    if (cached) return cached;
    const scores = this.scorer.score(term);
    this.termCache.set(term, scores);
    return scores;
  }

  /**
   * Turns ranked passages into hits: a passage next to one already shown, and within it or containing it (a
   * piece of the same point, a sub-point), joins that hit; passages beyond a unit's or a document's cap wait
   * until the end.
   */
  private formHits(
    ranked: RankedList,
    docNamed: boolean,
    wanted: number,
    keep?: (i: number) => boolean,
  ): PendingHit[] {
    // Hits come from the head of the ranking; a head too short to fill them is taken again, deeper.
    for (let depth = 64 + 16 * wanted; ; depth *= 4) {
      const head = ranked.top(depth, keep);
      const hits = this.hitsFrom(head, ranked, docNamed, wanted, head.length < depth);
      if (hits) return hits;
    }
  }

  /** The hits of a ranking's head; undefined when the head ran out before they were all found. */
  private hitsFrom(
    head: readonly Ranked[],
    ranked: RankedList,
    docNamed: boolean,
    wanted: number,
    whole: boolean,
  ): PendingHit[] | undefined {
    const hits: PendingHit[] = [];
    const deferred: Ranked[] = [];
    const unitHits = new Map<string, PendingHit[]>();
    const perDoc = new Map<string, number>();
    const passages = this.passages;
    for (const result of head) {
      if (hits.length >= wanted) break;
      const passage = passages[result.i]!;
      const unit = unitId(passage.docId, passage.path);
      const shown = unitHits.get(unit) ?? [];
      const neighbour = shown.find(
        (hit) =>
          hit.passages.length < this.options.maxMergedPassages &&
          result.score >= hit.score * this.options.mergeScoreShare &&
          hit.passages.some((p) => Math.abs(p.seq - passage.seq) === 1 && nested(p.path, passage.path)),
      );
      if (neighbour) {
        neighbour.passages.push(passage);
        neighbour.passages.sort((a, b) => a.seq - b.seq);
        for (const term of ranked.termsOf(result.i)) neighbour.stems.add(term);
        continue;
      }
      const count = perDoc.get(passage.docId) ?? 0;
      if (shown.length >= this.options.perUnitCap || (!docNamed && count >= this.options.perDocCap)) {
        deferred.push(result);
        continue;
      }
      perDoc.set(passage.docId, count + 1);
      const hit: PendingHit = {
        passages: [passage],
        score: result.score,
        stems: new Set(ranked.termsOf(result.i)),
      };
      unitHits.set(unit, [...shown, hit]);
      hits.push(hit);
    }
    if (hits.length < wanted && !whole) return undefined;
    for (const result of deferred) {
      if (hits.length >= wanted) break;
      hits.push({
        passages: [passages[result.i]!],
        score: result.score,
        stems: new Set(ranked.termsOf(result.i)),
      });
    }
    return hits;
  }
}

/** Whether one path lies within the other: pieces of one point, or a point and its sub-points ((c) and (c)(i)). */
function nested(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((segment, i) => long[i] === segment);
}
