// Full-text search over passages: MiniSearch (BM25+) with legal-English term processing, a governance
// thesaurus, steering toward documents the question names, diverse hits and a fast save/load format.
import { createHash } from 'node:crypto';
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { DocNameMatcher } from './docnames.js';
import { analyzeQuery } from './query.js';
import { termOf, tokenize, tokens } from './text.js';
import { SYNONYM_WEIGHT } from './thesaurus.js';
import type { SearchHit, SearchOptions, SearchResponse } from './types.js';

/** Bump when the saved shape or the term processing changes: a saved index of another version is rebuilt. */
export const INDEX_FORMAT_VERSION = 1;

export interface CorpusIndexOptions {
  /** Field weights. `text` is the passage, `heading` its headings and list lead-in, `names` the document's title and aliases, `locator` "Art. 5(1)(c)". */
  fieldBoosts: { text: number; heading: number; names: number; locator: number };
  /** Weight of a thesaurus synonym next to a typed word (typed = 1). */
  synonymWeight: number;
  /** Score factor for passages of a document the question names ("under the AI Act"). */
  namedDocBoost: number;
  /** At most this many hits from one document before others get a turn (not applied when a document is named). */
  perDocCap: number;
  /** At most this many passages merged into one hit. */
  maxMergedPassages: number;
  /** Exponent of the share of query weight a passage matches: rewards passages that match more of the question. */
  coordinationExponent: number;
  /** BM25+ parameters. */
  bm25: { k: number; b: number; d: number };
}

/**
 * Defaults chosen on the relevance set (test/relevance/questions.jsonl, `charter eval`). Prefix and fuzzy
 * matching are off: on that set both lowered MRR (prefix turns "act" into "action", "actor", "activity").
 */
export const DEFAULT_INDEX_OPTIONS: CorpusIndexOptions = {
  fieldBoosts: { text: 1, heading: 1.5, names: 0.5, locator: 1 },
  synonymWeight: SYNONYM_WEIGHT,
  namedDocBoost: 4,
  perDocCap: 3,
  maxMergedPassages: 3,
  coordinationExponent: 1,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
};

const FIELDS = ['text', 'heading', 'names', 'locator'] as const;

/** What `save` writes: everything needed to answer without reading the documents again. */
export interface SavedIndex {
  format: number;
  fingerprint: string;
  passages: Passage[];
  index: AsPlainObject;
}

/** Identifies the corpus an index was built from: the passages and the catalog facts that are indexed. */
export function corpusFingerprint(docs: readonly CatalogDocument[], passages: readonly Passage[]): string {
  const hash = createHash('sha256');
  hash.update(`format ${INDEX_FORMAT_VERSION}\n`);
  for (const doc of docs) hash.update(JSON.stringify([doc.id, doc.title, doc.shortTitle, doc.aliases, doc.jurisdiction]));
  for (const passage of passages) hash.update(JSON.stringify([passage.id, passage.locator, passage.headingPath, passage.context ?? '', passage.text]));
  return hash.digest('hex');
}

function miniSearchOptions(docs: ReadonlyMap<string, CatalogDocument>, options: CorpusIndexOptions): Options<Passage & { i: number }> {
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
        case 'text':
          return passage.text;
        case 'heading':
          return [...passage.headingPath, passage.context ?? ''].join('\n');
        case 'names': {
          const doc = docs.get(passage.docId);
          return doc ? [doc.shortTitle, ...doc.aliases].join('\n') : '';
        }
        case 'locator':
          return passage.locator;
        default:
          return '';
      }
    },
    searchOptions: { bm25: options.bm25 },
  };
}

/** One search result before hits are formed. */
interface Ranked {
  i: number;
  score: number;
  terms: string[];
}

export class CorpusIndex {
  readonly passages: readonly Passage[];
  readonly options: CorpusIndexOptions;
  readonly fingerprint: string;
  private readonly docs: Map<string, CatalogDocument>;
  private readonly names: DocNameMatcher;
  private readonly mini: MiniSearch<Passage & { i: number }>;

  private constructor(
    docs: readonly CatalogDocument[],
    passages: readonly Passage[],
    options: CorpusIndexOptions,
    fingerprint: string,
    mini?: AsPlainObject,
  ) {
    this.passages = passages;
    this.options = options;
    this.fingerprint = fingerprint;
    this.docs = new Map(docs.map((doc) => [doc.id, doc]));
    this.names = new DocNameMatcher(docs);
    const miniOptions = miniSearchOptions(this.docs, options);
    if (mini) {
      this.mini = MiniSearch.loadJS(mini, miniOptions);
    } else {
      this.mini = new MiniSearch(miniOptions);
      this.mini.addAll(passages.map((passage, i) => ({ ...passage, i })));
    }
  }

  /** Indexes passages (sorted by document and `seq`, as the corpus build produces them). */
  static build(docs: readonly CatalogDocument[], passages: readonly Passage[], options: Partial<CorpusIndexOptions> = {}): CorpusIndex {
    return new CorpusIndex(docs, passages, { ...DEFAULT_INDEX_OPTIONS, ...options }, corpusFingerprint(docs, passages));
  }

  /** The saved form, for `JSON.stringify`; written once by `charter sync`. */
  toJSON(): SavedIndex {
    return { format: INDEX_FORMAT_VERSION, fingerprint: this.fingerprint, passages: [...this.passages], index: this.mini.toJSON() };
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
    return new CorpusIndex(docs, saved.passages, { ...DEFAULT_INDEX_OPTIONS, ...options }, saved.fingerprint, saved.index);
  }

  /** Documents a text names, by catalog titles and aliases. */
  namedDocs(text: string): string[] {
    return [...new Set(this.names.findExact(text).map((name) => name.docId))];
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = Math.max(0, Math.min(options.limit ?? 5, 50));
    const offset = Math.max(0, options.offset ?? 0);
    const analyzed = analyzeQuery(query, this.names, this.options.synonymWeight);
    const allowed = this.allowedDocs(options);
    // A named document outside the allowed set does not steer.
    const namedDocs = analyzed.namedDocs.filter((id) => allowed === undefined || allowed.has(id));
    if (analyzed.terms.length === 0) return { query, hits: [], namedDocs };

    const ranked = this.rank(analyzed.terms, allowed, new Set(namedDocs));
    const hits = this.formHits(ranked, namedDocs.length > 0, offset + limit);
    return { query, hits: hits.slice(offset, offset + limit), namedDocs };
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

  private rank(terms: { term: string; weight: number }[], allowed: Set<string> | undefined, named: Set<string>): Ranked[] {
    const weights = new Map(terms.map(({ term, weight }) => [term, weight]));
    const totalWeight = terms.reduce((sum, { weight }) => sum + weight, 0);
    const passages = this.passages;
    const results: SearchResult[] = this.mini.search(
      { combineWith: 'OR', queries: terms.map(({ term }) => term) },
      {
        // Terms arrive processed: MiniSearch must not tokenize or stem them again.
        tokenize: (text) => [text],
        processTerm: (term) => term,
        boost: this.options.fieldBoosts,
        boostTerm: (term) => weights.get(term) ?? 1,
        prefix: false,
        fuzzy: false,
        filter: allowed ? (result) => allowed.has(passages[result.id as number]!.docId) : undefined,
        boostDocument: named.size > 0 ? (id) => (named.has(passages[id as number]!.docId) ? this.options.namedDocBoost : 1) : undefined,
      },
    );
    const exponent = this.options.coordinationExponent;
    const ranked = results.map((result) => {
      const matchedWeight = result.queryTerms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0);
      const coordination = exponent === 0 ? 1 : (matchedWeight / totalWeight) ** exponent;
      return { i: result.id as number, score: result.score * coordination, terms: result.terms };
    });
    return ranked.sort((a, b) => b.score - a.score || a.i - b.i);
  }

  /**
   * Turns ranked passages into hits: a passage next to one already shown from the same unit joins that hit;
   * other passages of an already shown unit, and passages beyond a document's cap, wait until the end.
   */
  private formHits(ranked: Ranked[], docNamed: boolean, wanted: number): SearchHit[] {
    const hits: SearchHit[] = [];
    const deferred: Ranked[] = [];
    const unitHits = new Map<string, SearchHit>();
    const perDoc = new Map<string, number>();
    const passages = this.passages;
    for (const result of ranked) {
      if (hits.length >= wanted) break;
      const passage = passages[result.i]!;
      const unit = `${passage.docId}#${passage.path[0] ?? ''}`;
      const existing = unitHits.get(unit);
      if (existing) {
        const adjacent = existing.passages.some((p) => Math.abs(p.seq - passage.seq) === 1);
        if (adjacent && existing.passages.length < this.options.maxMergedPassages) {
          existing.passages.push(passage);
          existing.passages.sort((a, b) => a.seq - b.seq);
          existing.terms = [...new Set([...existing.terms, ...this.surfaceTerms(passage, result.terms)])];
        } else {
          deferred.push(result);
        }
        continue;
      }
      const count = perDoc.get(passage.docId) ?? 0;
      if (!docNamed && count >= this.options.perDocCap) {
        deferred.push(result);
        continue;
      }
      perDoc.set(passage.docId, count + 1);
      const hit: SearchHit = { passages: [passage], score: result.score, terms: this.surfaceTerms(passage, result.terms) };
      unitHits.set(unit, hit);
      hits.push(hit);
    }
    for (const result of deferred) {
      if (hits.length >= wanted) break;
      const passage = passages[result.i]!;
      hits.push({ passages: [passage], score: result.score, terms: this.surfaceTerms(passage, result.terms) });
    }
    return hits;
  }

  /** The words of a passage, as written, whose index term matched the query (for bold highlighting). */
  private surfaceTerms(passage: Passage, matched: string[]): string[] {
    const wanted = new Set(matched);
    const out = new Set<string>();
    for (const token of tokens(passage.text)) {
      const term = termOf(token.norm);
      if (term !== null && wanted.has(term)) out.add(token.surface);
    }
    return [...out];
  }
}
