// A child process running the real interactions server (with a stand-in dispatcher), so an attack from
// another process can be measured by the server's own RSS. Prints `{"port":N}` once listening; answers
// each line `rss` on stdin with `{"rss":bytes}` (after a GC when --expose-gc is on).

import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { createInteractionsServer } from '../src/discord/http/server.js';
import { createLogger } from '../src/log.js';

const server = createInteractionsServer({
  publicKey: process.env.PUBLIC_KEY ?? '',
  dispatcher: {
    dispatch: async () => ({
      response: { type: 4, data: { content: 'ok', allowed_mentions: { parse: [] } } },
      log: { type: 'command', outcome: 'ok' },
    }),
  },
  health: () => ({ corpusVersion: 'attack', passages: 0 }),
  logger: createLogger({ write() {} }),
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'rss') return;
  (globalThis as { gc?: () => void }).gc?.();
  process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
});
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
