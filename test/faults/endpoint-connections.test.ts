// Issue 21, W18: held connections must not lock Discord out. 256 keep-alive sockets polling /healthz used to
// fill every slot, and each new connection — signed PINGs included — was reset for as long as they were
// held. Over loopback with real Ed25519 signatures; the attackers connect from other loopback addresses
// (127.0.0.2, 127.0.0.3) where it matters whose connections they are.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInteractionsServer,
  type InteractionsServer,
  MAX_CONNECTIONS,
} from '../../src/discord/http/server.js';
import { createLogger } from '../../src/log.js';
import { generateDiscordKeys, interactions, postInteraction } from '../e2e/discord-client.js';

const keys = generateDiscordKeys();
const PING = interactions.ping();
const held: Socket[] = [];
let server: InteractionsServer | undefined;

afterEach(async () => {
  for (const socket of held.splice(0)) socket.destroy();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
  }
});

async function start(): Promise<InteractionsServer> {
  server = createInteractionsServer({
    publicKey: keys.publicKeyHex,
    dispatcher: () => undefined,
    health: () => ({ corpusVersion: 'v', passages: 1 }),
    logger: createLogger({ write() {} }),
    // Held means held, however slow this machine is: no request timeout frees a slot meanwhile.
    requestTimeoutMs: 0,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

/** A connection from `from` that sent `request` and, for a keep-alive GET, got its answer. */
async function hold(port: number, from: string, request: string, waitForAnswer: boolean): Promise<Socket> {
  const socket = connect({ port, host: '127.0.0.1', localAddress: from });
  socket.on('error', () => {});
  held.push(socket);
  await once(socket, 'connect');
  socket.write(request);
  if (waitForAnswer) await once(socket, 'data');
  return socket;
}

describe('W18: held connections cannot starve new ones', () => {
  it(`a signed PING is answered while ${MAX_CONNECTIONS} keep-alive sockets hold the server`, async () => {
    const { port } = (await start()).address() as { port: number };
    const poll = 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n';
    for (let i = 0; i < MAX_CONNECTIONS; i += 32)
      await Promise.all(Array.from({ length: 32 }, () => hold(port, '127.0.0.2', poll, true)));
    const pong = await postInteraction(server!, keys, PING);
    expect(pong.status).toBe(200);
    expect(JSON.parse(pong.text)).toEqual({ type: 1 });
  });

  it('one address holding busy requests gets its share, not every slot: a PING from elsewhere is answered', async () => {
    const { port } = (await start()).address() as { port: number };
    // Requests whose bodies never finish: busy connections, held.
    const stalled =
      'POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{';
    const sockets = await Promise.all(
      Array.from({ length: MAX_CONNECTIONS }, () => hold(port, '127.0.0.3', stalled, false)),
    );
    const closed = Promise.race(
      sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve))),
    );
    const pong = await postInteraction(server!, keys, PING);
    expect(pong.status).toBe(200);
    expect(JSON.parse(pong.text)).toEqual({ type: 1 });
    await closed; // the oldest of the hogging address made room (a test that never sees it times out)
  });
});
