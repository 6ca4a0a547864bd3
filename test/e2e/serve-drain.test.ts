// Issue 21, W19: SIGTERM with `--workers N` ended workers that held acknowledged interactions: deferred
// answers became "Something went wrong" follow-ups 16 ms after "stopping". Now the stop waits for them.
// `charter serve` over loopback with real signatures, one answer worker held at a latch until the stop has
// begun (test/fixtures/workers/held-worker.ts) and a stand-in for Discord's webhook API that records follow-ups.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runServe } from '../../src/cli/serve.js';
import { slash } from '../fixtures/discord/interactions.js';
import { testLatch } from '../support/latch.js';
import { serveRun } from '../support/serve-run.js';
import { generateDiscordKeys, send, signatureHeaders } from './discord-client.js';

const keys = generateDiscordKeys();

async function fakeDiscord(): Promise<{ server: Server; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(`${req.method} ${Buffer.concat(chunks).toString()}`);
      if (req.method === 'DELETE') {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, bodies };
}

describe('W19: a stop with answer workers finishes what was acknowledged', () => {
  it('delivers every deferred answer after SIGTERM instead of "Something went wrong"', async () => {
    const discord = await fakeDiscord();
    const { logger, lines, loaded, logged, stop, stopSignal, onListening, url: listening } = serveRun();
    const latch = testLatch(`w19-${process.pid}`);
    const exit = runServe(['--port', '0', '--host', '127.0.0.1', '--workers', '1'], {
      config: { publicKey: keys.publicKeyHex },
      logger,
      prepare: async () => ({ health: { corpusVersion: 'held', passages: 0 } }),
      workerEntry: new URL('../fixtures/workers/held-worker.ts', import.meta.url),
      discordApi: `http://127.0.0.1:${(discord.server.address() as AddressInfo).port}/api`,
      deadlineMs: 20,
      stopSignal,
      onListening,
    });
    const url = await listening;
    await loaded;

    const acks = await Promise.all(
      [0, 1, 2, 3].map(async (n) => {
        const body = JSON.stringify(slash(`hold:${latch.name}`, {}, `10000000000000000${n}`));
        const reply = await send(`${url}/interactions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signatureHeaders(keys.privateKey, body) },
          body,
        });
        return JSON.parse(reply.text) as { type: number };
      }),
    );
    // All acknowledged; no answer can come before the latch is released.
    expect(acks.map((a) => a.type)).toEqual([5, 5, 5, 5]);
    stop();
    await logged('stopping');
    latch.release(); // the answers finish only now, after the stop began
    expect(await exit).toBe(0);
    latch.close();

    const followUps = discord.bodies.filter((b) => b.startsWith('POST') || b.startsWith('PATCH'));
    expect(followUps.filter((b) => b.includes(`done hold:${latch.name}`))).toHaveLength(4);
    expect(discord.bodies.some((b) => b.includes('Something went wrong'))).toBe(false);
    expect(lines.some((l) => l.includes('"stopping"') && l.includes('"inFlight":4'))).toBe(true);
    discord.server.close();
  });
});
