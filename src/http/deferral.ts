// Discord drops an interaction that is not answered within 3 s. Over HTTP the answer is the response body,
// so a slow answer is acknowledged in the body and delivered later through the interaction webhook — with
// the same deadline, acks and webhook calls as the gateway (src/discord/respond.ts).
import { REST } from '@discordjs/rest';
import {
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import {
  DEFAULT_DEADLINE_MS,
  deferredAckFor,
  followUpRequests,
  type RestLike,
  respondWithin,
  sendWebhookRequests,
} from '../discord/respond.js';
import type { HttpLogger, Responder } from './server.js';

/** Discord's REST API for interaction webhooks (no bot token: the interaction token is in the route). */
export function discordRest(options: { api?: string } = {}): RestLike {
  return new REST({ version: '10', ...(options.api ? { api: options.api } : {}) });
}

/** Autocomplete cannot be deferred: past the deadline it offers nothing rather than time out. */
const NO_CHOICES: APIInteractionResponse = {
  type: InteractionResponseType.ApplicationCommandAutocompleteResult,
  data: { choices: [] },
};

export function deferringResponder(options: {
  rest: RestLike;
  logger: HttpLogger;
  deadlineMs?: number;
}): Responder {
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  return async (interaction, work, reply) => {
    const autocomplete = interaction.type === InteractionType.ApplicationCommandAutocomplete;
    const ack = autocomplete ? NO_CHOICES : safeAck(interaction);
    let acked = false;
    let delivered = true;
    try {
      const outcome = await respondWithin(
        deadlineMs,
        work,
        async () => {
          acked = true;
          reply(ack);
        },
        async (result) => {
          if (autocomplete) return;
          const requests = followUpRequests(interaction, ack, result.response);
          // A modal or choices cannot follow an ack: the user is left with the "thinking…" placeholder.
          if (requests.length === 0) delivered = false;
          await sendWebhookRequests(options.rest, requests);
        },
      );
      if (!outcome.deferred) reply(outcome.result.response);
      const failed = outcome.deferred && (autocomplete || !delivered);
      return { deferred: outcome.deferred, result: failed ? asError(outcome.result) : outcome.result };
    } catch (error) {
      // Before the ack the work itself failed: the server answers 500. After it, the follow-up failed
      // (webhook expired, Discord down): log it, never crash.
      if (!acked) throw error;
      options.logger.error('follow-up failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      return { deferred: true, result: asError(await work) };
    }
  };
}

/** The deferred ack, inside the never-throw promise: a payload it cannot read gets a private "thinking…". */
function safeAck(interaction: Parameters<typeof deferredAckFor>[0]): APIInteractionResponse {
  try {
    return deferredAckFor(interaction);
  } catch {
    return {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    };
  }
}

function asError<T extends { log: { outcome: string } }>(result: T): T {
  return { ...result, log: { ...result.log, outcome: 'error' } };
}
