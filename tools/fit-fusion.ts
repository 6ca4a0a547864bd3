// `npx tsx tools/fit-fusion.ts [--check]`: fits the learned fusion's weights (src/search/learned.ts) on the
// tuning sets and writes src/search/fusion-weights.ts; with --check, only says whether the file is what the fit
// makes. Each answerable question of the fit sets is ranked once, just before the learned stage (the index built
// with `learnedFusion` and `namedPlace` off), keeping its best DEPTH candidates with their features; then
// coordinate ascent over the weights (each weight in turn tried at every value of GRID, the best kept, rounds
// until nothing improves) maximizes the mean over sets of the passage-level MRR@10, `namedPlace` emulated
// (the named place's passages first). Leave-one-set-out cross-validation reports each set's MRR with weights
// fitted on the other sets, beside the hand-set ranking (all weights 0). Deterministic: same corpus and sets,
// same weights.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogDocument } from '../src/corpus/catalog.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Passage } from '../src/corpus/types.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../src/search/index.js';
import { FUSION_FEATURES } from '../src/search/learned.js';
import { includes } from '../src/search/provisions.js';
import { isRelevant, loadSet, RELEVANCE_DIR } from './eval/eval.js';

/**
 * The sets fitted on: every English answerable set that was tuned on; never the held-out halves
 * (heldout-situations-rank, heldout-situations-3, heldout-heldnames-3) nor the blind sets.
 */
export const FIT_SETS = [
  'questions',
  'heldout',
  'shapes',
  'tuning',
  'tuning-situations',
  'tuning-situations-2',
  'tuning-situations-3',
  'tuning-situations-rank',
  'tuning-heldnames',
  'tuning-heldnames-2',
  'tuning-heldnames-3',
];
const DEPTH = 100;
const GRID = [-2, -1.5, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.5, 2];
const ROUNDS = 6;
/** Least gain in the objective for a weight to move: a move that gains less is noise on sets this small. */
const MIN_GAIN = 0.002;
export const WEIGHTS_PATH = join(PROJECT_ROOT, 'src', 'search', 'fusion-weights.ts');

interface Example {
  scores: Float64Array;
  features: Float64Array;
  relevant: Uint8Array;
  placed: Uint8Array;
}

export function collect(
  docs: readonly CatalogDocument[],
  passages: readonly Passage[],
): Map<string, Example[]> {
  const index = CorpusIndex.build(docs, passages, {
    signals: { ...DEFAULT_SIGNALS, learnedFusion: false, namedPlace: false },
  });
  const sets = new Map<string, Example[]>();
  for (const name of FIT_SETS) {
    const examples: Example[] = [];
    for (const question of loadSet(join(RELEVANCE_DIR, `${name}.jsonl`)).answerable) {
      const { ids, scores, features, place } = index.fusionCandidates(question.q, DEPTH);
      examples.push({
        scores,
        features,
        relevant: Uint8Array.from(ids, (i) => (isRelevant(question, passages[i]!) ? 1 : 0)),
        placed: Uint8Array.from(ids, (i) => (place && includes(place, i) ? 1 : 0)),
      });
    }
    sets.set(name, examples);
  }
  return sets;
}

/** Passage-level reciprocal rank (to 10) of the first relevant candidate under the weights. */
function reciprocalRank(example: Example, weights: readonly number[]): number {
  const n = FUSION_FEATURES.length;
  const { scores, features, relevant, placed } = example;
  const final = new Float64Array(scores.length);
  let best = 0;
  for (let k = 0; k < scores.length; k++) {
    let sum = 0;
    for (let f = 0; f < n; f++) sum += weights[f]! * features[k * n + f]!;
    final[k] = scores[k]! * Math.exp(sum);
    if (final[k]! > best) best = final[k]!;
  }
  for (let k = 0; k < scores.length; k++) if (placed[k]) final[k] = 2 * best + final[k]!;
  let first = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < scores.length; k++) if (relevant[k] && final[k]! > first) first = final[k]!;
  if (first === Number.NEGATIVE_INFINITY) return 0;
  let above = 0;
  for (let k = 0; k < scores.length; k++) if (final[k]! > first) above++;
  return above < 10 ? 1 / (above + 1) : 0;
}

function setMrr(examples: readonly Example[], weights: readonly number[]): number {
  let sum = 0;
  for (const example of examples) sum += reciprocalRank(example, weights);
  return sum / Math.max(1, examples.length);
}

/** The mean over sets of their MRR: each set counts alike, whatever its size. */
function objective(sets: readonly (readonly Example[])[], weights: readonly number[]): number {
  return sets.reduce((sum, examples) => sum + setMrr(examples, weights), 0) / sets.length;
}

/** Coordinate ascent from all-zero weights; a tie keeps the weight nearer 0. */
export function fitWeights(sets: readonly (readonly Example[])[]): number[] {
  const weights = FUSION_FEATURES.map(() => 0);
  let current = objective(sets, weights);
  for (let round = 0; round < ROUNDS; round++) {
    let improved = false;
    for (let f = 0; f < weights.length; f++) {
      const old = weights[f]!;
      let bestValue = old;
      let bestScore = current;
      for (const value of GRID) {
        weights[f] = value;
        const score = objective(sets, weights);
        if (
          score > bestScore + 1e-9 ||
          (Math.abs(score - bestScore) <= 1e-9 && Math.abs(value) < Math.abs(bestValue))
        ) {
          bestScore = score;
          bestValue = value;
        }
      }
      // A move must gain at least MIN_GAIN; one that gains nothing may still bring the weight nearer 0.
      if (bestScore >= current + MIN_GAIN) {
        weights[f] = bestValue;
        current = bestScore;
        improved = true;
      } else if (bestScore >= current - 1e-9 && Math.abs(bestValue) < Math.abs(old)) {
        weights[f] = bestValue;
        current = bestScore;
      } else weights[f] = old;
    }
    if (!improved) break;
  }
  return weights;
}

export function weightsFile(weights: readonly number[]): string {
  const rows = FUSION_FEATURES.map((name, f) => `  ${weights[f]}, // ${name}`).join('\n');
  return `// Generated by \`npx tsx tools/fit-fusion.ts\` from the tuning sets (${FIT_SETS.join(', ')}); do not edit.
// The learned fusion's weights, one per feature of FUSION_FEATURES (learned.ts), in its order.
export const FUSION_WEIGHTS: readonly number[] = [
${rows}
];
`;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const corpus = await loadCorpus({ autoSync: false });
  const sets = collect(corpus.docs, corpus.passages);
  const weights = fitWeights([...sets.values()]);
  const text = weightsFile(weights);
  if (check) {
    const same = readFileSync(WEIGHTS_PATH, 'utf8') === text;
    console.log(same ? 'fusion-weights.ts is what the fit makes' : 'fusion-weights.ts differs from the fit');
    process.exitCode = same ? 0 : 1;
    return;
  }
  const zero = FUSION_FEATURES.map(() => 0);
  console.log('set | hand-set MRR (passages) | fitted on all | fitted on the other sets (out of sample)');
  for (const [name, examples] of sets) {
    const others = [...sets].filter(([other]) => other !== name).map(([, e]) => e);
    const out = fitWeights(others);
    console.log(
      `${name} | ${setMrr(examples, zero).toFixed(3)} | ${setMrr(examples, weights).toFixed(3)} | ${setMrr(examples, out).toFixed(3)} | ${out.join(' ')}`,
    );
  }
  console.log(FUSION_FEATURES.map((name, f) => `${name} ${weights[f]}`).join(', '));
  writeFileSync(WEIGHTS_PATH, text);
}

if (process.argv[1]?.endsWith('fit-fusion.ts')) await main();
