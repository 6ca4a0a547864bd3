// Raw interaction (as Discord sends it) → a small, typed request the handlers can trust. Tolerant: a
// missing or mistyped field becomes "absent", never an exception.
import {
  type APIInteraction,
  ApplicationCommandType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';

export type OptionValue = string | number | boolean;

export interface RequestUser {
  id: string;
  name: string;
}

interface Common {
  /** The interaction id (for logs). */
  id: string;
  user: RequestUser;
  channelId?: string;
  guildId?: string;
  locale?: string;
}

export interface CommandRequest extends Common {
  kind: 'command';
  command: string;
  options: Record<string, OptionValue>;
  /** For message context menus: the selected message. */
  target?: { id: string; content: string };
}

export interface AutocompleteRequest extends Common {
  kind: 'autocomplete';
  command: string;
  options: Record<string, OptionValue>;
  focused: { name: string; value: string };
}

export interface ComponentRequest extends Common {
  kind: 'component';
  customId: string;
  /** Selected values of a select menu. */
  values: string[];
  /** The message the component sits on. */
  message: { id: string; ephemeral: boolean; firstFooter?: string };
}

export type NormalizedRequest =
  | { kind: 'ping'; id: string }
  | CommandRequest
  | AutocompleteRequest
  | ComponentRequest
  | { kind: 'unsupported'; id: string; type: unknown };

type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function userOf(raw: Loose): RequestUser {
  const user = obj(obj(raw.member)?.user) ?? obj(raw.user) ?? {};
  const id = str(user.id) ?? '0';
  return { id, name: str(user.global_name) ?? str(user.username) ?? id };
}

/** Option values by name; subcommand options are flattened; values of the wrong type are dropped. */
function optionsOf(
  list: unknown,
  out: Record<string, OptionValue> = {},
  focused?: { name: string; value: string }[],
) {
  for (const entry of arr(list)) {
    const option = obj(entry);
    const name = str(option?.name);
    if (!option || !name) continue;
    if (Array.isArray(option.options)) optionsOf(option.options, out, focused);
    const value = option.value;
    if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    ) {
      out[name] = value;
      if (option.focused === true && focused) focused.push({ name, value: String(value) });
    }
  }
  return out;
}

function common(raw: Loose): Common {
  const request: Common = { id: str(raw.id) ?? '0', user: userOf(raw) };
  const channelId = str(raw.channel_id) ?? str(obj(raw.channel)?.id);
  if (channelId) request.channelId = channelId;
  const guildId = str(raw.guild_id);
  if (guildId) request.guildId = guildId;
  const locale = str(raw.locale);
  if (locale) request.locale = locale;
  return request;
}

export function normalize(interaction: APIInteraction | unknown): NormalizedRequest {
  const raw = obj(interaction) ?? {};
  const id = str(raw.id) ?? '0';
  const data = obj(raw.data) ?? {};
  switch (raw.type) {
    case InteractionType.Ping:
      return { kind: 'ping', id };
    case InteractionType.ApplicationCommand: {
      const request: CommandRequest = {
        ...common(raw),
        kind: 'command',
        command: str(data.name) ?? '',
        options: optionsOf(data.options),
      };
      const targetId = str(data.target_id);
      if (data.type === ApplicationCommandType.Message && targetId) {
        const message = obj(obj(obj(data.resolved)?.messages)?.[targetId]);
        request.target = { id: targetId, content: str(message?.content) ?? '' };
      }
      return request;
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const focused: { name: string; value: string }[] = [];
      const options = optionsOf(data.options, {}, focused);
      return {
        ...common(raw),
        kind: 'autocomplete',
        command: str(data.name) ?? '',
        options,
        focused: focused[0] ?? { name: '', value: '' },
      };
    }
    case InteractionType.MessageComponent: {
      const message = obj(raw.message) ?? {};
      const flags = typeof message.flags === 'number' ? message.flags : 0;
      const firstFooter = str(obj(obj(arr(message.embeds)[0])?.footer)?.text);
      return {
        ...common(raw),
        kind: 'component',
        customId: str(data.custom_id) ?? '',
        values: arr(data.values).filter((v): v is string => typeof v === 'string'),
        message: {
          id: str(message.id) ?? '0',
          ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
          ...(firstFooter ? { firstFooter } : {}),
        },
      };
    }
    default:
      return { kind: 'unsupported', id, type: raw.type };
  }
}
