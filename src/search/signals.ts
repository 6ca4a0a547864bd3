// Ranking, stage 3: signals. An ordered list of named adjustments to the fused scores, each switchable
// (`CorpusIndexOptions.signals`; `npm run eval -- --without NAME` measures the ranking without one). The
// score signals run in the order listed; the result signals shape the list of hits (results.ts).
import { type CatalogDocument, isFlaggedStatus } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { applyWeights } from './learned.js';
import type { CorpusIndexOptions, SignalName } from './options.js';
import type { Provisions } from './provisions.js';
import { includes } from './provisions.js';
import { type AnalyzedQuery, Asks, ProvisionKind } from './query.js';
import type { DocumentRouter } from './routing.js';
import { termsOf } from './text.js';
import { inJurisdiction } from './thesaurus.js';
import { isContentFree, isMappingTable, isNonOperative } from './units.js';
import { documentsByTitleWords } from './zhtitles.js';

/** What a score signal may read: the corpus, the options and the question. */
export interface SignalContext {
  passages: readonly Passage[];
  docs: ReadonlyMap<string, CatalogDocument>;
  options: CorpusIndexOptions;
  query: AnalyzedQuery;
  /** Each passage's kind of provision, worked out on first use. */
  provisions(): Provisions;
  /** The documents as bags of words (`documentPrior`), worked out on first use. */
  router(): DocumentRouter;
  /** The passages (numbers) that hold a term, when ranking a question (the lexical source's postings). */
  holders?: (term: string) => ArrayLike<number>;
}

/**
 * A score signal. A `prior` one is a factor per passage that depends only on the corpus (worked out once per
 * index, see `priorFactors`); a `query` one adjusts `scores` (of passages `ids`, the fused candidates) in
 * place for the question.
 */
export type ScoreSignal =
  | {
      name: SignalName;
      kind: 'prior';
      factor(passage: Passage, context: Omit<SignalContext, 'query'>): number;
    }
  | {
      name: SignalName;
      kind: 'query';
      apply(ids: Int32Array, scores: Float64Array, context: SignalContext): void;
    };

/** Kinds of document that bind (catalog `kind`). */
const BINDING_KINDS: ReadonlySet<string> = new Set(['law', 'regulation', 'executive order', 'treaty']);

/** Multiplies the scores of each document's passages by its factor. */
function perDocument(
  ids: Int32Array,
  scores: Float64Array,
  passages: readonly Passage[],
  factors: ReadonlyMap<string, number>,
): void {
  if (factors.size === 0) return;
  // By document number rather than by id: a map lookup per candidate was most of a signal's cost.
  const { of, byId, count } = docNumbers(passages);
  const factorOf: (number | undefined)[] = new Array(count).fill(undefined);
  for (const [docId, factor] of factors) {
    const d = byId.get(docId);
    if (d !== undefined) factorOf[d] = factor;
  }
  for (let k = 0; k < ids.length; k++) {
    const factor = factorOf[of[ids[k]!]!];
    if (factor !== undefined) scores[k]! *= factor;
  }
}

/**
 * A question of what one must, may or may not do (`asks`): definitions × `operativeFactor` (unless it asks what
 * something means), and for "is it legal / required" documents that bind no one × `bindingFactor`.
 */
function operative(
  ids: Int32Array,
  scores: Float64Array,
  { passages, docs, query, options, provisions }: SignalContext,
  asks: number,
): void {
  if ((asks & Asks.duty) !== 0 && (query.shape & ProvisionKind.definition) === 0) {
    const definitions = provisions().ofShape(ProvisionKind.definition);
    for (let k = 0; k < ids.length; k++)
      if (includes(definitions, ids[k]!)) scores[k]! *= options.operativeFactor;
  }
  if ((asks & Asks.legality) !== 0 && query.namedDocs.length === 0) {
    const factors = new Map<string, number>();
    for (const doc of docs.values())
      if (!BINDING_KINDS.has(doc.kind)) factors.set(doc.id, options.bindingFactor);
    perDocument(ids, scores, passages, factors);
  }
  if (options.signals.inForce && (asks & (Asks.duty | Asks.legality)) !== 0 && query.namedDocs.length === 0) {
    const factors = new Map<string, number>();
    for (const doc of docs.values())
      if (isFlaggedStatus(doc.status)) factors.set(doc.id, options.bindingFactor);
    perDocument(ids, scores, passages, factors);
  }
}

/**
 * Whether a place's documents speak to the question (`placeDocuments`): their best candidate holds at least
 * as many of the question's own words (typed, not expanded) as the best candidate of any other document. A
 * place whose law is silent on those words ("an AI rejected my apartment application in colorado …", where
 * Colorado's passages hold one word in six) keeps the plain `jurisdictionBoost`: steering to it would show
 * passages that do not answer.
 */
function speaksTo(
  ids: Int32Array,
  passages: readonly Passage[],
  own: readonly CatalogDocument[],
  query: AnalyzedQuery,
  holders: ((term: string) => ArrayLike<number>) | undefined,
): boolean {
  if (!holders) return false;
  // How many of the question's own words each passage holds, from the postings (a few short lists).
  const held = new Uint8Array(passages.length);
  for (const term of new Set(query.terms.filter((t) => t.weight === 1).map((t) => t.term))) {
    const found = holders(term);
    for (let k = 0; k < found.length; k++) held[found[k]!]!++;
  }
  const mine = new Set(own.map((doc) => doc.id));
  let inside = 0;
  let outside = 0;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    if (mine.has(passages[i]!.docId)) inside = Math.max(inside, held[i]!);
    else outside = Math.max(outside, held[i]!);
  }
  return inside > 0 && inside >= outside;
}

/** A provision's own title split at "on" / "for": its subject's terms and its scope's. */
interface TitleScope {
  subject: readonly string[];
  scope: readonly string[];
}

/** "Article 100 Administrative fines on Union institutions…": the unit's label, the subject, "on"/"for", the scope. */
const SCOPED_TITLE = /^(?:article|sec(?:tion)?\.?|§)\s*\S+\s+(.+?)\s(?:on|for)\s(.+)$/i;

const scopesOf = new WeakMap<readonly Passage[], readonly (TitleScope | undefined)[]>();

/** Each passage's title scope (undefined when its title has none), worked out once per corpus. */
function titleScopes(passages: readonly Passage[]): readonly (TitleScope | undefined)[] {
  const cached = scopesOf.get(passages);
  if (cached) return cached;
  const byTitle = new Map<string, TitleScope | undefined>();
  const scopes = passages.map((passage) => {
    const title = passage.headingPath.at(-1) ?? '';
    if (!byTitle.has(title)) {
      const match = SCOPED_TITLE.exec(title);
      byTitle.set(title, match ? { subject: termsOf(match[1]!), scope: termsOf(match[2]!) } : undefined);
    }
    return byTitle.get(title);
  });
  scopesOf.set(passages, scopes);
  return scopes;
}

/** The score signals, in the order they apply (the prior ones together, at their first place). */
export const SCORE_SIGNALS: readonly ScoreSignal[] = [
  {
    name: 'namedDocument',
    kind: 'query',
    apply(ids, scores, { passages, query, options }) {
      perDocument(ids, scores, passages, new Map(query.namedDocs.map((id) => [id, options.namedDocBoost])));
    },
  },
  {
    name: 'jurisdiction',
    kind: 'query',
    apply(ids, scores, { passages, docs, query, options, holders }) {
      if (query.jurisdictions.length === 0) return;
      const named = new Set(options.signals.namedDocument ? query.namedDocs : []);
      const factors = new Map<string, number>();
      for (const place of query.jurisdictions) {
        // The place's own documents (a Chinese original and its translation count once).
        const own = [...docs.values()].filter(
          (doc) => inJurisdiction(doc.jurisdiction, place) && !doc.originalOf,
        );
        const factor =
          options.signals.placeDocuments &&
          named.size === 0 &&
          own.length > 0 &&
          speaksTo(ids, passages, own, query, holders)
            ? Math.max(options.jurisdictionBoost, options.namedDocBoost)
            : options.jurisdictionBoost;
        for (const doc of docs.values())
          if (!named.has(doc.id) && inJurisdiction(doc.jurisdiction, place))
            factors.set(doc.id, Math.max(factors.get(doc.id) ?? 1, factor));
      }
      perDocument(ids, scores, passages, factors);
    },
  },
  {
    // A question written in Chinese asks about China's rules unless it names a document or a place: the CN
    // documents × `jurisdictionBoost`, and a translation whose Chinese original Charter holds × `translationFactor`
    // (the original answers in the asker's words; `--lang` shows the translation beside it).
    name: 'chineseQuestion',
    kind: 'query',
    apply(ids, scores, { passages, docs, query, options }) {
      if (!query.chinese || query.namedDocs.length > 0 || query.jurisdictions.length > 0) return;
      const translated = new Set(
        [...docs.values()].flatMap((doc) => (doc.originalOf ? [doc.originalOf] : [])),
      );
      const factors = new Map<string, number>();
      for (const doc of docs.values()) {
        if (!inJurisdiction(doc.jurisdiction, 'CN')) continue;
        factors.set(
          doc.id,
          options.jurisdictionBoost * (translated.has(doc.id) ? options.translationFactor : 1),
        );
      }
      perDocument(ids, scores, passages, factors);
    },
  },
  {
    // A Chinese question that takes up the words of a Chinese rule's title ("推荐算法", "深度合成") is about that
    // rule: × `titleWordsBoost` (zhtitles.ts).
    name: 'zhTitleWords',
    kind: 'query',
    apply(ids, scores, { passages, docs, query, options }) {
      if (!query.chinese || !query.text || query.namedDocs.length > 0) return;
      const found = documentsByTitleWords(query.text, docs);
      perDocument(ids, scores, passages, new Map(found.map((id) => [id, options.titleWordsBoost])));
    },
  },
  {
    // A provision whose title narrows its subject to someone or something ("Administrative fines on Union
    // institutions, bodies, offices and agencies", "Fines for providers of general-purpose AI models") answers
    // a question that takes up the subject ("fines") but none of the scope's words only for that scope: ×
    // `titleScopeFactor`, so the general rule (AI Act Art. 99, "Penalties") comes first.
    name: 'titleScope',
    kind: 'query',
    apply(ids, scores, { passages, query, options }) {
      const scopes = titleScopes(passages);
      const all = new Set(query.terms.map((term) => term.term));
      const typed = new Set(query.terms.filter((term) => term.weight === 1).map((term) => term.term));
      for (let k = 0; k < ids.length; k++) {
        const scope = scopes[ids[k]!];
        if (scope?.subject.some((t) => typed.has(t)) && !scope.scope.some((t) => all.has(t)))
          scores[k]! *= options.titleScopeFactor;
      }
    },
  },
  {
    name: 'nonOperative',
    kind: 'prior',
    factor: (passage, { options }) => (isNonOperative(passage) ? options.nonOperativeFactor : 1),
  },
  {
    name: 'mappingTable',
    kind: 'prior',
    factor: (passage, { options }) => (isMappingTable(passage) ? options.nonOperativeFactor : 1),
  },
  {
    name: 'contentFree',
    kind: 'prior',
    factor: (passage, { options }) =>
      isContentFree(passage, options.contentFreeTerms) ? options.contentFreeFactor : 1,
  },
  {
    name: 'softLaw',
    kind: 'prior',
    factor: (passage, { docs, options }) =>
      BINDING_KINDS.has(docs.get(passage.docId)?.kind ?? '') ? 1 : options.softLawFactor,
  },
  {
    name: 'provisionShape',
    kind: 'query',
    apply(ids, scores, { query, options, provisions }) {
      if (query.shape !== 0) provisions().lift(ids, scores, query, options);
    },
  },
  {
    name: 'definedTerm',
    kind: 'query',
    apply(ids, scores, { query, options, provisions }) {
      if (query.shape !== 0) provisions().liftDefinitions(ids, scores, query, options);
    },
  },
  {
    name: 'operative',
    kind: 'query',
    apply(ids, scores, context) {
      operative(ids, scores, context, context.query.asks ?? 0);
    },
  },
  {
    // The same for a question asked in Chinese (要不要, 能不能, 违法吗, 应当): the binding Measures before the
    // TC260 framework's guidance on the same topic.
    name: 'zhOperative',
    kind: 'query',
    apply(ids, scores, context) {
      operative(ids, scores, context, context.query.zhAsks ?? 0);
    },
  },
  {
    // Before `documentFocus`: the support it sums is then of passages already weighed by their document.
    name: 'documentPrior',
    kind: 'query',
    apply(ids, scores, { query, options, router }) {
      if (query.namedDocs.length > 0 || query.chinese || options.priorWeight <= 0) return;
      const routing = router();
      const relative = routing.relative(query.terms, options.priorMu);
      if (!relative) return;
      const factors = Float64Array.from(relative, (ratio) => Math.exp(options.priorWeight * ratio));
      for (let k = 0; k < ids.length; k++) scores[k]! *= factors[routing.of[ids[k]!]!]!;
    },
  },
  {
    name: 'documentFocus',
    kind: 'query',
    apply(ids, scores, { passages, query, options }) {
      // Not for a question written in Chinese: `chineseQuestion` steers its documents, and its translated
      // English source is fused on another scale, so sums of scores per document would mix the two.
      if (query.namedDocs.length > 0 || query.chinese || options.focusExponent <= 0) return;
      focusDocuments(ids, scores, passages, options.focusDepth, options.focusExponent);
    },
  },
  {
    name: 'learnedFusion',
    kind: 'query',
    apply(ids, scores, context) {
      applyWeights(
        ids,
        scores,
        { ...context, priorMu: context.options.priorMu },
        context.options.fusionWeights,
      );
    },
  },
  {
    // Last: the place a question names comes before everything the other signals ranked.
    name: 'namedPlace',
    kind: 'query',
    apply(ids, scores, { query }) {
      const place = query.place;
      if (!place || place.length === 0) return;
      let best = 0;
      for (let k = 0; k < ids.length; k++) if (scores[k]! > best) best = scores[k]!;
      const floor = best > 0 ? 2 * best : 1;
      // A point only the reference's own words reach ("does GDPR article 22 mean a company can't
      // auto-reject …": "Article" in 22(4)) ranks at the floor, so the place reads in its own order (22(1)
      // first); a point the question's words reach ("section 15 of BIPA … selling": 15(c)) comes first.
      const unreached = query.placeUnreached;
      for (let k = 0; k < ids.length; k++)
        if (includes(place, ids[k]!))
          scores[k] = floor + (unreached && includes(unreached, ids[k]!) ? 0 : scores[k]!);
    },
  },
];

/** Each passage's document as a number (0, 1, …), and each document id's number, per corpus, worked out once. */
interface DocNumbers {
  of: Int32Array;
  byId: ReadonlyMap<string, number>;
  count: number;
}
const DOC_NUMBERS = new WeakMap<readonly Passage[], DocNumbers>();

function docNumbers(passages: readonly Passage[]): DocNumbers {
  let numbered = DOC_NUMBERS.get(passages);
  if (!numbered) {
    const numbers = new Map<string, number>();
    const of = Int32Array.from(passages, (passage) => {
      const known = numbers.get(passage.docId);
      if (known !== undefined) return known;
      numbers.set(passage.docId, numbers.size);
      return numbers.size - 1;
    });
    numbered = { of, byId: numbers, count: numbers.size };
    DOC_NUMBERS.set(passages, numbered);
  }
  return numbered;
}

/**
 * Each passage × (its document's support / the best document's) ^ `exponent`, where a document's support is
 * the sum of its best `depth` passage scores: a passage that matches alone in a document nothing else in the
 * question points to (a long paragraph of guidance that repeats "business") yields to a document where
 * several provisions match.
 */
export function focusDocuments(
  ids: Int32Array,
  scores: Float64Array,
  passages: readonly Passage[],
  depth: number,
  exponent: number,
): void {
  if (exponent <= 0 || depth <= 0) return;
  const { of, count } = docNumbers(passages);
  // The best `depth` scores of each document, highest first, in one flat array.
  const best = new Float64Array(count * depth);
  for (let k = 0; k < ids.length; k++) {
    let score = scores[k]!;
    if (score <= 0) continue;
    const base = of[ids[k]!]! * depth;
    for (let n = base; n < base + depth; n++) {
      if (score <= best[n]!) continue;
      const moved = best[n]!;
      best[n] = score;
      score = moved;
    }
  }
  const support = new Float64Array(count);
  let most = 0;
  for (let d = 0; d < count; d++) {
    let sum = 0;
    for (let n = d * depth; n < (d + 1) * depth; n++) sum += best[n]!;
    support[d] = sum;
    if (sum > most) most = sum;
  }
  if (most <= 0) return;
  for (let k = 0; k < ids.length; k++) {
    const own = support[of[ids[k]!]!]!;
    if (own > 0) scores[k]! *= (own / most) ** exponent;
  }
}

/** The product of the prior signals that are on, per passage (in the order listed). */
export function priorFactors(context: Omit<SignalContext, 'query'>): Float64Array {
  const priors = SCORE_SIGNALS.filter(
    (signal): signal is Extract<ScoreSignal, { kind: 'prior' }> =>
      signal.kind === 'prior' && context.options.signals[signal.name],
  );
  return Float64Array.from(context.passages, (passage) =>
    priors.reduce((product, signal) => product * signal.factor(passage, context), 1),
  );
}

/** Applies the signals that are on, in order; `prior` holds the prior signals' product per passage. */
export function applySignals(
  ids: Int32Array,
  scores: Float64Array,
  context: SignalContext,
  prior: Float64Array,
): void {
  let priorDone = false;
  for (const signal of SCORE_SIGNALS) {
    if (signal.kind === 'prior') {
      if (!priorDone) for (let k = 0; k < ids.length; k++) scores[k]! *= prior[ids[k]!]!;
      priorDone = true;
    } else if (context.options.signals[signal.name]) signal.apply(ids, scores, context);
  }
}
