// `charter eval`: ranking quality of Charter's search on the relevance set, next to baselines run over the
// same passages in the same process (MiniSearch with default options, lunr, plain BM25).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  DEFAULT_JUDGE_STAGES,
  isFlagged,
  isWeak,
  type JudgeStages,
  WEAK_COVERAGE,
} from '../../src/answer/judge.js';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import { containsSnippet, squash } from '../../src/corpus/snippet.js';
import type { Passage } from '../../src/corpus/types.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { CorpusIndex, type CorpusIndexOptions } from '../../src/search/index.js';
import {
  bm25Ranking,
  charterRanking,
  DEPTH,
  lunrRanking,
  miniSearchDefaultRanking,
  type Ranking,
} from './baselines.js';

export const RELEVANCE_DIR = join(PROJECT_ROOT, 'test', 'relevance');
export const DEFAULT_QUESTIONS_PATH = join(RELEVANCE_DIR, 'questions.jsonl');

/** One line of the relevance set: a question and a verbatim snippet of the passage that answers it. */
export interface RelevanceQuestion {
  q: string;
  docId: string;
  snippet: string;
}

/**
 * A question about something the corpus does not hold: `{"q": …, "missing": "what it names"}` (the name is
 * for people reading the set; the eval only checks that Charter flags the question).
 */
export interface MissingQuestion {
  q: string;
  missing: string;
}

/**
 * A message that is not about AI governance at all ("weather in Berlin tomorrow"): `{"q": …, "offtopic": true}`.
 * Charter must answer it with "nothing in the documents matches well" (`weak`), never with quotes.
 */
export interface OfftopicQuestion {
  q: string;
}

/** A relevance set as written: questions Charter can answer, questions about what it lacks, off-topic ones. */
export interface RelevanceSet {
  name: string;
  path: string;
  answerable: RelevanceQuestion[];
  missing: MissingQuestion[];
  offtopic: OfftopicQuestion[];
}

export interface EvalOptions {
  docs: readonly CatalogDocument[];
  passages: readonly Passage[];
  questionsPath?: string;
  /** Charter index options to try instead of the defaults (for tuning). */
  indexOptions?: Partial<CorpusIndexOptions>;
  /** Which systems to run; default all. */
  systems?: SystemName[];
  /** The judge's stages (src/answer/judge.ts), to measure one off; default all on. */
  judge?: JudgeStages;
  /** Charter's index when already built (with how long that took). */
  index?: CorpusIndex;
  buildMs?: number;
}

export const SYSTEM_NAMES = ['charter', 'bm25', 'minisearch-default', 'lunr'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

export interface EvalRow {
  system: SystemName;
  recall1: number;
  recall3: number;
  recall5: number;
  recall10: number;
  mrr10: number;
  ndcg10: number;
  /** Query latency over the set, milliseconds. */
  p50Ms: number;
  p99Ms: number;
}

export interface EvalMiss {
  q: string;
  docId: string;
  /** 1-based rank of the first relevant hit, or null when not in the top 10. */
  rank: number | null;
  /** Documents of the top 3 hits. */
  top: string[];
}

/** How often Charter says it lacks something (`missing`) or that nothing matches well (`weak`). */
export interface FlagCounts {
  /** Questions about what the corpus lacks, and how many of them Charter flagged. */
  missingTotal: number;
  missingFlagged: number;
  /** Answerable questions, and how many of them Charter flagged wrongly. */
  answerableTotal: number;
  wronglyFlagged: number;
  /** Off-topic messages, and how many of them Charter answered weak. */
  offtopicTotal: number;
  offtopicWeak: number;
  /** The questions flagged wrongly or not flagged, and the off-topic ones answered as if on topic, for looking at. */
  wrong: string[];
  unflagged: string[];
  offtopicAnswered: string[];
}

export interface EvalReport {
  /** The set's name (file name without .jsonl). */
  name?: string;
  questions: number;
  passages: number;
  rows: EvalRow[];
  /** Charter's questions answered below rank 5, for looking at. */
  misses: EvalMiss[];
  /** Charter index build time in milliseconds. */
  buildMs: number;
  /** Charter's flags on the set (when run through `runEvalSets`). */
  flags?: FlagCounts;
}

/** Charter's flags on questions: a question is flagged when it names something missing or matches weakly. */
export function countFlags(
  index: CorpusIndex,
  set: RelevanceSet,
  judge: JudgeStages = DEFAULT_JUDGE_STAGES,
): FlagCounts {
  const flagged = (q: string) => isFlagged(index.search(q, { limit: 3 }), judge);
  const weak = (q: string) => isWeak(index.search(q, { limit: 3 }), WEAK_COVERAGE, judge);
  const wrong = set.answerable.filter((question) => flagged(question.q)).map((question) => question.q);
  const unflagged = set.missing.filter((question) => !flagged(question.q)).map((question) => question.q);
  const offtopicAnswered = set.offtopic.filter((question) => !weak(question.q)).map((question) => question.q);
  return {
    missingTotal: set.missing.length,
    missingFlagged: set.missing.length - unflagged.length,
    answerableTotal: set.answerable.length,
    wronglyFlagged: wrong.length,
    offtopicTotal: set.offtopic.length,
    offtopicWeak: set.offtopic.length - offtopicAnswered.length,
    wrong,
    unflagged,
    offtopicAnswered,
  };
}

export interface EvalSetsReport {
  passages: number;
  sets: EvalReport[];
  /** Over all sets. */
  flags: FlagCounts;
}

/** Every set, every system, in one process over the same passages; Charter's index is built once. */
export function runEvalSets(
  options: Omit<EvalOptions, 'questionsPath'> & { paths?: readonly string[] },
): EvalSetsReport {
  const start = performance.now();
  const index = CorpusIndex.build(options.docs, options.passages, options.indexOptions);
  const buildMs = performance.now() - start;
  const sets: EvalReport[] = [];
  const all: FlagCounts = {
    missingTotal: 0,
    missingFlagged: 0,
    answerableTotal: 0,
    wronglyFlagged: 0,
    offtopicTotal: 0,
    offtopicWeak: 0,
    wrong: [],
    unflagged: [],
    offtopicAnswered: [],
  };
  for (const path of options.paths ?? relevanceSetPaths()) {
    const set = loadSet(path);
    const report =
      set.answerable.length > 0
        ? runEval({ ...options, questionsPath: path, index, buildMs })
        : { questions: 0, passages: options.passages.length, rows: [], misses: [], buildMs };
    const flags = countFlags(index, set, options.judge);
    sets.push({ ...report, name: set.name, flags });
    all.missingTotal += flags.missingTotal;
    all.missingFlagged += flags.missingFlagged;
    all.answerableTotal += flags.answerableTotal;
    all.wronglyFlagged += flags.wronglyFlagged;
    all.offtopicTotal += flags.offtopicTotal;
    all.offtopicWeak += flags.offtopicWeak;
    all.wrong.push(...flags.wrong);
    all.unflagged.push(...flags.unflagged);
    all.offtopicAnswered.push(...flags.offtopicAnswered);
  }
  return { passages: options.passages.length, sets, flags: all };
}

export function loadSet(path: string): RelevanceSet {
  const set: RelevanceSet = {
    name: basename(path, '.jsonl'),
    path,
    answerable: [],
    missing: [],
    offtopic: [],
  };
  for (const [i, line] of readFileSync(path, 'utf8').split('\n').entries()) {
    if (line.trim().length === 0) continue;
    const parsed = JSON.parse(line) as Record<string, unknown>;
    const { q, docId, snippet, missing, offtopic } = parsed;
    if (typeof q !== 'string') throw new Error(`${path} line ${i + 1} must have a string field q.`);
    // A line marked "offtopic" is not about AI governance; one without a snippet (or marked "missing") asks
    // about something the corpus does not hold.
    if (offtopic === true) set.offtopic.push({ q });
    else if (typeof snippet !== 'string' || (missing !== undefined && missing !== false))
      set.missing.push({ q, missing: typeof missing === 'string' ? missing : '' });
    else if (typeof docId === 'string') set.answerable.push({ q, docId, snippet });
    else throw new Error(`${path} line ${i + 1} has a snippet but no string field docId.`);
  }
  return set;
}

/** The answerable questions of a set. */
export function loadQuestions(path = DEFAULT_QUESTIONS_PATH): RelevanceQuestion[] {
  return loadSet(path).answerable;
}

/**
 * Blind sets (`blind*.jsonl`) are measured by name (`--questions`), once, by the lead: never in a default run,
 * so nobody tuning sees them by accident. `test/relevance/blind.test.ts` still guards each at its first reading.
 */
const UNSEEN = /^blind/;

/** Every relevance set: each `.jsonl` file in test/relevance, by name (but the unseen ones). */
export function relevanceSetPaths(dir = RELEVANCE_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl') && !UNSEEN.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Text with every run of white space as one space, as snippets are matched (src/corpus/snippet.ts). */
export { squash };

/** Whether a passage answers a question: it is in the named document and contains the snippet. */
export function isRelevant(question: RelevanceQuestion, passage: Passage): boolean {
  return containsSnippet(passage, question.docId, question.snippet);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function measure(
  system: SystemName,
  questions: RelevanceQuestion[],
  rank: Ranking,
  misses?: EvalMiss[],
): EvalRow {
  const ranks: (number | null)[] = [];
  const times: number[] = [];
  // Latency is measured warm, as a running bot answers: one untimed pass first.
  for (const question of questions) rank(question.q);
  for (const question of questions) {
    const start = performance.now();
    const ranked = rank(question.q).slice(0, DEPTH);
    times.push(performance.now() - start);
    const index = ranked.findIndex((group) => group.some((passage) => isRelevant(question, passage)));
    const found = index < 0 ? null : index + 1;
    ranks.push(found);
    if (misses && (found === null || found > 5)) {
      misses.push({
        q: question.q,
        docId: question.docId,
        rank: found,
        top: ranked.slice(0, 3).map((group) => group[0]!.docId),
      });
    }
  }
  const n = Math.max(1, questions.length);
  const recall = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  times.sort((a, b) => a - b);
  return {
    system,
    recall1: recall(1),
    recall3: recall(3),
    recall5: recall(5),
    recall10: recall(10),
    mrr10: ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0) / n,
    // One relevant item per question, so the ideal DCG is 1.
    ndcg10: ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / Math.log2(r + 1)), 0) / n,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
  };
}

export function runEval(options: EvalOptions): EvalReport {
  const questions = loadQuestions(options.questionsPath);
  const systems = options.systems ?? [...SYSTEM_NAMES];
  const rows: EvalRow[] = [];
  const misses: EvalMiss[] = [];
  let buildMs = 0;
  for (const system of systems) {
    let ranking: Ranking;
    if (system === 'charter') {
      const start = performance.now();
      const index = options.index ?? CorpusIndex.build(options.docs, options.passages, options.indexOptions);
      buildMs = options.buildMs ?? performance.now() - start;
      ranking = charterRanking(index);
    } else if (system === 'bm25') ranking = bm25Ranking(options.passages);
    else if (system === 'minisearch-default') ranking = miniSearchDefaultRanking(options.passages);
    else ranking = lunrRanking(options.passages);
    rows.push(measure(system, questions, ranking, system === 'charter' ? misses : undefined));
  }
  return { questions: questions.length, passages: options.passages.length, rows, misses, buildMs };
}

const share = (part: number, whole: number) =>
  `${part}/${whole} (${whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`})`;

/** Every set's table, then Charter's flags over all sets. */
export function formatEvalSets(report: EvalSetsReport): string {
  const out: string[] = [];
  for (const set of report.sets) {
    const flags = set.flags!;
    out.push(`== ${set.name}`);
    if (set.questions > 0) out.push(formatEvalTable(set));
    if (flags.missingTotal > 0)
      out.push(`not in the corpus: Charter flagged ${share(flags.missingFlagged, flags.missingTotal)}`);
    if (flags.answerableTotal > 0)
      out.push(`answerable: Charter flagged wrongly ${share(flags.wronglyFlagged, flags.answerableTotal)}`);
    if (flags.offtopicTotal > 0)
      out.push(`off-topic: Charter answered weak ${share(flags.offtopicWeak, flags.offtopicTotal)}`);
    out.push('');
  }
  const { flags } = report;
  out.push(
    `All sets: questions about what the corpus lacks flagged ${share(flags.missingFlagged, flags.missingTotal)}; answerable questions flagged wrongly ${share(flags.wronglyFlagged, flags.answerableTotal)}; off-topic messages answered weak ${share(flags.offtopicWeak, flags.offtopicTotal)}.`,
  );
  return out.join('\n');
}

/** The report as a fixed-width table for the terminal. */
export function formatEvalTable(report: EvalReport): string {
  const header = ['system', 'R@1', 'R@3', 'R@5', 'R@10', 'MRR@10', 'nDCG@10', 'p50 ms', 'p99 ms'];
  const lines = report.rows.map((row) => [
    row.system,
    row.recall1.toFixed(3),
    row.recall3.toFixed(3),
    row.recall5.toFixed(3),
    row.recall10.toFixed(3),
    row.mrr10.toFixed(3),
    row.ndcg10.toFixed(3),
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [
    `${report.questions} questions over ${report.passages} passages (Charter index built in ${report.buildMs.toFixed(0)} ms)`,
    render(header),
    ...lines.map(render),
  ].join('\n');
}
