// `charter serve [--port N] [--host H] [--workers N]`: the HTTP interactions endpoint. It listens at once
// (so Discord's PING and /healthz answer while the index loads) and takes interactions as soon as the
// services are ready. With workers (default: one per core) answers are computed in worker threads, each
// with the read-only index loaded once; this thread keeps the transport (src/discord/http/pool.ts).
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { Services } from '../answer/services.js';
import { type EndpointConfig, endpointConfig } from '../config/index.js';
import type { Dispatcher } from '../discord/contract.js';
import { deferringResponder, discordRest } from '../discord/http/deferral.js';
import { createWorkerPool, type WorkerPool } from '../discord/http/pool.js';
import { createInteractionsServer, type HealthStatus } from '../discord/http/server.js';
import { createLogger, type Logger } from '../log.js';
import { dataDir } from '../paths.js';
import { parseCommandArgs, UsageError } from './args.js';
import { charterAckPolicy, charterDispatcher } from './wiring.js';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '0.0.0.0';

/** What the endpoint answers from once the index is loaded, and what /healthz reports about it. */
export interface LoadedServices {
  services: Services;
  health: HealthStatus;
}

export interface ServeDeps {
  /** Loads the index behind the services (the CLI passes the real loader); the dispatcher is built here. */
  loadServices: () => Promise<LoadedServices>;
  /** DISCORD_PUBLIC_KEY and PORT; read from the environment and .env by default. */
  config?: Pick<EndpointConfig, 'publicKey' | 'port'>;
  logger?: Logger;
  /** Resolves when the process should stop; SIGINT/SIGTERM by default. */
  stopSignal?: Promise<unknown>;
  /** Told the bound address once listening (tests use port 0). */
  onListening?: (address: AddressInfo) => void;
  /** The data directory the answer workers load the index from (default: CHARTER_DATA_DIR or ./data). */
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
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  logger.info('listening', { host: address.address, port: address.port });
  deps.onListening?.(address);

  let failed: unknown;
  let pool: WorkerPool | undefined;
  const loading = (async () => {
    // The HTTP thread prepares the data directory once (sync, recovery, index build and save) ...
    const loaded = await deps.loadServices();
    if (options.workers === 0) {
      ready = { dispatcher: charterDispatcher(loaded.services, { logger }), health: loaded.health };
      return;
    }
    // ... then the workers each load the saved index; this thread drops its copy.
    const prepared = loaded.health;
    pool = createWorkerPool({
      size: options.workers,
      entry: deps.workerEntry ?? workerEntry(),
      dataDir: deps.dataDir ?? dataDir(),
      logger,
    });
    const health = await pool.ready;
    if (health.corpusVersion !== prepared.corpusVersion)
      logger.warn('workers loaded another corpus version than the one prepared', { ...health });
    ready = { dispatcher: pool, health };
  })().then(
    () => logger.info('index loaded', { ...ready!.health, workers: options.workers }),
    (error: unknown) => {
      failed = error;
      logger.error('index failed to load', { error: error instanceof Error ? error.message : String(error) });
    },
  );
  // A failed load ends the process rather than leaving an endpoint that can only say 503.
  await Promise.race([deps.stopSignal ?? stopSignals(), loading.then(() => (failed ? undefined : never()))]);

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

function never(): Promise<never> {
  return new Promise(() => {});
}
