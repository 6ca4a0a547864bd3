// Discord's REST API misbehaving, against the real gateway bot and @discordjs/rest on a loopback fake
// Discord: rate limits and server errors on follow-ups (retried with backoff, delivered once), an
// interaction token that expired (10062 Unknown interaction: logged, not retried, no crash, the bot keeps
// answering), and registration that keeps failing (a clear error, not an endless retry).
// test/integration/gateway-bot.test.ts covers a 5xx on the callback and a 429 then 500 on registration.
import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, commandDefinitions } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createDispatcher } from '../../src/discord/dispatcher.js';
import { createGatewayBot } from '../../src/discord/gateway.js';
import { createLogger, registerSecret } from '../../src/log.js';
import { startFakeDiscord } from '../fixtures/discord/fake-discord.js';
import { slash } from '../fixtures/discord/interactions.js';
import { fakeServices } from '../fixtures/discord/services.js';

const TOKEN = 'MTk4NjIyNDgzNDcxOTI1MjQ4.Gh1Jk2.faults-suite-token-not-real-0123456789';
registerSecret(TOKEN);

type Fake = Awaited<ReturnType<typeof startFakeDiscord>>;
let fake: Fake | undefined;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  await fake?.close();
  stop = undefined;
  fake = undefined;
});

const UNKNOWN_INTERACTION = { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A bot whose answers are slow enough to be deferred (deadline 20 ms, search 80 ms). */
async function startBot(options: { slow?: boolean } = {}) {
  fake = await startFakeDiscord();
  const base = fakeServices();
  const services = options.slow
    ? fakeServices({
        search: async (query, opts) => {
          await sleep(80);
          return base.search(query, opts);
        },
      })
    : base;
  const lines: string[] = [];
  const logger = createLogger({ write: (line) => lines.push(line) });
  const bot = createGatewayBot({
    token: TOKEN,
    dispatcher: createDispatcher(services, COMMANDS, { logger }),
    logger,
    deadlineMs: options.slow ? 20 : 2000,
    clientOptions: { rest: { api: fake.api, retries: 3, timeout: 2000 } },
  });
  await bot.start();
  await fake.ready;
  stop = () => bot.stop();
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { fake, lines, records };
}

const routesOf = (f: Fake, token: string) =>
  f.requests
    .filter((r) => r.path.includes(token))
    .map((r) => `${r.method} ${r.path.replace(token, '<token>').replace(/\/\d+\//, '/<id>/')}`);

describe('follow-ups under rate limits and server errors', () => {
  for (const [fault, reply] of [
    [
      'a 429 with retry_after',
      {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
        headers: { 'retry-after': '0.05' },
      },
    ],
    ['a 502', { status: 502, body: { message: 'Bad Gateway' } }],
    ['a 503', { status: 503, body: { message: 'Service Unavailable' } }],
  ] as const) {
    it(`${fault} on the deferred answer is retried and the answer lands exactly once`, async () => {
      const { fake, records } = await startBot({ slow: true });
      let failures = 1;
      fake.respond((r) => (r.method === 'PATCH' && failures-- > 0 ? reply : undefined));
      const interaction = slash('ask', { question: 'biometric identification' });
      fake.dispatch('INTERACTION_CREATE', interaction);
      await fake.waitFor((r) => r.method === 'PATCH' && failures < 0);
      await sleep(100);
      expect(routesOf(fake, interaction.token)).toEqual([
        'POST /interactions/<id>/<token>/callback',
        'PATCH /webhooks/<id>/<token>/messages/@original',
        'PATCH /webhooks/<id>/<token>/messages/@original',
      ]);
      expect(records().find((r) => r.msg === 'interaction')).toMatchObject({
        command: 'ask',
        deferred: true,
        outcome: 'ok',
      });
    });
  }
});

describe('an interaction token that expired', () => {
  it('10062 on the callback: logged once, not retried, nothing else sent, and the next interaction is answered', async () => {
    const { fake, lines, records } = await startBot();
    const expired = slash('help');
    fake.respond((r) => (r.path.includes(expired.token) ? UNKNOWN_INTERACTION : undefined));
    fake.dispatch('INTERACTION_CREATE', expired);
    await fake.waitFor((r) => r.path.includes(expired.token));
    await sleep(100);
    expect(routesOf(fake, expired.token)).toEqual(['POST /interactions/<id>/<token>/callback']);
    const failure = records().find((r) => r.msg === 'interaction delivery failed');
    expect(failure).toMatchObject({ level: 'error' });
    expect(JSON.stringify(failure)).toContain('Unknown interaction');

    const next = slash('help');
    fake.dispatch('INTERACTION_CREATE', next);
    await fake.waitFor((r) => r.path.includes(next.token));
    await sleep(50);
    expect(records().filter((r) => r.msg === 'interaction')).toHaveLength(1);
    const all = lines.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(expired.token);
  });

  it('10062 on the follow-up of a deferred answer: logged, no second attempt, no duplicate message', async () => {
    const { fake, records } = await startBot({ slow: true });
    const interaction = slash('ask', { question: 'social scoring' });
    fake.respond((r) =>
      r.method !== 'POST' && r.path.includes(interaction.token) ? UNKNOWN_INTERACTION : undefined,
    );
    fake.dispatch('INTERACTION_CREATE', interaction);
    await fake.waitFor((r) => r.method === 'PATCH');
    await sleep(150);
    expect(routesOf(fake, interaction.token)).toEqual([
      'POST /interactions/<id>/<token>/callback',
      'PATCH /webhooks/<id>/<token>/messages/@original',
    ]);
    expect(records().filter((r) => r.msg === 'follow-up failed')).toHaveLength(1);
    expect(fake.openSockets()).toBe(1);
  });
});

describe('registration that keeps failing', () => {
  it('gives up after the configured retries with an error naming the status, instead of retrying forever', async () => {
    fake = await startFakeDiscord();
    fake.respond((r) =>
      r.method === 'PUT' ? { status: 500, body: { message: 'Internal Server Error' } } : undefined,
    );
    const rest = new REST({ version: '10', api: fake.api, retries: 2, timeout: 2000 }).setToken(TOKEN);
    await expect(deployCommands(rest, '123456789012345678', commandDefinitions())).rejects.toThrow(
      /500|Internal Server Error/,
    );
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(3);
  });

  it('a 401 (a revoked token) is not retried and the error does not carry the token', async () => {
    fake = await startFakeDiscord();
    fake.respond((r) =>
      r.method === 'PUT' ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : undefined,
    );
    const rest = new REST({ version: '10', api: fake.api, retries: 3, timeout: 2000 }).setToken(TOKEN);
    const error = (await deployCommands(rest, '123456789012345678', commandDefinitions()).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(`${error.message}\n${error.stack}`).not.toContain(TOKEN);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });
});
