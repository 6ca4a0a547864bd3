// `charter deploy` and `charter start` when Discord says no or cannot be reached: one sentence naming the
// cause (401 bad token, 403 missing access, network unreachable), exit 1, never the token, never a hang
// (issue 13, W6/W9).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runDeploy, runStart } from '../../src/cli/discord.js';
import { describeDiscordFailure } from '../../src/discord/failure.js';
import { startFakeDiscord } from '../fixtures/discord/fake-discord.js';

type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;

import { fakeServices } from '../fixtures/discord/services.js';

const TOKEN = 'MTk4NjIyNDgzNDcxOTI1MjQ4.Gh1Jk2.cli-suite-token-not-real-0123456789';
const UNREACHABLE = 'http://127.0.0.1:9/api';

let fake: FakeDiscord | undefined;
let errors: string[];

beforeEach(() => {
  vi.stubEnv('DISCORD_TOKEN', TOKEN);
  vi.stubEnv('DISCORD_APPLICATION_ID', '123456789012345678');
  vi.stubEnv('DISCORD_GUILD_ID', '');
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((text: string) => void errors.push(text));
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await fake?.close();
  fake = undefined;
});

const oneSentence = (text: string | undefined) => {
  expect(text).toBeDefined();
  expect(text).not.toContain(TOKEN);
  expect(text!.split('\n')).toHaveLength(1);
  expect(text).toMatch(/\.$/);
};

describe('charter deploy', () => {
  for (const [status, cause] of [
    [401, /401 Unauthorized.*DISCORD_TOKEN/],
    [403, /403 Missing Access/],
  ] as const) {
    it(`names a ${status} in one sentence and exits 1`, async () => {
      fake = await startFakeDiscord();
      fake.respond((r) =>
        r.method === 'PUT' ? { status, body: { message: `${status}: nope`, code: 0 } } : undefined,
      );
      expect(await runDeploy([], { api: fake.api })).toBe(1);
      expect(errors).toHaveLength(1);
      oneSentence(errors[0]);
      expect(errors[0]).toMatch(cause);
    });
  }

  it('says Discord could not be reached', async () => {
    expect(await runDeploy(['--guild', '555555555555555555'], { api: UNREACHABLE })).toBe(1);
    oneSentence(errors[0]);
    expect(errors[0]).toMatch(
      /^Discord could not be reached \(ECONNREFUSED\) when trying to register the commands in server 555555555555555555/,
    );
  });
});

describe('charter start', () => {
  it('with --shards 2 and Discord unreachable, exits at once with one sentence (W9)', async () => {
    expect(await runStart(['--shards', '2'], async () => fakeServices(), { api: UNREACHABLE })).toBe(1);
    expect(errors).toHaveLength(1);
    oneSentence(errors[0]);
    expect(errors[0]).toMatch(/^Discord could not be reached \(ECONNREFUSED\) when trying to start the bot/);
  });

  it('with a revoked token, says so before connecting', async () => {
    fake = await startFakeDiscord();
    fake.respond((r) =>
      r.path === '/gateway/bot'
        ? { status: 401, body: { message: '401: Unauthorized', code: 0 } }
        : undefined,
    );
    expect(await runStart([], async () => fakeServices(), { api: fake.api })).toBe(1);
    oneSentence(errors[0]);
    expect(errors[0]).toMatch(/401 Unauthorized/);
  });
});

describe('describeDiscordFailure', () => {
  it('reads a name-resolution failure through fetch’s cause, and leaves other errors alone', () => {
    const dns = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND' }),
    });
    expect(describeDiscordFailure(dns)).toMatch(/^Discord could not be reached \(ENOTFOUND\)/);
    expect(describeDiscordFailure(new Error('something else'))).toBeUndefined();
  });
});
