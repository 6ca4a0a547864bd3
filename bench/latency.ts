// Timing engines fairly against each other: every round takes the queries in a new shuffled order, and each
// query goes to all engines in a new shuffled order, so drift (CPU boost, GC, other processes) hits all
// alike. A warm-up pass, untimed, doubles as the recall pass.

import type { Passage } from '../src/corpus/types.js';
import { isRelevant, type RelevanceQuestion } from '../tools/eval/eval.js';
import type { Engine } from './engines.js';
import { type LatencySummary, type Random, shuffled, summarize } from './stats.js';

export interface MeasureOptions {
  rounds: number;
  random: Random;
  /** Stop a round early once this much time went by (the summary says how many queries were timed). */
  budgetMs?: number;
}

/** Per engine, the latencies of its queries. */
export async function timeInterleaved(
  engines: readonly Engine[],
  queries: readonly string[],
  options: MeasureOptions,
): Promise<Map<string, LatencySummary>> {
  const times = new Map(engines.map((engine) => [engine.name, [] as number[]]));
  const deadline = performance.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  for (let round = 0; round < options.rounds; round++) {
    for (const query of shuffled(queries, options.random)) {
      if (performance.now() > deadline) break;
      for (const engine of shuffled(engines, options.random)) {
        const start = process.hrtime.bigint();
        await engine.run(query);
        times.get(engine.name)!.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
  }
  return new Map([...times].map(([name, list]) => [name, summarize(list)]));
}

/** Share of questions with a relevant passage among the top `k` groups of a ranking. */
export function recallAt(
  k: number,
  questions: readonly RelevanceQuestion[],
  rankings: readonly Passage[][][],
): number {
  if (questions.length === 0) return 0;
  let found = 0;
  for (const [i, question] of questions.entries()) {
    const top = rankings[i]?.slice(0, k) ?? [];
    if (top.some((group) => group.some((passage) => isRelevant(question, passage)))) found++;
  }
  return found / questions.length;
}

/** Runs every query once through the engine's ranking (warms it up) and returns the rankings. */
export async function rankAll(engine: Engine, queries: readonly string[]): Promise<Passage[][][]> {
  const out: Passage[][][] = [];
  for (const query of queries) {
    await engine.run(query);
    out.push(await engine.rank(query));
  }
  return out;
}
