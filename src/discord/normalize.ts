// The small, typed request the handlers can trust. It is made once, at the transport edge, by
// `parseInteraction` (src/discord/interaction.ts), which checks the raw payload with zod.

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
