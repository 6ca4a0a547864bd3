// Help says what the commands do: every option a command takes is in its help and the overview, and the
// JSON shapes in help name every key the commands print.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsk, runQuote } from '../../src/cli/answer.js';
import { HELP, OVERVIEW } from '../../src/cli/help.js';
import type { CliIo } from '../../src/cli/io.js';
import { ConfigError, endpointConfig } from '../../src/config/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { fixtureCharter } from '../fixtures/answers/corpus.js';
import { keys, named } from '../support/json-keys.js';

const charter = fixtureCharter();

function io() {
  const out: string[] = [];
  const cli: CliIo = {
    stdout: { write: (t) => void out.push(t), isTTY: false, columns: 80 },
    stderr: { write: () => undefined },
    catalog: () => charter.docs,
    open: async () => charter,
    env: {},
  };
  return { cli, json: () => JSON.parse(out.join('')) as unknown };
}

describe('help', () => {
  it('has every command of the overview in the README command table, with the options the overview gives', () => {
    // Trial finding 15: `charter commands` was in the overview and not in the README's table.
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Commands'), readme.indexOf('## Layout'));
    const rows = table.split('\n').filter((line) => line.startsWith('| `charter '));
    const commands = [...OVERVIEW.matchAll(/^ {2}([a-z]+) (.*?)(?: {2,}|$)/gm)];
    expect(commands.length).toBeGreaterThan(10);
    for (const [, name, usage] of commands) {
      const row = rows.find((r) => r.includes(`\`charter ${name}`));
      expect(row, name).toBeDefined();
      // A row that is the command's own usage names each option the overview gives it.
      if (row!.startsWith(`| \`charter ${name} [`) || row!.startsWith(`| \`charter ${name} --`))
        for (const option of usage!.match(/--[a-z-]+/g) ?? [])
          expect(row, `${name} ${option}`).toContain(option);
    }
  });

  it('names every key ask --json prints', async () => {
    const t = io();
    await runAsk(['--json', 'providers shall'], t.cli);
    const printed = keys(t.json());
    printed.add('note');
    for (const key of printed) expect(named(HELP.ask!, key), key).toBe(true);
  });

  it('names every key quote --json prints', async () => {
    const t = io();
    await runQuote(['--json', 'AI Act Art. 12(1)'], t.cli);
    for (const key of keys(t.json())) expect(named(HELP.quote!, key), key).toBe(true);
  });

  it('names every setting charter serve cannot start without', () => {
    // serve --help named only DISCORD_PUBLIC_KEY, and serve then stopped on DISCORD_APPLICATION_ID.
    const env: Record<string, string> = {};
    const good: Record<string, string> = {
      DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
      DISCORD_APPLICATION_ID: '1'.repeat(18),
    };
    for (;;) {
      try {
        endpointConfig(env);
        break;
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        const name = /^([A-Z_]+) is not set/.exec((error as Error).message)?.[1];
        expect(name && good[name], (error as Error).message).toBeTruthy();
        expect(HELP.serve).toContain(name!);
        env[name!] = good[name!]!;
      }
    }
    expect(Object.keys(env).sort()).toEqual(Object.keys(good).sort());
  });

  it('lists --lang for quote, in its help and the overview', () => {
    expect(HELP.quote).toContain('--lang zh|en|both');
    expect(OVERVIEW).toMatch(/quote \[--json\] \[--lang zh\|en\|both\]/);
  });
});
