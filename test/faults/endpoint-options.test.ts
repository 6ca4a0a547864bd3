// Issue 21, W23: option lengths were not capped server-side: a signed 900 KB `document` option cost 7.5 s
// of a worker (and blocked PING with --workers 0). The one parse at the edge (src/discord/interaction.ts)
// caps every string at Discord's documented maximum, so it is refused before any work. Over loopback with
// real Ed25519 signatures.
import { once } from 'node:events';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../src/discord/contract.js';
import { createInteractionsServer } from '../../src/discord/http/server.js';
import { LIMITS } from '../../src/discord/limits.js';
import { createLogger } from '../../src/log.js';
import { generateDiscordKeys, postInteraction } from '../e2e/discord-client.js';
import { slash } from '../fixtures/discord/interactions.js';

const keys = generateDiscordKeys();
const dispatched: string[] = [];
const dispatcher: Dispatcher = {
  async dispatch(interaction) {
    dispatched.push(interaction.id);
    return {
      response: { type: 4, data: { content: 'ok', allowed_mentions: { parse: [] } } },
      log: { type: 'command', outcome: 'ok' },
    };
  },
};
let server: Server;

beforeAll(async () => {
  server = createInteractionsServer({
    publicKey: keys.publicKeyHex,
    dispatcher,
    health: () => ({ corpusVersion: 'v', passages: 1 }),
    logger: createLogger({ write() {} }),
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('W23: option lengths capped at the edge', () => {
  it('refuses a signed 900 KB option with 400 before the dispatcher sees it', async () => {
    const huge = slash('ask', { question: 'social scoring', document: 'AI Act '.repeat(130_000) });
    const reply = await postInteraction(server, keys, huge);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text)).toEqual({ error: 'malformed-interaction' });
    expect(dispatched).toEqual([]);
  });

  it('takes an option of exactly the maximum, and a PING right after', async () => {
    const longest = slash('ask', { question: 'q'.repeat(LIMITS.optionValue) });
    expect((await postInteraction(server, keys, longest)).status).toBe(200);
    expect(dispatched).toHaveLength(1);
    const pong = await postInteraction(server, keys, {
      id: '1',
      application_id: '1',
      type: 1,
      token: 't',
      version: 1,
    });
    expect(JSON.parse(pong.text)).toEqual({ type: 1 });
  });
});
