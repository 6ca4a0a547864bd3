// When something below the endpoint breaks: what the user is told (a private message with a ref, never an
// HTTP 500) and what the log keeps of the error (its class and stack frames, never its message, which can
// quote what the user sent).
import { type APIInteractionResponse, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { Interaction } from '../interaction.js';

/** The error's class and stack frames, for a log line. */
export function errorFields(error: unknown): { error: string; stack: string | undefined } {
  return {
    error: error instanceof Error ? error.name : typeof error,
    stack: error instanceof Error ? stackFrames(error) : undefined,
  };
}

/** The stack without its first line (the message, which may quote user input). */
function stackFrames(error: Error): string | undefined {
  return error.stack?.split('\n').slice(1, 8).join('\n');
}

/** "Something went wrong (ref: …)", privately; an empty choice list for autocomplete. */
export function failureResponse(interaction: Interaction, ref: string): APIInteractionResponse {
  return interaction.request.kind === 'autocomplete'
    ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
    : {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: {
          content: `Something went wrong (ref: ${ref}). Please try again; if it keeps happening, give the bot’s operator that ref.`,
          flags: MessageFlags.Ephemeral,
          allowed_mentions: { parse: [] },
        },
      };
}
