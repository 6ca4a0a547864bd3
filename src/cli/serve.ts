// `charter serve [--port N] [--host H] [--workers N]`: the HTTP interactions endpoint. It listens at once
// and prepares the data directory in a worker thread (src/cli/prepare.ts: sync, recovery, re-split, index
// build), so Discord's PING and /healthz answer while that runs (issue 21, W20). With workers (default: one
// per core) answers are computed in worker threads, each with the read-only index loaded once; this thread
// keeps the transport (src/discord/http/pool.ts). With `--workers 0` this thread answers, from the index the
// preparation hands over.
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { Services } from '../answer/services.js';
import { type EndpointConfig, endpointConfig } from '../config/index.js';
import type { Dispatcher } from '../discord/contract.js';
import { deferringResponder, discordRest } from '../discord/http/deferral.js';
import { createWorkerPool, type WorkerPool } from '../discord/http/pool.js';
import { createInteractionsServer } from '../discord/http/server.js';
import type { HealthStatus } from '../discord/http/types.js';
import { createLogger, type Logger } from '../log.js';
import { dataDir } from '../paths.js';
import { parseCommandArgs, UsageError } from './args.js';
import { handedOverServices, type Prepared, type PrepareSetup, prepareInWorker } from './prepare.js';
import { charterAckPolicy, charterDispatcher } from './wiring.js';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '0.0.0.0';

/** What the endpoint answers from once the index is loaded, and what /healthz reports about it. */
export interface LoadedServices {
  services: Services;
  health: HealthStatus;
}

export interface ServeDeps {
  /**
   * Prepares the data directory and says what it serves, off this thread; by default in a worker thread
   * (`prepareInWorker`), ended when `signal` aborts (a stop while loading). Tests hold it at a latch.
   */
  prepare?: (setup: PrepareSetup, signal: AbortSignal) => Promise<Prepared>;
  /**
   * `--workers 0`: the services this thread answers from, given what was prepared (by default the index
   * the preparation handed over). The dispatcher is built here.
   */
  loadServices?: (prepared: Prepared) => LoadedServices | Promise<LoadedServices>;
  /** DISCORD_PUBLIC_KEY and PORT; read from the environment and .env by default. */
  config?: Pick<EndpointConfig, 'publicKey' | 'port'>;
  logger?: Logger;
  /** Resolves when the process should stop; SIGINT/SIGTERM by default. */
  stopSignal?: Promise<unknown>;
  /** Told the bound address once listening (tests use port 0). */
  onListening?: (address: AddressInfo) => void;
  /** The data directory prepared and loaded (default: CHARTER_DATA_DIR or ./data). */
  dataDir?: string;
  /** Tests: the answer workers' module, Discord's API base for follow-ups, the deferral deadline. */
  workerEntry?: URL;
  discordApi?: string;
  deadlineMs?: number;
  /** How long a stop waits for acknowledged answers to be delivered (default: DRAIN_LIMIT_MS). */
  drainMs?: number;
}

/**
 * On SIGTERM/SIGINT the endpoint stops taking connections and finishes what it acknowledged (issue 21,
 * W19): answers in flight and follow-ups of deferred acks are delivered before the workers end. No longer
 * than an interaction token lives (15 minutes: past it, a follow-up cannot land anyway), or `drainMs`.
 */
export const DRAIN_LIMIT_MS = 15 * 60 * 1000;

export interface ServeArgs {
  /** Undefined when --port is not given (then PORT, then DEFAULT_PORT). */
  port?: number;
  host: string;
  /** Answer worker threads; 0 answers on the HTTP thread itself. */
  workers: number;
}

export function parseServeArgs(args: string[]): ServeArgs {
  const { values } = parseCommandArgs('serve', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    workers: { type: 'string' },
  });
  const host = values.host ?? DEFAULT_HOST;
  let workers = availableParallelism();
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!/^\d+$/.test(values.workers) || workers > 64)
      throw new UsageError(`--workers must be a whole number from 0 to 64, not "${values.workers}".`);
  }
  if (values.port === undefined) return { host, workers };
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  return { port, host, workers };
}

/** The worker module: compiled next to this file, or the TypeScript source when running from src/. */
function workerEntry(): URL {
  const js = new URL('./serve-worker.js', import.meta.url);
  return existsSync(js) ? js : new URL('./serve-worker.ts', import.meta.url);
}

/**
 * Why listen() failed, as one sentence an operator can act on (Node's own message is a bare code such as
 * "getaddrinfo ENOTFOUND 999.1.1.1" or "listen EADDRINUSE"). Codes not named here keep Node's message.
 */
export function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host}:${port}`;
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} on ${host} is already in use by another program: stop it, or choose another port with --port or PORT.`;
    case 'EACCES':
      return `Charter may not listen on ${where} (ports below 1024 need extra rights): choose a port from 1024 up with --port or PORT.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `--host ${host} is not an address or a name this machine can look up: give an IP address such as 127.0.0.1 or 0.0.0.0.`;
    case 'EADDRNOTAVAIL':
      return `--host ${host} is not an address of this machine: give one of its own addresses, 127.0.0.1, or 0.0.0.0 for all of them.`;
    default:
      return `Charter could not listen on ${where}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

function stopSignals(): Promise<unknown> {
  return Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
}

export async function runServe(args: string[], deps: ServeDeps): Promise<number> {
  const options = parseServeArgs(args);
  const config = deps.config ?? endpointConfig();
  const port = options.port ?? config.port ?? DEFAULT_PORT;
  const host = options.host;
  const logger = deps.logger ?? createLogger({ base: { mode: 'http' } });
  let ready: { dispatcher: Dispatcher; health: HealthStatus } | undefined;
  const server = createInteractionsServer({
    publicKey: config.publicKey,
    dispatcher: () => ready?.dispatcher,
    health: () => ready?.health,
    logger,
    respond: deferringResponder({
      rest: discordRest(deps.discordApi ? { api: deps.discordApi } : {}),
      logger,
      // Decided from the commands alone, so answers computed in workers are acknowledged the same way.
      ackFor: charterAckPolicy,
      ...(deps.deadlineMs !== undefined ? { deadlineMs: deps.deadlineMs } : {}),
    }),
  });

  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    server.close();
    throw new Error(listenFailure(error, host, port));
  }
  const address = server.address() as AddressInfo;
  logger.info('listening', { host: address.address, port: address.port });
  deps.onListening?.(address);

  let failed: unknown;
  let pool: WorkerPool | undefined;
  const stopping = new AbortController();
  const prepare = deps.prepare ?? ((setup, signal) => prepareInWorker(setup, { signal }));
  const loadServices = deps.loadServices ?? defaultServices;
  const loading = (async () => {
    // A worker thread prepares the data directory once (sync, recovery, re-split, index build and save) ...
    const directory = deps.dataDir ?? dataDir();
    const prepared = await prepare({ dataDir: directory, handOver: options.workers === 0 }, stopping.signal);
    if (stopping.signal.aborted) return;
    if (options.workers === 0) {
      const loaded = await loadServices(prepared);
      ready = { dispatcher: charterDispatcher(loaded.services, { logger }), health: loaded.health };
      return;
    }
    // ... then the answer workers each load the saved index.
    pool = createWorkerPool({
      size: options.workers,
      entry: deps.workerEntry ?? workerEntry(),
      dataDir: directory,
      logger,
    });
    const health = await pool.ready;
    if (health.corpusVersion !== prepared.health.corpusVersion)
      logger.warn('workers loaded another corpus version than the one prepared', { ...health });
    ready = { dispatcher: pool, health };
  })().then(
    () => {
      if (ready) logger.info('index loaded', { ...ready.health, workers: options.workers });
    },
    (error: unknown) => {
      if (stopping.signal.aborted) return; // the stop ended the preparation: not a failure
      failed = error;
      logger.error('index failed to load', { error: error instanceof Error ? error.message : String(error) });
    },
  );
  // A failed load ends the process rather than leaving an endpoint that can only say it is loading.
  await Promise.race([deps.stopSignal ?? stopSignals(), loading.then(() => (failed ? undefined : never()))]);
  if (!ready && !failed) stopping.abort();

  logger.info('stopping', { inFlight: server.inFlight });
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Acknowledged work is finished and delivered (the workers stay up meanwhile); then the connections go.
  const limitMs = deps.drainMs ?? DRAIN_LIMIT_MS;
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    server.settled().then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), limitMs);
    }),
  ]);
  clearTimeout(timer);
  if (!drained)
    logger.warn('stopped with interactions still in flight', { inFlight: server.inFlight, limitMs });
  server.closeAllConnections();
  await closed;
  await pool?.close();
  logger.info('stopped', {});
  return failed ? 1 : 0;
}

/** The services over the index the preparation handed over (`--workers 0`). */
function defaultServices(prepared: Prepared): LoadedServices {
  if (!prepared.corpus) throw new Error('the preparation handed over no index');
  return { services: handedOverServices(prepared.corpus), health: prepared.health };
}

function never(): Promise<never> {
  return new Promise(() => {});
}
