// One growth step in a fresh process, so memory figures belong to that corpus size alone:
//   node dist/bench/child.js build <factor> <dir>   grow the corpus, build and save the index
//   node dist/bench/child.js load <dir> <budgetMs>  load it, measure memory, then time /ask over the queries
// Each prints one JSON object on stdout. `load` runs in an answer thread started as `charter serve` starts its
// own (spawnAnswerWorker, src/discord/http/pool.ts: the same V8 limits, among them the young generation), so
// what is timed is what the deployed bot's answer threads do; its heap figure is that thread's, its RSS the
// process's. The parent (run.ts) writes the corpus it measured (<dir>/corpus.json)
// and the questions (<dir>/queries.json), so every process sees the same passages even while the data dir
// is being re-synced.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import MiniSearch from 'minisearch';
import type { CatalogDocument } from '../src/corpus/catalog.js';
import type { Passage } from '../src/corpus/types.js';
import { spawnAnswerWorker } from '../src/discord/http/pool.js';
import { CorpusIndex, type SavedIndex } from '../src/search/index.js';
import { charterEngine, charterSearchEngine } from './engines.js';
import { growCorpus } from './grow.js';
import { rankAll, recallAt, timeInterleaved } from './latency.js';
import type { BenchQuestion } from './questions.js';
import { type LatencySummary, mb, seededRandom } from './stats.js';

export interface BuildStep {
  factor: number;
  passages: number;
  growMs: number;
  buildMs: number;
  indexBytes: number;
  /** Of which the passages (the rest is the inverted index and common terms). */
  passageBytes: number;
}

export interface LoadStep {
  readMs: number;
  parseMs: number;
  /** CorpusIndex.load on the parsed object. */
  loadMs: number;
  /** Of loadMs: MiniSearch.loadJS rebuilding its term tree (timed again on its own). */
  miniSearchLoadJsMs: number;
  /** JSON.parse of the passages part alone and of the index part alone (re-serialized, timed on its own). */
  parsePassagesMs: number;
  parseIndexMs: number;
  heapMb: number;
  rssMb: number;
  latency: LatencySummary;
  /** Search alone with the per-term cache off: what terms seen for the first time cost. */
  coldLatency: LatencySummary;
  /** Recall@5 of the original relevance questions (copies compete with the originals as near-duplicates). */
  recallAt5: number;
  /** Young-generation collections (scavenges) that ran while `latency` was timed, and their total pause. */
  scavenges: { count: number; ms: number };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const now = (): number => performance.now();

async function build(factor: number, dir: string): Promise<BuildStep> {
  const corpus = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as {
    docs: CatalogDocument[];
    passages: Passage[];
  };
  let start = now();
  const grown = growCorpus(corpus.docs, corpus.passages, factor);
  const growMs = now() - start;
  start = now();
  const index = CorpusIndex.build(grown.docs, grown.passages);
  const buildMs = now() - start;
  const saved = JSON.stringify(index.toJSON());
  writeFileSync(join(dir, 'index.json'), saved);
  writeFileSync(join(dir, 'docs.json'), JSON.stringify(grown.docs));
  return {
    factor,
    passages: grown.passages.length,
    growMs,
    buildMs,
    indexBytes: Buffer.byteLength(saved),
    passageBytes: Buffer.byteLength(JSON.stringify(grown.passages)),
  };
}

/** Reads, parses and loads the saved index; only the index outlives it, as in the bot. */
function loadTimed(dir: string, docs: CatalogDocument[]) {
  let start = now();
  const text = readFileSync(join(dir, 'index.json'), 'utf8');
  const readMs = now() - start;
  start = now();
  const saved = JSON.parse(text) as SavedIndex;
  const parseMs = now() - start;
  start = now();
  const index = CorpusIndex.load(docs, saved);
  const loadMs = now() - start;
  if (!index) throw new Error('The saved index was refused by CorpusIndex.load (format version?).');
  return { index, readMs, parseMs, loadMs };
}

/** Where the load time goes: each part of the saved index parsed, and MiniSearch's tree rebuilt, on its own. */
function loadBreakdown(dir: string) {
  const saved = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as SavedIndex;
  let start = now();
  MiniSearch.loadJS(saved.index, { fields: ['text', 'heading', 'locator'], idField: 'i' });
  const miniSearchLoadJsMs = now() - start;
  const passagesJson = JSON.stringify(saved.passages);
  const indexJson = JSON.stringify(saved.index);
  start = now();
  JSON.parse(passagesJson);
  const parsePassagesMs = now() - start;
  start = now();
  JSON.parse(indexJson);
  const parseIndexMs = now() - start;
  return { miniSearchLoadJsMs, parsePassagesMs, parseIndexMs };
}

async function load(dir: string, budgetMs: number): Promise<LoadStep> {
  const docs = JSON.parse(readFileSync(join(dir, 'docs.json'), 'utf8')) as CatalogDocument[];
  const questions = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuestion[];
  gc();
  const { index, readMs, parseMs, loadMs } = loadTimed(dir, docs);
  gc();
  const memory = process.memoryUsage();
  const heapMb = mb(memory.heapUsed);
  const rssMb = mb(memory.rss);
  const { miniSearchLoadJsMs, parsePassagesMs, parseIndexMs } = loadBreakdown(dir);
  // The breakdown leaves a second MiniSearch and two parsed copies of the index (~100 MB) as garbage that the
  // bot never makes: collected here, or a mark-compact of it (20–60 ms) lands inside the timed answers below.
  gc();

  const engine = charterEngine(index, docs);
  const originals = questions.filter((q) => q.variant === 'original');
  const recallAt5 = recallAt(
    5,
    originals,
    await rankAll(
      engine,
      originals.map((q) => q.q),
    ),
  );
  // What the tail of the timed answers is made of (README, Speed): the collections that ran among them.
  const scavenges = { count: 0, ms: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as { detail?: { kind?: number } };
      if (detail?.kind !== constants.NODE_PERFORMANCE_GC_MINOR) continue;
      scavenges.count++;
      scavenges.ms += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const timed = await timeInterleaved(
    [engine],
    questions.map((q) => q.q),
    { rounds: 1, random: seededRandom(7), budgetMs },
  );
  // gc entries are delivered on a later turn: let them arrive before the observer stops.
  await new Promise((done) => setTimeout(done, 50));
  observer.disconnect();
  const saved = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as SavedIndex;
  const cold = charterSearchEngine(
    CorpusIndex.load(docs, saved, undefined, { termCacheEntries: 0 })!,
    'cold',
  );
  // The same warm-up as above, so the index parts built on first use (provisions 68 ms, the reference resolver
  // 30 ms, the Chinese synonyms 99 ms) are not what the cold p99 shows; with the term cache off, every term is
  // still scored as if seen for the first time, which is what this column measures.
  await rankAll(
    cold,
    originals.map((q) => q.q),
  );
  const coldTimed = await timeInterleaved(
    [cold],
    questions.map((q) => q.q),
    { rounds: 1, random: seededRandom(7), budgetMs },
  );
  return {
    readMs,
    parseMs,
    loadMs,
    miniSearchLoadJsMs,
    parsePassagesMs,
    parseIndexMs,
    heapMb,
    rssMb,
    latency: timed.get(engine.name)!,
    coldLatency: coldTimed.get(cold.name)!,
    recallAt5,
    scavenges,
  };
}

/** `load` in an answer thread (see the top of this file); its result posted back. */
function loadInAnswerThread(dir: string, budgetMs: number): Promise<LoadStep> {
  const worker = spawnAnswerWorker(new URL(import.meta.url), { benchLoad: { dir, budgetMs } });
  return new Promise((resolve, reject) => {
    worker.once('message', (step: LoadStep) => resolve(step));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the answer thread exited (${code}) without a result`)));
  });
}

async function main(args: string[]): Promise<void> {
  const [mode, ...rest] = args;
  const result =
    mode === 'build'
      ? await build(Number(rest[0]), rest[1]!)
      : mode === 'load'
        ? await loadInAnswerThread(rest[0]!, Number(rest[1]))
        : undefined;
  if (!result) throw new Error('usage: child.js build <factor> <dir> | load <dir> <budgetMs>');
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const task = workerData as { benchLoad?: { dir: string; budgetMs: number } } | undefined;
if (!isMainThread && task?.benchLoad) {
  const { dir, budgetMs } = task.benchLoad;
  parentPort!.postMessage(await load(dir, budgetMs));
} else if (isMainThread && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
