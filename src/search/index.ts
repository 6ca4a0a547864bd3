// Full-text search over passages: MiniSearch (BM25+) with legal-English term processing, a governance
// thesaurus, steering toward documents the question names, diverse hits and a fast save/load format.
import { createHash } from 'node:crypto';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { CatalogDocument } from '../corpus/catalog.js';
import { unitId } from '../corpus/citation.js';
import type { Passage } from '../corpus/types.js';
import { DocNameMatcher } from './docnames.js';
import { MissingDetector } from './missing.js';
import { loadPlaces } from './places.js';
import {
  type AnalyzedQuery,
  analyzeQuery,
  definedTermKeys,
  headingKinds,
  ProvisionKind,
  provisionKinds,
  topicKeys,
} from './query.js';
import { termOf, termsOf, tokenize, tokens } from './text.js';
import { SYNONYM_WEIGHT, type WeightedTerm } from './thesaurus.js';
import type { SearchHit, SearchOptions, SearchResponse } from './types.js';
import { isContentFree, isNonOperative } from './units.js';
import { WordNet } from './wordnet.js';

/** Bump when the saved shape or the term processing changes: a saved index of another version is rebuilt. */
export const INDEX_FORMAT_VERSION = 2;

export interface CorpusIndexOptions {
  /**
   * Field weights: `text` is the passage with its list lead-in, `heading` its headings. (A locator field was
   * measured and dropped: no gain on the relevance set, 6% of the postings. References go to reference.ts.)
   */
  fieldBoosts: { text: number; heading: number };
  /** Weight of a thesaurus synonym next to a typed word (typed = 1). */
  synonymWeight: number;
  /** Score factor for passages of a document the question names ("under the AI Act"). */
  namedDocBoost: number;
  /** Score factor for passages of documents of a jurisdiction the question names ("in China"). */
  jurisdictionBoost: number;
  /**
   * Terms in more than this share of passages ("ai" in most of them) are left out of a query that has other
   * terms: they barely change the ranking but make up most of the work.
   */
  commonTermShare: number;
  /**
   * Score factor for passages of the kind of provision the question's wording asks for (a definition for
   * "what does … mean", the entry into force for "when does … apply", penalties for "what's the fine"):
   * moderate, so the question's topic words still decide among them.
   */
  shapeBoost: number;
  /**
   * Added to those passages' scores: this share of the best score in their document, so that a provision of
   * the wanted kind that does not repeat the topic words still comes up in the document the topic picks.
   * Just above 1, it leads its document; the topic words still pick the documents and order such provisions.
   */
  shapeDocShare: number;
  /** Further factor for such a passage when its own heading names the kind ("Entry into force"). */
  shapeHeadingFactor: number;
  /** Further factor for the definition of exactly the words a definition question asks about. */
  definedTermBoost: number;
  /**
   * A question that names no document is answered "nothing matches well" when its best hits hold less than
   * this share of its words (weighted by how rare each word is). Measured on the relevance sets and
   * test/relevance/tuning-missing.jsonl: 0.1 flags no in-corpus question; 0.15 flags one, 0.2 three.
   */
  weakCoverage: number;
  /** Score factor for recitals, preambles, legislative findings and checklists (units.ts): 1 leaves them be. */
  nonOperativeFactor: number;
  /** Score factor for list items with fewer than `contentFreeTerms` words of their own (units.ts). */
  contentFreeFactor: number;
  contentFreeTerms: number;
  /** Score factor for documents that bind no one (guidelines, frameworks, plans, news), when none is named. */
  softLawFactor: number;
  /** Steer to documents described by kind and issuer or date ("Trump's AI order", "the January 2025 executive order"). */
  describedDocs: boolean;
  /** Alternate between the documents or places a question names ("US vs China"): both sides answer. */
  bothSides: boolean;
  /**
   * A vocabulary bridge from everyday words to the documents' words, and its weight (query.ts): WordNet's
   * first-sense synonyms of the words the corpus never uses, by default; null for none.
   */
  bridge?: ((word: string) => readonly string[]) | null;
  bridgeWeight: number;
  /** Index a news paragraph with the subject of the paragraph before it (`newsReferents`). */
  newsReferents: boolean;
  /** At most this many hits from one document before others get a turn (not applied when a document is named). */
  perDocCap: number;
  /** At most this many separate hits from one unit (Art. 5, § 6-1-1706) before other units get a turn. */
  perUnitCap: number;
  /** At most this many passages merged into one hit. */
  maxMergedPassages: number;
  /** A neighbouring passage joins a hit only if it scores at least this share of the hit's score. */
  mergeScoreShare: number;
  /** Exponent of the share of query weight a passage matches: rewards passages that match more of the question. */
  coordinationExponent: number;
  /** BM25+ parameters. */
  bm25: { k: number; b: number; d: number };
  /**
   * Most passages, summed over terms, whose per-term results are kept for later queries (12 bytes each);
   * by default `TERM_CACHE_PER_PASSAGE` per indexed passage, at least `TERM_CACHE_MIN`. 0 turns it off.
   */
  termCacheEntries?: number;
}

/**
 * Defaults chosen on the relevance set (test/relevance/questions.jsonl, `charter eval`), one option at a time.
 * The shape options were chosen on questions.jsonl, heldout.jsonl and shapes.jsonl together (R@5 / MRR@10
 * 0.780 / 0.605, 0.723 / 0.623, 0.875 / 0.698; without them 0.780 / 0.597, 0.660 / 0.558, 0.458 / 0.318).
 * Prefix and fuzzy matching are off: measured on that set, prefix search on terms of 5+ letters moved one
 * question (MRR 0.594 → 0.602, within noise) at extra cost per query, and fuzzy (1 edit, 6+ letters) none.
 */
export const DEFAULT_INDEX_OPTIONS: CorpusIndexOptions = {
  fieldBoosts: { text: 1, heading: 1 },
  synonymWeight: SYNONYM_WEIGHT,
  namedDocBoost: 8,
  jurisdictionBoost: 3,
  shapeBoost: 1.2,
  shapeDocShare: 1.1,
  shapeHeadingFactor: 1.1,
  definedTermBoost: 3,
  weakCoverage: 0.1,
  nonOperativeFactor: 0.5,
  contentFreeFactor: 0.5,
  contentFreeTerms: 4,
  softLawFactor: 1,
  describedDocs: true,
  bothSides: true,
  newsReferents: true,
  bridgeWeight: 0.6,
  commonTermShare: 0.2,
  perDocCap: 3,
  perUnitCap: 2,
  maxMergedPassages: 3,
  mergeScoreShare: 0.3,
  coordinationExponent: 0,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
};

const FIELDS = ['text', 'heading'] as const;

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

/**
 * For each paragraph of a news report, the first sentence of the paragraph before it: a report names its
 * subject once ("China proposed a global AI cooperation organization") and then writes "its headquarters".
 * Indexed with the paragraph's text, so the subject's words find the paragraph; never shown.
 */
function newsReferents(docs: readonly CatalogDocument[], passages: readonly Passage[]): Map<number, string> {
  const news = new Set(docs.filter((doc) => doc.kind === 'news').map((doc) => doc.id));
  const referents = new Map<number, string>();
  for (let i = 1; i < passages.length; i++) {
    const passage = passages[i]!;
    const previous = passages[i - 1]!;
    if (!news.has(passage.docId) || previous.docId !== passage.docId) continue;
    const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(previous.text)?.[0] ?? previous.text;
    referents.set(i, sentence);
  }
  return referents;
}

/** Largest share of passages a word brought in by the vocabulary bridge may occur in. */
const BRIDGE_MAX_SHARE = 0.01;

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

/** How many of the best hits `matchesWeakly` looks at: what a reply shows. */
const WEAK_DEPTH = 3;

/** What `save` writes: everything needed to answer without reading the documents again. */
export interface SavedIndex {
  format: number;
  fingerprint: string;
  passages: Passage[];
  /** Terms too common to search for (see `commonTermShare`). */
  commonTerms: string[];
  index: AsPlainObject;
}

/** Identifies the corpus an index was built from: the passages and the catalog facts that are indexed. */
export function corpusFingerprint(docs: readonly CatalogDocument[], passages: readonly Passage[]): string {
  const hash = createHash('sha256');
  hash.update(`format ${INDEX_FORMAT_VERSION}\n`);
  for (const doc of docs)
    hash.update(JSON.stringify([doc.id, doc.title, doc.shortTitle, doc.aliases, doc.jurisdiction]));
  for (const passage of passages)
    hash.update(
      JSON.stringify([passage.id, passage.locator, passage.headingPath, passage.context ?? '', passage.text]),
    );
  return hash.digest('hex');
}

/** Index terms found in more than `share` of the passages. */
function findCommonTerms(passages: readonly Passage[], share: number): Set<string> {
  const documentFrequency = new Map<string, number>();
  for (const passage of passages) {
    for (const term of new Set(termsOf(passage.text)))
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const limit = share * passages.length;
  return new Set([...documentFrequency].filter(([, count]) => count > limit).map(([term]) => term));
}

function miniSearchOptions(
  options: CorpusIndexOptions,
  referents?: ReadonlyMap<number, string>,
): Options<Passage & { i: number }> {
  return {
    idField: 'i',
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm: termOf,
    extractField: (passage, field) => {
      switch (field) {
        case 'i':
          return passage.i as unknown as string;
        case 'text': {
          const text =
            passage.context && !passage.text.includes(passage.context)
              ? `${passage.context}\n${passage.text}`
              : passage.text;
          const referent = referents?.get(passage.i);
          return referent ? `${referent}\n${text}` : text;
        }
        case 'heading':
          return passage.headingPath.join('\n');
        default:
          return '';
      }
    },
    searchOptions: { bm25: options.bm25 },
  };
}

/** A scored passage before hits are formed. */
interface Ranked {
  i: number;
  score: number;
}

/**
 * Term cache size: questions share terms, and the terms that cost most (the frequent ones) are the ones they
 * share most. Measured on the bench questions over a 69k-passage corpus, their terms' results held 774k
 * entries (9 MB), a small part of the index itself.
 */
export const TERM_CACHE_PER_PASSAGE = 12;
export const TERM_CACHE_MIN = 300_000;

export class CorpusIndex {
  readonly passages: readonly Passage[];
  readonly options: CorpusIndexOptions;
  readonly fingerprint: string;
  private readonly docs: Map<string, CatalogDocument>;
  private readonly names: DocNameMatcher;
  private readonly missing: MissingDetector;
  private readonly mini: MiniSearch<Passage & { i: number }>;
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
      this.mini = MiniSearch.loadJS(saved.index, miniOptions);
      this.commonTerms = new Set(saved.commonTerms);
    } else {
      this.mini = new MiniSearch(miniOptions);
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
    const menuSize = Math.max(0, Math.min(options.menuDocuments ?? 0, 50));
    const terms = analyzed.terms;
    const missing = this.missing.detect(query);
    if (terms.length === 0)
      return { query, hits: [], namedDocs, missing, weak: true, ...(menuSize > 0 ? { documents: [] } : {}) };

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
    if (menuSize === 0) return { query, hits, namedDocs, missing, weak };
    const documents = [
      ...new Set(
        this.formHits(all, analyzed.namedDocs.length > 0, menuSize).map((hit) => hit.passages[0]!.docId),
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

/**
 * The parts of MiniSearch 7's in-memory index that a one-term search reads (its own `termResults` walks the
 * same maps). Not public API: the shape is checked when an index is made, and a unit test compares every
 * score with `MiniSearch#search`, so a MiniSearch that stores them otherwise fails loudly, not silently.
 */
interface MiniSearchInternals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
}

function internalsOf(mini: MiniSearch<Passage & { i: number }>): MiniSearchInternals {
  const inner = mini as unknown as Partial<MiniSearchInternals>;
  if (
    typeof inner._index?.get !== 'function' ||
    typeof inner._fieldIds !== 'object' ||
    !(inner._documentIds instanceof Map) ||
    !(inner._fieldLength instanceof Map) ||
    !Array.isArray(inner._avgFieldLength) ||
    typeof inner._documentCount !== 'number'
  )
    throw new Error(
      'MiniSearch keeps its index in an unexpected shape: see MiniSearchInternals in index.ts.',
    );
  return inner as MiniSearchInternals;
}

/**
 * One term's BM25+ scores straight from MiniSearch's postings, as `MiniSearch#search` computes them (same
 * formula, same order of operations, so the same numbers) without the result objects, match lists and sort it
 * builds per posting: those made a first-seen common term cost ~2 µs per passage that has it (125 ms for "ai"
 * over 69k passages).
 */
class TermScorer {
  private readonly inner: MiniSearchInternals;
  private readonly fields: { id: number; boost: number; lengths: Float64Array; average: number }[];
  /** Passage index of each MiniSearch short id (-1: none). */
  private readonly passageOf: Int32Array;
  private readonly bm25: { k: number; b: number; d: number };
  /** Per-passage sums for a term over the fields, zeroed after each use. */
  private readonly sums: Float64Array;
  private readonly seen: Uint8Array;
  private readonly found: Int32Array;

  constructor(mini: MiniSearch<Passage & { i: number }>, options: CorpusIndexOptions, passageCount: number) {
    const inner = internalsOf(mini);
    this.inner = inner;
    this.bm25 = options.bm25;
    let shortIds = 0;
    for (const shortId of inner._documentIds.keys()) shortIds = Math.max(shortIds, shortId + 1);
    this.passageOf = new Int32Array(shortIds).fill(-1);
    for (const [shortId, id] of inner._documentIds) this.passageOf[shortId] = id as number;
    // MiniSearch reads a boost of 0 as 1, so a field weighted 0 is left out of the search instead.
    this.fields = FIELDS.filter((field) => options.fieldBoosts[field] > 0).map((field) => {
      const id = inner._fieldIds[field]!;
      const lengths = new Float64Array(shortIds);
      for (const [shortId, perField] of inner._fieldLength) lengths[shortId] = perField[id] ?? 0;
      return { id, boost: options.fieldBoosts[field], lengths, average: inner._avgFieldLength[id]! };
    });
    this.sums = new Float64Array(passageCount);
    this.seen = new Uint8Array(passageCount);
    this.found = new Int32Array(passageCount);
  }

  /** Whether any passage has the term. */
  has(term: string): boolean {
    return this.inner._index.get(term) !== undefined;
  }

  /** How many passages have the term in their largest field (a cheap document frequency). */
  frequency(term: string): number {
    const data = this.inner._index.get(term);
    if (!data) return 0;
    let most = 0;
    for (const postings of data.values()) most = Math.max(most, postings.size);
    return most;
  }

  score(term: string): TermScores {
    const data = this.inner._index.get(term);
    if (!data) return { ids: new Int32Array(0), scores: new Float64Array(0) };
    const { k, b, d } = this.bm25;
    const total = this.inner._documentCount;
    const { sums, seen, found, passageOf } = this;
    let count = 0;
    for (const field of this.fields) {
      const postings = data.get(field.id);
      if (!postings) continue;
      const matching = postings.size;
      const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      const { lengths, average, boost } = field;
      for (const [shortId, termFreq] of postings) {
        const i = passageOf[shortId] ?? -1;
        if (i < 0) continue;
        const raw =
          invDocFreq *
          (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * lengths[shortId]!) / average)));
        if (seen[i] === 0) {
          seen[i] = 1;
          found[count++] = i;
        }
        sums[i]! += boost * raw;
      }
    }
    const ids = found.slice(0, count).sort();
    const scores = new Float64Array(count);
    for (let n = 0; n < count; n++) {
      const i = ids[n]!;
      scores[n] = sums[i]!;
      sums[i] = 0;
      seen[i] = 0;
    }
    return { ids, scores };
  }
}

/**
 * The kinds of provision of the passages (`provisionKinds`) and the lift a question asking for a kind gives
 * them: a factor on their own score, plus a share of the best score in their document. The share is what
 * brings "These Provisions take effect on …" to a question about when those provisions start: the topic
 * words pick the document, the shape the provision in it.
 */
class Provisions {
  private readonly kinds: Uint8Array;
  /** The kinds the passage's own heading names (`headingKinds`). */
  private readonly headed: Uint8Array;
  /** Each passage's document, as an ordinal. */
  private readonly docOf: Uint16Array;
  private readonly docCount: number;
  private readonly ordinals = new Map<string, number>();
  private readonly byShape = new Map<number, Int32Array>();
  /** Definition passages by the key of the term they define (`definedTermKeys`). */
  private readonly definitions = new Map<string, number[]>();

  constructor(passages: readonly Passage[]) {
    this.kinds = Uint8Array.from(passages, provisionKinds);
    this.headed = Uint8Array.from(passages, headingKinds);
    const ordinals = this.ordinals;
    this.docOf = Uint16Array.from(passages, (passage) => {
      const known = ordinals.get(passage.docId);
      if (known !== undefined) return known;
      ordinals.set(passage.docId, ordinals.size);
      return ordinals.size - 1;
    });
    this.docCount = ordinals.size;
    for (const [i, passage] of passages.entries()) {
      if ((this.kinds[i]! & ProvisionKind.definition) === 0) continue;
      for (const key of definedTermKeys(passage.text)) {
        const list = this.definitions.get(key);
        if (list) list.push(i);
        else this.definitions.set(key, [i]);
      }
    }
  }

  /** The passages of any kind in `shape`, ascending. */
  ofShape(shape: number): Int32Array {
    let found = this.byShape.get(shape);
    if (!found) {
      const ids: number[] = [];
      for (let i = 0; i < this.kinds.length; i++) if ((this.kinds[i]! & shape) !== 0) ids.push(i);
      found = Int32Array.from(ids);
      this.byShape.set(shape, found);
    }
    return found;
  }

  /**
   * Raises the scores (`final`, of passages `ids`) of passages of a kind in `shape`. A document the question
   * names counts as matching as well as the best passage: "when do the deep synthesis rules take effect" has
   * no topic words but the name.
   */
  lift(
    ids: Int32Array,
    final: Float64Array,
    asked: Pick<AnalyzedQuery, 'shape' | 'namedDocs' | 'topicTerms'>,
    options: CorpusIndexOptions,
  ): void {
    const { shape, namedDocs } = asked;
    const docBest = new Float64Array(this.docCount);
    let best = 0;
    for (let k = 0; k < ids.length; k++) {
      const doc = this.docOf[ids[k]!]!;
      if (final[k]! > docBest[doc]!) docBest[doc] = final[k]!;
      if (final[k]! > best) best = final[k]!;
    }
    for (const id of namedDocs) {
      const doc = this.ordinals.get(id);
      // Any positive score will do when nothing matched at all: there is nothing else to rank.
      if (doc !== undefined) docBest[doc] = best > 0 ? best : 1;
    }
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k]!;
      if ((this.kinds[i]! & shape) === 0) continue;
      final[k] = final[k]! * options.shapeBoost + options.shapeDocShare * docBest[this.docOf[i]!]!;
      if ((this.headed[i]! & shape) !== 0) final[k]! *= options.shapeHeadingFactor;
    }
    if ((shape & ProvisionKind.definition) === 0) return;
    // The definition of exactly the words asked about ("what is a deployer") before definitions using them.
    const defining = new Set<number>();
    for (const key of topicKeys(asked.topicTerms))
      for (const i of this.definitions.get(key) ?? []) defining.add(i);
    if (defining.size === 0) return;
    for (let k = 0; k < ids.length; k++) if (defining.has(ids[k]!)) final[k]! *= options.definedTermBoost;
  }
}

/** One term's scores: the passages that have it, ascending, and its score in each. */
interface TermScores {
  ids: Int32Array;
  scores: Float64Array;
}

/** Whether ascending `ids` holds `id` (binary search). */
function includes(ids: Int32Array, id: number): boolean {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = ids[mid]!;
    if (at === id) return true;
    if (at < id) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Whether `a` ranks before `b`: higher score first, then corpus order. */
const before = (a: Ranked, b: Ranked): boolean => a.score > b.score || (a.score === b.score && a.i < b.i);

/**
 * The scored passages of one query, sorted only as deep as asked: sorting every match of a query with common
 * words is most of its cost on a large corpus, and hits come from the first few dozen.
 */
class RankedList {
  constructor(
    private readonly ids: Int32Array,
    private readonly scores: Float64Array,
    readonly termsOf: (i: number) => string[],
  ) {}

  /** The best `depth` passages (of those `keep` accepts), best first. */
  top(depth: number, keep?: (i: number) => boolean): Ranked[] {
    // A min-heap of the best so far: its root is the one the next better passage replaces.
    const heap: Ranked[] = [];
    const { ids, scores } = this;
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k]!;
      const score = scores[k]!;
      // A passage of the asked kind in a document nothing matched (see Provisions) is no answer.
      if (score <= 0) continue;
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

/**
 * Term results by term, least recently used dropped first once they hold more than `capacity` passages in
 * all: questions share many terms, and a common term costs most of a query the first time.
 */
class TermCache {
  private readonly entries = new Map<string, TermScores>();
  private size = 0;

  constructor(private readonly capacity: number) {}

  get(term: string): TermScores | undefined {
    const found = this.entries.get(term);
    if (found) {
      this.entries.delete(term);
      this.entries.set(term, found);
    }
    return found;
  }

  set(term: string, scores: TermScores): void {
    if (scores.ids.length > this.capacity) return;
    this.entries.set(term, scores);
    this.size += scores.ids.length;
    for (const [oldest, old] of this.entries) {
      if (this.size <= this.capacity) break;
      this.entries.delete(oldest);
      this.size -= old.ids.length;
    }
  }
}

/** Whether one path lies within the other: pieces of one point, or a point and its sub-points ((c) and (c)(i)). */
function nested(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((segment, i) => long[i] === segment);
}

/** A hit before its highlight words are looked up (only done for the hits returned). */
interface PendingHit {
  passages: Passage[];
  score: number;
  stems: Set<string>;
}

// Maximal runs of letters and digits with inner "." "/" "-", as text.ts tokenizes them (the ASCII form is
// several times faster on the plain-ASCII passages that are most of the corpus).
const WORD_RUN = /[\p{L}\p{N}]+(?:[./-][\p{L}\p{N}]+)*/gu;
const ASCII_WORD_RUN = /[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*/g;
const ASCII_TEXT = /^[\t\n\r -~]*$/;

/**
 * A hit whose highlight words are looked up when first read: callers that only list documents (the /ask
 * narrowing menu asks for 25 hits) never pay for them. Still a plain enumerable property for JSON and spreads.
 */
function withLazyTerms({ passages, score, stems }: PendingHit): SearchHit {
  let terms: string[] | undefined;
  return {
    passages,
    score,
    get terms() {
      terms ??= surfaceTerms(passages, stems);
      return terms;
    },
    set terms(value) {
      terms = value;
    },
  };
}

/**
 * The words of the passages, as written, whose index term is one of `stems` (for bold highlighting). A stem
 * shares its first two letters with the words it comes from, so a run of words is stemmed only from its first
 * word that starts that way (stemming every word of whole passages would cost more than the search itself).
 * The scan uses fixed patterns: a pattern built per query is compiled anew each time, which cost more than
 * the search.
 */
export function surfaceTerms(passages: readonly Passage[], stems: ReadonlySet<string>): string[] {
  if (stems.size === 0) return [];
  const prefixes = new Set<number>();
  for (const stem of stems) prefixes.add(prefixKey(stem, 0));
  const out = new Set<string>();
  for (const passage of passages) {
    const text = passage.text;
    const ascii = ASCII_TEXT.test(text);
    const runs = ascii ? ASCII_WORD_RUN : WORD_RUN;
    runs.lastIndex = 0;
    for (let match = runs.exec(text); match !== null; match = runs.exec(text)) {
      const run = match[0];
      const start = firstWordWithPrefix(run, prefixes);
      if (start < 0) continue;
      if (ascii && start === 0 && !hasSeparator(run)) {
        // One plain ASCII word: its token is itself, lower-cased (what `tokens` would return, without its cost).
        if (stems.has(termOf(run.toLowerCase()) ?? '')) out.add(run);
        continue;
      }
      for (const token of tokens(start === 0 ? run : run.slice(start))) {
        const term = termOf(token.norm);
        if (term !== null && stems.has(term)) out.add(token.surface);
      }
    }
  }
  return [...out];
}

const isSeparator = (code: number) => code === 0x2e || code === 0x2d || code === 0x2f; // . - /

function hasSeparator(run: string): boolean {
  for (let at = 1; at < run.length; at++) if (isSeparator(run.charCodeAt(at))) return true;
  return false;
}

/** Lower-cased code unit (ASCII at once, others through toLowerCase; -1 when that changes the length). */
function lower(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code < 0x80) return code;
  const folded = String.fromCharCode(code).toLowerCase();
  return folded.length === 1 ? folded.charCodeAt(0) : -1;
}

/** The first one or two code units of `text` from `at`, lower-cased, as one number. */
function prefixKey(text: string, at: number): number {
  const first = lower(text.charCodeAt(at));
  return at + 1 < text.length ? first * 0x10000 + lower(text.charCodeAt(at + 1)) : first;
}

/** Where in a run the first word starting with one of `prefixes` (case-insensitively) begins; -1 if none. */
function firstWordWithPrefix(run: string, prefixes: ReadonlySet<number>): number {
  if (startsWithPrefix(run, 0, prefixes)) return 0;
  for (let at = 1; at < run.length; at++)
    if (isSeparator(run.charCodeAt(at - 1)) && startsWithPrefix(run, at, prefixes)) return at;
  return -1;
}

function startsWithPrefix(run: string, at: number, prefixes: ReadonlySet<number>): boolean {
  const first = lower(run.charCodeAt(at));
  if (prefixes.has(first)) return true; // a one-letter stem ("5")
  return at + 1 < run.length && prefixes.has(first * 0x10000 + lower(run.charCodeAt(at + 1)));
}
