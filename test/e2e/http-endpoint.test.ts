// The interactions endpoint over real loopback HTTP, with requests signed by a real Ed25519 key exactly as
// Discord signs them. The dispatcher here is a stand-in that echoes what it received, so these tests pin
// the transport: signature checks, limits, routing and delivery.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher, DispatchResult } from '../../src/discord/contract.js';
import { deferringResponder, discordRest } from '../../src/discord/http/deferral.js';
import { createInteractionsServer } from '../../src/discord/http/server.js';
import type { Interaction } from '../../src/discord/interaction.js';
import { STILL_LOADING } from '../../src/discord/respond.js';
import { parsed } from '../fixtures/discord/parsed.js';
import { type LogLine, memoryLogger } from '../support/memory-logger.js';
import {
  baseUrl,
  type DiscordKeys,
  generateDiscordKeys,
  interactions,
  postInteraction,
  send,
  signatureHeaders,
} from './discord-client.js';

/** Answers from what it was given (the parsed interaction), so a test can see it arrived intact. */
function echoDispatcher(received: Interaction[]): Dispatcher {
  return {
    async dispatch(interaction): Promise<DispatchResult> {
      received.push(interaction);
      const { request } = interaction;
      switch (request.kind) {
        case 'command':
          return {
            response: {
              type: 4,
              data: {
                content: `${request.command}:${JSON.stringify(request.target?.id ?? request.options)}`,
              },
            },
            log: { type: 'command', command: request.command, outcome: 'ok' },
          };
        case 'component':
          return {
            response: { type: 7, data: { content: `clicked ${request.customId}` } },
            log: { type: 'component', command: request.customId.split(':')[0]!, outcome: 'ok' },
          };
        case 'autocomplete':
          return {
            response: { type: 8, data: { choices: [{ name: 'AI Act', value: 'eu-ai-act' }] } },
            log: { type: 'autocomplete', command: request.command, outcome: 'ok' },
          };
        default:
          return {
            response: { type: 4, data: { content: 'unexpected' } },
            log: { type: 'other', outcome: 'error' },
          };
      }
    },
  };
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('HTTP interactions endpoint', () => {
  const keys: DiscordKeys = generateDiscordKeys();
  const received: Interaction[] = [];
  const logs: LogLine[] = [];
  let ready = false;
  let server: Server;

  beforeAll(async () => {
    const dispatcher = echoDispatcher(received);
    server = await listen(
      createInteractionsServer({
        publicKey: keys.publicKeyHex,
        dispatcher: () => (ready ? dispatcher : undefined),
        health: () => (ready ? { corpusVersion: 'test-1', passages: 42 } : undefined),
        logger: memoryLogger(logs),
      }),
    );
  });
  afterAll(() => close(server));

  describe('before the index is loaded', () => {
    it('reports loading on /healthz (503), says so privately to a command, and still answers PING', async () => {
      const health = await send(`${baseUrl(server)}/healthz`);
      expect(health.status).toBe(503);
      expect(JSON.parse(health.text)).toEqual({ status: 'loading' });
      const ask = await postInteraction(
        server,
        keys,
        interactions.slash('ask', [{ name: 'question', type: 3, value: 'x' }]),
      );
      expect(ask.status).toBe(200);
      expect(JSON.parse(ask.text)).toEqual({
        type: 4,
        data: { content: STILL_LOADING, flags: 64, allowed_mentions: { parse: [] } },
      });
      const ping = await postInteraction(server, keys, interactions.ping());
      expect(ping.status).toBe(200);
      expect(JSON.parse(ping.text)).toEqual({ type: 1 });
      ready = true;
    });
  });

  describe('genuine interactions', () => {
    it('reports the loaded index on /healthz', async () => {
      const health = await send(`${baseUrl(server)}/healthz`);
      expect(health.status).toBe(200);
      expect(health.headers['content-type']).toBe('application/json');
      expect(JSON.parse(health.text)).toEqual({ status: 'ready', corpusVersion: 'test-1', passages: 42 });
    });

    it('answers PING with PONG', async () => {
      const reply = await postInteraction(server, keys, interactions.ping());
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(JSON.parse(reply.text)).toEqual({ type: 1 });
    });

    it('hands /ask to the dispatcher and returns its response as the body', async () => {
      const ask = interactions.slash('ask', [{ name: 'question', type: 3, value: 'What is prohibited?' }]);
      const reply = await postInteraction(server, keys, ask);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(JSON.parse(reply.text)).toEqual({
        type: 4,
        data: { content: 'ask:{"question":"What is prohibited?"}' },
      });
      expect(received.at(-1)).toEqual(parsed(ask));
    });

    it('hands /quote to the dispatcher', async () => {
      const reply = await postInteraction(
        server,
        keys,
        interactions.slash('quote', [{ name: 'reference', type: 3, value: 'AI Act Art. 5(1)(c)' }]),
      );
      expect(JSON.parse(reply.text)).toEqual({
        type: 4,
        data: { content: 'quote:{"reference":"AI Act Art. 5(1)(c)"}' },
      });
    });

    it('hands autocomplete to the dispatcher', async () => {
      const reply = await postInteraction(server, keys, interactions.autocomplete('ask', 'document', 'ai a'));
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toEqual({
        type: 8,
        data: { choices: [{ name: 'AI Act', value: 'eu-ai-act' }] },
      });
    });

    it('hands a button click to the dispatcher', async () => {
      const reply = await postInteraction(server, keys, interactions.button('more:abc'));
      expect(JSON.parse(reply.text)).toEqual({ type: 7, data: { content: 'clicked more:abc' } });
    });

    it('hands the message context menu to the dispatcher', async () => {
      const reply = await postInteraction(
        server,
        keys,
        interactions.messageContextMenu(
          'Find in the documents',
          'Are emotion recognition systems allowed at work?',
        ),
      );
      expect(JSON.parse(reply.text)).toEqual({
        type: 4,
        data: { content: 'Find in the documents:"1800000000000000008"' },
      });
      expect(received.at(-1)?.request.kind).toBe('command');
    });

    it('logs one line per interaction, without the token or what users wrote', async () => {
      const before = logs.length;
      const question = 'Is social scoring by public authorities banned?';
      const ask = interactions.slash('ask', [{ name: 'question', type: 3, value: question }]);
      await postInteraction(server, keys, ask);
      const added = logs.slice(before);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        level: 'info',
        fields: { type: 'command', command: 'ask', outcome: 'ok' },
      });
      expect(added[0]?.fields.latencyMs).toBeTypeOf('number');
      const everything = JSON.stringify(logs);
      expect(everything).not.toContain(String(ask.token));
      expect(everything).not.toContain(question);
      expect(everything).not.toContain('interaction-token-');
    });
  });

  describe('refusals', () => {
    const ask = JSON.stringify(interactions.slash('ask', [{ name: 'question', type: 3, value: 'q' }]));
    const post = (headers: Record<string, string>, body: string | Buffer = ask) =>
      send(`${baseUrl(server)}/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });

    it('refuses an unsigned request with 401', async () => {
      expect((await post({})).status).toBe(401);
    });

    it('refuses a signature made with another key with 401', async () => {
      const forger = generateDiscordKeys();
      expect((await post(signatureHeaders(forger.privateKey, ask))).status).toBe(401);
    });

    it('refuses a genuine signature over a different body with 401', async () => {
      const headers = signatureHeaders(keys.privateKey, ask);
      expect((await post(headers, ask.replace('"q"', '"r"'))).status).toBe(401);
    });

    it('refuses a genuine signature whose timestamp was altered with 401', async () => {
      const now = Math.floor(Date.now() / 1000);
      const headers = signatureHeaders(keys.privateKey, ask, now);
      expect((await post({ ...headers, 'x-signature-timestamp': String(now - 1) })).status).toBe(401);
    });

    it('refuses a replay signed more than five minutes ago with 401', async () => {
      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
      expect((await post(signatureHeaders(keys.privateKey, ask, sixMinutesAgo))).status).toBe(401);
      const sixMinutesAhead = Math.floor(Date.now() / 1000) + 6 * 60;
      expect((await post(signatureHeaders(keys.privateKey, ask, sixMinutesAhead))).status).toBe(401);
    });

    it('accepts a request signed four minutes ago (clock skew within the window)', async () => {
      const fourMinutesAgo = Math.floor(Date.now() / 1000) - 4 * 60;
      expect((await post(signatureHeaders(keys.privateKey, ask, fourMinutesAgo))).status).toBe(200);
    });

    it('refuses a body over 1 MiB with 413, declared up front or streamed', async () => {
      const calls = received.length;
      const huge = Buffer.alloc(1024 * 1024 + 1, 0x20);
      const declared = await post(signatureHeaders(keys.privateKey, huge), huge);
      expect(declared.status).toBe(413);
      const streamed = await streamChunked(`${baseUrl(server)}/interactions`, 2 * 1024 * 1024);
      expect(streamed).toBe(413);
      expect(received.length).toBe(calls);
    });

    it('answers other methods on /interactions with 405', async () => {
      const get = await send(`${baseUrl(server)}/interactions`);
      expect(get.status).toBe(405);
      expect(get.headers.allow).toBe('POST');
      const put = await send(`${baseUrl(server)}/interactions`, {
        method: 'PUT',
        headers: signatureHeaders(keys.privateKey, ask),
        body: ask,
      });
      expect(put.status).toBe(405);
    });

    it('answers other paths with 404', async () => {
      expect((await send(`${baseUrl(server)}/nope`)).status).toBe(404);
      expect(
        (await post(signatureHeaders(keys.privateKey, ask)).then(() => send(`${baseUrl(server)}/`))).status,
      ).toBe(404);
    });

    it('refuses correctly signed garbage with 400', async () => {
      const garbage = '{"type": 2, "data": {';
      expect((await post(signatureHeaders(keys.privateKey, garbage), garbage)).status).toBe(400);
      const notAnInteraction = '[1, 2, 3]';
      expect((await post(signatureHeaders(keys.privateKey, notAnInteraction), notAnInteraction)).status).toBe(
        400,
      );
      const unknownType = '{"type": 99}';
      expect((await post(signatureHeaders(keys.privateKey, unknownType), unknownType)).status).toBe(400);
    });

    it('stays responsive after all of them', async () => {
      // Answered at all is the point (a wedged server fails by the test's limit); how fast is the bench's.
      const reply = await postInteraction(server, keys, interactions.ping());
      expect(reply.status).toBe(200);
    });
  });
});

describe('slow clients', () => {
  it('are cut off by the request timeout while others are still served', async () => {
    const keys = generateDiscordKeys();
    const server = await listen(
      createInteractionsServer({
        publicKey: keys.publicKeyHex,
        dispatcher: echoDispatcher([]),
        health: () => undefined,
        logger: memoryLogger([]),
        headersTimeoutMs: 300,
        requestTimeoutMs: 400,
      }),
    );
    try {
      const { port } = server.address() as { port: number };
      const slow = connect(port, '127.0.0.1');
      let heard = '';
      const closed = new Promise<number>((resolve) => {
        const started = performance.now();
        slow.on('data', (chunk: Buffer) => {
          heard += chunk.toString();
        });
        slow.on('close', () => resolve(performance.now() - started));
        slow.on('error', () => {});
      });
      // Headers, then a body that never comes.
      slow.write('POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"ty');
      const ping = await postInteraction(server, keys, interactions.ping());
      expect(ping.status).toBe(200);
      // Cut by the request timeout (Node answers 408 before closing), and by this server's 400 ms, not the
      // 10 s default: the bound is 25 times the limit, so a loaded machine does not make it fail.
      expect(await closed).toBeLessThan(10_000);
      expect(heard).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await close(server);
    }
  });
});

/** Streams `size` bytes with chunked encoding (no Content-Length), as a client hiding the size would. */
async function streamChunked(url: string, size: number): Promise<number> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

interface RecordedCall {
  method: string;
  url: string;
  body: unknown;
  authorization: string | undefined;
}

/** Stands in for Discord's REST API on loopback and records what arrives. */
async function fakeDiscordRest(): Promise<{
  server: Server;
  calls: RecordedCall[];
  next: () => Promise<RecordedCall>;
}> {
  const calls: RecordedCall[] = [];
  const waiting: ((call: RecordedCall) => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const call = {
        method: req.method ?? '',
        url: req.url ?? '',
        body: JSON.parse(Buffer.concat(chunks).toString() || 'null'),
        authorization: req.headers.authorization,
      };
      calls.push(call);
      waiting.shift()?.(call);
      // Interaction tokens live 15 minutes; after that Discord answers "Unknown Webhook".
      const expired = call.url.includes('expired');
      res.writeHead(expired ? 404 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(expired ? { message: 'Unknown Webhook', code: 10015 } : { id: '2000000000000000000' }),
      );
    });
  });
  await listen(server);
  let consumed = 0;
  /** The next call not yet returned by `next`, waiting for it if need be. */
  const next = () =>
    new Promise<RecordedCall>((resolve) => {
      const queued = calls[consumed + waiting.length];
      if (queued && waiting.length === 0) {
        consumed += 1;
        resolve(queued);
      } else
        waiting.push((call) => {
          consumed += 1;
          resolve(call);
        });
    });
  return { server, calls, next };
}

describe('deferred answers', () => {
  const keys = generateDiscordKeys();
  let rest: Awaited<ReturnType<typeof fakeDiscordRest>>;
  let server: Server;
  const logs: LogLine[] = [];
  // Each answer waits until the test releases it: it is late because the test says so, not by a clock.
  const held: (() => void)[] = [];
  const releaseAnswers = () => {
    for (const release of held.splice(0)) release();
  };
  /** Resolves once the server has logged this many interactions (its log line comes after delivery). */
  const logged = (count: number) =>
    expect
      .poll(() => logs.filter((line) => line.message === 'interaction').length, { timeout: 60_000 })
      .toBe(count);

  beforeAll(async () => {
    rest = await fakeDiscordRest();
    const echo = echoDispatcher([]);
    const slow: Dispatcher = {
      dispatch: (interaction) =>
        new Promise((resolve) => held.push(() => resolve(echo.dispatch(interaction)))),
    };
    const logger = memoryLogger(logs);
    server = await listen(
      createInteractionsServer({
        publicKey: keys.publicKeyHex,
        dispatcher: slow,
        health: () => undefined,
        logger,
        respond: deferringResponder({
          rest: discordRest({ api: `${baseUrl(rest.server)}/api` }),
          logger,
          deadlineMs: 50,
        }),
      }),
    );
  });
  afterAll(async () => {
    await close(server);
    await close(rest.server);
  });

  it('acknowledges a slow command with a deferral and edits the original message with the answer', async () => {
    const ask = interactions.slash('ask', [{ name: 'question', type: 3, value: 'What is a provider?' }]);
    const reply = await postInteraction(server, keys, ask);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ type: 5 }); // while the answer is still held

    releaseAnswers();
    const call = await rest.next();
    expect(call.method).toBe('PATCH');
    expect(decodeURIComponent(call.url)).toBe(
      `/api/v10/webhooks/${ask.application_id}/${ask.token}/messages/@original`,
    );
    expect(call.authorization).toBeUndefined();
    expect(call.body).toEqual({
      content: 'ask:{"question":"What is a provider?"}',
    });
  });

  it('acknowledges a slow button click with a deferred update and edits the clicked message', async () => {
    const click = interactions.button('more:xyz');
    const reply = await postInteraction(server, keys, click);
    expect(JSON.parse(reply.text)).toEqual({ type: 6 });
    releaseAnswers();
    const call = await rest.next();
    expect(call.method).toBe('PATCH');
    expect(decodeURIComponent(call.url)).toBe(
      `/api/v10/webhooks/${click.application_id}/${click.token}/messages/@original`,
    );
    expect(call.body).toEqual({ content: 'clicked more:xyz' });
  });

  it('offers no choices rather than time out a slow autocomplete', async () => {
    await logged(2);
    const calls = rest.calls.length;
    const reply = await postInteraction(server, keys, interactions.autocomplete('ask', 'document', 'gdp'));
    expect(JSON.parse(reply.text)).toEqual({ type: 8, data: { choices: [] } });
    releaseAnswers();
    await logged(3); // the late choices were dropped, and nothing was sent after them
    expect(rest.calls.length).toBe(calls);
  });

  it('logs a failed follow-up as an error outcome and keeps serving', async () => {
    const ask = {
      ...interactions.slash('ask', [{ name: 'question', type: 3, value: 'q' }]),
      token: 'expired-token',
    };
    const reply = await postInteraction(server, keys, ask);
    expect(JSON.parse(reply.text)).toEqual({ type: 5 });
    releaseAnswers();
    expect((await rest.next()).method).toBe('PATCH');
    await logged(4);
    expect(logs.filter((line) => line.message === 'follow-up failed')).toHaveLength(1);
    expect(logs.at(-1)?.fields).toMatchObject({ command: 'ask', outcome: 'error', deferred: true });
    expect((await postInteraction(server, keys, interactions.ping())).status).toBe(200);
  });

  it('logs each interaction as deferred, never with its token', () => {
    const lines = logs.filter((line) => line.message === 'interaction');
    expect(lines.map((line) => [line.fields.type, line.fields.deferred])).toEqual([
      ['command', true],
      ['component', true],
      ['autocomplete', true],
      ['command', true],
      ['ping', undefined],
    ]);
    expect(JSON.stringify(logs)).not.toContain('interaction-token-');
    expect(JSON.stringify(logs)).not.toContain('expired-token');
  });
});
