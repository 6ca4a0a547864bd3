// The shape of a command: its definition as plain data (what deploy sends) and its handlers.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AutocompleteRequest, CommandRequest } from '../src/discord/normalize.js';
import type { Services } from '../src/discord/services.js';
import type { ChoicesReply, MessageReply } from '../src/reply/reply.js';

export interface CommandModule {
  definition: RESTPostAPIApplicationCommandsJSONBody;
  execute(request: CommandRequest, services: Services): Promise<MessageReply>;
  autocomplete?(request: AutocompleteRequest, services: Services): ChoicesReply | Promise<ChoicesReply>;
}
