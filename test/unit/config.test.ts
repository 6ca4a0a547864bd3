import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botConfig, ConfigError, endpointConfig, readEnv } from '../../src/config/index.js';
import { createLogger } from '../../src/log.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB';
const APP = '123456789012345678';
const KEY = 'a'.repeat(64);

const failure = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('reads the bot settings; the guild is optional', () => {
    expect(botConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP })).toEqual({
      token: TOKEN,
      applicationId: APP,
    });
    expect(
      botConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: APP }).guildId,
    ).toBe(APP);
  });

  it('a missing token is one sentence naming it and pointing to .env.example', () => {
    const error = failure(() => botConfig({ DISCORD_APPLICATION_ID: APP }));
    expect(error.message).toBe(
      'DISCORD_TOKEN is not set: add it to .env (see .env.example for what it should hold).',
    );
    expect(error.message.split(/[.!?]\s/)).toHaveLength(1);
  });

  it('a malformed secret is named but never echoed', () => {
    const bad = 'not-a-token-but-a-secret-value';
    const error = failure(() => botConfig({ DISCORD_TOKEN: bad, DISCORD_APPLICATION_ID: APP }));
    expect(error.message).toContain('DISCORD_TOKEN does not look like the bot token');
    expect(error.message).not.toContain(bad);
    const key = failure(() => endpointConfig({ DISCORD_PUBLIC_KEY: 'zz', DISCORD_APPLICATION_ID: APP }));
    expect(key.message).toBe(
      'DISCORD_PUBLIC_KEY does not look like the application public key (64 hexadecimal digits): fix it in .env (see .env.example).',
    );
  });

  it('the endpoint needs the public key, not the token', () => {
    expect(endpointConfig({ DISCORD_PUBLIC_KEY: KEY, DISCORD_APPLICATION_ID: APP, PORT: '8080' })).toEqual({
      publicKey: KEY,
      applicationId: APP,
      port: 8080,
    });
    expect(failure(() => endpointConfig({ DISCORD_APPLICATION_ID: APP })).message).toMatch(
      /^DISCORD_PUBLIC_KEY is not set/,
    );
  });

  it('PORT out of range is one sentence from the config schema, not a Node error from listen()', () => {
    for (const bad of ['99999', '65536', '-1', 'http']) {
      expect(
        failure(() => endpointConfig({ DISCORD_PUBLIC_KEY: KEY, DISCORD_APPLICATION_ID: APP, PORT: bad }))
          .message,
      ).toBe(
        'PORT does not look like a port number (a whole number from 0 to 65535): fix it in .env (see .env.example).',
      );
    }
    expect(endpointConfig({ DISCORD_PUBLIC_KEY: KEY, DISCORD_APPLICATION_ID: APP, PORT: '65535' }).port).toBe(
      65_535,
    );
  });

  it('.env fills in what the environment leaves unset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-env-'));
    writeFileSync(join(dir, '.env'), `DISCORD_TOKEN=${TOKEN}\nDISCORD_APPLICATION_ID=1\n`);
    const env = readEnv({ DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: '' }, join(dir, '.env'));
    expect(botConfig(env)).toEqual({ token: TOKEN, applicationId: APP });
  });

  it('once loaded, secrets never reach a log line', () => {
    botConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP });
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l) });
    log.info('starting', {
      note: `token is ${TOKEN}`,
      token: 'x',
      nested: { authorization: 'Bot abc' },
      route: '/webhooks/123/aW50ZXJhY3Rpb24tdG9rZW4',
    });
    log.error('boom', { error: new Error(`failed with ${TOKEN}`) });
    const all = lines.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('aW50ZXJhY3Rpb24tdG9rZW4');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      msg: 'starting',
      token: '[redacted]',
      nested: { authorization: '[redacted]' },
    });
    expect(JSON.parse(lines[1]!).error.stack).toContain('[redacted]');
  });
});

describe('one configuration for every environment variable (issue 17, point 8)', () => {
  it('.env.example documents every variable Charter reads, each under a comment', async () => {
    const { ALL_VARIABLES } = await import('../../src/config/index.js');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { PROJECT_ROOT } = await import('../../src/paths.js');
    const lines = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8').split('\n');
    for (const name of ALL_VARIABLES) {
      const at = lines.findIndex((line) => new RegExp(`^(# )?${name}=`).test(line));
      expect(at, name).toBeGreaterThan(0);
      expect(lines[at - 1], name).toMatch(/^# \S/);
    }
    expect(ALL_VARIABLES).toEqual(
      expect.arrayContaining(['CHARTER_DATA_DIR', 'CHARTER_MIRROR', 'CI', 'NO_COLOR']),
    );
  });

  it('nothing under src/ reads a variable outside src/config', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { PROJECT_ROOT } = await import('../../src/paths.js');
    const offenders: string[] = [];
    for (const dir of ['src', 'commands']) {
      for (const entry of readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })) {
        const path = join(entry.parentPath, entry.name);
        if (!entry.isFile() || !path.endsWith('.ts') || path.includes(`${join('src', 'config')}`)) continue;
        if (/process\.env\.[A-Z_]|process\.env\[|\benv\.[A-Z][A-Z_]+\b/.test(readFileSync(path, 'utf8')))
          offenders.push(path.slice(PROJECT_ROOT.length + 1));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('says in one sentence what is wrong with a shared setting, never its value', async () => {
    const { environment } = await import('../../src/config/index.js');
    const none = join(tmpdir(), 'no-such-charter.env');
    expect(() => environment({ CHARTER_DATA_DIR: '' }, none)).toThrow(
      'CHARTER_DATA_DIR is set but empty: unset it to use ./data, or set it to the folder for the synced documents.',
    );
    expect(() => environment({ CHARTER_MIRROR: '  ' }, none)).toThrow(/^CHARTER_MIRROR is set but empty: /);
    expect(environment({ CI: 'false', NO_COLOR: '1', CHARTER_MIRROR: '/m' }, none)).toEqual({
      mirror: '/m',
      ci: false,
      noColor: true,
    });
    expect(environment({ CI: 'true' }, none).ci).toBe(true);
  });
});
