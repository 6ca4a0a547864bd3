// Parsed interaction in (src/discord/interaction.ts), interaction response out. Applies cooldowns, runs the command, turns its
// reply into a payload that fits Discord's limits and can ping at most the one user it is addressed to.
// Never throws: a failing handler becomes an ephemeral "Something went wrong (ref: …)" logged with its stack.
import { randomBytes } from 'node:crypto';
import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { Services } from '../answer/services.js';
import { createLogger, type Logger } from '../log.js';
import { withoutControls } from '../reply/escape.js';
import { noticeEmbed } from '../reply/format.js';
import { type ChoicesReply, expiredNotice, type MessageReply, privateNotice } from '../reply/reply.js';
import { clip } from '../reply/truncate.js';
import type { CommandModule, ComponentAction } from './command.js';
import type { Dispatcher, DispatchResult } from './contract.js';
import { Cooldowns, monotonicNow } from './cooldown.js';
import { decodeCustomId } from './custom-id.js';
import type { Interaction } from './interaction.js';
import { LIMITS, messageViolations } from './limits.js';
import type { NormalizedRequest } from './normalize.js';
import { deferredAckFor } from './respond.js';

export interface DispatcherOptions {
  logger?: Logger;
  cooldowns?: Cooldowns;
  /** Correlation ids for errors (tests pass a fixed one). */
  newRef?: () => string;
}

/** Nobody may be pinged but the one user an answer is addressed to: never @everyone, @here or roles. */
export function allowedMentions(mention?: string): APIInteractionResponseCallbackData['allowed_mentions'] {
  return mention ? { parse: [], users: [mention] } : { parse: [] };
}

/** A handler's message reply as an interaction response. */
export function toResponse(reply: MessageReply): APIInteractionResponse {
  const data: APIInteractionResponseCallbackData = {};
  const content = reply.mention ? `<@${reply.mention}> ${reply.content ?? ''}`.trimEnd() : reply.content;
  if (content !== undefined) data.content = clip(content, LIMITS.content);
  if (reply.embeds) data.embeds = reply.embeds;
  data.components = reply.components ?? [];
  data.allowed_mentions = allowedMentions(reply.mention);
  if (reply.update) return { type: InteractionResponseType.UpdateMessage, data: withoutControls(data) };
  if (reply.ephemeral) data.flags = MessageFlags.Ephemeral;
  return { type: InteractionResponseType.ChannelMessageWithSource, data: withoutControls(data) };
}

function choicesResponse(reply: ChoicesReply): APIInteractionResponse {
  const choices = withoutControls(reply.choices)
    .filter(
      (c) => c.name.length > 0 && c.name.length <= LIMITS.choiceName && c.value.length <= LIMITS.choiceValue,
    )
    .slice(0, LIMITS.autocompleteChoices);
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
}

const defaultRef = () => randomBytes(3).toString('hex');

/**
 * The acknowledgement for a late answer, from the command set alone (so a transport whose answers are
 * computed elsewhere, like the worker pool, decides it the same way): private when the command says its
 * answer will be (/help, Find sources), or when `hide` is set; unknown commands get a private notice.
 * Never throws.
 */
export function createAckPolicy(
  commands: readonly CommandModule[],
): (interaction: Interaction) => APIInteractionResponse {
  const byName = new Map(commands.map((command) => [command.definition.name, command]));
  return (interaction) => {
    const { request } = interaction;
    let isPrivate: boolean | undefined;
    if (request.kind === 'command') {
      const command = byName.get(request.command);
      try {
        isPrivate =
          !command || (command.isPrivate ? command.isPrivate(request) : request.options.hide === true);
      } catch {
        isPrivate = undefined; // a command's check that fails: the ack from the `hide` option
      }
    }
    return deferredAckFor(interaction, isPrivate);
  };
}

export function createDispatcher(
  services: Services,
  commands: readonly CommandModule[],
  options: DispatcherOptions = {},
): Dispatcher {
  const byName = new Map(commands.map((command) => [command.definition.name, command]));
  const actions = new Map<string, ComponentAction>();
  for (const action of commands.flatMap((command) => command.components ?? [])) {
    if (actions.has(action.action))
      throw new Error(`Two commands claim the component action "${action.action}".`);
    actions.set(action.action, action);
  }
  const findCommand = (name: string) => byName.get(name);
  const logger = options.logger ?? createLogger();
  const cooldowns = options.cooldowns ?? new Cooldowns(undefined, services.now ?? monotonicNow);
  const newRef = options.newRef ?? defaultRef;

  async function run(request: NormalizedRequest): Promise<MessageReply | ChoicesReply> {
    switch (request.kind) {
      case 'autocomplete': {
        const command = findCommand(request.command);
        return command?.autocomplete
          ? command.autocomplete(request, services)
          : { type: 'choices', choices: [] };
      }
      case 'command': {
        const command = findCommand(request.command);
        if (!command)
          return privateNotice(
            'Unknown command',
            'This command is not (or no longer) Charter’s. Its list may be out of date.',
            'refused',
          );
        return command.execute(request, services);
      }
      case 'component': {
        const action = actions.get(decodeCustomId(request.customId)?.action ?? '');
        return action ? action.handle(request, services) : expiredNotice();
      }
      default:
        return privateNotice('Not supported', 'Charter does not handle this kind of interaction.', 'refused');
    }
  }

  const ackFor = createAckPolicy(commands);

  return {
    ackFor,
    async dispatch({ request }: Interaction): Promise<DispatchResult> {
      if (request.kind === 'ping')
        return { response: { type: InteractionResponseType.Pong }, log: { type: 'ping', outcome: 'ok' } };
      const command =
        'command' in request
          ? request.command
          : request.kind === 'component'
            ? decodeCustomId(request.customId)?.action
            : undefined;
      const log = { type: request.kind, ...(command ? { command } : {}) };
      if (request.kind === 'command' || request.kind === 'component') {
        const verdict = cooldowns.take(request.user.id, request.channelId);
        if (!verdict.ok) {
          const who = verdict.scope === 'user' ? 'You are' : 'This channel is';
          const reply = privateNotice(
            'Slow down a little',
            `${who} asking quickly. Try again in ${verdict.retryAfterSeconds} s.`,
            'refused',
          );
          return { response: toResponse(reply), log: { ...log, outcome: 'refused' } };
        }
      }
      try {
        const reply = await run(request);
        if (reply.type === 'choices')
          return { response: choicesResponse(reply), log: { ...log, outcome: 'ok' } };
        const response = toResponse(reply);
        const violations =
          'data' in response && response.data && 'allowed_mentions' in response.data
            ? messageViolations(response.data)
            : [];
        if (violations.length > 0) throw new Error(`Reply breaks Discord limits: ${violations.join('; ')}`);
        return { response, log: { ...log, outcome: reply.outcome ?? 'ok' } };
      } catch (error) {
        const ref = newRef();
        logger.error('handler failed', { ref, ...log, interactionId: request.id, error });
        if (request.kind === 'autocomplete') {
          return {
            response: {
              type: InteractionResponseType.ApplicationCommandAutocompleteResult,
              data: { choices: [] },
            },
            log: { ...log, outcome: 'error', correlationId: ref },
          };
        }
        const reply: MessageReply = {
          type: 'message',
          embeds: [
            noticeEmbed(
              'Something went wrong',
              `Something went wrong (ref: ${ref}). Please try again; if it keeps happening, give the bot’s operator that ref.`,
            ),
          ],
          ephemeral: true,
        };
        return { response: toResponse(reply), log: { ...log, outcome: 'error', correlationId: ref } };
      }
    },
  };
}
