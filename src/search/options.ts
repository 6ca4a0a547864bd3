// How the index is built and tuned (CorpusIndexOptions, each default chosen on the relevance sets), what a
// saved index holds, and the MiniSearch options that follow from them.
import { createHash } from 'node:crypto';
import type { AsPlainObject, Options } from 'minisearch';
import type { ReaderQuestion } from '../corpus/asks.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { FUSION_WEIGHTS } from './fusion-weights.js';
import type { MissingRules } from './missing-rules.js';
import { termOf, termsOf, tokenize } from './text.js';
import { SYNONYM_WEIGHT } from './thesaurus.js';

/** Bump when the saved shape or the term processing changes: a saved index of another version is rebuilt. */
export const INDEX_FORMAT_VERSION = 4; // 4: the corpus's link table saved with it (`links`)

/**
 * The ranking signals (signals.ts, results.ts, sides.ts) by name, each on (true) or off; each one's strength
 * is its own option on `CorpusIndexOptions`. `npm run eval -- --without NAME` measures the ranking without one.
 */
export interface SignalSwitches {
  /** × `namedDocBoost` for passages of a document the question names ("under the AI Act"). */
  namedDocument: boolean;
  /** × `jurisdictionBoost` for passages of documents of a place the question names ("in China"), if not named. */
  jurisdiction: boolean;
  /**
   * With `jurisdiction`, when the question names no document: a place whose documents speak to it (signals.ts
   * `speaksTo`) stands for them as a name would: × `namedDocBoost` each, as naming several documents boosts each.
   * A share of it per document (× 8 for Illinois' one, × 4 for California's two) left China's six at the plain
   * × `jurisdictionBoost`: "do I have to register my AI model with the government in china" opened with the AI Act.
   */
  placeDocuments: boolean;
  /**
   * × `titleScopeFactor` for a provision whose title narrows its subject ("… fines on Union institutions") when
   * the question takes up the subject but no word of the scope (signals.ts).
   */
  titleScope: boolean;
  /** × `nonOperativeFactor` for recitals, preambles, legislative findings and checklists (units.ts). */
  nonOperative: boolean;
  /**
   * × `nonOperativeFactor` for a table that maps the document's own parts to each other (the TC260 framework's
   * 映射表; units.ts `isMappingTable`): the sections it points to answer, not the table.
   */
  mappingTable: boolean;
  /** × `contentFreeFactor` for list items with fewer than `contentFreeTerms` words of their own (units.ts). */
  contentFree: boolean;
  /** × `softLawFactor` for documents that bind no one (guidelines, frameworks, plans, news). */
  softLaw: boolean;
  /**
   * Passages of the kind of provision the question asks for (a definition, the entry into force, a
   * penalty): × `shapeBoost`, plus `shapeDocShare` × the best score in their document, × `shapeHeadingFactor`
   * when their own heading names the kind. Also lets the provision source's passages score at all.
   */
  provisionShape: boolean;
  /** × `definedTermBoost` for the definition of exactly the words a definition question asks about. */
  definedTerm: boolean;
  /** Result signal: adjacent passages of one point join one hit (`maxMergedPassages`, `mergeScoreShare`). */
  mergeNeighbours: boolean;
  /** Result signal: at most `perUnitCap` separate hits from one unit before other units get a turn. */
  unitDiversity: boolean;
  /** Result signal: at most `perDocCap` hits from one document before others (not when a document is named). */
  documentDiversity: boolean;
  /** Result signal: a question setting two named documents or places side by side ("US vs China") alternates. */
  bothSides: boolean;
  /**
   * A place named inside a question ("does GDPR article 22 mean …", "s. 15(a) BIPA") comes first, its
   * points in their order of score where the question's words besides the reference reach them, else in
   * the place's own order, then the rest (reference/resolver.ts `placeInQuestion`; the place source).
   */
  namedPlace: boolean;
  /**
   * With `namedPlace`: the named place's points are not held to `perUnitCap` ("art 5 AI act - who has to sign
   * off before police switch on live facial recognition" shows Art. 5(3), a fourth point of the article asked).
   */
  placePoints: boolean;
  /**
   * Jurisdictions also named as the world's countries and US states name them (corpus/places.json:
   * "canadian", "Japan's", "illinois"), for the jurisdictions the catalog has.
   */
  placeNames: boolean;
  /**
   * Places inside the held jurisdictions stand for them (corpus/cities.json, places.ts `placesWithin`): a
   * city ("my landlord in munich", "a startup in toronto", "denver") and a member state of a held union ("i
   * live in the netherlands", "a polish company" → EU), as "in canada" or "illinois" do with `placeNames`.
   */
  placesWithin: boolean;
  /** Query analysis: GloVe neighbours of the question's words at `gloveWeight` (glove.ts). */
  gloveBridge: boolean;
  /**
   * Lexical source: a word a passage uses only as the first word of a compound ("real" in "real-time", "real
   * world conditions"; "long" in "long-term") does not match a question that uses it on its own (locks.ts).
   */
  compoundLock: boolean;
  /** Query analysis: defined terms whose definitions hold the question's words, at `definitionWeight`. */
  definitionBridge: boolean;
  /**
   * Query analysis: a rare word a definition lists as an instance of its term ("fingerprint" in BIPA's
   * "'Biometric identifier' means a retina or iris scan, fingerprint, …") also searches the defined term, at
   * `instanceWeight` (definitions.ts `DefinedInstances`).
   */
  definedInstances: boolean;
  /**
   * Query analysis: compounds written closed or open meet the corpus's way of writing them ("deepfake" also
   * searches "deep fake", "data set" also "dataset"), at `compoundWeight` (compounds.ts).
   */
  compounds: boolean;
  /**
   * Pseudo-relevance feedback (RM3-style): when the first pass is confident, the distinctive terms of its
   * best passages join the question at `feedbackWeight` and it is ranked again.
   */
  feedback: boolean;
  /**
   * A question of what one must, may or may not do: definitions × `operativeFactor` (unless it asks what
   * something means), and for "is it legal / required" documents that bind no one × `bindingFactor`.
   */
  operative: boolean;
  /**
   * With `operative`, in "is it legal / required" (no document named): a document that is no longer or never
   * was law (catalog status revoked, superseded, died on the order paper: EO 14110, AIDA) binds no one either.
   */
  inForce: boolean;
  /** `operative` for a question written in Chinese, from its own wording (要不要, 能不能, 违法吗, 应当; query.ts `chineseAsks`). */
  zhOperative: boolean;
  /**
   * A Chinese term's rarity (BM25's idf) is counted among the passages written in Chinese, not among all: in a
   * corpus of mostly English passages every Chinese word looks rare, so 的, 我们 and 可以 weighed as much as
   * 标识 or 训练数据 (scorer.ts).
   */
  chineseIdf: boolean;
  /**
   * The translated source (index.ts): a question written in Chinese is also searched in English, with the
   * English words CC-CEDICT gives its words (水印 → watermark, 实名 → real name; bilingual.ts,
   * corpus/zh-en-bridge.json), so it can reach the English translations of Chinese rules; fused at
   * `translatedShare`.
   */
  zhDictionary: boolean;
  /**
   * The translated source also takes the English renderings of the question's Chinese terms in the documents
   * held in both languages (标识 → label; the aligned table of corpus/zh-en-bridge.json).
   */
  zhEnBridge: boolean;
  /**
   * The translated source's share grows when the English translations hold more of a Chinese question than
   * the Chinese originals do (crosslingual.ts), up to the Chinese side's best.
   */
  zhCoverage: boolean;
  /**
   * A Chinese question asks for a kind of provision in its own words (哪天生效, 啥意思, 也算 … 吗, 会被罚吗; query.ts
   * `chineseShape`), answered by the Chinese measures' formulas for it (起施行, 是指, 予以处罚): `provisionShape`.
   */
  zhShapes: boolean;
  /**
   * `zhSynonyms` also takes a corpus word whose English holds at least `zhSynonymShare` of the smaller of the two
   * words' English (合同 → 协议 through "agreement", 饭碗 → 就业 through "job"; bilingual.ts).
   */
  zhSharedSense: boolean;
  /**
   * `zhSynonyms` also takes a corpus word that shares a character with the everyday word and one English term
   * that at most `zhMorphemeSenses` corpus words carry (靠谱 → 可靠 through "reliable", 生孩子 → 生育 through
   * "birth", 来路 → 来源 through "origin"): Chinese near-synonyms mostly share a morpheme (bilingual.ts).
   */
  zhMorpheme: boolean;
  /** A Chinese question that takes up the distinctive words of a Chinese rule's title: × `titleWordsBoost` (zhtitles.ts). */
  zhTitleWords: boolean;
  /** A Chinese question's A-not-A forms searched as their verb once: 鼓不鼓励 → 鼓励, 备不备案 → 备案 (zhforms.ts). */
  zhAnotA: boolean;
  /**
   * Query analysis: a Chinese question's everyday words bring in the Chinese documents' words that CC-CEDICT
   * renders with the same English (删掉 → 删除, 账号 → 账户), at `zhSynonymWeight` (bilingual.ts).
   */
  zhSynonyms: boolean;
  /**
   * A question written in Chinese that names no document or place: China's documents × `jurisdictionBoost`,
   * translations whose Chinese original is held × `translationFactor` (signals.ts).
   */
  chineseQuestion: boolean;
  /**
   * A passage × its document's support (the sum of its best `focusDepth` scores) relative to the best
   * document's, ^ `focusExponent`, when no document is named (signals.ts `focusDocuments`).
   */
  documentFocus: boolean;
  /**
   * Stage between fusion and the signals: the best candidates pass `linkShare` of their score along the
   * documents' own links (the places they cite, the users of the term they define, the places citing them;
   * propagation.ts), so a recital or a definition worded like the question lifts the operative place.
   */
  linkPropagation: boolean;
  /** Query analysis: WordNet's derivationally related forms the corpus writes, at `derivationWeight`. */
  derivations: boolean;
  /**
   * Query analysis: WordNet synonyms and hypernyms of the question's everyday words (much more common in
   * English than in the passages), at `everydayWeight` (expand.ts `everydayTerms`).
   */
  everydayBridge: boolean;
  /**
   * A passage × exp(`priorWeight` × its document's mean log-likelihood ratio for the question against the best
   * document's), the documents as multinomial bags of their words and catalog names (routing.ts), when no
   * document is named and the question is not written in Chinese.
   */
  documentPrior: boolean;
  /**
   * The learned fusion (learned.ts): each candidate × exp(Σ weight · feature), the weights fitted on the tuning
   * sets by tools/fit-fusion.ts (fusion-weights.ts).
   */
  learnedFusion: boolean;
  /**
   * Document expansion (doc2query-style): each passage is also found by the questions readers might ask that
   * it answers (corpus/asks/*.jsonl, corpus/asks.ts), indexed as the field `asks` at `fieldBoosts.asks`; never
   * shown. Off, the field is not built (nor searched, in an index saved with it).
   */
  readerQuestions: boolean;
  /**
   * Query analysis: "what happens if … doesn't / ignores / lies …" asks for the penalty provision
   * (query.ts `consequenceShape`), lifted by `provisionShape` as "what is the fine for …" is.
   */
  consequence: boolean;
  /**
   * Query analysis: "how long / how soon / how many days …" asks for the paragraph stating a period ("within one
   * month", "not later than 72 hours"; query.ts `timeLimitShape`), lifted by `provisionShape`.
   */
  timeLimit: boolean;
}

export type SignalName = keyof SignalSwitches;

export const DEFAULT_SIGNALS: SignalSwitches = {
  namedDocument: true,
  jurisdiction: true,
  placeDocuments: true,
  titleScope: true,
  nonOperative: true,
  mappingTable: true,
  contentFree: true,
  softLaw: true,
  provisionShape: true,
  definedTerm: true,
  mergeNeighbours: true,
  unitDiversity: true,
  documentDiversity: true,
  bothSides: true,
  namedPlace: true,
  placePoints: true,
  placeNames: true,
  placesWithin: true,
  gloveBridge: true,
  compoundLock: false,
  // Measured and not kept (README, "What each stage brought"): both lowered the tuning sets.
  definitionBridge: false,
  definedInstances: false,
  feedback: false,
  compounds: true,
  operative: true,
  inForce: true,
  zhOperative: true,
  chineseIdf: true,
  zhDictionary: true,
  // Measured and not kept (README, "Chinese questions"): beside the dictionary it moved nothing; alone, at a
  // weight that lifts an English passage, the Chinese originals dropped. The pairs hold the law's words, not
  // the everyday ones Chinese questions use (水印, 换脸, 点赞).
  zhEnBridge: false,
  zhSynonyms: true,
  zhCoverage: true,
  zhShapes: true,
  // Measured and not kept (README, "Chinese questions, third round"): it lifted one set and lowered two.
  zhSharedSense: false,
  zhMorpheme: true,
  zhAnotA: true,
  zhTitleWords: true,
  chineseQuestion: true,
  documentFocus: true,
  linkPropagation: false,
  derivations: false,
  everydayBridge: false,
  // Measured and not kept (README, "Document routing"): alone, at every weight and smoothing tried, it lowered
  // tuning-situations and tuning; the learned fusion reads the same prior as one of its features.
  documentPrior: false,
  learnedFusion: true,
  readerQuestions: true,
  consequence: true,
  // Measured and not kept (README, "Situations in everyday words": timeLimit): it lifted both new sets and
  // heldout-situations-3, but flagged one more answerable question of tuning-situations-3 (1/47, over 2 %).
  timeLimit: false,
};

export const SIGNAL_NAMES = Object.keys(DEFAULT_SIGNALS) as SignalName[];

export function isSignalName(name: string): name is SignalName {
  return (SIGNAL_NAMES as string[]).includes(name);
}

export interface CorpusIndexOptions {
  /**
   * Field weights: `text` is the passage with its list lead-in, `heading` its headings, `asks` the reader
   * questions written for it (`readerQuestions`; default `ASKS_BOOST`). A field of weight 0 is not indexed. (A
   * locator field was measured and dropped: no gain on the relevance set, 6% of the postings. References go to
   * reference/.)
   */
  fieldBoosts: { text: number; heading: number; title?: number; asks?: number };
  /**
   * The reader questions (`readerQuestions`): by default every line of corpus/asks/*.jsonl (loadAsks); null
   * for none. Joined to their passages when the index is built (corpus/asks.ts `resolveAsks`).
   */
  asks?: readonly ReaderQuestion[] | null;
  /** Weight of a thesaurus synonym next to a typed word (typed = 1). */
  synonymWeight: number;
  /** Score factor for passages of a document the question names ("under the AI Act"). */
  namedDocBoost: number;
  /** Score factor for passages of documents of a jurisdiction the question names ("in China"). */
  jurisdictionBoost: number;
  /** Score factor for a provision whose title's scope the question does not take up (`titleScope`). */
  titleScopeFactor: number;
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
  /**
   * Score factor for a passage stating a period ("within one month") when the question asks how long one has
   * (`timeLimit`): a factor alone, without `shapeDocShare`, since a document states many periods and only the
   * one its topic words reach answers.
   */
  timeLimitBoost: number;
  /** Further factor for the definition of exactly the words a definition question asks about. */
  definedTermBoost: number;
  /** Score factor for recitals, preambles, legislative findings and checklists (units.ts): 1 leaves them be. */
  nonOperativeFactor: number;
  /** Score factor for list items with fewer than `contentFreeTerms` words of their own (units.ts). */
  contentFreeFactor: number;
  contentFreeTerms: number;
  /** Score factor for documents that bind no one (guidelines, frameworks, plans, news), when none is named. */
  softLawFactor: number;
  /** Steer to documents described by kind and issuer or date ("Trump's AI order", "the January 2025 executive order"). */
  describedDocs: boolean;
  /** Which ranking signals are on (signals.ts): each one's strength is its own option here. */
  signals: SignalSwitches;
  /** Which of the missing-name detector's switchable rules are on (missing-rules.ts); all by default. */
  missingRules?: Partial<MissingRules>;
  /**
   * A vocabulary bridge from everyday words to the documents' words, and its weight (query.ts): WordNet's
   * first-sense synonyms of the words the corpus never uses, by default; null for none.
   */
  bridge?: ((word: string) => readonly string[]) | null;
  bridgeWeight: number;
  /** Weight of a Chinese synonym through shared English (`zhSynonyms`). */
  zhSynonymWeight: number;
  /** Least overlap (Jaccard) of two words' English for them to count as synonyms (`zhSynonyms`). */
  zhSynonymOverlap: number;
  /** Least share of the smaller English set two words must have in common (`zhSharedSense`). */
  zhSynonymShare: number;
  /** Most Chinese corpus words an English term may render for it to join two words sharing a character (`zhMorpheme`). */
  zhMorphemeSenses: number;
  /** Factor for a translation whose Chinese original is held, for a question in Chinese (`chineseQuestion`). */
  translationFactor: number;
  /** Factor for the rule whose title a Chinese question takes up (`zhTitleWords`). */
  titleWordsBoost: number;
  /**
   * The translated source's best score as a share of the best score of the question's own words (`zhDictionary`):
   * below 1, a Chinese passage that holds the question's words stays above an English one that holds its
   * translation.
   */
  translatedShare: number;
  /** Weight of a GloVe neighbour (`gloveBridge`), shared among the neighbours of one word. */
  gloveWeight: number;
  /** Largest share of passages a GloVe neighbour may occur in. */
  gloveMaxShare: number;
  /** Only words found in at most this share of passages get GloVe neighbours. */
  gloveSourceShare: number;
  /** Weight of a compound's other form (`compounds`), and the fewest passages that must write that form. */
  compoundWeight: number;
  compoundMinPassages: number;
  /** Weight of a defined term's words reached through its definition (`definitionBridge`). */
  definitionWeight: number;
  /** Weight of a defined term's words reached from an instance its definition lists, and the largest share of passages that instance may be in (`definedInstances`). */
  instanceWeight: number;
  instanceMaxShare: number;
  /** Weight of the feedback terms (`feedback`), how many, from how many of the best passages. */
  feedbackWeight: number;
  feedbackTerms: number;
  feedbackDepth: number;
  /** Score factors of `operative`: definitions in a must/may question; non-binding documents in "is it legal". */
  operativeFactor: number;
  bindingFactor: number;
  /** `documentFocus`: how many of a document's best passages make its support, and the exponent. */
  focusDepth: number;
  focusExponent: number;
  /** `linkPropagation`: the share passed on, from how many of the best candidates, the widest fan-out to any passage, which links. */
  linkShare: number;
  linkSources: number;
  linkFanOut: number;
  linkKinds: { cites: boolean; defines: boolean; citedBy: boolean };
  linkExplanatoryOnly: boolean;
  /** Weight of a derivationally related form (`derivations`), and the largest share of passages it may occur in. */
  derivationWeight: number;
  derivationMaxShare: number;
  /** `everydayBridge`: how much more common in English (Zipf) than in the passages a word must be, the weight, hypernyms too. */
  everydayGate: number;
  everydayWeight: number;
  everydayHypernyms: boolean;
  /** `documentPrior`: the weight of the per-term log-likelihood ratio, and the Dirichlet smoothing μ. */
  priorWeight: number;
  priorMu: number;
  /** `learnedFusion`: the weights, one per feature of `FUSION_FEATURES` (learned.ts). */
  fusionWeights: readonly number[];
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
 * Weight of the reader questions' field (`readerQuestions`) beside the passage's own text (1): chosen on the
 * tuning-* and heldout-* sets (README, "Reader questions").
 */
export const ASKS_BOOST = 1;

/**
 * Defaults chosen on the relevance sets (test/relevance/*.jsonl, `npm run eval`), one option at a time; the
 * shape options on questions, heldout and shapes together. `npm run eval` gives the current figures, and
 * `npm run eval -- --without SIGNAL` the figures without one signal. Prefix and fuzzy matching are off:
 * measured, they moved no more than noise at extra cost per query.
 */
export const DEFAULT_INDEX_OPTIONS: CorpusIndexOptions = {
  // A field of the provision's own title (`title`) was measured and not kept: at 0.5 and 1 it raised
  // tuning-situations (R@5 +0.009) but lowered questions and heldout (MRR −0.016, −0.015 at 0.5).
  fieldBoosts: { text: 1, heading: 1, title: 0, asks: ASKS_BOOST },
  synonymWeight: SYNONYM_WEIGHT,
  namedDocBoost: 8,
  jurisdictionBoost: 3,
  titleScopeFactor: 0.7,
  shapeBoost: 1.2,
  shapeDocShare: 1.1,
  shapeHeadingFactor: 1.1,
  timeLimitBoost: 2.5,
  definedTermBoost: 3,
  nonOperativeFactor: 0.5,
  contentFreeFactor: 0.5,
  contentFreeTerms: 4,
  softLawFactor: 1,
  describedDocs: true,
  signals: DEFAULT_SIGNALS,
  newsReferents: true,
  bridgeWeight: 0.6,
  translationFactor: 0.5,
  titleWordsBoost: 2,
  zhSynonymWeight: 0.5,
  zhSynonymOverlap: 0.5,
  zhSynonymShare: 0.5,
  zhMorphemeSenses: 2,
  translatedShare: 0.5,
  gloveWeight: 0.3,
  gloveMaxShare: 0.02,
  gloveSourceShare: 0.002,
  definitionWeight: 0.4,
  instanceWeight: 0.5,
  instanceMaxShare: 0.002,
  // 1 and 0.3 each lost a question a tuning set (README, "Compounds written closed or open").
  compoundWeight: 0.5,
  compoundMinPassages: 2,
  feedbackWeight: 0.2,
  feedbackTerms: 8,
  feedbackDepth: 3,
  operativeFactor: 0.5,
  bindingFactor: 0.7,
  focusDepth: 3,
  focusExponent: 0.5,
  linkShare: 0.3,
  linkSources: 10,
  linkFanOut: 20,
  linkKinds: { cites: true, defines: true, citedBy: true },
  linkExplanatoryOnly: true,
  derivationWeight: 0.8,
  derivationMaxShare: 0.02,
  everydayGate: 1,
  everydayWeight: 0.3,
  everydayHypernyms: true,
  priorWeight: 0.5,
  priorMu: 2000,
  fusionWeights: FUSION_WEIGHTS,
  commonTermShare: 0.2,
  perDocCap: 4,
  perUnitCap: 3,
  maxMergedPassages: 3,
  mergeScoreShare: 0.3,
  coordinationExponent: 0,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
};

export const FIELDS = ['text', 'heading', 'title', 'asks'] as const;

export type Field = (typeof FIELDS)[number];

/**
 * Whether the index holds this field: `text` and `heading` always, `title` and `asks` when weighted above 0
 * (and `asks` only with `readerQuestions` on), so an unused field costs no postings.
 */
export function isIndexedField(options: CorpusIndexOptions, field: Field): boolean {
  if (field === 'text' || field === 'heading') return true;
  if (field === 'asks' && !options.signals.readerQuestions) return false;
  return (options.fieldBoosts[field] ?? 0) > 0;
}

/**
 * For each paragraph of a news report, the first sentence of the paragraph before it: a report names its
 * subject once ("China proposed a global AI cooperation organization") and then writes "its headquarters".
 * Indexed with the paragraph's text, so the subject's words find the paragraph; never shown.
 */
export function newsReferents(
  docs: readonly CatalogDocument[],
  passages: readonly Passage[],
): Map<number, string> {
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

/** What `save` writes: everything needed to answer without reading the documents again. */
export interface SavedIndex {
  format: number;
  fingerprint: string;
  passages: Passage[];
  /** Terms too common to search for (see `commonTermShare`). */
  commonTerms: string[];
  index: AsPlainObject;
  /**
   * The corpus's link table (corpus/links.ts `SavedLinks`) as JSON text, parsed on its first use rather than at
   * start (a start-up parse only scans a string). Absent in indexes built without it; a table whose key does
   * not match the documents it is opened with is built again.
   */
  links?: string;
}

/**
 * Identifies the corpus an index was built from: the passages, the catalog facts that are indexed and the
 * reader questions joined to the passages (`asks`, by corpus position), so new questions mean a new index.
 */
export function corpusFingerprint(
  docs: readonly CatalogDocument[],
  passages: readonly Passage[],
  asks?: ReadonlyMap<number, string>,
): string {
  const hash = createHash('sha256');
  hash.update(`format ${INDEX_FORMAT_VERSION}\n`);
  for (const doc of docs)
    hash.update(JSON.stringify([doc.id, doc.title, doc.shortTitle, doc.aliases, doc.jurisdiction]));
  passages.forEach((passage, i) => {
    const fields = [passage.id, passage.locator, passage.headingPath, passage.context ?? '', passage.text];
    const questions = asks?.get(i);
    hash.update(JSON.stringify(questions === undefined ? fields : [...fields, questions]));
  });
  return hash.digest('hex');
}

/** Index terms found in more than `share` of the passages. */
export function findCommonTerms(passages: readonly Passage[], share: number): Set<string> {
  const documentFrequency = new Map<string, number>();
  for (const passage of passages) {
    for (const term of new Set(termsOf(passage.text)))
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const limit = share * passages.length;
  return new Set([...documentFrequency].filter(([, count]) => count > limit).map(([term]) => term));
}

export function miniSearchOptions(
  options: CorpusIndexOptions,
  referents?: ReadonlyMap<number, string>,
  asks?: ReadonlyMap<number, string>,
): Options<Passage & { i: number }> {
  return {
    idField: 'i',
    // A field of weight 0 is not indexed at all (the saved index stays as small as before).
    fields: FIELDS.filter((field) => isIndexedField(options, field)),
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
        case 'title':
          // The provision's own title ("Article 33 Notification of a personal data breach to the supervisory
          // authority"), so its words count for each of its paragraphs beside the chapter and section titles.
          return passage.headingPath.at(-1) ?? '';
        case 'asks':
          // The reader questions written for the passage (`readerQuestions`), one per line; never shown.
          return asks?.get(passage.i) ?? '';
        default:
          return '';
      }
    },
    searchOptions: { bm25: options.bm25 },
  };
}
