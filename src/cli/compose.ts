// The composition root of the long-running modes: the corpus and its index (src/app.ts), the answer
// services over them and the transports that carry Discord's interactions to the commands.
import { openCharter } from '../app.js';
import { runStart } from './discord.js';
import { runServe } from './serve.js';

export const start = (args: string[]) => runStart(args, async () => (await openCharter()).services);

export const serve = (args: string[]) =>
  runServe(args, {
    loadServices: async () => {
      const charter = await openCharter();
      return {
        services: charter.services,
        health: { corpusVersion: charter.version, passages: charter.index.passages.length },
      };
    },
  });
