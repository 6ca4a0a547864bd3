// The HTTP interactions endpoint: Discord POSTs each interaction here and reads our answer from the response
// body. Plain node:http, no framework. This file routes (/interactions, /healthz), admits connections and
// knows what is in flight; one interaction's request is handled in interaction-request.ts, its body read in
// body.ts, its signature checked in verify.ts.
import { type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Dispatcher } from '../contract.js';
import { ByteBudget } from './body.js';
import { Connections } from './connections.js';
import { errorFields } from './failure.js';
import { interactionRequestHandler } from './interaction-request.js';
import { methodNotAllowed, sendJson } from './json.js';
import { RejectLog } from './reject-log.js';
import type { HealthStatus, HttpLogger, Responder } from './types.js';
import { ed25519PublicKeyFromHex } from './verify.js';

export const INTERACTIONS_PATH = '/interactions';
export const HEALTH_PATH = '/healthz';
/** Discord's payloads are a few KiB; anything this big is not from Discord. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Unauthenticated memory is bounded in total, not only per request (issue 13, W3): at most this many open
 * connections, and at most this many body bytes held before their signature is checked, across all
 * requests. Beyond either, a request is refused early (503, connection closed) instead of buffered.
 */
export const MAX_CONNECTIONS = 256;
export const MAX_UNVERIFIED_BYTES = 8 * 1024 * 1024;
/**
 * Held connections cannot lock Discord out (issue 21, W18). While there is room, anyone may connect (a burst
 * through a reverse proxy or the bench gets every slot, as before). When the server is full, a newcomer
 * closes the connection idle the longest (nothing in flight: a held keep-alive socket, or one that never
 * sent a request; closing it loses nothing); when none is idle, the oldest connection of an address holding
 * more than this many is closed — an address that takes nearly every slot cannot take Discord's too. Only
 * when neither exists is the newcomer refused.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = MAX_CONNECTIONS - 32;
/** Rejected requests (bad signature, too large, busy…) are logged at most once per reason per interval. */
export const REJECT_LOG_INTERVAL_MS = 10_000;
export { MAX_PAYLOAD_DEPTH } from '../interaction.js';

export interface InteractionsServerOptions {
  /** The application's public key: 64 hex characters (DISCORD_PUBLIC_KEY) or a ready KeyObject. */
  publicKey: string | KeyObject;
  /** The dispatcher, or a getter that returns undefined while the index is still loading. */
  dispatcher: Dispatcher | (() => Dispatcher | undefined);
  /**
   * What /healthz reports (200 `{status: 'ready', ...}`); undefined while the index loads, when /healthz
   * answers 503 `{status: 'loading'}` and interactions other than PING get `stillLoading`.
   */
  health: () => HealthStatus | undefined;
  logger: HttpLogger;
  /** How slow answers are deferred and followed up; by default the answer is awaited and sent as is. */
  respond?: Responder;
  /** Clock for the timestamp check (tests). */
  now?: () => number;
  maxBodyBytes?: number;
  maxConnections?: number;
  maxConnectionsPerAddress?: number;
  maxUnverifiedBytes?: number;
  rejectLogIntervalMs?: number;
  /** Correlation ids for errors the dispatcher could not turn into a reply itself (tests pass a fixed one). */
  newRef?: () => string;
  /** Slow-client limits: a request must deliver its headers / its whole body within these. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

const awaitAnswer: Responder = async (_interaction, work, reply) => {
  const result = await work;
  reply(result.response);
  return { deferred: false, result };
};

/** The endpoint's server, which knows the interactions it is still delivering (for a graceful stop). */
export interface InteractionsServer extends Server {
  /** Interactions whose answer (or follow-up after a deferred ack) is still being delivered. */
  readonly inFlight: number;
  /** Resolves when no interaction is in flight. */
  settled(): Promise<void>;
}

export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  const key =
    typeof options.publicKey === 'string' ? ed25519PublicKeyFromHex(options.publicKey) : options.publicKey;
  const getDispatcher =
    typeof options.dispatcher === 'function' ? options.dispatcher : constant(options.dispatcher);
  const { logger } = options;
  const headersTimeout = options.headersTimeoutMs ?? 5_000;
  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  const rejects = new RejectLog(logger, options.rejectLogIntervalMs ?? REJECT_LOG_INTERVAL_MS);
  const handleInteraction = interactionRequestHandler({
    key,
    getDispatcher,
    respond: options.respond ?? awaitAnswer,
    now: options.now ?? Date.now,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    budget: new ByteBudget(options.maxUnverifiedBytes ?? MAX_UNVERIFIED_BYTES),
    rejects,
    logger,
    newRef: options.newRef ?? (() => randomBytes(3).toString('hex')),
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    connections.busy(req.socket, res);
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path === INTERACTIONS_PATH) {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      const work = handleInteraction(req, res, started);
      inFlight.add(work);
      return work.finally(() => {
        inFlight.delete(work);
        if (inFlight.size === 0) for (const resolve of waiting.splice(0)) resolve();
      });
    }
    if (path === HEALTH_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
      const health = options.health();
      // Load balancers read 503 as "not ready yet": while loading, the endpoint still answers PING itself.
      return health
        ? sendJson(res, 200, { status: 'ready', ...health })
        : sendJson(res, 503, { status: 'loading' });
    }
    sendJson(res, 404, { error: 'not-found' });
  }

  const server = createServer(
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        logger.error('request failed', errorFields(error));
        if (res.headersSent) res.destroy();
        else sendJson(res, 500, { error: 'internal' });
      });
    },
  );
  server.keepAliveTimeout = 5_000;
  // Not server.maxConnections: Node drops a connection past it before anyone can make room for it.
  const connections = new Connections(
    options.maxConnections ?? MAX_CONNECTIONS,
    options.maxConnectionsPerAddress ?? MAX_CONNECTIONS_PER_ADDRESS,
  );
  server.on('connection', (socket: Socket) => {
    if (!connections.admit(socket)) {
      socket.destroy();
      rejects.note(503, 'too-many-busy-connections');
    }
  });
  server.on('close', () => rejects.flush());
  const inFlight = new Set<Promise<void>>();
  const waiting: (() => void)[] = [];
  // A getter, not Object.assign (which would copy the count once).
  Object.defineProperty(server, 'inFlight', { get: () => inFlight.size });
  return Object.assign(server as Server & { readonly inFlight: number }, {
    settled: () =>
      inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)),
  });
}

function constant<T>(value: T): () => T {
  return () => value;
}
