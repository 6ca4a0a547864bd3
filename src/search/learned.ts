// Ranking, stage 3b: the learned fusion (`learnedFusion`). Each candidate passage gets a few features from
// what the other stages know about it — its document's routing prior (routing.ts), its kind of passage
// (definition, recital, annex, list lead-in, depth, length), whether its document binds, and how these meet
// what the question asks (a duty, legality, a meaning) — and its score is × exp(Σ weight · feature). The
// weights are fitted by `npx tsx tools/fit-fusion.ts` on the tuning sets (fusion-weights.ts, generated);
// all weights 0 leaves the ranking as the hand-set signals made it.

import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import type { Provisions } from './provisions.js';
import { includes } from './provisions.js';
import { type AnalyzedQuery, Asks, ProvisionKind } from './query.js';
import type { DocumentRouter } from './routing.js';
import { isNonOperative } from './units.js';

/** The features, in the order of the weights. */
export const FUSION_FEATURES = [
  'docPrior',
  'definition',
  'definitionAsked',
  'definitionDuty',
  'nonOperative',
  'annex',
  'nonBinding',
  'nonBindingDuty',
  'depth',
  'logLength',
  'leadIn',
] as const;

const F = Object.fromEntries(FUSION_FEATURES.map((name, f) => [name, f])) as Record<
  (typeof FUSION_FEATURES)[number],
  number
>;

/** Kinds of document that bind (catalog `kind`), as in signals.ts. */
const BINDING_KINDS: ReadonlySet<string> = new Set(['law', 'regulation', 'executive order', 'treaty']);

/** What the features read per passage that does not depend on the question, worked out once per corpus. */
interface StaticFeatures {
  nonOperative: Uint8Array;
  annex: Uint8Array;
  nonBinding: Uint8Array;
  depth: Float32Array;
  logLength: Float32Array;
  leadIn: Uint8Array;
}

const STATIC = new WeakMap<readonly Passage[], StaticFeatures>();

function staticFeatures(
  passages: readonly Passage[],
  docs: ReadonlyMap<string, CatalogDocument>,
): StaticFeatures {
  let found = STATIC.get(passages);
  if (!found) {
    found = {
      nonOperative: Uint8Array.from(passages, (p) => (isNonOperative(p) ? 1 : 0)),
      annex: Uint8Array.from(passages, (p) => ((p.path[0] ?? '').startsWith('annex') ? 1 : 0)),
      nonBinding: Uint8Array.from(passages, (p) =>
        BINDING_KINDS.has(docs.get(p.docId)?.kind ?? '') ? 0 : 1,
      ),
      depth: Float32Array.from(passages, (p) => Math.min(p.path.length, 4)),
      logLength: Float32Array.from(passages, (p) => Math.log(Math.max(p.text.length, 30) / 300)),
      leadIn: Uint8Array.from(passages, (p) => (/[:—–-]\s*$/.test(p.text) ? 1 : 0)),
    };
    STATIC.set(passages, found);
  }
  return found;
}

export interface FusionContext {
  passages: readonly Passage[];
  docs: ReadonlyMap<string, CatalogDocument>;
  query: AnalyzedQuery;
  provisions(): Provisions;
  router(): DocumentRouter;
  priorMu: number;
}

/**
 * The features of candidates `ids` for the question, one row of `FUSION_FEATURES.length` per candidate. With
 * `weights`, the document prior is worked out only when its weight is not 0 (the router reads every passage
 * once).
 */
export function fusionFeatures(
  ids: Int32Array,
  context: FusionContext,
  weights?: readonly number[],
): Float64Array {
  const { passages, docs, query } = context;
  const n = FUSION_FEATURES.length;
  const out = new Float64Array(ids.length * n);
  const fixed = staticFeatures(passages, docs);
  const routing = weights?.[F.docPrior] === 0 ? undefined : context.router();
  const relative =
    routing && query.namedDocs.length === 0 && !query.chinese
      ? routing.relative(query.terms, context.priorMu)
      : undefined;
  const definitions = context.provisions().ofShape(ProvisionKind.definition);
  const asksMeaning = (query.shape & ProvisionKind.definition) !== 0;
  const asks = query.asks ?? 0;
  const duty = (asks & (Asks.duty | Asks.legality)) !== 0;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    const row = k * n;
    if (relative) out[row + F.docPrior] = relative[routing!.of[i]!]!;
    const definition = includes(definitions, i);
    if (definition) {
      if (asksMeaning) out[row + F.definitionAsked] = 1;
      else out[row + F.definition] = 1;
      if (duty && !asksMeaning) out[row + F.definitionDuty] = 1;
    }
    out[row + F.nonOperative] = fixed.nonOperative[i]!;
    out[row + F.annex] = fixed.annex[i]!;
    out[row + F.nonBinding] = fixed.nonBinding[i]!;
    if (duty && fixed.nonBinding[i]) out[row + F.nonBindingDuty] = 1;
    out[row + F.depth] = fixed.depth[i]!;
    out[row + F.logLength] = fixed.logLength[i]!;
    out[row + F.leadIn] = fixed.leadIn[i]!;
  }
  return out;
}

/**
 * Per passage, exp(Σ weight · feature) of every feature but the document prior, for each of the four kinds of
 * question (asks a meaning or not × asks a duty or not): worked out once per corpus and weights, so a question
 * costs one multiplication per candidate.
 */
const FACTORS = new WeakMap<readonly Passage[], Map<string, Float64Array[]>>();

function factorTables(context: FusionContext, weights: readonly number[]): Float64Array[] {
  let byWeights = FACTORS.get(context.passages);
  if (!byWeights) {
    byWeights = new Map();
    FACTORS.set(context.passages, byWeights);
  }
  const key = weights.join(',');
  let tables = byWeights.get(key);
  if (!tables) {
    const all = Int32Array.from(context.passages.keys());
    const own = weights.map((w, f) => (f === F.docPrior ? 0 : w));
    const n = FUSION_FEATURES.length;
    tables = [0, 1, 2, 3].map((kind) => {
      const query: AnalyzedQuery = {
        ...context.query,
        namedDocs: [],
        shape: kind & 1 ? ProvisionKind.definition : 0,
        asks: kind & 2 ? Asks.duty : 0,
      };
      const features = fusionFeatures(all, { ...context, query }, own);
      return Float64Array.from(all, (i) => {
        let sum = 0;
        for (let f = 0; f < n; f++) sum += own[f]! * features[i * n + f]!;
        return Math.exp(sum);
      });
    });
    byWeights.set(key, tables);
  }
  return tables;
}

/** Scores × exp(Σ weight · feature), in place. */
export function applyWeights(
  ids: Int32Array,
  scores: Float64Array,
  context: FusionContext,
  weights: readonly number[],
): void {
  if (weights.every((w) => w === 0)) return;
  const { query } = context;
  const asksMeaning = (query.shape & ProvisionKind.definition) !== 0;
  const duty = ((query.asks ?? 0) & (Asks.duty | Asks.legality)) !== 0;
  const table = factorTables(context, weights)[(asksMeaning ? 1 : 0) + (duty ? 2 : 0)]!;
  const routing = weights[F.docPrior] === 0 ? undefined : context.router();
  const relative =
    routing && query.namedDocs.length === 0 && !query.chinese
      ? routing.relative(query.terms, context.priorMu)
      : undefined;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    scores[k]! *= table[i]!;
    if (relative) scores[k]! *= Math.exp(weights[F.docPrior]! * relative[routing!.of[i]!]!);
  }
}
