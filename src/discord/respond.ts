// Discord wants an interaction answered within 3 s. Both transports (gateway and HTTP endpoint) race the
// work against a deadline: in time → deliver the response itself; late → send a deferred ack first and
// complete through the interaction webhook when the work is done.
import {
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { DispatchResult } from './contract.js';

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

/** The ack to send when deferring: "thinking…" for commands (private if `hide` was set), a silent ack for buttons. */
export function deferredAckFor(interaction: APIInteraction): APIInteractionResponse {
  if (interaction.type === InteractionType.MessageComponent)
    return { type: InteractionResponseType.DeferredMessageUpdate };
  const options =
    interaction.type === InteractionType.ApplicationCommand && 'options' in interaction.data
      ? (interaction.data.options ?? [])
      : [];
  const hide = options.some((o) => o.name === 'hide' && 'value' in o && o.value === true);
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(hide ? { data: { flags: MessageFlags.Ephemeral } } : {}),
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
  interaction: { application_id: string; token: string },
  ack: APIInteractionResponse,
  final: APIInteractionResponse,
): WebhookRequest[] {
  const base = `/webhooks/${interaction.application_id}/${interaction.token}` as const;
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
