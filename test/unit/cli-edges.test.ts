// The CLI's edges (issue 17, point 10), on the frozen fixture corpus: --doc is checked before the index
// loads; a page with fewer results than --limit says why, in text and JSON; several --doc take turns;
// `charter compare` and `charter sources NAME` share the answer core with /compare and /sources, with the
// same exit codes as ask and quote.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { documentReply } from '../../commands/sources.js';
import { textOrigin } from '../../src/answer/sources.js';
import { runAdd } from '../../src/cli/add.js';
import { runAsk } from '../../src/cli/answer.js';
import { UsageError } from '../../src/cli/args.js';
import { runCompare } from '../../src/cli/compare.js';
import { runSources } from '../../src/cli/corpus.js';
import { HELP } from '../../src/cli/help.js';
import type { CliIo } from '../../src/cli/io.js';
import { processIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { fixtureCharter } from '../fixtures/answers/corpus.js';
import { dataOf } from '../fixtures/discord/harness.js';
import { slash } from '../fixtures/discord/interactions.js';
import { createRawDispatcher as createDispatcher } from '../fixtures/discord/parsed.js';
import { keys, named } from '../support/json-keys.js';

const charter = fixtureCharter();

function io() {
  const out: string[] = [];
  const err: string[] = [];
  let opened = 0;
  const cli: CliIo = {
    stdout: { write: (t) => void out.push(t), isTTY: false, columns: 80 },
    stderr: { write: (t) => void err.push(t) },
    catalog: () => charter.docs,
    open: async () => {
      opened++;
      return charter;
    },
    env: {},
  };
  return { cli, out: () => out.join(''), err: () => err.join(''), opened: () => opened };
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('--doc', () => {
  it('refuses a name that names no document before the index loads, in one sentence (exit 2)', async () => {
    for (const run of [runAsk, runCompare]) {
      const t = io();
      await expect(run(['--doc', 'Magna Carta', '--doc', 'AI Act', 'x'], t.cli)).rejects.toThrow(
        new UsageError('No document is called “Magna Carta”. See charter sources for the list.'),
      );
      expect(t.opened()).toBe(0);
    }
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((t: string) => void errors.push(t));
    expect(await main(['ask', '--doc', 'Magna Carta', 'x'])).toBe(2);
    vi.restoreAllMocks();
    expect(errors).toEqual([
      'No document is called “Magna Carta”. See charter sources for the list. Run "charter ask --help" for usage.',
    ]);
  });

  it('takes several documents in turn, so one does not fill the list', async () => {
    const t = io();
    await runAsk(['--json', '--doc', 'AI Act', '--doc', 'EO 14110', 'providers shall'], t.cli);
    const docs = (json(t.out()).results as { docId: string }[]).map((r) => r.docId);
    expect(docs).toEqual(['eu-ai-act-2024', 'us-eo-14110-2023', 'eu-ai-act-2024']);
    // Each document's own passages keep their order: its first is the one it gives alone.
    for (const doc of ['AI Act', 'EO 14110']) {
      const alone = io();
      await runAsk(['--json', '--doc', doc, 'providers shall'], alone.cli);
      const first = (json(alone.out()).results as { locator: string; docId: string }[])[0]!;
      expect(json(t.out()).results).toContainEqual(
        expect.objectContaining({ docId: first.docId, locator: first.locator }),
      );
    }
  });

  it('keeps both documents when the question names one of them', async () => {
    const t = io();
    await runAsk(['--json', '--doc', 'AI Act', '--doc', 'EO 14110', 'AI Act providers shall'], t.cli);
    const docs = new Set((json(t.out()).results as { docId: string }[]).map((r) => r.docId));
    expect(docs).toEqual(new Set(['eu-ai-act-2024', 'us-eo-14110-2023']));
  });
});

describe('--limit, and fewer results', () => {
  it('says why fewer came back, as the last line and as a JSON field', async () => {
    const text = io();
    expect(await runAsk(['--doc', 'EO 14110', 'providers shall'], text.cli)).toBe(0);
    const why = '1 of the 5 results asked for: no other passage in EO 14110 matches the question.';
    expect(text.out().trim().split('\n').at(-1)).toBe(why);
    const out = io();
    await runAsk(['--json', '--doc', 'EO 14110', 'providers shall'], out.cli);
    const answer = json(out.out());
    expect(answer.results).toHaveLength(1);
    expect(answer.shortfall).toEqual({ asked: 5, shown: 1, exhausted: true, folded: 0, note: why });
  });

  it('says nothing when the page is full', async () => {
    const text = io();
    await runAsk(['--limit', '2', 'providers shall'], text.cli);
    expect(text.out()).not.toMatch(/results asked for/);
    const out = io();
    await runAsk(['--json', '--limit', '2', 'providers shall'], out.cli);
    expect(json(out.out()).shortfall).toBeNull();
  });
});

describe('charter compare', () => {
  it('gives each document’s best passage, or says it has none, as /compare does', async () => {
    const names = ['AI Act', 'EO 14110', 'NIST AI RMF 1.0'] as const;
    const t = io();
    expect(
      await runCompare(['--doc', names[0], '--doc', names[1], '--doc', names[2], 'transparency'], t.cli),
    ).toBe(0);
    const text = t.out();
    expect(text.split('\n')[0]).toBe('On “transparency”, in 3 documents:');
    // The same rows as /compare on the same corpus.
    const dispatcher = createDispatcher(charter.services, COMMANDS, {
      logger: createLogger({ write: () => {} }),
      cooldowns: new Cooldowns(),
    });
    const slashed = dataOf(
      (
        await dispatcher.dispatch(
          slash('compare', {
            topic: 'transparency',
            document1: names[0],
            document2: names[1],
            document3: names[2],
          }),
        )
      ).response,
    );
    expect(slashed.content).toBe(text.split('\n')[0]);
    const j = io();
    await runCompare(
      ['--json', '--doc', names[0], '--doc', names[1], '--doc', names[2], 'transparency'],
      j.cli,
    );
    const rows = json(j.out()).documents as { docId: string; result: { locator: string } | null }[];
    expect(rows.map((r) => r.docId)).toEqual([
      'eu-ai-act-2024',
      'us-eo-14110-2023',
      'us-nist-ai-rmf-1-0-2023',
    ]);
    slashed.embeds!.forEach((embed, i) => {
      const row = rows[i]!;
      if (row.result) expect(embed.title).toContain(row.result.locator);
      else {
        expect(embed.description).toContain('has no passage on this topic.');
        expect(text).toContain(`${embed.title} has no passage on this topic.`);
      }
    });
    for (const key of keys(json(j.out()))) expect(named(HELP.compare!, key), key).toBe(true);
  });

  it('exits 1 when no document has a passage, 2 when typed wrong', async () => {
    const none = io();
    expect(await runCompare(['--doc', 'AI Act', '--doc', 'EO 14110', 'zyxxy quuxle'], none.cli)).toBe(1);
    expect(none.out()).toContain('AI Act has no passage on this topic.');
    for (const args of [
      ['--doc', 'AI Act', 'x'],
      ['--doc', 'AI Act', '--doc', 'aia', 'x'],
      ['--doc', 'AI Act', '--doc', 'EO 14110'],
    ]) {
      const t = io();
      await expect(runCompare(args, t.cli)).rejects.toThrow(UsageError);
      expect(t.opened()).toBe(0);
    }
  });
});

describe('charter sources NAME', () => {
  let dir: string;
  const previous = process.env.CHARTER_DATA_DIR;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'charter-sources-'));
    process.env.CHARTER_DATA_DIR = dir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CHARTER_DATA_DIR;
    else process.env.CHARTER_DATA_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => vi.restoreAllMocks());

  const sink = () => {
    const out: string[] = [];
    const err: string[] = [];
    const lines = (into: string[]) => ({
      write: (t: string) => void into.push(...t.replace(/\n$/, '').split('\n')),
    });
    return { stdout: lines(out), stderr: lines(err), out, err };
  };

  it('shows one document as /sources does, in text and JSON', async () => {
    const c = sink();
    expect(await runSources(['AI Act'], c)).toBe(0);
    expect(c.out[0]).toMatch(/^AI Act — Regulation \(EU\) 2024\/1689/);
    expect(c.out).toContain('id: eu-ai-act-2024 · regulation · EU');
    expect(c.out.some((line) => line.startsWith('Fingerprint: '))).toBe(true);
    const j = sink();
    expect(await runSources(['--json', 'eu-ai-act-2024'], j)).toBe(0);
    const doc = json(j.out.join('\n'));
    expect(doc).toMatchObject({ id: 'eu-ai-act-2024', shortTitle: 'AI Act', passages: 0, units: [] });
    for (const key of keys(doc)) expect(named(HELP.sources!, key), key).toBe(true);
  });

  it('says in one sentence that a name names no document, and exits 1 as quote does', async () => {
    const c = sink();
    expect(await runSources(['Magna Carta'], c)).toBe(1);
    expect(c.out).toEqual([]);
    expect(c.err).toEqual(['No document is called “Magna Carta”. See charter sources for the list.']);
  });

  it('still lists the catalog without a name', async () => {
    const c = sink();
    expect(await runSources([], c)).toBe(0);
    expect(c.out.some((line) => line.startsWith('eu-ai-act-2024 '))).toBe(true);
  });
});

describe('where a document’s text came from', () => {
  const aiAct = fixtureCharter().docs.find((d) => d.id === 'eu-ai-act-2024')!;
  const noUrl = { ...aiAct, source: { ...aiAct.source, url: null } };

  it('names the download URL, a copy supplied with Charter, or the operator’s own file', () => {
    expect(textOrigin(aiAct)).toEqual({ url: aiAct.source.url });
    expect(textOrigin(noUrl)).toEqual({ text: 'a copy supplied with Charter (no public download URL)' });
    // `charter sources NAME` said "a copy supplied with Charter" of a file added with charter add.
    expect(textOrigin({ ...noUrl, addedLocally: true })).toEqual({
      text: 'a file this deployment added with charter add (no download URL)',
    });
  });

  it('says it the same way on /sources NAME', () => {
    const fields = documentReply({ ...noUrl, addedLocally: true }, []).embeds?.[0]?.fields ?? [];
    expect(fields.find((f) => f.name === 'Text taken from')?.value).toBe(
      'A file this deployment added with charter add (no download URL).',
    );
  });
});

describe('charter add, typed short', () => {
  it('names only the options that are missing', async () => {
    await expect(runAdd(['policy.md', '--title', 'X'], processIo())).rejects.toThrow(
      /^Give --id, --issuer and --date: a document needs --id, --title, --issuer and --date\.$/,
    );
  });
});
