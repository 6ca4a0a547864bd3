// Discord wants an interaction answered within 3 s. Both transports (gateway and HTTP endpoint) race the
// work against a deadline: in time → deliver the response itself; late → send a deferred ack first and
// complete through the interaction webhook when the work is done.
import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { DispatchResult } from './contract.js';
import type { Interaction } from './interaction.js';

/** How long a transport lets the work run before it defers; leaves room for the round trip. */
export const DEFAULT_DEADLINE_MS = 2_200;

export type Outcome =
  | { deferred: false; result: DispatchResult }
  | { deferred: true; result: DispatchResult };

/**
 * Resolves with the work's result. If the work is not done within `deadlineMs`, `sendDeferred` is called
 * (the transport acknowledges) and, once both the ack and the work are done, `sendFollowUp` delivers the
 * result; `deferred` says which happened. Autocomplete cannot be deferred: pass Infinity.
 */
export async function respondWithin(
  deadlineMs: number,
  work: Promise<DispatchResult>,
  sendDeferred: () => Promise<void>,
  sendFollowUp: (result: DispatchResult) => Promise<void>,
): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = Symbol('late');
  const deadline = Number.isFinite(deadlineMs)
    ? new Promise<typeof late>((resolve) => {
        timer = setTimeout(() => resolve(late), Math.max(0, deadlineMs));
      })
    : new Promise<typeof late>(() => {});
  try {
    const first = await Promise.race([work, deadline]);
    if (first !== late) return { deferred: false, result: first };
  } finally {
    clearTimeout(timer);
  }
  await sendDeferred();
  const result = await work;
  await sendFollowUp(result);
  return { deferred: true, result };
}

/** Autocomplete cannot be deferred: past the deadline it offers nothing rather than time out. */
export const NO_CHOICES: APIInteractionResponse = {
  type: InteractionResponseType.ApplicationCommandAutocompleteResult,
  data: { choices: [] },
};

/** What a user reads when an interaction arrives while the endpoint is still loading its corpus. */
export const STILL_LOADING = 'Charter is still loading, try again in a moment.';

/**
 * The answer while the corpus loads (issue 21, W20): a private sentence at once — not a deferred ack, which
 * would hold the interaction for however long loading takes (a full re-split takes minutes; a load that
 * fails ends the process and the follow-up with it) — and no choices for autocomplete.
 */
export function stillLoading({ request }: Interaction): APIInteractionResponse {
  if (request.kind === 'autocomplete') return NO_CHOICES;
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { content: STILL_LOADING, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
  };
}

/**
 * The ack to send when an answer is late: nothing to show for autocomplete, a silent ack for buttons, and
 * "thinking…" for commands — private when the answer will be private (`isPrivate`; without it, when the
 * `hide` option is set), so a private answer is never announced in public.
 */
export function deferredAckFor({ request }: Interaction, isPrivate?: boolean): APIInteractionResponse {
  if (request.kind === 'autocomplete') return NO_CHOICES;
  if (request.kind === 'component') return { type: InteractionResponseType.DeferredMessageUpdate };
  const hide = request.kind === 'command' && request.options.hide === true;
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...((isPrivate ?? hide) ? { data: { flags: MessageFlags.Ephemeral } } : {}),
  };
}

export interface WebhookRequest {
  method: 'PATCH' | 'POST' | 'DELETE';
  /** Route under the API base, e.g. `/webhooks/<app>/<token>/messages/@original`. */
  route: `/${string}`;
  body?: APIInteractionResponseCallbackData;
}

const isEphemeral = (data: APIInteractionResponseCallbackData | undefined) =>
  (Number(data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/**
 * The webhook calls that turn a deferred ack into the final response: edit the original when it is the
 * same kind of message; otherwise (a private note after a public "thinking…", a new message after a
 * button ack) remove the placeholder and send a follow-up message.
 */
export function followUpRequests(
  interaction: Pick<Interaction, 'applicationId' | 'token'>,
  ack: APIInteractionResponse,
  final: APIInteractionResponse,
): WebhookRequest[] {
  const base = `/webhooks/${interaction.applicationId}/${interaction.token}` as const;
  const original = `${base}/messages/@original` as const;
  if (
    !('data' in final) ||
    !final.data ||
    !('allowed_mentions' in final.data || 'content' in final.data || 'embeds' in final.data)
  ) {
    return [];
  }
  const data = final.data as APIInteractionResponseCallbackData;
  const { flags: _flags, ...edit } = data;
  if (final.type === InteractionResponseType.UpdateMessage)
    return [{ method: 'PATCH', route: original, body: edit }];
  if (ack.type === InteractionResponseType.DeferredMessageUpdate)
    return [{ method: 'POST', route: base, body: data }];
  const ackPrivate = 'data' in ack && isEphemeral(ack.data as APIInteractionResponseCallbackData | undefined);
  if (ackPrivate === isEphemeral(data)) return [{ method: 'PATCH', route: original, body: edit }];
  return [
    { method: 'DELETE', route: original },
    { method: 'POST', route: base, body: data },
  ];
}

/** The part of a REST client (discord.js / @discordjs/rest `REST`) the transports need. */
export interface RestLike {
  post(route: `/${string}`, options: { body?: unknown; auth?: boolean }): Promise<unknown>;
  patch(route: `/${string}`, options: { body?: unknown; auth?: boolean }): Promise<unknown>;
  delete(route: `/${string}`, options: { auth?: boolean }): Promise<unknown>;
}

/** Sends webhook requests in order. Interaction webhooks authenticate by their token in the route. */
export async function sendWebhookRequests(
  rest: RestLike,
  requests: readonly WebhookRequest[],
): Promise<void> {
  for (const request of requests) {
    if (request.method === 'DELETE') await rest.delete(request.route, { auth: false });
    else if (request.method === 'PATCH') await rest.patch(request.route, { body: request.body, auth: false });
    else await rest.post(request.route, { body: request.body, auth: false });
  }
}

export interface Delivery {
  /** Sends the interaction's one initial response (the HTTP body, or the gateway's callback POST). */
  sendInitial(response: APIInteractionResponse): void | Promise<void>;
  /** Where follow-ups go after a deferred ack. */
  rest: RestLike;
  /** The ack to send when the answer is late (the dispatcher's `ackFor`; `deferredAckFor` by default). */
  ack?: APIInteractionResponse;
  deadlineMs?: number;
}

export interface Delivered {
  deferred: boolean;
  result: DispatchResult;
  /** Set when the answer could not be delivered (autocomplete past the deadline, a failed follow-up). */
  failure?: string;
}

/**
 * THE delivery policy, for the gateway and the HTTP endpoint alike: the answer itself when it is ready
 * within the deadline; otherwise the ack, then the answer through the interaction webhook. Autocomplete
 * cannot be deferred: past the deadline it gets no choices. A follow-up that fails (webhook expired,
 * Discord down) is reported in `failure`, never thrown; a failure of the work before any ack is thrown.
 */
export async function deliver(
  interaction: Interaction,
  work: Promise<DispatchResult>,
  delivery: Delivery,
): Promise<Delivered> {
  const autocomplete = interaction.request.kind === 'autocomplete';
  const ack = delivery.ack ?? deferredAckFor(interaction);
  let acked = false;
  let failure: string | undefined;
  try {
    const outcome = await respondWithin(
      delivery.deadlineMs ?? DEFAULT_DEADLINE_MS,
      work,
      async () => {
        acked = true;
        await delivery.sendInitial(ack);
      },
      async (result) => {
        if (autocomplete) {
          failure = 'autocomplete past the deadline';
          return;
        }
        const requests = followUpRequests(interaction, ack, result.response);
        // A modal or choices cannot follow an ack: the user is left with the "thinking…" placeholder.
        if (requests.length === 0) failure = 'nothing can follow this ack';
        await sendWebhookRequests(delivery.rest, requests);
      },
    );
    if (!outcome.deferred) await delivery.sendInitial(outcome.result.response);
    return { ...outcome, ...(failure ? { failure } : {}) };
  } catch (error) {
    if (!acked) throw error;
    return {
      deferred: true,
      result: await work,
      failure: `follow-up failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
