// Discord drops an interaction that is not answered within 3 s. Over HTTP the answer is the response body,
// so a slow answer is acknowledged in the body and delivered later through the interaction webhook — by
// the same delivery policy as the gateway (src/discord/respond.ts `deliver`).
import { REST } from '@discordjs/rest';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { Interaction } from '../interaction.js';
import { deliver, type RestLike } from '../respond.js';
import type { HttpLogger, Responder } from './types.js';

/** Discord's REST API for interaction webhooks (no bot token: the interaction token is in the route). */
export function discordRest(options: { api?: string } = {}): RestLike {
  return new REST({ version: '10', ...(options.api ? { api: options.api } : {}) });
}

export function deferringResponder(options: {
  rest: RestLike;
  logger: HttpLogger;
  deadlineMs?: number;
  /** The ack for a late answer (the dispatcher's `ackFor`, private when the answer will be). */
  ackFor?: (interaction: Interaction) => APIInteractionResponse | undefined;
}): Responder {
  return async (interaction, work, reply) => {
    // Inside the never-throw promise: should the policy fail, the ack from the `hide` option.
    let ack: APIInteractionResponse | undefined;
    try {
      ack = options.ackFor?.(interaction);
    } catch {
      ack = undefined;
    }
    const delivered = await deliver(interaction, work, {
      rest: options.rest,
      sendInitial: reply,
      ...(ack ? { ack } : {}),
      ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
    });
    if (delivered.failure?.startsWith('follow-up failed'))
      options.logger.error('follow-up failed', { error: delivered.failure });
    const result = delivered.failure ? asError(delivered.result) : delivered.result;
    return { deferred: delivered.deferred, result };
  };
}

function asError<T extends { log: { outcome: string } }>(result: T): T {
  return { ...result, log: { ...result.log, outcome: 'error' } };
}
