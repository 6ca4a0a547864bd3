// The search facade. A question goes through stages, each in its own module:
//   query analysis (query.ts: named documents and places, weighted terms, the kind of provision asked for)
//   → candidate sources (sources.ts: BM25+ over MiniSearch's postings; provisions of the asked kind)
//   → fusion (fusion.ts) → score signals (signals.ts: named, each switchable) → ranking (ranking.ts)
//   → results (results.ts: merged neighbours, per-unit and per-document turns; sides.ts: "X vs Y")
//   → evidence (evidence.ts: how much of the question the best hits hold) and facets.
// What the question names that Charter lacks is found beside them (missing.ts). Search measures and reports;
// the answer core (src/answer/judge.ts) decides whether an answer is weak or missing. options.ts holds the
// tuning and the saved shape.
import type { AsPlainObject } from 'minisearch';
import { loadAsks, type ReaderQuestion, resolveAsks } from '../corpus/asks.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import { loadKnownInstruments } from '../corpus/instruments.js';
import { LinkTable, type SavedLinks } from '../corpus/links.js';
import { linksKey } from '../corpus/links-version.js';
import type { Passage } from '../corpus/types.js';
import { AskedIndex } from './asked.js';
import { ChineseSynonyms, dictionaryWords } from './bilingual.js';
import { type CompoundCorpus, compoundTerms } from './compounds.js';
import { coverages, type TranslatedWord, translatedShareFor } from './crosslingual.js';
import { DefinedInstances, DefinitionBridge, definingTerms } from './definitions.js';
import { derivedForms } from './derivations.js';
import { DocNameMatcher } from './docnames.js';
import { EVIDENCE_DEPTH, gatherEvidence } from './evidence.js';
import {
  definitionTerms,
  derivationTerms,
  everydayTerms,
  feedbackTerms,
  gloveTerms,
  instanceTerms,
  synonymTerms,
  type TermStats,
  translatedTerms,
} from './expand.js';
import { type EnglishFrequencies, englishFrequencies } from './frequencies.js';
import { fuse } from './fusion.js';
import { CorpusNames, SpelledOut } from './heldnames.js';
import { type PendingHit, withLazyTerms } from './highlight.js';
import { fusionFeatures } from './learned.js';
import { CompoundLocks } from './locks.js';
import { MissingDetector } from './missing.js';
import { topicality } from './offtopic.js';
import {
  type CorpusIndexOptions,
  corpusFingerprint,
  DEFAULT_INDEX_OPTIONS,
  findCommonTerms,
  INDEX_FORMAT_VERSION,
  isIndexedField,
  miniSearchOptions,
  newsReferents,
  type SavedIndex,
} from './options.js';
import { loadCities, loadPlaces, placesWithin } from './places.js';
import { LinkGraph, propagate } from './propagation.js';
import { Provisions } from './provisions.js';
import { type AnalyzedQuery, analyzeQuery, consequenceShape, timeLimitShape } from './query.js';
import { RankedList } from './ranking.js';
import { ReferenceResolver } from './reference/resolver.js';
import { formHits, HitPassages, type HitRules, hitRules } from './results.js';
import { DocumentRouter } from './routing.js';
import { countChinese, PassageMiniSearch, TermScorer } from './scorer.js';
import { alternate, sidesOf } from './sides.js';
import { applySignals, priorFactors, type SignalContext } from './signals.js';
import {
  type CandidateSource,
  type Candidates,
  LexicalSource,
  PlaceSource,
  ProvisionSource,
} from './sources.js';
import { TERM_CACHE_MIN, TERM_CACHE_PER_PASSAGE, TermCache } from './term-cache.js';
import { termOf, termsOf } from './text.js';
import type { WeightedTerm } from './thesaurus.js';
import { type PlaceName, placeNamesFor } from './thesaurus.js';
import type { MissingName, SearchOptions, SearchResponse } from './types.js';
import { WordNet } from './wordnet.js';

export { surfaceTerms } from './highlight.js';
export {
  type CorpusIndexOptions,
  corpusFingerprint,
  DEFAULT_INDEX_OPTIONS,
  DEFAULT_SIGNALS,
  INDEX_FORMAT_VERSION,
  isSignalName,
  type SavedIndex,
  SIGNAL_NAMES,
  type SignalName,
  type SignalSwitches,
} from './options.js';
export { TERM_CACHE_MIN, TERM_CACHE_PER_PASSAGE } from './term-cache.js';

/** Largest share of passages a word brought in by the vocabulary bridge may occur in. */
const BRIDGE_MAX_SHARE = 0.01;

let wordNet: WordNet | undefined | null;

/** How many compounds `isEverydayCompound` remembers whether the passages write. */
const EVERYDAY_CACHE_LIMIT = 4096;

/** Reader questions joined to passages, per passages array and question list (tests and tools build often). */
const joined = new WeakMap<readonly Passage[], WeakMap<readonly ReaderQuestion[], Map<number, string>>>();

/**
 * The reader questions of each passage (`readerQuestions`), one per line, by corpus position; undefined when
 * the index holds none. Questions whose snippet names no passage are left out (`charter lint` reports them).
 */
function passageAsks(
  options: CorpusIndexOptions,
  passages: readonly Passage[],
): Map<number, string> | undefined {
  if (!isIndexedField(options, 'asks')) return undefined;
  const questions = options.asks === undefined ? loadAsks() : options.asks;
  if (!questions || questions.length === 0) return undefined;
  const byQuestions = joined.get(passages) ?? new WeakMap<readonly ReaderQuestion[], Map<number, string>>();
  joined.set(passages, byQuestions);
  const asks =
    byQuestions.get(questions) ??
    new Map([...resolveAsks(questions, passages).byPassage].map(([i, list]) => [i, list.join('\n')]));
  byQuestions.set(questions, asks);
  return asks.size > 0 ? asks : undefined;
}

/** WordNet, opened once per process (undefined when the package is missing). */
function openWordNet(): WordNet | undefined {
  if (wordNet === undefined) wordNet = WordNet.installed() ?? null;
  return wordNet ?? undefined;
}

/** WordNet's synonyms (no bridge when the package is missing). */
function defaultBridge(): ((word: string) => readonly string[]) | undefined {
  const found = openWordNet();
  return found ? (word) => found.synonyms(word) : undefined;
}

export class CorpusIndex {
  readonly passages: readonly Passage[];
  readonly options: CorpusIndexOptions;
  readonly fingerprint: string;
  private readonly docs: Map<string, CatalogDocument>;
  private readonly names: DocNameMatcher;
  private readonly missing: MissingDetector;
  private readonly english: EnglishFrequencies;
  /** Jurisdiction codes of the held documents ("US-IL", and "US" for it too). */
  private readonly heldPlaces: ReadonlySet<string>;
  private readonly mini: PassageMiniSearch;
  private readonly commonTerms: ReadonlySet<string>;
  private readonly scorer: TermScorer;
  /** The vocabulary bridge (`CorpusIndexOptions.bridge`; WordNet by default). */
  private readonly bridge?: (word: string) => readonly string[];
  /** Stage 1: the candidate sources, BM25 first. */
  private readonly lexical: LexicalSource;
  /** WordNet's compounds already looked for in the passages (`isEverydayCompound`), bounded. */
  private readonly everydayCompounds = new Map<string, boolean>();
  private readonly sources: readonly CandidateSource[];
  /** The prior signals' product per passage (signals.ts). */
  private readonly prior: Float64Array;
  private readonly hitRules: HitRules;
  private readonly hitPassages: HitPassages;
  /** The documents as bags of words (`documentPrior`), built on the first question that uses them. */
  private documentRouter?: DocumentRouter;
  /** Each passage's kind of provision, worked out on the first question that asks for one. */
  private provisionIndex?: Provisions;
  /** Names of the catalog's jurisdictions from corpus/places.json (`placeNames`). */
  private readonly placeNames: readonly PlaceName[];
  /** Defined terms by their definitions' words (`definitionBridge`), built on first use. */
  private definitionIndex?: DefinitionBridge;
  /** Instances the definitions list, by instance (`definedInstances`), built on first use. */
  private instanceIndex?: DefinedInstances;
  /** The words the definitions say what defined terms mean with (`definingTerms`), built on first use. */
  private definingIndex?: Set<string>;
  /** The reader questions by their words (`Topicality.asked`), built on first use; null: none indexed. */
  private askedIndex?: AskedIndex | null;
  private readonly stats: TermStats;
  /** Words passages use only inside compounds (`compoundLock`), worked out on the first question. */
  private compoundLocks?: CompoundLocks;
  /** The reader questions joined to passages when the index was built (a loaded index reads them again). */
  private readonly builtAsks?: ReadonlyMap<number, string>;
  private readonly compoundCorpus: CompoundCorpus;
  /** Places named inside questions ("does GDPR article 22 mean …"), resolved on first use. */
  private references?: { resolver: ReferenceResolver; position: Map<string, number> };
  /** The Chinese documents' words by their English (`zhSynonyms`), built on the first Chinese question. */
  private chineseSynonyms?: ChineseSynonyms;
  /** 1 for each passage of a Chinese document, made on the first Chinese question (`translated`). */
  private chinesePassages?: Uint8Array;
  /** The documents' links as passage numbers (`linkPropagation`), built on first use. */
  private linkGraph?: LinkGraph;
  /** The saved link table's text, until its first use (`linkTable`). */
  private savedLinks?: string;
  /** The corpus's link table, by the documents it was made for. */
  private links?: { key: string; table: LinkTable };

  private constructor(
    docs: readonly CatalogDocument[],
    passages: readonly Passage[],
    options: CorpusIndexOptions,
    fingerprint: string,
    saved?: { index: AsPlainObject; commonTerms: string[]; links?: string },
    asks?: ReadonlyMap<number, string>,
  ) {
    this.passages = passages;
    if (asks) this.builtAsks = asks;
    if (typeof saved?.links === 'string') this.savedLinks = saved.links;
    this.options = options;
    this.fingerprint = fingerprint;
    this.docs = new Map(docs.map((doc) => [doc.id, doc]));
    this.names = new DocNameMatcher(docs);
    const miniOptions = miniSearchOptions(
      options,
      options.newsReferents && !saved ? newsReferents(docs, passages) : undefined,
      asks,
    );
    if (saved) {
      this.mini = PassageMiniSearch.restore(saved.index, miniOptions);
      this.commonTerms = new Set(saved.commonTerms);
    } else {
      this.mini = new PassageMiniSearch(miniOptions);
      this.mini.addAll(passages.map((passage, i) => ({ ...passage, i })));
      this.commonTerms = findCommonTerms(passages, options.commonTermShare);
    }
    this.scorer = new TermScorer(this.mini, options, passages.length, countChinese(passages));
    this.english = englishFrequencies();
    this.heldPlaces = new Set(
      docs.flatMap((doc) => {
        const code = doc.jurisdiction.toUpperCase();
        return code.includes('-') ? [code, code.split('-')[0]!] : [code];
      }),
    );
    const corpusNames = new CorpusNames(() => passages.map((passage) => passage.text));
    const spelledOut = new SpelledOut(() => passages.map((passage) => passage.text));
    this.missing = new MissingDetector({
      docs,
      names: this.names,
      places: loadPlaces(),
      hasTerm: (term) => this.scorer.has(term),
      known: loadKnownInstruments(),
      englishZipf: (term) => this.english.zipf(term),
      headings: new Set(passages.flatMap((passage) => passage.headingPath)),
      cites: (docId, phrases) => this.cites(docId, phrases),
      corpusNames: (name) => corpusNames.has(name),
      writes: (phrase) => this.writes(phrase),
      docUses: (docId, term) => this.lexical.termScores(term).ids.some((i) => passages[i]!.docId === docId),
      heldSection: sectionNumbers(passages),
      codeSection: codeSections(passages),
      ...(options.missingRules ? { rules: options.missingRules } : {}),
      spelledOut: (acronym) => spelledOut.has(acronym),
      commonWord: (word) => openWordNet()?.isCommonWord(word) ?? false,
      spelledTerm: (acronym) => spelledOut.hasTerm(acronym),
    });
    const termCache = new TermCache(
      options.termCacheEntries ?? Math.max(TERM_CACHE_MIN, TERM_CACHE_PER_PASSAGE * passages.length),
    );
    this.bridge = options.bridge === null ? undefined : (options.bridge ?? defaultBridge());
    this.lexical = new LexicalSource(this.scorer, termCache, passages.length, options.coordinationExponent);
    this.sources = [
      this.lexical,
      ...(options.signals.provisionShape ? [new ProvisionSource(() => this.provisions())] : []),
      ...(options.signals.namedPlace ? [new PlaceSource()] : []),
    ];
    this.prior = priorFactors(this.signalContext());
    this.stats = {
      passageCount: passages.length,
      frequency: (term) => this.scorer.frequency(term),
      common: this.commonTerms,
    };
    this.compoundCorpus = {
      frequency: (term) => this.scorer.frequency(term),
      passagesWith: (term) => this.lexical.termScores(term).ids,
      text: (i) => this.passages[i]!.text,
    };
    const held = new Set(docs.map((doc) => doc.jurisdiction));
    this.placeNames = [
      ...(options.signals.placeNames ? placeNamesFor(loadPlaces(), held) : []),
      ...(options.signals.placesWithin
        ? placesWithin(
            loadPlaces(),
            loadCities(),
            held,
            docs.flatMap((doc) => [doc.title, doc.shortTitle, ...doc.aliases]),
          )
        : []),
    ].sort((a, b) => b.tokens.length - a.tokens.length);
    this.hitRules = hitRules(options);
    this.hitPassages = new HitPassages(passages);
  }

  /** The compound locks over each passage's text, headings and reader questions (`compoundLock`). */
  private lockTable(): CompoundLocks {
    const asks = this.builtAsks ?? passageAsks(this.options, this.passages);
    if (wordNet === undefined) wordNet = WordNet.installed() ?? null;
    const found = wordNet;
    return new CompoundLocks(
      this.passages.length,
      (i) => {
        const passage = this.passages[i]!;
        return [passage.text, ...passage.headingPath, asks?.get(i) ?? ''].join('\n');
      },
      (first, second) => found?.isNounCompound(first, second) ?? false,
    );
  }

  /** Indexes passages (sorted by document and `seq`, as the corpus build produces them). */
  static build(
    docs: readonly CatalogDocument[],
    passages: readonly Passage[],
    options: Partial<CorpusIndexOptions> = {},
  ): CorpusIndex {
    const full = { ...DEFAULT_INDEX_OPTIONS, ...options };
    const asks = passageAsks(full, passages);
    return new CorpusIndex(docs, passages, full, corpusFingerprint(docs, passages, asks), undefined, asks);
  }

  /** The saved form, for `JSON.stringify`; written once by `charter sync`. */
  toJSON(): SavedIndex {
    return {
      format: INDEX_FORMAT_VERSION,
      fingerprint: this.fingerprint,
      passages: [...this.passages],
      commonTerms: [...this.commonTerms],
      index: this.mini.toJSON(),
      links: JSON.stringify(this.linkTable([...this.docs.values()]).toJSON(this.links!.key)),
    };
  }

  /**
   * The corpus's link table (the law's own links: /ask's Links button, /quote) over these documents: the
   * saved one when it was made for them by this code, else built from the passages (~1 s on a slow machine).
   */
  linkTable(docs: readonly CatalogDocument[]): LinkTable {
    const key = linksKey(docs, this.fingerprint);
    if (this.links?.key === key) return this.links.table;
    let saved: SavedLinks | undefined;
    if (this.savedLinks !== undefined) {
      try {
        saved = JSON.parse(this.savedLinks) as SavedLinks;
      } catch {
        saved = undefined; // a damaged section: build it
      }
      if (saved?.key !== key) saved = undefined;
    }
    const table = new LinkTable(docs, this.passages, saved);
    if (saved) this.savedLinks = undefined;
    this.links = { key, table };
    return table;
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

  /** Whether a document's passages contain one of these phrases (asked only of documents a question names). */
  private cites(docId: string, phrases: readonly string[]): boolean {
    if (phrases.length === 0) return false;
    return this.passages.some(
      (passage) => passage.docId === docId && phrases.some((phrase) => passage.text.includes(phrase)),
    );
  }

  /**
   * Whether a held text writes these words in this order, in any case ("four ethical principles"): looked for
   * only in the passages that hold the rarest of their terms.
   */
  private writes(phrase: string): boolean {
    const words = phrase.match(/[\p{L}\p{N}]+/gu);
    if (!words || words.length === 0) return false;
    let fewest: ArrayLike<number> | undefined;
    for (const word of words) {
      const term = termOf(word.toLowerCase());
      if (term === null) continue;
      const ids = this.lexical.termScores(term).ids;
      if (!fewest || ids.length < fewest.length) fewest = ids;
    }
    if (!fewest) return false;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`,
      'iu',
    );
    return Array.prototype.some.call(fewest, (i: number) => pattern.test(this.passages[i]!.text));
  }

  /**
   * Whether two typed words are an everyday compound the documents never write (offtopic.ts
   * `TopicalityOptions.everyday`): WordNet lists them as one noun ("role model", "insurance policies"), and no
   * passage writes them together, as typed or with the second word's plural "s" dropped.
   */
  private isEverydayCompound(first: string, second: string): boolean {
    if (wordNet === undefined) wordNet = WordNet.installed() ?? null;
    if (!wordNet?.isNounCompound(first, second)) return false;
    const key = `${first} ${second}`;
    let everyday = this.everydayCompounds.get(key);
    if (everyday === undefined) {
      const forms = [second, ...(second.endsWith('s') ? [second.slice(0, -1)] : [])];
      everyday = !forms.some((form) => this.writesPair(first, form));
      if (this.everydayCompounds.size >= EVERYDAY_CACHE_LIMIT) this.everydayCompounds.clear();
      this.everydayCompounds.set(key, everyday);
    }
    return everyday;
  }

  /**
   * How much of a question one reader question holds (asked.ts), over the reader questions this index is
   * built with (`CorpusIndexOptions.asks`, by default corpus/asks); 0 when it indexes none.
   */
  private askedCoverage(question: string): number {
    if (this.askedIndex === undefined) {
      const questions = isIndexedField(this.options, 'asks')
        ? this.options.asks === undefined
          ? loadAsks()
          : this.options.asks
        : undefined;
      this.askedIndex =
        questions && questions.length > 0 ? new AskedIndex(questions.map((ask) => ask.q)) : null;
    }
    return this.askedIndex?.coverage(question) ?? 0;
  }

  /** Whether a passage writes these two words one after the other, in any case: read only where both occur. */
  private writesPair(first: string, second: string): boolean {
    const [a, b] = [termOf(first), termOf(second)];
    if (a === null || b === null) return false;
    const both = shared(this.lexical.termScores(a).ids, this.lexical.termScores(b).ids);
    if (both.length === 0) return false;
    // Lower-case ASCII words (WordNet.isNounCompound): a plain regular expression, far faster than a Unicode one.
    const pattern = new RegExp(`\\b${first}\\W+${second}\\b`, 'i');
    return both.some((i) => pattern.test(this.passages[i]!.text));
  }

  /** Documents a text names, by catalog titles and aliases. */
  namedDocs(text: string): string[] {
    return [...new Set(this.names.findExact(text).map((name) => name.docId))];
  }

  /** What a text names that Charter does not hold (missing.ts), as `search` reports it in `missing`. */
  missingIn(text: string): MissingName[] {
    return this.missing.detect(text);
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = Math.max(0, Math.min(options.limit ?? 5, 50));
    const offset = Math.max(0, options.offset ?? 0);
    const allowed = this.allowedDocs(options);
    const analyzed = this.analyze(query, allowed);
    if (options.docs?.length === 1 && allowed?.size === 1) analyzed.chosenDoc = options.docs[0]!;
    // A named document outside the allowed set does not steer.
    const namedDocs = analyzed.namedDocs.filter((id) => allowed === undefined || allowed.has(id));
    const facetSize = Math.max(0, Math.min(options.documentFacets ?? 0, 50));
    const missing = this.missing.detect(query);
    const about = {
      places: [
        ...new Set([
          ...analyzed.jurisdictions.filter(
            (code) => this.heldPlaces.has(code.toUpperCase()) && !analyzed.within?.includes(code),
          ),
          ...this.missing.heldPlaces(query),
        ]),
      ],
      topicality: topicality(query, {
        english: this.english,
        passages: this.passages.length,
        frequency: (term) => this.scorer.frequency(term),
        glosses: (text) => dictionaryWords(text),
        together: (a, b) => {
          const first = this.lexical.termScores(a).ids;
          const second = this.lexical.termScores(b).ids;
          return { both: together(first, second), first: first.length, second: second.length };
        },
        defines: (term) => {
          this.definingIndex ??= definingTerms(this.passages);
          return this.definingIndex.has(term);
        },
        everyday: (first, second) => this.isEverydayCompound(first, second),
        asked: (text) => this.askedCoverage(text),
      }),
    };
    const evidenceOf = (best: readonly PendingHit[]) => ({
      ...gatherEvidence(analyzed, best, this.passages.length, (term) => this.lexical.termScores(term)),
      ...about,
    });
    if (analyzed.terms.length === 0)
      return {
        query,
        hits: [],
        namedDocs,
        missing,
        evidence: evidenceOf([]),
        ...(facetSize > 0 ? { documents: [] } : {}),
      };

    // Ranked over all documents, then filtered: a passage's score depends only on its own document's boost
    // (the same with or without the filter), so this equals ranking within the allowed documents, and the
    // menu's documents come from the same ranking.
    const all = this.rank(analyzed);
    const passages = this.passages;
    const keep = allowed ? (i: number) => allowed.has(passages[i]!.docId) : undefined;
    // The asker named this place: its points are what they asked for, so its unit is not held to the unit cap.
    const uncapped = this.options.signals.placePoints && analyzed.place ? new Set(analyzed.place) : undefined;
    const form = (docNamed: boolean, wanted: number, only?: (i: number) => boolean) =>
      formHits(this.hitPassages, this.hitRules, all, docNamed, wanted, only, uncapped);
    const sides = this.options.signals.bothSides
      ? sidesOf(query, namedDocs, analyzed.jurisdictions, this.docs.values())
      : undefined;
    const wanted = offset + limit;
    const formed = sides
      ? alternate(
          [...new Set(sides.values())]
            .sort((a, b) => a - b)
            .map((side) =>
              form(true, wanted, (i) => sides.get(passages[i]!.docId) === side && (!keep || keep(i))),
            ),
          form(true, wanted, keep),
          wanted,
        )
      : form(namedDocs.length > 0, wanted, keep);
    const evidence = evidenceOf(formed.slice(0, EVIDENCE_DEPTH));
    const hits = formed.slice(offset, offset + limit).map(withLazyTerms);
    if (facetSize === 0) return { query, hits, namedDocs, missing, evidence };
    // The facet: the documents of the first hits over all documents, from the same ranking.
    const documents = [
      ...new Set(form(analyzed.namedDocs.length > 0, facetSize).map((hit) => hit.passages[0]!.docId)),
    ];
    return { query, hits, namedDocs, missing, evidence, documents };
  }

  /** Query analysis: the documents and places named, the weighted terms, the kind of provision asked for. */
  private analyze(query: string, allowed?: ReadonlySet<string>): AnalyzedQuery {
    const analyzed = analyzeQuery(query, this.names, {
      synonymWeight: this.options.synonymWeight,
      placeNames: this.placeNames,
      commonTerms: this.commonTerms,
      describedDocs: this.options.describedDocs,
      plainChinese: this.options.signals.zhAnotA,
      ...(this.bridge
        ? {
            bridge: this.bridge,
            bridgeWeight: this.options.bridgeWeight,
            // A bridged word must be in the corpus but not common: a common one costs most of a query's
            // time and says little.
            hasTerm: (term: string) => this.scorer.has(term),
            isBridgeTarget: (term: string) => {
              const count = this.scorer.frequency(term);
              return count > 0 && count <= BRIDGE_MAX_SHARE * this.passages.length;
            },
          }
        : {}),
    });
    const { signals } = this.options;
    if (signals.compounds) {
      const compounds = compoundTerms(
        query,
        analyzed.terms,
        analyzed.topicTerms,
        this.compoundCorpus,
        this.options,
      );
      if (compounds.length > 0) analyzed.compounds = compounds;
    }
    if (signals.derivations && !analyzed.chinese) {
      const derived = derivationTerms(analyzed.terms, (term) => derivedForms(term), this.stats, this.options);
      if (derived.size > 0) analyzed.derived = derived;
    }
    if (signals.everydayBridge && !analyzed.chinese) {
      if (wordNet === undefined) wordNet = WordNet.installed() ?? null;
      if (wordNet)
        everydayTerms(
          query,
          analyzed.terms,
          wordNet,
          this.stats,
          (term) => this.english.zipf(term),
          this.options,
        );
    }
    if (signals.gloveBridge) gloveTerms(query, analyzed.terms, this.stats, this.options);
    if (signals.compoundLock && !analyzed.chinese) {
      this.compoundLocks ??= this.lockTable();
      const skips = this.compoundLocks.skips(
        analyzed.terms.map(({ term }) => term),
        query,
      );
      if (skips.size > 0) analyzed.skips = skips;
    }
    if (signals.zhShapes && analyzed.zhShape) analyzed.shape |= analyzed.zhShape;
    if (signals.consequence && !analyzed.chinese) analyzed.shape |= consequenceShape(query);
    if (signals.timeLimit && !analyzed.chinese) analyzed.shape |= timeLimitShape(query);
    if (signals.zhSynonyms && analyzed.chinese) {
      this.chineseSynonyms ??= new ChineseSynonyms(
        new Set(
          this.passages
            .filter((passage) => passage.docId.endsWith('.zh'))
            .flatMap((passage) => termsOf(passage.text)),
        ),
        this.options.zhSynonymOverlap,
      );
      synonymTerms(
        query,
        analyzed.terms,
        this.chineseSynonyms,
        this.options,
        signals.zhSharedSense ? this.options.zhSynonymShare : Number.POSITIVE_INFINITY,
        signals.zhMorpheme ? this.options.zhMorphemeSenses : 0,
      );
    }
    if ((signals.zhDictionary || signals.zhEnBridge) && analyzed.chinese) {
      const translated = translatedTerms(query, analyzed.terms, this.stats, {
        dictionary: signals.zhDictionary,
        aligned: signals.zhEnBridge,
      });
      if (translated.length > 0) analyzed.translated = translated;
      if (signals.zhCoverage && translated.length > 0) analyzed.translatedWords = this.translatedWords(query);
    }
    if (signals.definitionBridge) {
      this.definitionIndex ??= new DefinitionBridge(this.passages);
      definitionTerms(analyzed.terms, this.definitionIndex, this.stats, this.options);
    }
    if (signals.definedInstances && !analyzed.chinese) {
      this.instanceIndex ??= new DefinedInstances(this.passages);
      instanceTerms(analyzed.terms, this.instanceIndex, this.stats, this.options);
    }
    if (this.options.signals.namedPlace) {
      const place = this.placeIn(query, allowed);
      if (place) {
        analyzed.place = place.positions;
        // A point matched only by the reference's own words ("Article" in Art. 22(4)'s "referred to in
        // Article 9(1)") is not what the question asks more than its siblings: it keeps the place's order.
        const own = new Set(termsOf(place.written));
        const asked = new Set(analyzed.terms.filter((t) => !own.has(t.term)).map((t) => t.term));
        const unreached = [...place.positions].filter(
          (i) => ![...asked].some((term) => this.scorer.inText(term, i)),
        );
        if (unreached.length > 0) analyzed.placeUnreached = Int32Array.from(unreached);
      }
    }
    return analyzed;
  }

  /**
   * Development (tools/fit-fusion.ts): the best `depth` candidates as ranked just before the learned fusion
   * stage, each with its fusion features, and the place the question names (its passages, which `namedPlace`
   * puts first). Build the index with `learnedFusion` and `namedPlace` off to see that point of the ranking.
   */
  fusionCandidates(
    query: string,
    depth: number,
  ): { ids: Int32Array; scores: Float64Array; features: Float64Array; place?: Int32Array } {
    const analyzed = this.analyze(query, undefined);
    if (analyzed.terms.length === 0)
      return { ids: new Int32Array(0), scores: new Float64Array(0), features: new Float64Array(0) };
    const top = this.rank(analyzed).top(depth);
    const ids = Int32Array.from(top, ({ i }) => i);
    const context = this.signalContext(analyzed);
    const place = analyzed.place ?? this.placeIn(query, undefined)?.positions;
    return {
      ids,
      scores: Float64Array.from(top, ({ score }) => score),
      features: fusionFeatures(ids, { ...context, priorMu: this.options.priorMu }),
      ...(place ? { place } : {}),
    };
  }

  /** The corpus positions of the place a question names inside it, when it names one (reference/resolver.ts). */
  private placeIn(
    query: string,
    allowed: ReadonlySet<string> | undefined,
  ): { positions: Int32Array; written: string } | undefined {
    // Cheap test first: a place is written with a number (or 第…条), or an annex or chapter with a Roman
    // numeral ("is recruitment AI listed in annex III of the AI act").
    if (!/[\d第]|\b(?:annex|chapter|ch\.)\s*[ivxlc]/i.test(query)) return undefined;
    if (!this.references) {
      this.references = {
        resolver: new ReferenceResolver([...this.docs.values()], this.passages),
        position: new Map(this.passages.map((passage, i) => [passage.id, i])),
      };
    }
    const { resolver, position } = this.references;
    const found = resolver.placeInQuestion(query, allowed);
    if (!found || (allowed && !allowed.has(found.doc.id))) return undefined;
    const positions = Int32Array.from(found.passages, (passage) => position.get(passage.id)!).sort();
    return { positions, written: found.written };
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

  /** Candidate sources → fusion → score signals: every candidate passage with its final score. */
  private rank(analyzed: AnalyzedQuery, feedbackDone = false): RankedList {
    const lists = this.sources
      .map((source) => source.candidates(analyzed))
      .filter((list): list is Candidates => list !== undefined);
    if (analyzed.translated)
      lists.push(this.translated(analyzed.translated, lists[0]!, analyzed.translatedWords));
    let fused = fuse(lists, this.passages.length);
    if (this.options.signals.linkPropagation && !analyzed.chinese) {
      this.linkGraph ??= new LinkGraph([...this.docs.values()], this.passages);
      fused = propagate(fused, this.linkGraph, {
        share: this.options.linkShare,
        sources: this.options.linkSources,
        fanOut: this.options.linkFanOut,
        kinds: this.options.linkKinds,
        explanatoryOnly: this.options.linkExplanatoryOnly,
      });
    }
    const { ids, scores, termsOf } = fused;
    const holders = (term: string) => this.lexical.termScores(term).ids;
    applySignals(ids, scores, { ...this.signalContext(analyzed), holders }, this.prior);
    const ranked = new RankedList(ids, scores, termsOf);
    if (!this.options.signals.feedback || feedbackDone) return ranked;
    const best = ranked
      .top(this.options.feedbackDepth)
      .map(({ i }) => ({ passage: this.passages[i]!, terms: termsOf(i) }));
    const extra = feedbackTerms(analyzed.terms, best, this.stats, this.options);
    if (extra.length === 0) return ranked;
    return this.rank({ ...analyzed, terms: [...analyzed.terms, ...extra] }, true);
  }

  /**
   * The translated source: a Chinese question's English words ranked as a question of their own, scaled so that
   * its best passage scores `translatedShare` of the Chinese words' best (scores on two scales meet by their
   * maxima). Only English passages: a Chinese passage is found by the question's own words.
   */
  private translated(
    terms: WeightedTerm[],
    own: Candidates,
    words: readonly TranslatedWord[] | undefined,
  ): Candidates {
    const found = this.lexical.candidates({ terms });
    this.chinesePassages ??= Uint8Array.from(this.passages, (passage) =>
      passage.docId.endsWith('.zh') ? 1 : 0,
    );
    const chinese = this.chinesePassages;
    const ids = new Int32Array(found.ids.length);
    const scores = new Float64Array(found.ids.length);
    let count = 0;
    let best = 0;
    for (let k = 0; k < found.ids.length; k++) {
      if (chinese[found.ids[k]!] === 1) continue;
      ids[count] = found.ids[k]!;
      scores[count++] = found.scores[k]!;
      best = Math.max(best, found.scores[k]!);
    }
    let ownBest = 0;
    for (const score of own.scores) ownBest = Math.max(ownBest, score);
    const share = words
      ? translatedShareFor(this.options.translatedShare, coverages(words, own, found, this.passages))
      : this.options.translatedShare;
    const scale = best > 0 && ownBest > 0 ? (share * ownBest) / best : 1;
    for (let k = 0; k < count; k++) scores[k]! *= scale;
    return { ids: ids.slice(0, count), scores: scores.slice(0, count), termsOf: found.termsOf };
  }

  /**
   * The question's dictionary words that have English the corpus uses (not too common), each weighted by the
   * rarest of its English terms (`zhCoverage`).
   */
  private translatedWords(query: string): TranslatedWord[] {
    const out: TranslatedWord[] = [];
    const total = this.passages.length;
    for (const { word, english } of dictionaryWords(query)) {
      const kept = english.filter((term) => !this.stats.common.has(term) && this.stats.frequency(term) > 0);
      if (kept.length === 0) continue;
      const rarest = Math.min(...kept.map((term) => this.stats.frequency(term)));
      out.push({ word, english: kept, weight: Math.log(1 + (total - rarest + 0.5) / (rarest + 0.5)) });
    }
    return out;
  }

  private signalContext(): Omit<SignalContext, 'query'>;
  private signalContext(query: AnalyzedQuery): SignalContext;
  private signalContext(query?: AnalyzedQuery): Omit<SignalContext, 'query'> {
    return {
      passages: this.passages,
      docs: this.docs,
      options: this.options,
      provisions: () => this.provisions(),
      router: () => {
        this.documentRouter ??= new DocumentRouter(this.passages, this.docs);
        return this.documentRouter;
      },
      ...(query ? { query } : {}),
    };
  }

  private provisions(): Provisions {
    this.provisionIndex ??= new Provisions(this.passages);
    return this.provisionIndex;
  }
}

/** A passage id's section or article ("…#sec:22757.12/b", "…#art:5/1"): its first number. */
const SECTION_ID = /#(?:sec|billsec|art):(\d+)/;

/**
 * Whether a held document has a section or article whose first number is that of a typed one ("4.2" → 4,
 * "230"): what the missing-name detector asks of a bare "section N" (name-shapes.ts `unheldSections`).
 */
function sectionNumbers(passages: readonly Passage[]): (number: string) => boolean {
  const held = new Set<string>();
  for (const passage of passages) {
    const found = SECTION_ID.exec(passage.id);
    if (found) held.add(String(Number(found[1])));
  }
  return (number) => held.has(String(Number(/^\d+/.exec(number)?.[0] ?? 'x')));
}

/** A code section a passage is cited by: "§ 17941(a)" → 17941, "§ 1107.1(a)" → 1107.1, "§ 6-1-1703(1)" → 6-1-1703. */
const CODE_SECTION = /^§\s*(\d[\d.-]*?)(?=[(\s,]|$)/;

/**
 * Whether a held law has this code section as its own (its passages are cited "§ N"), and its text writes a
 * code's name whose last word begins with `word` before "Code" ("Professions" for "prof" in "Business and
 * Professions Code"): what the missing-name detector asks of "Labor Code 1107.1" (name-shapes.ts, `codeCitation`).
 */
function codeSections(passages: readonly Passage[]): (number: string, word: string) => boolean {
  const owners = new Map<string, Set<string>>();
  for (const passage of passages) {
    const found = CODE_SECTION.exec(passage.locator);
    if (!found) continue;
    const set = owners.get(found[1]!) ?? new Set<string>();
    owners.set(found[1]!, set.add(passage.docId));
  }
  return (number, word) => {
    const docs = owners.get(number);
    if (!docs || !/^\p{L}+$/u.test(word)) return false;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word}\\p{L}*\\s+Code(?![\\p{L}\\p{N}])`, 'iu');
    return passages.some((passage) => docs.has(passage.docId) && pattern.test(passage.text));
  };
}

/** How many ids two ascending lists share. */
/** The positions in both sorted lists. */
function shared(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

function together(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}
