// The HTTP interactions endpoint: Discord POSTs each interaction here and reads our answer from the response
// body. Plain node:http, no framework. Every request is checked against Discord's Ed25519 signature before
// its body is parsed; nothing is kept between requests.
import { type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { type APIInteractionResponse, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { Logger } from '../../log.js';
import type { Dispatcher, DispatchResult } from '../contract.js';
import { type Interaction, parseInteraction } from '../interaction.js';
import { stillLoading } from '../respond.js';
import { ed25519PublicKeyFromHex, verifyInteractionRequest } from './verify.js';

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

export interface HealthStatus {
  corpusVersion: string;
  passages: number;
}

/** The endpoint logs through the shared structured logger (src/log.ts), which also masks tokens. */
export type HttpLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

/**
 * Delivers one dispatched interaction within Discord's window: calls `reply` exactly once with what goes into
 * the HTTP response (the answer, or an ack whose answer it then sends through the webhook) and resolves with
 * the final result, for the log line.
 */
export type Responder = (
  interaction: Interaction,
  work: Promise<DispatchResult>,
  reply: (response: APIInteractionResponse) => void,
) => Promise<{ deferred: boolean; result: DispatchResult }>;

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
  const respond = options.respond ?? awaitAnswer;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const { logger } = options;
  const headersTimeout = options.headersTimeoutMs ?? 5_000;
  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  const budget = new ByteBudget(options.maxUnverifiedBytes ?? MAX_UNVERIFIED_BYTES);
  const rejects = new RejectLog(logger, options.rejectLogIntervalMs ?? REJECT_LOG_INTERVAL_MS);
  const newRef = options.newRef ?? (() => randomBytes(3).toString('hex'));

  async function handleInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
  ): Promise<void> {
    const body = await readBody(req, maxBodyBytes, budget);
    if (body === 'too-large') return refuseAndClose(req, res, 413, 'body-too-large');
    if (body === 'busy') return refuseAndClose(req, res, 503, 'too-many-unverified-bytes');
    if (body === 'aborted') return;

    const failure = verifyInteractionRequest(
      key,
      {
        signature: header(req, 'x-signature-ed25519'),
        timestamp: header(req, 'x-signature-timestamp'),
        body,
      },
      now(),
    );
    if (failure) return refuse(res, 401, failure);

    // The one parse (zod, src/discord/interaction.ts): shape and Discord's length caps, before any work.
    let parsed: ReturnType<typeof parseInteraction>;
    try {
      parsed = parseInteraction(JSON.parse(body.toString('utf8')));
    } catch {
      parsed = { ok: false, reason: 'not JSON' };
    }
    if (!parsed.ok) return refuse(res, 400, 'malformed-interaction');
    const { interaction } = parsed;

    if (interaction.request.kind === 'ping') {
      sendJson(res, 200, { type: InteractionResponseType.Pong });
      logger.info('interaction', { type: 'ping', outcome: 'ok', latencyMs: elapsed(started) });
      return;
    }
    const dispatcher = getDispatcher();
    if (!dispatcher) {
      sendJson(res, 200, stillLoading(interaction));
      logger.info('interaction', {
        type: interaction.request.kind,
        outcome: 'loading',
        latencyMs: elapsed(started),
      });
      return;
    }

    // The dispatcher promises never to throw; should anything below it break anyway (a bug, a worker that
    // died), the user still gets a private "something went wrong" with a ref, never an HTTP 500.
    let work: Promise<DispatchResult>;
    try {
      work = dispatcher.dispatch(interaction).catch((error: unknown) => failed(interaction, error));
    } catch (error) {
      work = Promise.resolve(failed(interaction, error));
    }
    let replied = false;
    const reply = (response: APIInteractionResponse) => {
      replied = true;
      sendJson(res, 200, response);
    };
    let deferred = false;
    let result: DispatchResult;
    try {
      ({ deferred, result } = await respond(interaction, work, reply));
    } catch (error) {
      result = failed(interaction, error);
      if (replied) res.destroy();
      else reply(result.response);
    }
    // What was asked stays out of the log: type and command only, never options or message text.
    logger.info('interaction', {
      type: result.log.type,
      command: result.log.command,
      outcome: result.log.outcome,
      correlationId: result.log.correlationId,
      deferred,
      latencyMs: elapsed(started),
    });
  }

  /** An error reply with a ref; the log gets the ref, the error's class and its stack frames — no message,
   * which can quote what the user sent. */
  function failed(interaction: Interaction, error: unknown): DispatchResult {
    const ref = newRef();
    logger.error('interaction failed below the dispatcher', {
      ref,
      interactionId: interaction.id,
      error: error instanceof Error ? error.name : typeof error,
      stack: error instanceof Error ? stackFrames(error) : undefined,
    });
    const response: APIInteractionResponse =
      interaction.request.kind === 'autocomplete'
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : {
            type: InteractionResponseType.ChannelMessageWithSource,
            data: {
              content: `Something went wrong (ref: ${ref}). Please try again; if it keeps happening, give the bot’s operator that ref.`,
              flags: MessageFlags.Ephemeral,
              allowed_mentions: { parse: [] },
            },
          };
    return { response, log: { type: 'interaction', outcome: 'error', correlationId: ref } };
  }

  function refuse(res: ServerResponse, status: number, reason: string): void {
    sendJson(res, status, { error: reason });
    rejects.note(status, reason);
  }

  /** Refuses and closes the connection once the answer is out, instead of draining an unwanted upload. */
  function refuseAndClose(req: IncomingMessage, res: ServerResponse, status: number, reason: string): void {
    res.shouldKeepAlive = false;
    res.setHeader('connection', 'close');
    res.once('finish', () => req.socket.destroy());
    refuse(res, status, reason);
  }

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
        logger.error('request failed', {
          error: error instanceof Error ? error.name : typeof error,
          stack: error instanceof Error ? stackFrames(error) : undefined,
        });
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

/**
 * Open connections by address, with whether each has a request in flight and since when it is idle. Makes
 * room for a new connection by closing the longest-idle one (of the same address when that address is at
 * its cap); refuses it only when none is idle.
 */
class Connections {
  private readonly open = new Map<Socket, { address: string; busy: number; idleSince: number }>();
  private readonly perAddress = new Map<string, number>();
  constructor(
    private readonly max: number,
    private readonly maxPerAddress: number,
  ) {}

  admit(socket: Socket): boolean {
    const address = socket.remoteAddress ?? '';
    if (this.open.size >= this.max) {
      const victim = this.longestIdle() ?? this.hogOtherThan(address);
      if (!victim) return false;
      this.forget(victim);
      victim.destroy();
    }
    this.open.set(socket, { address, busy: 0, idleSince: performance.now() });
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    socket.once('close', () => this.forget(socket));
    return true;
  }

  /** Marks the connection busy until the response is done. */
  busy(socket: Socket, res: ServerResponse): void {
    const entry = this.open.get(socket);
    if (!entry) return;
    entry.busy++;
    res.once('close', () => {
      entry.busy--;
      entry.idleSince = performance.now();
    });
  }

  /** The oldest connection of an address past its cap, when the newcomer comes from elsewhere. */
  private hogOtherThan(address: string): Socket | undefined {
    for (const [socket, entry] of this.open)
      if (entry.address !== address && (this.perAddress.get(entry.address) ?? 0) > this.maxPerAddress)
        return socket;
    return undefined;
  }

  private longestIdle(address?: string): Socket | undefined {
    let best: Socket | undefined;
    let since = Number.POSITIVE_INFINITY;
    for (const [socket, entry] of this.open)
      if (
        entry.busy === 0 &&
        entry.idleSince < since &&
        (address === undefined || entry.address === address)
      ) {
        best = socket;
        since = entry.idleSince;
      }
    return best;
  }

  private forget(socket: Socket): void {
    const entry = this.open.get(socket);
    if (!entry) return;
    this.open.delete(socket);
    const left = (this.perAddress.get(entry.address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(entry.address, left);
    else this.perAddress.delete(entry.address);
  }
}

/** The stack without its first line (the message, which may quote user input). */
function stackFrames(error: Error): string | undefined {
  return error.stack?.split('\n').slice(1, 8).join('\n');
}

/** The first bytes of every request may use the whole budget; bytes past them leave this much free. */
const SMALL_BODY_BYTES = 64 * 1024;

/**
 * Body bytes held before verification, across all requests. Large uploads cannot take the last eighth:
 * Discord's own payloads (a few KiB) still get through while stalled large uploads hold the rest.
 */
class ByteBudget {
  used = 0;
  constructor(readonly limit: number) {}
  take(bytes: number, heldByRequest: number): boolean {
    const cap = heldByRequest + bytes > SMALL_BODY_BYTES ? this.limit - this.limit / 8 : this.limit;
    if (this.used + bytes > cap) return false;
    this.used += bytes;
    return true;
  }
  give(bytes: number): void {
    this.used -= bytes;
  }
}

/**
 * Logs the first rejection of each kind at once, then at most one line per interval saying how many more
 * there were: a flood of bad requests cannot flood the log.
 */
class RejectLog {
  private readonly counts = new Map<string, { status: number; reason: string; since: number; n: number }>();
  private timer: NodeJS.Timeout | undefined;
  constructor(
    private readonly logger: HttpLogger,
    private readonly intervalMs: number,
  ) {}
  note(status: number, reason: string): void {
    const key = `${status} ${reason}`;
    const seen = this.counts.get(key);
    if (seen) {
      seen.n++;
      return;
    }
    this.logger.warn('request refused', { status, reason });
    this.counts.set(key, { status, reason, since: Date.now(), n: 0 });
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const { status, reason, since, n } of this.counts.values())
      if (n > 0)
        this.logger.warn('requests refused', { status, reason, count: n, sinceMs: Date.now() - since });
    this.counts.clear();
  }
}

function constant<T>(value: T): () => T {
  return () => value;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  sendJson(res, 405, { error: 'method-not-allowed' });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * Reads the body up to `limit` bytes, holding its bytes against the shared budget of unverified bytes
 * until it is handed over (the caller verifies it at once, synchronously, so the hold ends there).
 */
function readBody(
  req: IncomingMessage,
  limit: number,
  budget: ByteBudget,
): Promise<Buffer | 'too-large' | 'busy' | 'aborted'> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: Buffer | 'too-large' | 'busy' | 'aborted'): void => {
      req.off('data', onData);
      budget.give(size);
      size = 0;
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      if (size + chunk.length > limit) {
        req.pause();
        finish('too-large');
        return;
      }
      if (!budget.take(chunk.length, size)) {
        req.pause();
        finish('busy');
        return;
      }
      size += chunk.length;
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(Buffer.concat(chunks, size)));
    req.once('error', () => finish('aborted'));
    req.once('close', () => finish('aborted'));
  });
}
