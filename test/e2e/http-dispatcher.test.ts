// The endpoint with the real dispatcher, commands and formatting over the fixture services: what a user
// would get back over HTTP, signed end to end, including a slow answer delivered through the webhook.
import { createServer, type Server } from 'node:http';
import type { APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import type { Services } from '../../src/answer/services.js';
import { createDispatcher } from '../../src/discord/dispatcher.js';
import { deferringResponder, discordRest } from '../../src/discord/http/deferral.js';
import { createInteractionsServer } from '../../src/discord/http/server.js';
import type { HttpLogger } from '../../src/discord/http/types.js';
import { encodeState } from '../../src/discord/ui/state.js';
import { createLogger } from '../../src/log.js';
import { autocomplete, click, messageCommand, slash } from '../fixtures/discord/interactions.js';
import { fakeServices } from '../fixtures/discord/services.js';
import { baseUrl, type DiscordKeys, generateDiscordKeys, postInteraction } from './discord-client.js';

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

interface Answer {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: { title?: string; description?: string }[];
    choices?: { name: string; value: string }[];
    components?: { components: { custom_id?: string }[] }[];
  };
}

async function answer(server: Server, keys: DiscordKeys, interaction: APIInteraction): Promise<Answer> {
  const reply = await postInteraction(server, keys, interaction);
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toBe('application/json');
  return JSON.parse(reply.text) as Answer;
}

describe('HTTP endpoint with the real dispatcher', () => {
  const keys = generateDiscordKeys();
  const lines: string[] = [];
  const logger: HttpLogger = createLogger({ write: (line) => lines.push(line) });
  let server: Server;

  beforeAll(async () => {
    const services = fakeServices();
    // A fresh minute for every interaction, so the per-user cooldown never refuses these tests.
    const dispatcher = createDispatcher(
      { ...services, now: () => (services.clock.now += 60_000) },
      COMMANDS,
      { logger: createLogger({ write: (line) => lines.push(line) }) },
    );
    server = await listen(
      createInteractionsServer({ publicKey: keys.publicKeyHex, dispatcher, health: () => undefined, logger }),
    );
  });
  afterAll(() => close(server));

  it('answers /ask with the fixture passage quoted word for word and its locator', async () => {
    const reply = await answer(
      server,
      keys,
      slash('ask', { question: 'Which practices are prohibited for social scoring?' }),
    );
    expect(reply.type).toBe(4);
    const first = reply.data?.embeds?.[0];
    expect(first?.title).toBe('AI Act · Art. 5(1)(c)');
    expect(first?.description?.replaceAll('**', '')).toContain(
      'the use of a fixture system for social scoring of natural persons leading to detrimental treatment;',
    );
  });

  it('answers /quote with the place it names', async () => {
    const reply = await answer(server, keys, slash('quote', { reference: 'AI Act Art. 5' }));
    expect(reply.type).toBe(4);
    expect(reply.data?.embeds?.[0]?.title).toBe('AI Act · Art. 5');
    expect(reply.data?.embeds?.[0]?.description).toContain(
      'the placing on the market of a fixture system that deploys subliminal techniques;',
    );
  });

  it('answers /quote autocomplete with places', async () => {
    const reply = await answer(server, keys, autocomplete('quote', 'reference', 'ai act art 5'));
    expect(reply.type).toBe(8);
    expect(reply.data?.choices).toContainEqual({
      name: 'AI Act, Art. 5(1)(c)',
      value: 'eu-ai-act-2024#art:5/1/c',
    });
  });

  it('answers the "Find sources" message context menu privately', async () => {
    const reply = await answer(
      server,
      keys,
      messageCommand('Can companies use social scoring of natural persons?'),
    );
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(64);
    expect(reply.data?.embeds?.[0]?.title).toBe('AI Act · Art. 5(1)(c)');
  });

  it('answers a "Cite" button with the copy-ready citation', async () => {
    const reply = await answer(
      server,
      keys,
      click(encodeState({ action: 'cite', passageId: 'eu-ai-act-2024#art:5/1/c', count: 1 })!),
    );
    expect(reply.type).toBe(4);
    expect(reply.data?.content).toContain('Art. 5(1)(c)');
    expect(reply.data?.content).toContain('http://data.europa.eu/eli/reg/2024/1689/oj');
  });

  it('logs through the shared logger: one line per interaction, no tokens, no question text', () => {
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const interactions = records.filter((record) => record.msg === 'interaction');
    expect(interactions.map((record) => [record.type, record.command, record.outcome])).toEqual([
      ['command', 'ask', 'ok'],
      ['command', 'quote', 'ok'],
      ['autocomplete', 'quote', 'ok'],
      ['command', 'Find sources', 'ok'],
      ['component', 'cite', 'ok'],
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain('interaction-token-');
    expect(all).not.toContain('social scoring');
  });
});

describe('a slow answer from the real dispatcher', () => {
  const keys = generateDiscordKeys();
  let server: Server;
  let rest: Server;
  const patches: { url: string; body: Answer['data'] }[] = [];
  let arrived: () => void = () => {};
  let releaseSearch!: () => void;
  const searchReleased = new Promise<void>((resolve) => {
    releaseSearch = resolve;
  });

  beforeAll(async () => {
    rest = await listen(
      createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          patches.push({
            url: decodeURIComponent(req.url ?? ''),
            body: JSON.parse(Buffer.concat(chunks).toString()),
          });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"1"}');
          arrived();
        });
      }),
    );
    const services = fakeServices();
    // The search waits until the test releases it: late because the test says so, not by a clock.
    const slowSearch: Services['search'] = async (query, options) => {
      await searchReleased;
      return services.search(query, options);
    };
    const logger = createLogger({ write: () => {} });
    server = await listen(
      createInteractionsServer({
        publicKey: keys.publicKeyHex,
        dispatcher: createDispatcher({ ...services, search: slowSearch }, COMMANDS, { logger }),
        health: () => undefined,
        logger,
        respond: deferringResponder({
          rest: discordRest({ api: `${baseUrl(rest)}/api` }),
          logger,
          deadlineMs: 50,
        }),
      }),
    );
  });
  afterAll(async () => {
    await close(server);
    await close(rest);
  });

  it('is deferred in the response body and lands on the original message through the webhook', async () => {
    const delivered = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const interaction = slash('ask', { question: 'Which practices are prohibited for social scoring?' });
    expect(await answer(server, keys, interaction)).toEqual({ type: 5 }); // the search still held
    releaseSearch();
    await delivered;
    expect(patches).toHaveLength(1);
    const { application_id, token } = interaction as { application_id: string; token: string };
    expect(patches[0]?.url).toBe(`/api/v10/webhooks/${application_id}/${token}/messages/@original`);
    expect(patches[0]?.body?.embeds?.[0]?.title).toBe('AI Act · Art. 5(1)(c)');
  });
});
