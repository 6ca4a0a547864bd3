// Every command Charter registers, as data; `charter commands --json` prints exactly these definitions.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { CommandModule } from '../src/discord/command.js';
import { askCommand } from './ask.js';
import { compareCommand } from './compare.js';
import { findSourcesCommand } from './find-sources.js';
import { helpCommand } from './help.js';
import { quoteCommand } from './quote.js';
import { sourcesCommand } from './sources.js';

export const COMMANDS: readonly CommandModule[] = [
  askCommand,
  quoteCommand,
  compareCommand,
  sourcesCommand,
  helpCommand,
  findSourcesCommand,
];

export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return COMMANDS.map((command) => command.definition);
}
