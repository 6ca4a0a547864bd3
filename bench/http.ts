// Load test of the HTTP interactions endpoint on loopback: signed /ask requests at concurrency 50 against
// the real server, side by side in the same run with the floor — a bare endpoint that only verifies the
// signature and answers PONG. The load generator runs in a worker thread so it does not share the server's
// event loop.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openCharter } from '../src/app.js';
import type { Dispatcher } from '../src/discord/contract.js';
import { Cooldowns } from '../src/discord/cooldown.js';
import { createDispatcher } from '../src/discord/dispatcher.js';
import { deferringResponder, discordRest } from '../src/http/deferral.js';
import { createInteractionsServer } from '../src/http/server.js';
import { verifyInteractionRequest } from '../src/http/verify.js';
import { createLogger } from '../src/log.js';

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

const DEFAULT_QUESTIONS = [
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

/** Runs inside the worker: plain JS so it needs no TypeScript loader. */
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const crypto = require('node:crypto');
const { port, privateKeyPem, bodies, concurrency, warmupMs, durationMs, maxRequests } = workerData;
const key = crypto.createPrivateKey(privateKeyPem);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const timestamp = String(Math.floor(Date.now() / 1000));
const signed = bodies.map((text) => {
  const body = Buffer.from(text);
  const signature = crypto.sign(null, Buffer.concat([Buffer.from(timestamp), body]), key).toString('hex');
  return { body, headers: { 'content-type': 'application/json', 'content-length': body.length,
    'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } };
});

function run(ms, limit) {
  const latencies = [];
  let sent = 0;
  let failures = 0;
  const deadline = performance.now() + ms;
  const one = () => {
    if (performance.now() >= deadline || sent >= limit) return Promise.resolve();
    const item = signed[sent++ % signed.length];
    const started = performance.now();
    return new Promise((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/interactions', method: 'POST', agent,
        headers: item.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - started);
          else failures++;
          resolve();
        });
      });
      req.on('error', () => { failures++; resolve(); });
      req.end(item.body);
    }).then(one);
  };
  const started = performance.now();
  return Promise.all(Array.from({ length: concurrency }, one)).then(() => ({
    latencies, failures, elapsedMs: performance.now() - started,
  }));
}

run(warmupMs, Infinity).then(() => run(durationMs, maxRequests)).then((result) => {
  agent.destroy();
  parentPort.postMessage(result);
});
`;

interface LoadResult {
  latencies: number[];
  failures: number;
  elapsedMs: number;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function generateLoad(
  port: number,
  privateKey: KeyObject,
  bodies: string[],
  options: { concurrency: number; durationMs: number; maxRequests: number },
): Promise<LoadResult> {
  const worker = new Worker(LOAD_GENERATOR, {
    eval: true,
    workerData: {
      port,
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }),
      bodies,
      concurrency: options.concurrency,
      warmupMs: Math.round(options.durationMs / 4),
      durationMs: options.durationMs,
      maxRequests: options.maxRequests,
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
function floorServer(publicKey: KeyObject): Server {
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

function askInteraction(question: string, n: number): string {
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
        id: '1200000000000000002',
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

/**
 * The real dispatcher over the real index, opened exactly as `charter serve` opens it (src/app.ts). Cooldowns
 * are lifted: the whole load comes from one bench user.
 */
export async function realDispatcher(): Promise<{ dispatcher: Dispatcher; passages: number }> {
  const charter = await openCharter();
  const unlimited = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1 };
  const cooldowns = new Cooldowns({ user: unlimited, channel: unlimited });
  return {
    dispatcher: createDispatcher(charter.services, { cooldowns, logger: createLogger({ write() {} }) }),
    passages: charter.index.passages.length,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const { dispatcher, passages } = await realDispatcher();
  console.error(`index of ${passages} passages ready in ${Math.round(performance.now() - started)} ms`);
  const durationMs = Number(process.env.BENCH_HTTP_MS ?? 4_000);
  const result = await benchHttp({ dispatcher, durationMs });
  console.log(JSON.stringify(result));
  const verdict = result.askRps >= result.floorRps / 2 && result.askP99Ms < 25 ? 'meets' : 'MISSES';
  console.error(`${verdict} the target: /ask ≥ half the floor's throughput, p99 < 25 ms`);

  // The transport's own share: the same endpoint replaying one real /ask answer, with no search behind it.
  const recorded = await dispatcher.dispatch(JSON.parse(askInteraction(DEFAULT_QUESTIONS[0]!, 0)));
  const replay: Dispatcher = { dispatch: async () => recorded };
  console.log(JSON.stringify({ transportOnly: await benchHttp({ dispatcher: replay, durationMs }) }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
