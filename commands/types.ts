// The shape of a command (defined by the dispatcher's contract, src/discord/command.ts).
export type { CommandModule, ComponentAction } from '../src/discord/command.js';
