// A child process running the real interactions server (with a stand-in dispatcher), so an attack from
// another process can be measured by the server's own RSS. Prints `{"port":N}` once listening; answers
// each line `rss` on stdin with `{"rss":bytes}` (after a GC when --expose-gc is on), and each line `read`
// with `{"read":{"<client port>":bytes}}`: what the server has read of each open connection, so the attack
// knows when every upload has arrived instead of guessing with a sleep.

import type { AddressInfo, Socket } from 'node:net';
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
const open = new Set<Socket>();
server.on('connection', (socket: Socket) => {
  open.add(socket);
  socket.once('close', () => open.delete(socket));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'read') {
    const read: Record<string, number> = {};
    for (const socket of open) if (!socket.destroyed) read[String(socket.remotePort)] = socket.bytesRead;
    process.stdout.write(`${JSON.stringify({ read })}\n`);
    return;
  }
  if (line.trim() !== 'rss') return;
  (globalThis as { gc?: () => void }).gc?.();
  process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
});
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
