// What a command is to the dispatcher: its definition as plain data (what deploy sends), its handlers, and
// the component actions (buttons, menus) it owns, routed by the action name in their custom_id. The
// dispatcher is built over any such set (`createDispatcher(services, commands)`); it knows none of them.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Services } from '../answer/services.js';
import type { ChoicesReply, MessageReply } from '../reply/reply.js';
import type { AutocompleteRequest, CommandRequest, ComponentRequest } from './normalize.js';

export interface ComponentAction {
  /** The action part of the custom_ids this handler reads (src/discord/custom-id.ts). */
  action: string;
  handle(request: ComponentRequest, services: Services): MessageReply | Promise<MessageReply>;
}

export interface CommandModule {
  definition: RESTPostAPIApplicationCommandsJSONBody;
  execute(request: CommandRequest, services: Services): Promise<MessageReply>;
  autocomplete?(request: AutocompleteRequest, services: Services): ChoicesReply | Promise<ChoicesReply>;
  /**
   * Whether the answer will be shown only to the asker, decided from the request alone (a late answer's
   * "thinking…" is then private too). Without it: when the `hide` option is set.
   */
  isPrivate?(request: CommandRequest): boolean;
  /** The buttons and menus on this command's replies. */
  components?: readonly ComponentAction[];
}
