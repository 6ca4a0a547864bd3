// One POST to /interactions, start to end: read the body (capped, under the unverified-bytes budget), check
// Discord's Ed25519 signature, parse once, answer PING, dispatch, deliver through the responder, log one
// line. Nothing is kept between requests.
import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type APIInteractionResponse, InteractionResponseType } from 'discord-api-types/v10';
import type { Dispatcher, DispatchResult } from '../contract.js';
import { type Interaction, parseInteraction } from '../interaction.js';
import { stillLoading } from '../respond.js';
import { type ByteBudget, readBody } from './body.js';
import { errorFields, failureResponse } from './failure.js';
import { sendJson } from './json.js';
import type { RejectLog } from './reject-log.js';
import type { HttpLogger, Responder } from './types.js';
import { verifyInteractionRequest } from './verify.js';

export interface InteractionRequestContext {
  key: KeyObject;
  getDispatcher: () => Dispatcher | undefined;
  respond: Responder;
  now: () => number;
  maxBodyBytes: number;
  budget: ByteBudget;
  rejects: RejectLog;
  logger: HttpLogger;
  newRef: () => string;
}

/** The handler of POST /interactions; `started` is when the request came in (performance.now()). */
export function interactionRequestHandler(
  context: InteractionRequestContext,
): (req: IncomingMessage, res: ServerResponse, started: number) => Promise<void> {
  const { key, getDispatcher, respond, now, maxBodyBytes, budget, rejects, logger, newRef } = context;

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
      ...errorFields(error),
    });
    const response = failureResponse(interaction, ref);
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

  return handleInteraction;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
