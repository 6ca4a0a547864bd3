// Registers the commands with one bulk overwrite (PUT), in one server (instant; for testing) or globally.
// Global commands are installable by servers and users and usable in servers, DMs and group DMs; those
// two fields are global-only, so a server deploy leaves them out.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { Routes } from 'discord-api-types/v10';

export interface DeployScope {
  guildId?: string;
}

/** Exactly the JSON array a deploy to this scope sends. */
export function commandsFor(
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[],
  scope: DeployScope = {},
): RESTPostAPIApplicationCommandsJSONBody[] {
  if (!scope.guildId) return [...definitions];
  return definitions.map(
    ({ integration_types: _i, contexts: _c, ...rest }) => rest as RESTPostAPIApplicationCommandsJSONBody,
  );
}

export interface RestPut {
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export async function deployCommands(
  rest: RestPut,
  applicationId: string,
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[],
  scope: DeployScope = {},
): Promise<number> {
  const route = scope.guildId
    ? Routes.applicationGuildCommands(applicationId, scope.guildId)
    : Routes.applicationCommands(applicationId);
  const registered = await rest.put(route, { body: commandsFor(definitions, scope) });
  return Array.isArray(registered) ? registered.length : 0;
}
