// Secrets: the token and keys come only from the environment or .env, .env is never committed, the real
// logger masks them wherever they hide, and a bad setting is named without echoing its value.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { botConfig, ConfigError, endpointConfig, readEnv } from '../../src/config/index.js';
import { createLogger } from '../../src/log.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { CONFIG_RUNS, LOG_RUNS } from '../fuzz/runs.js';
import { caseCounter, runParams } from '../fuzz/support.js';

const counter = caseCounter('secrets');
afterAll(() => counter.write());

// Shaped like real ones (never used anywhere real).
const TOKEN = 'MTI4NTY3MzQ1Njc4OTAxMjM0.GqRsTu.Zx9_kL2-mN4pQ7rS1tU3vW5xY8zA0bC6dE';
const PUBLIC_KEY = `${'c0ffee'.repeat(10)}beef`;
const APP = '128567345678901234';

describe('where secrets come from', () => {
  it('.env is git-ignored and .env.example holds no values', () => {
    const ignored = readFileSync(join(PROJECT_ROOT, '.gitignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).toContain('.env');
    const example = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
    for (const line of example.split('\n').filter((l) => /^[A-Z_]+=/.test(l)))
      expect(line).toMatch(/^[A-Z_]+=$/);
  });

  it('the environment wins over .env, and nothing else is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-secrets-'));
    const file = join(dir, '.env');
    writeFileSync(file, `DISCORD_TOKEN=${TOKEN}\nDISCORD_APPLICATION_ID=${APP}\n`);
    expect(botConfig(readEnv({}, file))).toEqual({ token: TOKEN, applicationId: APP });
    const other = TOKEN.replace('GqRsTu', 'AbCdEf');
    expect(botConfig(readEnv({ DISCORD_TOKEN: other }, file)).token).toBe(other);
    // No environment and no .env: a sentence saying what to set, not a crash or a default.
    expect(() => botConfig(readEnv({}, join(dir, 'missing.env')))).toThrow(ConfigError);
    expect(existsSync(join(dir, 'missing.env'))).toBe(false);
  });

  it('a malformed setting is named, never echoed (fuzzed values)', () => {
    const settings: [string, (value: string) => unknown][] = [
      ['DISCORD_TOKEN', (v) => botConfig({ DISCORD_TOKEN: v, DISCORD_APPLICATION_ID: APP })],
      ['DISCORD_PUBLIC_KEY', (v) => endpointConfig({ DISCORD_PUBLIC_KEY: v, DISCORD_APPLICATION_ID: APP })],
      ['DISCORD_APPLICATION_ID', (v) => botConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: v })],
    ];
    for (const [name, load] of settings) {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ minLength: 6, maxLength: 90 }), fc.stringMatching(/^[\w.-]{6,80}$/)),
          (value) => {
            counter.add(`config:${name}`);
            let message = '';
            try {
              load(value);
              return; // a value of the right shape is accepted
            } catch (error) {
              expect(error).toBeInstanceOf(ConfigError);
              message = (error as Error).message;
            }
            expect(message.startsWith(name)).toBe(true);
            if (value.trim().length >= 6) expect(message).not.toContain(value.trim());
          },
        ),
        runParams(CONFIG_RUNS),
      );
    }
  });
});

describe('the logger', () => {
  botConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP });
  endpointConfig({ DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_APPLICATION_ID: APP });

  function logged(write: (log: ReturnType<typeof createLogger>) => void): string {
    const lines: string[] = [];
    write(createLogger({ write: (line) => lines.push(line), level: 'debug' }));
    return lines.join('\n');
  }

  it('masks the token and key in nested objects, arrays, error messages, stacks, causes and routes', () => {
    const inner = new Error(`login failed with ${TOKEN}`);
    const outer = new Error(`cannot verify with ${PUBLIC_KEY}`, { cause: inner });
    const text = logged((log) => {
      log.error('boom', {
        error: outer,
        deep: { a: [{ b: { c: `Bot ${TOKEN}` } }] },
        list: [TOKEN, PUBLIC_KEY],
      });
      log.warn(`message itself mentions ${TOKEN}`);
      log.info('route', {
        url: `https://discord.com/api/v10/webhooks/${APP}/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OkxvbmdUb2tlbg/messages/@original`,
      });
      log.child({ session: `s-${TOKEN}` }).debug('child');
      log.info('keys', {
        headers: { Authorization: 'Bot whatever' },
        client_secret: 'x',
        publicKey: 'y',
        apiKey: 'z',
      });
    });
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(PUBLIC_KEY);
    expect(text).not.toContain('aW50ZXJhY3Rpb246');
    expect(text).not.toContain('Bot whatever');
    expect(text).toContain('[redacted]');
    // What is not secret is still there to debug with.
    expect(text).toContain('login failed with');
    expect(text).toContain(`webhooks/${APP}/`);
  });

  it('a record that refers to itself, or an error whose cause loops, is logged instead of throwing', () => {
    const loop: Record<string, unknown> = { token: TOKEN };
    loop.self = loop;
    const error = new Error(`loop ${TOKEN}`);
    (error as { cause?: unknown }).cause = error;
    const text = logged((log) => log.error('cyclic', { loop, error, big: 10n }));
    expect(JSON.parse(text)).toMatchObject({ msg: 'cyclic', loop: { self: '[circular]' }, big: '10' });
    expect(text).not.toContain(TOKEN);
  });

  it('masks a secret wherever a fuzzed record puts it', () => {
    const secret = fc.constantFrom(TOKEN, PUBLIC_KEY, `Bot ${TOKEN}`);
    const holder: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc
          .tuple(fc.string({ maxLength: 10 }), secret, fc.string({ maxLength: 10 }))
          .map(([a, s, b]) => `${a}${s}${b}`),
        fc.tuple(fc.string({ maxLength: 10 }), secret).map(([a, s]) => new Error(`${a}${s}`)),
        fc.array(tie('value'), { minLength: 1, maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'data', 'detail', 'body', 'x'), tie('value'), {
          minKeys: 1,
          maxKeys: 3,
        }),
      ),
    })).value;
    fc.assert(
      fc.property(
        holder,
        fc.constantFrom('info', 'warn', 'error') as fc.Arbitrary<'info' | 'warn' | 'error'>,
        (value, level) => {
          counter.add('log:record');
          const text = logged((log) => log[level]('fuzzed', { value }));
          expect(text).not.toContain(TOKEN);
          expect(text).not.toContain(PUBLIC_KEY);
        },
      ),
      runParams(LOG_RUNS),
    );
  });
});
