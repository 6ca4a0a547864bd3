// What a handler returns: a message (new, or replacing the one a button sits on) or autocomplete choices.
// The dispatcher turns it into an APIInteractionResponse and sets allowed_mentions; handlers never do.
import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
} from 'discord-api-types/v10';
import { noticeEmbed } from './format.js';

export interface MessageReply {
  type: 'message';
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Only the person who asked sees it. */
  ephemeral?: boolean;
  /** Replace the message the clicked component sits on instead of sending a new one. */
  update?: boolean;
  /** The one user the answer is addressed to: mentioned at the start and the only one who may be pinged. */
  mention?: string;
  /** How it went, for the log: a user error is an answer that says what to try instead. */
  outcome?: 'ok' | 'user-error' | 'refused';
}

export interface ChoicesReply {
  type: 'choices';
  choices: APIApplicationCommandOptionChoice<string>[];
}

export type Reply = MessageReply | ChoicesReply;

/** A private notice: no results, unknown reference, not yours to page, slow down. */
export function privateNotice(
  title: string,
  text: string,
  outcome: MessageReply['outcome'] = 'user-error',
): MessageReply {
  return { type: 'message', embeds: [noticeEmbed(title, text)], ephemeral: true, outcome };
}

/** A button or menu whose state can no longer be read back (or that no command owns). */
export function expiredNotice(): MessageReply {
  return privateNotice(
    'This button no longer works',
    'It belongs to an answer Charter can no longer read back. Run the command again.',
  );
}
