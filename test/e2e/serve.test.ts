// `charter serve` as the CLI runs it: listens before the index is loaded, serves once it is, stops cleanly.
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Prepared } from '../../src/cli/prepare.js';
import { parseServeArgs, runServe } from '../../src/cli/serve.js';
import { STILL_LOADING } from '../../src/discord/respond.js';
import { createLogger } from '../../src/log.js';
import { slash } from '../fixtures/discord/interactions.js';
import { fakeServices } from '../fixtures/discord/services.js';
import { deferred } from '../support/serve-run.js';
import { generateDiscordKeys, interactions, send, signatureHeaders } from './discord-client.js';

const quiet = createLogger({ write() {} });

describe('parseServeArgs', () => {
  it('reads --port and --host and refuses nonsense', () => {
    expect(parseServeArgs(['--port', '9000', '--host', '127.0.0.1', '--workers', '3'])).toEqual({
      port: 9000,
      host: '127.0.0.1',
      workers: 3,
    });
    expect(parseServeArgs([])).toEqual({ host: '0.0.0.0', workers: availableParallelism() });
    expect(parseServeArgs(['--workers', '0']).workers).toBe(0);
    expect(() => parseServeArgs(['--workers', 'many'])).toThrow(/--workers/);
    expect(() => parseServeArgs(['--port', 'eighty'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--verbose'])).toThrow();
  });
});

describe('runServe', () => {
  it('a port in use or a host that is no address is one sentence, not a bare EADDRINUSE or ENOTFOUND', async () => {
    const keys = generateDiscordKeys();
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    const start = (args: string[]) =>
      runServe([...args, '--workers', '0'], {
        config: { publicKey: keys.publicKeyHex },
        logger: quiet,
        prepare: () => new Promise<Prepared>(() => {}),
        loadServices: ({ health }) => ({ services: fakeServices(), health }),
        stopSignal: new Promise<void>(() => {}),
      });
    try {
      await expect(start(['--port', String(port), '--host', '127.0.0.1'])).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use by another program: stop it, or choose another port with --port or PORT.`,
      );
    } finally {
      taken.close();
    }
    await expect(start(['--port', '0', '--host', '999.1.1.1'])).rejects.toThrow(
      /^--host 999\.1\.1\.1 is not an address or a name this machine can look up/,
    );
  });

  it('answers /healthz with 503 while loading, 200 once loaded, and stops on the signal', async () => {
    const keys = generateDiscordKeys();
    const prepared = deferred<Prepared>();
    const stop = deferred<void>();
    const listening = deferred<AddressInfo>();
    const exit = runServe(['--port', '0', '--host', '127.0.0.1', '--workers', '0'], {
      config: { publicKey: keys.publicKeyHex },
      logger: quiet,
      prepare: () => prepared.promise,
      loadServices: ({ health }) => ({ services: fakeServices(), health }),
      stopSignal: stop.promise,
      onListening: listening.resolve,
    });
    const { port } = await listening.promise;
    const url = `http://127.0.0.1:${port}`;

    const loading = await send(`${url}/healthz`);
    expect(loading.status).toBe(503);
    expect(JSON.parse(loading.text)).toEqual({ status: 'loading' });
    const ping = JSON.stringify(interactions.ping());
    const pong = await send(`${url}/interactions`, {
      method: 'POST',
      headers: signatureHeaders(keys.privateKey, ping),
      body: ping,
    });
    expect(JSON.parse(pong.text)).toEqual({ type: 1 });

    const ask = JSON.stringify(
      slash('ask', { question: 'Which practices are prohibited for social scoring?' }),
    );
    const signedAsk = { method: 'POST', headers: signatureHeaders(keys.privateKey, ask), body: ask };
    const early = await send(`${url}/interactions`, signedAsk);
    expect(early.status).toBe(200);
    expect(JSON.parse(early.text).data.content).toBe(STILL_LOADING);

    prepared.resolve({ health: { corpusVersion: 'v-test', passages: 7 } });
    await prepared.promise;
    const health = await send(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ready', corpusVersion: 'v-test', passages: 7 });
    const answer = await send(`${url}/interactions`, signedAsk);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.embeds[0].title).toBe('AI Act · Art. 5(1)(c)');

    stop.resolve();
    expect(await exit).toBe(0);
    await expect(send(`${url}/healthz`)).rejects.toThrow();
  });

  it('exits with 1 when the index cannot be loaded', async () => {
    const keys = generateDiscordKeys();
    const exit = runServe(['--port', '0', '--host', '127.0.0.1', '--workers', '0'], {
      config: { publicKey: keys.publicKeyHex },
      logger: quiet,
      prepare: () => Promise.reject(new Error('no index: run charter sync')),
      stopSignal: new Promise(() => {}),
    });
    expect(await exit).toBe(1);
  });

  it('refuses a malformed public key before listening', async () => {
    await expect(
      runServe(['--port', '0'], {
        config: { publicKey: 'not-hex' },
        logger: quiet,
        prepare: () => new Promise(() => {}),
        stopSignal: new Promise(() => {}),
      }),
    ).rejects.toThrow(/DISCORD_PUBLIC_KEY/);
  });
});
