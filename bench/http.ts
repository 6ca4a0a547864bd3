// Load test of the HTTP interactions endpoint on loopback: signed /ask requests at concurrency 50 against
// the real server, side by side in the same run with the floor — a bare endpoint that only verifies the
// signature and answers PONG. The load generator runs in a worker thread so it does not share the server's
// event loop.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { COMMANDS } from '../commands/index.js';
import { openCharter } from '../src/app.js';
import type { Dispatcher } from '../src/discord/contract.js';
import { Cooldowns } from '../src/discord/cooldown.js';
import { createDispatcher } from '../src/discord/dispatcher.js';
import { deferringResponder, discordRest } from '../src/discord/http/deferral.js';
import { createWorkerPool, type WorkerPool } from '../src/discord/http/pool.js';
import { createInteractionsServer } from '../src/discord/http/server.js';
import { verifyInteractionRequest } from '../src/discord/http/verify.js';
import { createLogger } from '../src/log.js';
import { dataDir } from '../src/paths.js';
import { formatHttpModes, type HttpModeRow, type HttpModesResult, OPEN_RATES } from './report.js';
import { median } from './stats.js';

export interface BenchHttpOptions {
  /** What answers /ask: the real dispatcher over the real index for meaningful figures. */
  dispatcher: Dispatcher;
  /** The /ask questions, cycled. */
  questions?: string[];
  concurrency?: number;
  /** Measured time per endpoint (after a warm-up of a quarter of it). */
  durationMs?: number;
  /** Stop earlier once this many requests were sent to one endpoint. */
  maxRequests?: number;
}

export interface BenchHttpResult {
  askRps: number;
  askP50Ms: number;
  askP99Ms: number;
  floorRps: number;
  floorP50Ms: number;
  floorP99Ms: number;
}

export const DEFAULT_QUESTIONS = [
  'Which AI practices are prohibited?',
  'What are the obligations of providers of high-risk AI systems?',
  'How should organisations manage AI risks?',
  'What does transparency require for chatbots?',
  'Is emotion recognition allowed in the workplace?',
  'What is a general-purpose AI model with systemic risk?',
  'Who is responsible for human oversight?',
  'What documentation must accompany a high-risk system?',
];

/** The serve logger, formatting every line as in production; only the write to stdout is left out. */
const sinkLogger = createLogger({ write() {} });

/**
 * Runs inside the worker: plain JS so it needs no TypeScript loader. Modes: 'closed' keeps `concurrency`
 * requests in flight (saturation); 'open' sends at a fixed `rate` whatever the answers do, timing each from
 * when it was due (so queueing shows); 'health' sends GET /healthz one at a time, every `intervalMs`.
 */
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const crypto = require('node:crypto');
const { port, privateKeyPem, bodies, concurrency, warmupMs, durationMs, maxRequests, mode, rate, intervalMs } = workerData;
const key = privateKeyPem ? crypto.createPrivateKey(privateKeyPem) : undefined;
const agent = new http.Agent({ keepAlive: true, maxSockets: mode === 'open' ? 256 : concurrency });
const timestamp = String(Math.floor(Date.now() / 1000));
const signed = (bodies || []).map((text) => {
  const body = Buffer.from(text);
  const signature = crypto.sign(null, Buffer.concat([Buffer.from(timestamp), body]), key).toString('hex');
  return { body, headers: { 'content-type': 'application/json', 'content-length': body.length,
    'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } };
});

function once(item, from, latencies, counts) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: item ? '/interactions' : '/healthz',
      method: item ? 'POST' : 'GET', agent, headers: item ? item.headers : {} }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) latencies.push(performance.now() - from);
        else counts.failures++;
        resolve();
      });
    });
    req.on('error', () => { counts.failures++; resolve(); });
    req.end(item ? item.body : undefined);
  });
}

function closed(ms, limit) {
  const latencies = [];
  const counts = { failures: 0, sent: 0 };
  const deadline = performance.now() + ms;
  const one = () => {
    if (performance.now() >= deadline || counts.sent >= limit) return Promise.resolve();
    const item = signed[counts.sent++ % signed.length];
    return once(item, performance.now(), latencies, counts).then(one);
  };
  const started = performance.now();
  return Promise.all(Array.from({ length: concurrency }, one)).then(() => ({
    latencies, failures: counts.failures, elapsedMs: performance.now() - started,
  }));
}

function open(ms) {
  const latencies = [];
  const counts = { failures: 0, sent: 0 };
  const started = performance.now();
  const total = Math.floor((ms / 1000) * rate);
  const inflight = [];
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (counts.sent < total && started + (counts.sent * 1000) / rate <= now) {
        const due = started + (counts.sent * 1000) / rate;
        inflight.push(once(signed[counts.sent % signed.length], due, latencies, counts));
        counts.sent++;
      }
      if (counts.sent < total) setTimeout(tick, 1);
      else Promise.all(inflight).then(() => resolve({ latencies, failures: counts.failures, elapsedMs: performance.now() - started }));
    };
    tick();
  });
}

function health(ms) {
  const latencies = [];
  const counts = { failures: 0, sent: 0 };
  const deadline = performance.now() + ms;
  const started = performance.now();
  const next = () => {
    if (performance.now() >= deadline) return Promise.resolve();
    return once(undefined, performance.now(), latencies, counts)
      .then(() => new Promise((r) => setTimeout(r, intervalMs))).then(next);
  };
  return next().then(() => ({ latencies, failures: counts.failures, elapsedMs: performance.now() - started }));
}

const run = mode === 'open' ? (ms) => open(ms) : mode === 'health' ? (ms) => health(ms) : (ms, limit) => closed(ms, limit);
const warm = mode === 'health' ? Promise.resolve() : run(warmupMs, Infinity);
let warmSent = 0;
warm.then((w) => { warmSent = w ? w.latencies.length + w.failures : 0; return run(durationMs, maxRequests); }).then((result) => {
  agent.destroy();
  parentPort.postMessage({ ...result, sent: warmSent + result.latencies.length + result.failures });
});
`;

interface LoadResult {
  latencies: number[];
  failures: number;
  elapsedMs: number;
  /** Requests sent in all, warm-up included. */
  sent?: number;
}

export function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export function generateLoad(
  port: number,
  privateKey: KeyObject,
  bodies: string[],
  options: {
    concurrency: number;
    durationMs: number;
    maxRequests: number;
    mode?: 'closed' | 'open' | 'health';
    rate?: number;
    intervalMs?: number;
    warmupMs?: number;
  },
): Promise<LoadResult> {
  const worker = new Worker(LOAD_GENERATOR, {
    eval: true,
    workerData: {
      port,
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }),
      bodies,
      concurrency: options.concurrency,
      warmupMs: options.warmupMs ?? Math.round(options.durationMs / 4),
      durationMs: options.durationMs,
      maxRequests: options.maxRequests,
      mode: options.mode ?? 'closed',
      rate: options.rate ?? 0,
      intervalMs: options.intervalMs ?? 10,
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: LoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

const ROUNDS = 2;

function merge(rounds: LoadResult[]): LoadResult {
  return {
    latencies: rounds.flatMap((round) => round.latencies),
    failures: rounds.reduce((sum, round) => sum + round.failures, 0),
    elapsedMs: rounds.reduce((sum, round) => sum + round.elapsedMs, 0),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function summarize(name: string, result: LoadResult): { rps: number; p50: number; p99: number } {
  if (result.failures > 0) throw new Error(`${name}: ${result.failures} requests failed`);
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    rps: Math.round((sorted.length / result.elapsedMs) * 1000),
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
  };
}

/** The floor: what it costs just to read a body, check Discord's signature and say PONG. */
export function floorServer(publicKey: KeyObject): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const failure = verifyInteractionRequest(publicKey, {
        signature: req.headers['x-signature-ed25519'] as string | undefined,
        timestamp: req.headers['x-signature-timestamp'] as string | undefined,
        body: Buffer.concat(chunks),
      });
      const body = failure ? '{"error":"bad-signature"}' : '{"type":1}';
      res.writeHead(failure ? 401 : 200, {
        'content-type': 'application/json',
        'content-length': body.length,
      });
      res.end(body);
    });
  });
}

export function askInteraction(question: string, n: number, userId = '1200000000000000002'): string {
  return JSON.stringify({
    id: String(1300000000000000000n + BigInt(n)),
    application_id: '1100000000000000001',
    type: 2,
    token: `bench-token-${n}`,
    version: 1,
    guild_id: '1400000000000000004',
    channel_id: '1500000000000000005',
    member: {
      user: {
        id: userId,
        username: 'bench',
        discriminator: '0',
        global_name: null,
        avatar: null,
      },
      roles: [],
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '0',
    locale: 'en-US',
    entitlements: [],
    data: {
      id: '1600000000000000006',
      name: 'ask',
      type: 1,
      options: [{ name: 'question', type: 3, value: question }],
    },
  });
}

export async function benchHttp(opts: BenchHttpOptions): Promise<BenchHttpResult> {
  const concurrency = opts.concurrency ?? 50;
  const durationMs = opts.durationMs ?? 3_000;
  const maxRequests = opts.maxRequests ?? 200_000;
  const questions = opts.questions ?? DEFAULT_QUESTIONS;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  // The same server `charter serve` runs, deferral included (it never fires when answers are fast).
  const server = createInteractionsServer({
    publicKey,
    dispatcher: opts.dispatcher,
    health: () => undefined,
    logger: sinkLogger,
    respond: deferringResponder({ rest: discordRest(), logger: sinkLogger }),
  });
  const floor = floorServer(publicKey);
  const [askPort, floorPort] = await Promise.all([listen(server), listen(floor)]);
  try {
    // Alternating rounds, so drift in the machine's load (other processes, CPU boost) hits both alike.
    const load = {
      concurrency,
      durationMs: durationMs / ROUNDS,
      maxRequests: Math.ceil(maxRequests / ROUNDS),
    };
    const pings = [JSON.stringify({ id: '1', application_id: '1', type: 1, token: 'ping', version: 1 })];
    const askBodies = questions.map((question, n) => askInteraction(question, n));
    const floorRounds: LoadResult[] = [];
    const askRounds: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      floorRounds.push(await generateLoad(floorPort, privateKey, pings, load));
      askRounds.push(await generateLoad(askPort, privateKey, askBodies, load));
    }
    const floorResult = summarize('floor', merge(floorRounds));
    const askResult = summarize('/ask', merge(askRounds));
    return {
      askRps: askResult.rps,
      askP50Ms: askResult.p50,
      askP99Ms: askResult.p99,
      floorRps: floorResult.rps,
      floorP50Ms: floorResult.p50,
      floorP99Ms: floorResult.p99,
    };
  } finally {
    await Promise.all([close(server), close(floor)]);
  }
}

/** The answer worker module, compiled (npm run bench) or from the sources. */
export function workerEntry(): URL {
  const js = new URL('../src/cli/serve-worker.js', import.meta.url);
  return existsSync(fileURLToPath(js)) ? js : new URL('../src/cli/serve-worker.ts', import.meta.url);
}

/**
 * The endpoint as `charter serve` runs it, answering on its own loop and with 1 and N worker threads over
 * the saved index in `dataDir`, in one run: saturated /ask (closed loop, `concurrency` in flight) with
 * /healthz probed alongside, then open-loop /ask at fixed offered rates. Questions come from 64 users, as
 * in a real server, so routing by user spreads them.
 */
/**
 * What the machine gives this process right now: total work of `threads` busy threads ÷ one thread's, both
 * measured for `ms`. On a shared box (Linux autogroups share CPU per session, not per thread) this can be
 * near 1 whatever the core count, and then no worker count can scale; the HTTP table prints it beside the
 * worker ratio.
 */
export async function cpuScaling(threads: number, ms = 1_000): Promise<number> {
  // Each thread counts at least one round, even when a loaded machine gives it no CPU within its window:
  // the ratio is then a (poor) number, never 0/0.
  const code = `const { parentPort, workerData } = require('node:worker_threads');
    let x = 0, n = 0; const end = performance.now() + workerData;
    do { for (let i = 0; i < 1e4; i++) x += Math.sqrt(i); n++; } while (performance.now() < end);
    parentPort.postMessage(n + (x < 0 ? 1 : 0));`;
  const work = async (count: number) => {
    const done = await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<number>((resolve, reject) => {
            const worker = new Worker(code, { eval: true, workerData: ms });
            worker.once('message', (n: number) => {
              void worker.terminate();
              resolve(n);
            });
            worker.once('error', reject);
          }),
      ),
    );
    return done.reduce((a, b) => a + b, 0);
  };
  const one = await work(1);
  const many = await work(threads);
  return Math.round((many / one) * 100) / 100;
}

export async function benchHttpModes(opts: {
  dispatcher: Dispatcher;
  dataDir: string;
  questions?: string[];
  concurrency?: number;
  durationMs?: number;
  workers?: number[];
  /** Each mode is measured this many times, interleaved; each figure is the median of its rounds. */
  rounds?: number;
  /** How long the machine's thread scaling is probed (each of 1 and N threads). */
  cpuProbeMs?: number;
}): Promise<HttpModesResult> {
  const concurrency = opts.concurrency ?? 20;
  const durationMs = opts.durationMs ?? 2_000;
  const rounds = Math.max(1, opts.rounds ?? 1);
  const cores = availableParallelism();
  const counts = opts.workers ?? [...new Set([1, cores])];
  const questions = opts.questions ?? DEFAULT_QUESTIONS;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const bodies = Array.from({ length: 256 }, (_, n) =>
    askInteraction(questions[n % questions.length]!, n, String(1200000000000000000n + BigInt(n % 64))),
  );
  const pings = [JSON.stringify({ id: '1', application_id: '1', type: 1, token: 'ping', version: 1 })];
  const load = { concurrency, durationMs, maxRequests: 1_000_000 };

  // Every server up at once (the worker pools loaded once), so rounds can alternate between them: drift in
  // the machine's load (other processes on a shared box) then hits every mode alike.
  const modes: { workers: number; server: Server; port: number; pool?: WorkerPool }[] = [];
  const floor = floorServer(publicKey);
  const floorPort = await listen(floor);
  try {
    for (const workers of [0, ...counts]) {
      const pool =
        workers > 0
          ? createWorkerPool({
              size: workers,
              entry: workerEntry(),
              dataDir: opts.dataDir,
              logger: sinkLogger,
              cooldowns: 'off',
            })
          : undefined;
      if (pool) await pool.ready;
      const server = createInteractionsServer({
        publicKey,
        dispatcher: pool ?? opts.dispatcher,
        health: () => ({ corpusVersion: 'bench', passages: 0 }),
        logger: sinkLogger,
        respond: deferringResponder({ rest: discordRest(), logger: sinkLogger }),
      });
      modes.push({ workers, server, port: await listen(server), ...(pool ? { pool } : {}) });
    }

    const machineScaling = await cpuScaling(Math.max(...counts), opts.cpuProbeMs);
    const floorRuns: { rps: number; p99: number }[] = [];
    const runs = new Map<number, Omit<HttpModeRow, 'mode' | 'workers' | 'ofFloor'>[]>();
    for (let round = 0; round < rounds; round++) {
      floorRuns.push(summarize('floor', await generateLoad(floorPort, privateKey, pings, load)));
      const order = round % 2 === 0 ? modes : [...modes].reverse();
      for (const { workers, port } of order) {
        const cpuBefore = process.cpuUsage();
        const [saturated, health] = await Promise.all([
          generateLoad(port, privateKey, bodies, load),
          generateLoad(port, privateKey, [], {
            ...load,
            mode: 'health',
            intervalMs: 5,
            durationMs: durationMs - 100,
            warmupMs: 0,
          }),
        ]);
        const cpu = process.cpuUsage(cpuBefore);
        const ask = summarize('/ask', saturated);
        // The whole process (server, workers and the load generators), warm-up included: comparable
        // between modes, and unaffected by how much CPU the machine happens to give.
        const cpuMsPerAsk = (cpu.user + cpu.system) / 1000 / (saturated.sent ?? saturated.latencies.length);
        const openP99Ms: Record<string, number> = {};
        for (const rate of OPEN_RATES) {
          const open = await generateLoad(port, privateKey, bodies, {
            ...load,
            mode: 'open',
            rate,
            warmupMs: 200,
          });
          openP99Ms[String(rate)] = summarize(`/ask at ${rate} req/s`, open).p99;
        }
        const list = runs.get(workers) ?? [];
        list.push({
          askRps: ask.rps,
          askP50Ms: ask.p50,
          askP99Ms: ask.p99,
          openP99Ms,
          healthP99Ms: summarize('/healthz', health).p99,
          cpuMsPerAsk,
        });
        runs.set(workers, list);
      }
    }
    const mid = (values: number[]) => median(values);
    const floorRps = mid(floorRuns.map((r) => r.rps));
    const rows: HttpModeRow[] = modes.map(({ workers }) => {
      const list = runs.get(workers)!;
      const askRps = Math.round(mid(list.map((r) => r.askRps)));
      return {
        mode: workers === 0 ? 'single loop' : `${workers} worker${workers > 1 ? 's' : ''}`,
        workers,
        askRps,
        askP50Ms: mid(list.map((r) => r.askP50Ms)),
        askP99Ms: mid(list.map((r) => r.askP99Ms)),
        ofFloor: Math.round((askRps / floorRps) * 100) / 100,
        openP99Ms: Object.fromEntries(
          OPEN_RATES.map((rate) => [String(rate), mid(list.map((r) => r.openP99Ms[String(rate)]!))]),
        ),
        healthP99Ms: mid(list.map((r) => r.healthP99Ms)),
        cpuMsPerAsk: Math.round(mid(list.map((r) => r.cpuMsPerAsk)) * 1000) / 1000,
      };
    });
    const one = rows.find((r) => r.workers === 1);
    const many = rows.find((r) => r.workers === Math.max(...counts));
    return {
      floorRps: Math.round(floorRps),
      floorP99Ms: mid(floorRuns.map((r) => r.p99)),
      rows,
      scaling: one && many ? Math.round((many.askRps / one.askRps) * 100) / 100 : Number.NaN,
      cores,
      rounds,
      machineScaling,
    };
  } finally {
    await close(floor);
    for (const { server, pool } of modes) {
      await close(server);
      await pool?.close();
    }
  }
}

/**
 * The real dispatcher over the real index, opened exactly as `charter serve` opens it (src/app.ts). Cooldowns
 * are lifted: the whole load comes from one bench user.
 */
export async function realDispatcher(): Promise<{ dispatcher: Dispatcher; passages: number }> {
  const charter = await openCharter();
  const unlimited = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1 };
  const cooldowns = new Cooldowns({ user: unlimited, channel: unlimited });
  return {
    dispatcher: createDispatcher(charter.services, COMMANDS, {
      cooldowns,
      logger: createLogger({ write() {} }),
    }),
    passages: charter.index.passages.length,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const { dispatcher, passages } = await realDispatcher();
  console.error(`index of ${passages} passages ready in ${Math.round(performance.now() - started)} ms`);
  const durationMs = Number(process.env.BENCH_HTTP_MS ?? 2_000);
  const rounds = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
  const modes = await benchHttpModes({ dispatcher, dataDir: dataDir(), durationMs, rounds });
  console.log(formatHttpModes(modes));
  if (process.argv.includes('--json')) console.log(JSON.stringify(modes));
  if (process.argv.includes('--attack')) {
    const { pinningAttack } = await import('./attack.js');
    console.log(JSON.stringify({ attack: await pinningAttack() }));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
