// The composition root of the long-running modes: the corpus and its index (src/app.ts), the answer
// services over them and the transports that carry Discord's interactions to the commands.
import { openCharter } from '../app.js';
import { runStart } from './discord.js';
import { runServe } from './serve.js';

export const start = (args: string[]) => runStart(args, async () => (await openCharter()).services);

// The endpoint prepares and loads its corpus itself, off its HTTP thread (src/cli/prepare.ts).
export const serve = (args: string[]) => runServe(args, {});
