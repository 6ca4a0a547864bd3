// `charter serve --workers N`: answers computed in worker threads, each with the read-only index loaded once;
// PING and /healthz stay on the HTTP thread, so they never wait behind a search (issue 13, W7). Real signed
// requests over loopback.
import type { Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { openCharter } from '../../src/app.js';
import { runServe } from '../../src/cli/serve.js';
import { createWorkerPool } from '../../src/discord/http/pool.js';
import { createInteractionsServer } from '../../src/discord/http/server.js';
import { createLogger } from '../../src/log.js';
import { slash } from '../fixtures/discord/interactions.js';
import { TEST_DATA_DIR } from '../global-setup.js';
import { testLatch } from '../support/latch.js';
import { serveRun } from '../support/serve-run.js';
import {
  baseUrl,
  generateDiscordKeys,
  interactions,
  postInteraction,
  send,
  signatureHeaders,
} from './discord-client.js';

const quiet = createLogger({ write() {} });

describe('charter serve --workers 2 over the real corpus', () => {
  it('answers /ask from the workers, PING and /healthz from the HTTP thread, and stops cleanly', async () => {
    const keys = generateDiscordKeys();
    const { logger, lines, loaded, stop, stopSignal, onListening, url: listening } = serveRun();
    const exit = runServe(['--port', '0', '--host', '127.0.0.1', '--workers', '2'], {
      config: { publicKey: keys.publicKeyHex },
      logger,
      dataDir: TEST_DATA_DIR,
      stopSignal,
      onListening,
    });
    const url = await listening;
    await loaded;
    const health = await send(`${url}/healthz`);
    expect(health.status).toBe(200);
    const reference = await openCharter({ dataDir: TEST_DATA_DIR, autoSync: false });
    expect(JSON.parse(health.text)).toEqual({
      status: 'ready',
      corpusVersion: reference.version,
      passages: reference.index.passages.length,
    });
    expect(lines.some((l) => l.includes('"index loaded"') && l.includes('"workers":2'))).toBe(true);

    for (const [n, question] of [
      'Is social scoring prohibited?',
      'What must providers of high-risk systems do?',
    ].entries()) {
      const body = JSON.stringify(slash('ask', { question }, `10000000000000000${n}`));
      const reply = await send(`${url}/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signatureHeaders(keys.privateKey, body) },
        body,
      });
      expect(reply.status).toBe(200);
      const answer = JSON.parse(reply.text) as { type: number; data: { embeds: { title: string }[] } };
      expect(answer.type).toBe(4);
      expect(answer.data.embeds.length).toBeGreaterThan(0);
    }
    const ping = JSON.stringify(interactions.ping());
    const pong = await send(`${url}/interactions`, {
      method: 'POST',
      headers: signatureHeaders(keys.privateKey, ping),
      body: ping,
    });
    expect(JSON.parse(pong.text)).toEqual({ type: 1 });
    stop();
    expect(await exit).toBe(0);
  }, 120_000); // loading the real index in 2 workers on a loaded machine: the limit only catches a hang
});

describe('W7: health checks while every worker is busy', () => {
  it('/healthz and PING are answered while the only worker is blocked in an answer', async () => {
    const keys = generateDiscordKeys();
    const latch = testLatch(`w7-${process.pid}`);
    const pool = createWorkerPool({
      size: 1,
      entry: new URL('../fixtures/workers/held-worker.ts', import.meta.url),
      dataDir: TEST_DATA_DIR,
      logger: quiet,
    });
    await pool.ready;
    const server: Server = createInteractionsServer({
      publicKey: keys.publicKeyHex,
      dispatcher: pool,
      health: () => ({ corpusVersion: 'held', passages: 0 }),
      logger: quiet,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const order: string[] = [];
      const slow = postInteraction(server, keys, slash(`hold:${latch.name}`)).then((r) => {
        order.push(`answer ${r.status}`);
      });
      await latch.holding(); // the worker's thread is now blocked, as in a long search
      const health = await send(`${baseUrl(server)}/healthz`);
      order.push(`healthz ${health.status}`);
      const ping = await postInteraction(server, keys, {
        id: '1',
        application_id: '1',
        type: 1,
        token: 't',
        version: 1,
      });
      order.push(`ping ${ping.status}`);
      expect(latch.isHeld()).toBe(true);
      latch.release();
      await slow;
      expect(order).toEqual(['healthz 200', 'ping 200', 'answer 200']);
    } finally {
      latch.release();
      latch.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.close();
    }
  });
});
