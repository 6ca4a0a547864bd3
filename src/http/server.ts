// The HTTP interactions endpoint: Discord POSTs each interaction here and reads our answer from the response
// body. Plain node:http, no framework. Every request is checked against Discord's Ed25519 signature before
// its body is parsed; nothing is kept between requests.
import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import type { Dispatcher, DispatchResult } from '../discord/contract.js';
import type { Logger } from '../log.js';
import { ed25519PublicKeyFromHex, verifyInteractionRequest } from './verify.js';

export const INTERACTIONS_PATH = '/interactions';
export const HEALTH_PATH = '/healthz';
/** Discord's payloads are a few KiB; anything this big is not from Discord. */
export const MAX_BODY_BYTES = 1024 * 1024;

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
  interaction: APIInteraction,
  work: Promise<DispatchResult>,
  reply: (response: APIInteractionResponse) => void,
) => Promise<{ deferred: boolean; result: DispatchResult }>;

export interface InteractionsServerOptions {
  /** The application's public key: 64 hex characters (DISCORD_PUBLIC_KEY) or a ready KeyObject. */
  publicKey: string | KeyObject;
  /** The dispatcher, or a getter that returns undefined while the index is still loading. */
  dispatcher: Dispatcher | (() => Dispatcher | undefined);
  /** What /healthz reports; undefined until the index is loaded (then /healthz answers 503). */
  health: () => HealthStatus | undefined;
  logger: HttpLogger;
  /** How slow answers are deferred and followed up; by default the answer is awaited and sent as is. */
  respond?: Responder;
  /** Clock for the timestamp check (tests). */
  now?: () => number;
  maxBodyBytes?: number;
  /** Slow-client limits: a request must deliver its headers / its whole body within these. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

const awaitAnswer: Responder = async (_interaction, work, reply) => {
  const result = await work;
  reply(result.response);
  return { deferred: false, result };
};

export function createInteractionsServer(options: InteractionsServerOptions): Server {
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

  async function handleInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
  ): Promise<void> {
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') {
      refuse(res, 413, 'body-too-large');
      // Stop reading: close the connection once the 413 is out instead of draining an unbounded upload.
      res.once('finish', () => req.socket.destroy());
      return;
    }
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

    const interaction = parseInteraction(body);
    if (!interaction) return refuse(res, 400, 'malformed-interaction');

    if (interaction.type === InteractionType.Ping) {
      sendJson(res, 200, { type: InteractionResponseType.Pong });
      logger.info('interaction', { type: 'ping', outcome: 'ok', latencyMs: elapsed(started) });
      return;
    }
    const dispatcher = getDispatcher();
    if (!dispatcher) return refuse(res, 503, 'index-loading');

    const { deferred, result } = await respond(interaction, dispatcher.dispatch(interaction), (response) => {
      sendJson(res, 200, response);
    });
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

  function refuse(res: ServerResponse, status: number, reason: string): void {
    sendJson(res, status, { error: reason });
    logger.warn('request refused', { status, reason });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path === INTERACTIONS_PATH) {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      return handleInteraction(req, res, started);
    }
    if (path === HEALTH_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
      const health = options.health();
      return health ? sendJson(res, 200, health) : sendJson(res, 503, { error: 'index-loading' });
    }
    sendJson(res, 404, { error: 'not-found' });
  }

  const server = createServer(
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        logger.error('request failed', { error: error instanceof Error ? error.message : String(error) });
        if (res.headersSent) res.destroy();
        else sendJson(res, 500, { error: 'internal' });
      });
    },
  );
  server.keepAliveTimeout = 5_000;
  return server;
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

/** Reads the body up to `limit` bytes; never buffers more than that. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', () => resolve('aborted'));
    req.once('close', () => resolve('aborted'));
  });
}

/** Only the envelope is checked here (an object with a numeric type); the dispatcher validates the rest. */
function parseInteraction(body: Buffer): APIInteraction | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const type = (value as { type?: unknown }).type;
  const known: unknown[] = [
    InteractionType.Ping,
    InteractionType.ApplicationCommand,
    InteractionType.MessageComponent,
    InteractionType.ApplicationCommandAutocomplete,
    InteractionType.ModalSubmit,
  ];
  return known.includes(type) ? (value as APIInteraction) : undefined;
}
