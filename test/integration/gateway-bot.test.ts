// Drives the real discord.js Client and REST code against a fake Discord on 127.0.0.1.
import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, commandDefinitions } from '../../commands/index.js';
import { commandsFor, deployCommands } from '../../src/discord/deploy.js';
import { createDispatcher } from '../../src/discord/dispatcher.js';
import { createGatewayBot } from '../../src/discord/gateway.js';
import { createLogger, registerSecret } from '../../src/log.js';
import { startFakeDiscord } from '../fixtures/discord/fake-discord.js';
import { slash } from '../fixtures/discord/interactions.js';
import { fakeServices } from '../fixtures/discord/services.js';

const TOKEN = 'OTk5OTk5OTk5OTk5OTk5OTk5.GxYzAb.fake-token-for-tests-only-0123456789ab';
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

async function startBot(services = fakeServices(), deadlineMs?: number) {
  fake = await startFakeDiscord();
  const lines: string[] = [];
  const logger = createLogger({ write: (line) => lines.push(line) });
  const bot = createGatewayBot({
    token: TOKEN,
    dispatcher: createDispatcher(services, COMMANDS, { logger }),
    logger,
    ...(deadlineMs !== undefined ? { deadlineMs } : {}),
    clientOptions: { rest: { api: fake.api, retries: 3, timeout: 2000 } },
  });
  await bot.start();
  await fake.ready;
  stop = () => bot.stop();
  return { bot, lines, fake };
}

describe('gateway bot against a local fake Discord', () => {
  it('answers an interaction by POSTing the dispatcher’s response to the callback route, unauthenticated', async () => {
    const { fake, lines } = await startBot();
    const interaction = slash('ask', { question: 'social scoring' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await fake.waitFor(
      (r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
    );
    expect(callback.method).toBe('POST');
    expect(callback.body).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] } } });
    expect((callback.body as { data: { embeds: { title: string }[] } }).data.embeds[0]!.title).toBe(
      'AI Act · Art. 5(1)(c)',
    );
    // Interaction callbacks authenticate by their token in the route, never with the bot token.
    expect(callback.headers.authorization).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.find((l) => l.msg === 'interaction')).toMatchObject({
      command: 'ask',
      outcome: 'ok',
      deferred: false,
    });
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.join('\n')).not.toContain(interaction.token);
  });

  it('defers a slow answer and completes it by editing the original response', async () => {
    const base = fakeServices();
    const slow = fakeServices({
      search: async (query, options) => {
        await new Promise((r) => setTimeout(r, 150));
        return base.search(query, options);
      },
    });
    const { fake } = await startBot(slow, 30);
    const interaction = slash('ask', { question: 'biometric identification', hide: true });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.waitFor((r) => r.method === 'PATCH');
    const calls = fake.requests
      .filter((r) => r.path !== '/gateway/bot')
      .map((r) => `${r.method} ${r.path.replace(interaction.token, '<token>')}`);
    expect(calls).toEqual([
      `POST /interactions/${interaction.id}/<token>/callback`,
      `PATCH /webhooks/${interaction.application_id}/<token>/messages/@original`,
    ]);
    expect(fake.requests.find((r) => r.path.endsWith('/callback'))!.body).toEqual({
      type: 5,
      data: { flags: 64 },
    });
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect((edit.body as { embeds: unknown[] }).embeds.length).toBeGreaterThan(0);
  });

  it('retries a callback that got a 5xx', async () => {
    const { fake } = await startBot();
    let failures = 1;
    fake.respond((r) =>
      r.path.endsWith('/callback') && failures-- > 0
        ? { status: 502, body: { message: 'bad gateway' } }
        : undefined,
    );
    fake.dispatch('INTERACTION_CREATE', slash('help'));
    await fake.waitFor((r) => r.path.endsWith('/callback') && failures < 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.requests.filter((r) => r.path.endsWith('/callback'))).toHaveLength(2);
  });

  it('shuts down cleanly: the gateway connection is closed', async () => {
    const { fake } = await startBot();
    expect(fake.openSockets()).toBe(1);
    await stop!();
    stop = undefined;
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.openSockets()).toBe(0);
  });
});

describe('command registration', () => {
  it('bulk-overwrites the commands globally, retrying after a 429 and a 500', async () => {
    fake = await startFakeDiscord();
    let attempts = 0;
    fake.respond((r) => {
      if (r.method !== 'PUT') return undefined;
      attempts++;
      if (attempts === 1)
        return {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
          headers: { 'retry-after': '0.05' },
        };
      if (attempts === 2) return { status: 500, body: { message: 'oops' } };
      return undefined;
    });
    const rest = new REST({ version: '10', api: fake.api, retries: 3 }).setToken(TOKEN);
    const count = await deployCommands(rest, '123456789012345678', commandDefinitions());
    expect(count).toBe(6);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual(Array(3).fill('/applications/123456789012345678/commands'));
    expect(puts[2]!.body).toEqual(JSON.parse(JSON.stringify(commandsFor(commandDefinitions()))));
    expect(puts[2]!.headers.authorization).toBe(`Bot ${TOKEN}`);
  });

  it('deploys to one server without the global-only fields', async () => {
    fake = await startFakeDiscord();
    const rest = new REST({ version: '10', api: fake.api }).setToken(TOKEN);
    await deployCommands(rest, '123456789012345678', commandDefinitions(), { guildId: '555555555555555555' });
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/applications/123456789012345678/guilds/555555555555555555/commands');
    expect((put.body as object[]).every((c) => !('contexts' in c) && !('integration_types' in c))).toBe(true);
  });
});
