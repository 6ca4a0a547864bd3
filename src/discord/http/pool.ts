// Answers from more than one core (issue 13, "Every core"): a pool of worker threads, each with the
// read-only index loaded once, behind the same `Dispatcher` contract as the in-process dispatcher. The
// HTTP thread keeps only transport work — reading bodies, Ed25519 checks, PING, /healthz, deferral — so
// those never wait behind a search.
//
// Routing: by user id, so each user's cooldown lives in exactly one worker and stays exact. The per-channel
// cooldown is per worker: with N workers a busy channel may get up to N times its allowance (as with N
// replicas; README says cooldowns are advisory).
import { fileURLToPath } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { Dispatcher, DispatchResult } from '../contract.js';
import type { Interaction } from '../interaction.js';
import type { HealthStatus, HttpLogger } from './types.js';

/** What a worker is told at start. */
export interface WorkerSetup {
  dataDir: string;
  index: number;
  /** 'off' only for the bench, whose whole load comes from a handful of users. */
  cooldowns?: 'off';
  /** The worker thread's nice value (Linux: per thread). */
  nice?: number;
}

/** Worker → pool messages. */
export type WorkerMessage =
  | { kind: 'ready'; health: HealthStatus }
  | { kind: 'failed'; error: string }
  | { kind: 'result'; id: number; result: DispatchResult };

export interface WorkerPool extends Dispatcher {
  readonly size: number;
  /** Resolves once every worker has loaded the index (with what they serve); rejects if one cannot. */
  readonly ready: Promise<HealthStatus>;
  close(): Promise<void>;
}

/**
 * Answer threads run at a lower priority than the HTTP thread: with more busy threads than cores, equal
 * priority let the workers starve the one thread every request must pass through.
 */
export const WORKER_NICE = 5;

export interface PoolOptions {
  size: number;
  /** The worker's module: compiled `.js`, or `.ts` when running from the sources (tests). */
  entry: URL;
  dataDir: string;
  logger: HttpLogger;
  cooldowns?: 'off';
  /** Nice value of the answer threads, so the transport thread is never starved by its own workers. */
  nice?: number;
}

/**
 * The V8 limits of a thread that answers (the answer workers here, and the bench's fresh-process answers,
 * bench/child.ts, which start theirs through `spawnAnswerWorker` too). A 192 MB young generation (64 MB
 * semi-spaces, V8's default is 48 MB: 16 MB ones): an /ask allocates ~270-330 KB that dies with it, so with the
 * default a young-generation collection came every ~50 answers and landed inside one of them, which was the
 * whole p99 tail (README, Speed: the slowest answer's own work is ~2.4 ms); with this one, every ~200. The
 * cost is resident memory: up to ~96 MB more per answer thread once the semi-spaces have grown (the heap after
 * load, what is kept, is unchanged).
 */
export const ANSWER_THREAD_LIMITS = { maxYoungGenerationSizeMb: 192 } as const satisfies ResourceLimits;

/** Runs a `.ts` worker through tsx (only ever from the sources: the compiled CLI passes `.js`). */
export function spawnWorker(entry: URL, setup: object, resourceLimits?: ResourceLimits): Worker {
  const path = fileURLToPath(entry);
  const limits = resourceLimits ? { resourceLimits: { ...resourceLimits } } : {};
  if (!path.endsWith('.ts')) return new Worker(path, { workerData: setup, ...limits });
  const boot = fileURLToPath(new URL('../../../scripts/ts-worker.mjs', import.meta.url));
  return new Worker(boot, { workerData: { ...setup, entry: path }, ...limits });
}

/** A thread that answers, with `ANSWER_THREAD_LIMITS`. */
export function spawnAnswerWorker(entry: URL, setup: object): Worker {
  return spawnWorker(entry, setup, ANSWER_THREAD_LIMITS);
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function userOf({ request }: Interaction): string {
  return 'user' in request ? request.user.id : '';
}

export function createWorkerPool(options: PoolOptions): WorkerPool {
  const size = Math.max(1, Math.floor(options.size));
  const pending = new Map<number, { resolve: (r: DispatchResult) => void; reject: (e: Error) => void }>();
  const owner = new Map<number, number>();
  const workers: Worker[] = [];
  let nextId = 1;
  let closing = false;
  let readyCount = 0;
  let settleReady: { resolve: (h: HealthStatus) => void; reject: (e: Error) => void };
  const ready = new Promise<HealthStatus>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  ready.catch(() => {});

  const start = (index: number, first: boolean): void => {
    const worker = spawnAnswerWorker(options.entry, {
      dataDir: options.dataDir,
      index,
      ...(options.cooldowns ? { cooldowns: options.cooldowns } : {}),
      nice: options.nice ?? WORKER_NICE,
    });
    workers[index] = worker;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'result') {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        owner.delete(message.id);
        waiting?.resolve(message.result);
      } else if (message.kind === 'ready') {
        if (first && ++readyCount === size) settleReady.resolve(message.health);
      } else if (message.kind === 'failed') {
        settleReady.reject(new Error(message.error));
      }
    });
    worker.on('error', (error) =>
      options.logger.error('answer worker failed', { worker: index, error: error.name }),
    );
    worker.on('exit', (code) => {
      // Whatever it was answering gets the server's private "something went wrong"; a new one starts.
      for (const [id, at] of owner) {
        if (at !== index) continue;
        pending.get(id)?.reject(new Error('the answer worker stopped'));
        pending.delete(id);
        owner.delete(id);
      }
      if (closing) return;
      if (readyCount < size) {
        settleReady.reject(new Error(`an answer worker stopped while loading the index (exit code ${code})`));
        return;
      }
      options.logger.warn('answer worker restarted', { worker: index, exitCode: code });
      start(index, false);
    });
  };
  for (let index = 0; index < size; index++) start(index, true);

  return {
    size,
    ready,
    // The parsed interaction crosses to the worker as is (structured clone): it is never parsed again.
    dispatch(interaction: Interaction): Promise<DispatchResult> {
      const index = hash(userOf(interaction)) % size;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        owner.set(id, index);
        workers[index]!.postMessage({ id, interaction });
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
