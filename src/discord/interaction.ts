// THE one parse of an interaction (issue 17, point 8): both transports (the HTTP endpoint and the gateway)
// call `parseInteraction` on the raw payload once, at the edge; what travels on — to the dispatcher, the ack
// policy, the answer workers, the follow-up webhook — is the `Interaction` it returns, never the raw JSON.
// zod checks the shape and caps every string at Discord's documented maximum before any command code runs
// (issue 21, W23: a signed 900 KB option took 7.5 s of a worker; now it is refused in microseconds).
import { ApplicationCommandType, InteractionType, MessageFlags } from 'discord-api-types/v10';
import { z } from 'zod';
import { LIMITS } from './limits.js';
import type {
  AutocompleteRequest,
  CommandRequest,
  ComponentRequest,
  NormalizedRequest,
  OptionValue,
  RequestUser,
} from './normalize.js';

/** What the transports carry: the normalized request plus what is needed to answer it (never shown to commands). */
export interface Interaction {
  id: string;
  applicationId: string;
  /** The interaction token: the callback and follow-up webhook routes need it. */
  token: string;
  request: NormalizedRequest;
}

export type ParsedInteraction = { ok: true; interaction: Interaction } | { ok: false; reason: string };

/** Discord nests options three deep (group → subcommand → option); far deeper is not from Discord. */
export const MAX_PAYLOAD_DEPTH = 32;

const snowflake = z.string().regex(/^\d{1,20}$/, 'is not a Discord id (a number of up to 20 digits)');
/** Interaction tokens are a few hundred characters. */
const token = z.string().min(1).max(1000);

interface RawOption {
  name: string;
  type?: number | undefined;
  value?: string | number | boolean | undefined;
  focused?: boolean | undefined;
  options?: RawOption[] | undefined;
}
const option: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string().min(1).max(LIMITS.optionName),
    type: z.number().int().optional(),
    value: z.union([z.string().max(LIMITS.optionValue), z.number().finite(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(option).max(LIMITS.commandOptions).optional(),
  }),
);

const rawUser = z.object({
  id: snowflake,
  username: z.string().max(64).optional(),
  global_name: z.string().max(64).nullish(),
});

const envelope = z.object({
  id: snowflake,
  application_id: snowflake,
  token,
  channel_id: snowflake.optional(),
  channel: z.object({ id: snowflake }).partial().optional(),
  guild_id: snowflake.optional(),
  locale: z.string().max(16).optional(),
  member: z.object({ user: rawUser.optional() }).nullish(),
  user: rawUser.nullish(),
});

const commandData = z.object({
  name: z.string().min(1).max(LIMITS.commandName),
  type: z.number().int().optional(),
  options: z.array(option).max(LIMITS.commandOptions).optional(),
  target_id: snowflake.optional(),
  resolved: z
    .object({
      messages: z
        .record(z.string(), z.object({ content: z.string().max(LIMITS.messageContent).optional() }))
        .optional(),
    })
    .optional(),
});

const componentData = z.object({
  custom_id: z.string().max(LIMITS.customId),
  values: z.array(z.string().max(LIMITS.selectOptionValue)).max(LIMITS.selectOptions).optional(),
});

const componentMessage = z.object({
  id: snowflake,
  flags: z.number().int().optional(),
  embeds: z
    .array(z.object({ footer: z.object({ text: z.string().max(LIMITS.footerText) }).optional() }))
    .max(LIMITS.embedsPerMessage)
    .optional(),
});

const ping = z.object({ type: z.literal(InteractionType.Ping), id: z.string().max(32).optional() });
const command = envelope.extend({ type: z.literal(InteractionType.ApplicationCommand), data: commandData });
const autocomplete = envelope.extend({
  type: z.literal(InteractionType.ApplicationCommandAutocomplete),
  data: commandData,
});
const component = envelope.extend({
  type: z.literal(InteractionType.MessageComponent),
  data: componentData,
  message: componentMessage,
});
const modal = envelope.extend({ type: z.literal(InteractionType.ModalSubmit) });

const SCHEMAS = {
  [InteractionType.Ping]: ping,
  [InteractionType.ApplicationCommand]: command,
  [InteractionType.ApplicationCommandAutocomplete]: autocomplete,
  [InteractionType.MessageComponent]: component,
  [InteractionType.ModalSubmit]: modal,
} as const;

/**
 * The raw payload (a parsed JSON value) as an `Interaction`, or why not in a few words (for the log and a
 * 400). Never throws, whatever it is given.
 */
export function parseInteraction(raw: unknown): ParsedInteraction {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not an object');
  if (depthExceeds(raw, MAX_PAYLOAD_DEPTH)) return fail(`nested deeper than ${MAX_PAYLOAD_DEPTH}`);
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'number' || !Object.hasOwn(SCHEMAS, type)) return fail('unknown interaction type');
  const schema = SCHEMAS[type as keyof typeof SCHEMAS];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`${issue.path.join('.') || 'payload'}: ${issue.message}`);
  }
  const value = parsed.data;
  if (value.type === InteractionType.Ping)
    return {
      ok: true,
      interaction: {
        id: value.id ?? '0',
        applicationId: '',
        token: '',
        request: { kind: 'ping', id: value.id ?? '0' },
      },
    };
  const base = {
    id: value.id,
    user: userOf(value),
    ...((value.channel_id ?? value.channel?.id)
      ? { channelId: (value.channel_id ?? value.channel?.id)! }
      : {}),
    ...(value.guild_id ? { guildId: value.guild_id } : {}),
    ...(value.locale ? { locale: value.locale } : {}),
  };
  let request: NormalizedRequest;
  switch (value.type) {
    case InteractionType.ApplicationCommand: {
      const commandRequest: CommandRequest = {
        ...base,
        kind: 'command',
        command: value.data.name,
        options: optionsOf(value.data.options),
      };
      const targetId = value.data.target_id;
      if (value.data.type === ApplicationCommandType.Message && targetId)
        commandRequest.target = {
          id: targetId,
          content: value.data.resolved?.messages?.[targetId]?.content ?? '',
        };
      request = commandRequest;
      break;
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const focused: { name: string; value: string }[] = [];
      const autocompleteRequest: AutocompleteRequest = {
        ...base,
        kind: 'autocomplete',
        command: value.data.name,
        options: optionsOf(value.data.options, {}, focused),
        focused: focused[0] ?? { name: '', value: '' },
      };
      request = autocompleteRequest;
      break;
    }
    case InteractionType.MessageComponent: {
      const firstFooter = value.message.embeds?.[0]?.footer?.text;
      const componentRequest: ComponentRequest = {
        ...base,
        kind: 'component',
        customId: value.data.custom_id,
        values: value.data.values ?? [],
        message: {
          id: value.message.id,
          ephemeral: ((value.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
          ...(firstFooter ? { firstFooter } : {}),
        },
      };
      request = componentRequest;
      break;
    }
    default:
      request = { kind: 'unsupported', id: value.id, type: value.type };
  }
  return {
    ok: true,
    interaction: { id: value.id, applicationId: value.application_id, token: value.token, request },
  };
}

function fail(reason: string): ParsedInteraction {
  return { ok: false, reason };
}

function userOf(value: z.infer<typeof envelope>): RequestUser {
  const user = value.member?.user ?? value.user;
  if (!user) return { id: '0', name: '0' };
  return { id: user.id, name: user.global_name ?? user.username ?? user.id };
}

/** Option values by name; subcommand options are flattened. */
function optionsOf(
  list: RawOption[] | undefined,
  out: Record<string, OptionValue> = {},
  focused?: { name: string; value: string }[],
): Record<string, OptionValue> {
  for (const entry of list ?? []) {
    if (entry.options) optionsOf(entry.options, out, focused);
    if (entry.value === undefined) continue;
    out[entry.name] = entry.value;
    if (entry.focused === true && focused) focused.push({ name: entry.name, value: String(entry.value) });
  }
  return out;
}

/** Iterative, so a payload nested thousands deep cannot overflow the stack (zod's recursion) here. */
function depthExceeds(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}
