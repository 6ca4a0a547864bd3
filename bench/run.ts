// `npm run bench [-- --quick] [-- --json]`: Charter's speed, memory and growth, side by side with the
// alternatives over the same passages in the same run. Progress goes to stderr; the table (or with --json
// one JSON object) to stdout. Run with --expose-gc so memory is read after a collection.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { COMMANDS } from '../commands/index.js';
import { parseCommandArgs, UsageError } from '../src/cli/args.js';
import type { CatalogDocument } from '../src/corpus/catalog.js';
import { loadCorpus } from '../src/corpus/load.js';
import { Cooldowns } from '../src/discord/cooldown.js';
import { createDispatcher } from '../src/discord/dispatcher.js';
import { createLogger } from '../src/log.js';
import { dataDir, PROJECT_ROOT } from '../src/paths.js';
import { CorpusIndex } from '../src/search/index.js';
import { loadQuestions } from '../tools/eval/eval.js';
import type { BuildStep, LoadStep } from './child.js';
import {
  buildPeer,
  charterEngine,
  charterSearchEngine,
  charterServices,
  type Engine,
  PEER_NAMES,
} from './engines.js';
import { rankAll, recallAt, timeInterleaved } from './latency.js';
import { type BenchQuestion, benchQuestions } from './questions.js';
import {
  type BenchReport,
  type EngineFigures,
  formatReport,
  type GrowthRow,
  judgeTargets,
} from './report.js';
import { type LatencySummary, median, msSince, seededRandom, shuffled } from './stats.js';

const run = promisify(execFile);
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const benchStart = performance.now();
const log = (message: string) =>
  process.stderr.write(`bench [${((performance.now() - benchStart) / 1000).toFixed(1)} s]: ${message}\n`);

interface Plan {
  mode: 'quick' | 'full';
  /** Questions timed per engine (0 = all). */
  timedQuestions: number;
  rounds: number;
  charterBuilds: number;
  firstAnswerRuns: number;
  factors: number[];
  /** Time allowed for timing /ask in each growth child. */
  growthBudgetMs: number;
  httpMs: number;
}

const PLANS: Record<'quick' | 'full', Plan> = {
  quick: {
    mode: 'quick',
    timedQuestions: 120,
    rounds: 1,
    charterBuilds: 1,
    firstAnswerRuns: 3,
    factors: [1, 4],
    growthBudgetMs: 2_000,
    httpMs: 800,
  },
  full: {
    mode: 'full',
    timedQuestions: 0,
    rounds: 1,
    charterBuilds: 3,
    firstAnswerRuns: 7,
    factors: [1, 4, 16],
    growthBudgetMs: 25_000,
    httpMs: 2_000,
  },
};

async function node(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { stdout } = await run(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Wall time of a child process answering one question, from spawn to exit. */
async function timedSpawn(args: string[]): Promise<number> {
  const start = process.hrtime.bigint();
  await node(args);
  return msSince(start);
}

/** `charter ask` when it answers; else bench/first-answer.js over the saved index (said in the report). */
async function firstAnswer(
  indexPath: string,
  question: string,
  runs: number,
): Promise<{ runs: number[]; via: string }> {
  const ask = [join(PROJECT_ROOT, 'bin', 'charter.js'), 'ask', '--json', question];
  let args = [join(BENCH_DIR, 'first-answer.js'), indexPath, question];
  let via =
    'bench/first-answer.js (charter ask is not wired yet): load catalog + saved index, answer with /ask reply';
  try {
    JSON.parse((await node(ask)).trim().split('\n')[0] ?? '');
    args = ask;
    via = '`node bin/charter.js ask --json` with the synced data dir';
  } catch {
    // Not wired (or not answering JSON) yet: the stand-in below.
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timedSpawn(args));
  return { runs: times, via };
}

function figures(timed: LatencySummary, recall: { r5: number; r5v: number }, buildMs: number): EngineFigures {
  return {
    p50Ms: timed.p50Ms,
    p95Ms: timed.p95Ms,
    p99Ms: timed.p99Ms,
    n: timed.n,
    recallAt5: recall.r5,
    recallAt5Variants: recall.r5v,
    buildMs,
  };
}

async function recallOf(
  engine: Engine,
  questions: readonly BenchQuestion[],
): Promise<{ r5: number; r5v: number }> {
  const rankings = await rankAll(
    engine,
    questions.map((q) => q.q),
  );
  const originals = questions.flatMap((q, i) => (q.variant === 'original' ? [i] : []));
  return {
    r5: recallAt(
      5,
      originals.map((i) => questions[i]!),
      originals.map((i) => rankings[i]!),
    ),
    r5v: recallAt(5, questions, rankings),
  };
}

async function growthRow(
  factor: number,
  corpusJson: string,
  questions: BenchQuestion[],
  budgetMs: number,
): Promise<GrowthRow> {
  const dir = mkdtempSync(join(tmpdir(), `charter-bench-x${factor}-`));
  try {
    writeFileSync(join(dir, 'corpus.json'), corpusJson);
    writeFileSync(join(dir, 'queries.json'), JSON.stringify(questions));
    const child = join(BENCH_DIR, 'child.js');
    const built = JSON.parse(await node(['--expose-gc', child, 'build', String(factor), dir])) as BuildStep;
    const loaded = JSON.parse(await node(['--expose-gc', child, 'load', dir, String(budgetMs)])) as LoadStep;
    return {
      factor,
      passages: built.passages,
      buildMs: built.buildMs,
      indexBytes: built.indexBytes,
      loadMs: loaded.readMs + loaded.parseMs + loaded.loadMs,
      load: {
        readMs: loaded.readMs,
        parseMs: loaded.parseMs,
        indexLoadMs: loaded.loadMs,
        miniSearchLoadJsMs: loaded.miniSearchLoadJsMs,
        parsePassagesMs: loaded.parsePassagesMs,
        parseIndexMs: loaded.parseIndexMs,
      },
      heapMb: loaded.heapMb,
      rssMb: loaded.rssMb,
      p50Ms: loaded.latency.p50Ms,
      p99Ms: loaded.latency.p99Ms,
      coldP50Ms: loaded.coldLatency.p50Ms,
      coldP99Ms: loaded.coldLatency.p99Ms,
      n: loaded.latency.n,
      recallAt5: loaded.recallAt5,
      scavenges: loaded.scavenges,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function httpFigures(
  index: CorpusIndex,
  docs: readonly CatalogDocument[],
  questions: string[],
  durationMs: number,
) {
  let module: typeof import('./http.js');
  try {
    module = await import('./http.js');
  } catch (error) {
    return { http: null, note: `bench/http.ts did not load: ${(error as Error).message}` };
  }
  if (typeof module.benchHttpModes !== 'function')
    return { http: null, note: 'bench/http.ts exports no benchHttpModes' };
  // The real dispatcher over the index built above for the single-loop row; the worker rows load the saved
  // index from the data directory, as `charter serve --workers N` does. Cooldowns lifted: the load comes
  // from a few bench users.
  const unlimited = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1 };
  const dispatcher = createDispatcher(charterServices(index, docs), COMMANDS, {
    cooldowns: new Cooldowns({ user: unlimited, channel: unlimited }),
    logger: createLogger({ write() {} }),
  });
  const result = await module.benchHttpModes({
    dispatcher,
    dataDir: dataDir(),
    questions,
    durationMs,
    rounds: durationMs >= 2_000 ? 3 : 1,
  });
  return { http: result, note: undefined };
}

export const BENCH_HELP = `npm run bench [-- OPTIONS]: Charter's speed, memory and growth beside its peers.

  --quick   a shorter run (fewer questions, sizes x1 and x4, shorter HTTP rounds)
  --json    the report as one JSON object
  --help    this text`;

/** The bench's options; a mistyped one is one sentence (UsageError), never a stack trace. */
export function parseBenchArgs(args: string[]): { quick: boolean; json: boolean; help: boolean } {
  const { values } = parseCommandArgs('bench', args, {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  return { quick: values.quick, json: values.json, help: values.help };
}

async function main(args: string[]): Promise<void> {
  const values = parseBenchArgs(args);
  if (values.help) {
    console.log(BENCH_HELP);
    return;
  }
  const started = process.hrtime.bigint();
  const plan = PLANS[values.quick ? 'quick' : 'full'];
  const random = seededRandom(20240601);

  log('loading the corpus (syncing it first when needed)…');
  const corpus = await loadCorpus();
  const { docs, passages } = corpus;
  const questions = benchQuestions(loadQuestions(), docs);
  const originals = questions.filter((q) => q.variant === 'original');
  // Quick: the relevance questions plus a random sample of their variations.
  const timedQuestions =
    plan.timedQuestions > 0 && plan.timedQuestions < questions.length
      ? [
          ...originals,
          ...shuffled(
            questions.filter((q) => q.variant !== 'original'),
            random,
          ).slice(0, Math.max(0, plan.timedQuestions - originals.length)),
        ]
      : questions;

  log(`building Charter's index over ${passages.length} passages (${plan.charterBuilds}×)…`);
  const buildTimes: number[] = [];
  let index: CorpusIndex | undefined;
  for (let i = 0; i < plan.charterBuilds; i++) {
    const start = process.hrtime.bigint();
    index = CorpusIndex.build(docs, passages);
    buildTimes.push(msSince(start));
  }
  if (!index) throw new Error('no build');
  const savedText = JSON.stringify(index.toJSON());
  const workDir = mkdtempSync(join(tmpdir(), 'charter-bench-'));
  const indexPath = join(workDir, 'index.json');
  writeFileSync(indexPath, savedText);

  log('building the peers…');
  // The term cache makes repeated terms cheap; the cold row (cache off) shows what a first-seen term costs.
  const coldIndex = CorpusIndex.build(docs, passages, { termCacheEntries: 0 });
  const engines: Engine[] = [
    charterEngine(index, docs),
    charterSearchEngine(index),
    charterSearchEngine(coldIndex, 'charter-search-cold'),
  ];
  const peerBuildMs = new Map<string, number>();
  for (const name of PEER_NAMES) {
    const { engine, buildMs } = await buildPeer(name, passages);
    engines.push(engine);
    peerBuildMs.set(name, buildMs);
  }

  log(
    `recall pass (also the warm-up) over ${plan.mode === 'quick' ? originals.length : questions.length} questions…`,
  );
  const recallSet = plan.mode === 'quick' ? originals : questions;
  const recalls = new Map<string, { r5: number; r5v: number }>();
  for (const engine of engines) {
    recalls.set(engine.name, await recallOf(engine, recallSet));
    // Warm the timed path too (for Charter, rendering), on a slice of the questions.
    for (const question of timedQuestions.slice(0, 30)) await engine.run(question.q);
  }

  log(`timing ${engines.length} engines × ${timedQuestions.length} questions, interleaved…`);
  const timed = await timeInterleaved(
    engines,
    timedQuestions.map((q) => q.q),
    { rounds: plan.rounds, random },
  );

  log('start-up: first answer in fresh processes…');
  const first = await firstAnswer(
    indexPath,
    originals[0]?.q ?? 'Which AI practices are prohibited?',
    plan.firstAnswerRuns,
  );

  const growth: GrowthRow[] = [];
  const corpusJson = JSON.stringify({ docs, passages });
  for (const factor of plan.factors) {
    log(`growth x${factor} (fresh processes)…`);
    growth.push(await growthRow(factor, corpusJson, timedQuestions, plan.growthBudgetMs));
  }
  rmSync(workDir, { recursive: true, force: true });

  log('HTTP endpoint…');
  const { http, note } = await httpFigures(
    index,
    docs,
    originals.map((q) => q.q),
    plan.httpMs,
  );

  const charter = engines[0]!;
  const charterSearch = engines[1]!;
  const charterSearchCold = engines[2]!;
  const x1 = growth.find((row) => row.factor === 1);
  const byVariant: Record<string, number> = {};
  for (const q of timedQuestions) byVariant[q.variant] = (byVariant[q.variant] ?? 0) + 1;
  const partial = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      date: new Date().toISOString(),
      mode: plan.mode,
    },
    passages: passages.length,
    questions: {
      total: questions.length,
      timed: timedQuestions.length,
      relevance: originals.length,
      byVariant,
    },
    search: {
      ...figures(timed.get(charter.name)!, recalls.get(charter.name)!, median(buildTimes)),
      searchOnly: timed.get(charterSearch.name)!,
      searchOnlyCold: timed.get(charterSearchCold.name)!,
    },
    peers: Object.fromEntries(
      engines
        .slice(3)
        .map((engine) => [
          engine.name,
          figures(timed.get(engine.name)!, recalls.get(engine.name)!, peerBuildMs.get(engine.name) ?? 0),
        ]),
    ),
    startup: {
      buildMs: median(buildTimes),
      indexBytes: Buffer.byteLength(savedText),
      passageBytes: Buffer.byteLength(JSON.stringify(passages)),
      loadMs: x1?.loadMs ?? 0,
      loadBreakdown: x1?.load ?? {
        readMs: 0,
        parseMs: 0,
        indexLoadMs: 0,
        miniSearchLoadJsMs: 0,
        parsePassagesMs: 0,
        parseIndexMs: 0,
      },
      firstAnswerMs: median(first.runs),
      firstAnswerRunsMs: first.runs,
      firstAnswerVia: first.via,
    },
    memory: { heapMb: x1?.heapMb ?? 0, rssMb: x1?.rssMb ?? 0 },
    growth,
    http,
    ...(note ? { httpNote: note } : {}),
  };
  const report: BenchReport = { ...partial, targets: judgeTargets(partial), totalMs: msSince(started) };
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  });
}
