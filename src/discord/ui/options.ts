// Options several commands share, and typed readers for a normalized request's option values.
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
} from 'discord-api-types/v10';
import type { CommandRequest } from '../normalize.js';

/**
 * Installable in servers and by users for themselves, usable in servers, DMs with the bot and group DMs.
 * Only global commands may carry these fields; deploy drops them for a server.
 */
export const INSTALLABLE_EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
};

export const hideOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'hide',
  description: 'Show the answer only to you',
};

export const mentionOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.User,
  name: 'mention',
  description: 'The one person this answer is for (only they are pinged)',
};

export function documentOption(
  name = 'document',
  required = false,
  description?: string,
): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name,
    description: description ?? 'Limit to one document (start typing its name)',
    required,
    autocomplete: true,
    max_length: 100,
  };
}

export const stringOption = (request: CommandRequest, name: string): string | undefined => {
  const value = request.options[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

export const booleanOption = (request: CommandRequest, name: string): boolean =>
  request.options[name] === true;

/** The `mention` user id, when it is a plausible snowflake and not the asker themselves. */
export function mentionOf(request: CommandRequest): string | undefined {
  const value = request.options.mention;
  return typeof value === 'string' && /^\d{15,21}$/.test(value) && value !== request.user.id
    ? value
    : undefined;
}
