// `charter add` and `charter remove` with a temporary data directory: a local file and a loopback URL are
// added with their structure detected, listed as added locally, and removed; every bad input is one
// sentence and leaves the data directory exactly as it was.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceRows } from '../../src/answer/sources.js';
import { runAdd, runRemove } from '../../src/cli/add.js';
import { UsageError } from '../../src/cli/args.js';
import type { CliIo } from '../../src/cli/io.js';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { deploymentCatalog, loadLocalCatalog } from '../../src/corpus/local.js';
import { Store } from '../../src/corpus/store.js';

const POLICY = `# Acme AI Policy

Article 1: Scope

This policy applies to every AI system Acme builds or buys.

Article 2: Human oversight

(1) A person reviews every decision an AI system makes about a customer.

(2) The reviewer may overturn the decision.

Article 3: Records

Acme keeps a record of every AI system it uses for five years.
`;

const STATEMENT = [
  'Statement on responsible AI',
  '',
  '1. We commit to transparency about the AI systems we deploy.',
  '',
  '2. We commit to testing every system before release.',
  '',
  '3. We commit to publishing the results of those tests.',
  '',
].join('\n');

/** Every file under a directory with its size and modification time: what "nothing changed" means. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else out.push(`${path} ${stat.size} ${stat.mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe('charter add / remove', () => {
  let dir: string;
  let files: string;
  let server: Server;
  let base: string;
  const output: string[] = [];
  let io: CliIo;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'charter-add-data-'));
    files = mkdtempSync(join(tmpdir(), 'charter-add-files-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(files, 'acme-policy.md'), POLICY);
    writeFileSync(join(files, 'empty.txt'), '');
    writeFileSync(join(files, 'blank.md'), '\n\n   \n');
    server = createServer((req, res) => {
      if (req.url === '/statement.txt') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(STATEMENT);
      } else if (req.url === '/moved') {
        // W12: a redirect into loopback space (where the server itself lives) is never followed.
        res.writeHead(302, { location: `${base}/statement.txt` });
        res.end();
      } else {
        res.writeHead(404);
        res.end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    io = {
      stdout: { write: (s: string) => output.push(s) } as never,
      stderr: { write: () => true } as never,
      open: () => Promise.reject(new Error('not used')),
      env: { CHARTER_DATA_DIR: dir },
    };
  });

  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  const meta = (id: string) => [
    '--id',
    id,
    '--title',
    'Acme AI Policy',
    '--issuer',
    'Acme Ltd',
    '--date',
    '2025-03-01',
  ];

  it('adds a local file: structure detected, fingerprint recorded, entry in the data directory only', async () => {
    const repoCatalog = readFileSync(join(import.meta.dirname, '../../corpus/catalog.json'), 'utf8');
    expect(
      await runAdd([join(files, 'acme-policy.md'), ...meta('acme-policy'), '--alias', 'Acme policy'], io),
    ).toBe(0);
    expect(output.join('')).toMatch(/^Added acme-policy: \d+ passages \(articles style\)/);
    const [entry] = loadLocalCatalog(dir);
    expect(entry).toMatchObject({
      id: 'acme-policy',
      addedLocally: true,
      aliases: ['Acme policy'],
      citation: { style: 'articles' },
      source: { url: null, format: 'md', bytes: Buffer.byteLength(POLICY) },
    });
    const passages = new Store(dir).readPassages('acme-policy')!;
    expect(passages.map((p) => p.locator)).toEqual([
      'Preamble',
      'Art. 1',
      'Art. 2',
      'Art. 2(1)',
      'Art. 2(2)',
      'Art. 3',
    ]);
    expect(passages.find((p) => p.locator === 'Art. 2(1)')!.text).toBe(
      '(1) A person reviews every decision an AI system makes about a customer.',
    );
    // The repository's catalog is untouched and knows nothing of it.
    expect(readFileSync(join(import.meta.dirname, '../../corpus/catalog.json'), 'utf8')).toBe(repoCatalog);
    expect(loadCatalog().some((d) => d.id === 'acme-policy')).toBe(false);
    const rows = sourceRows(deploymentCatalog(dir), () => null);
    expect(rows.find((r) => r.id === 'acme-policy')?.addedLocally).toBe(true);
    expect(rows.find((r) => r.id === 'eu-ai-act-2024')?.addedLocally).toBeUndefined();
  });

  it('adds a page from a URL (loopback), numbered paragraphs detected', async () => {
    expect(
      await runAdd(
        [
          `${base}/statement.txt`,
          '--id',
          'acme-statement',
          '--title',
          'Acme statement',
          '--issuer',
          'Acme',
          '--date',
          '2025-04-01',
        ],
        io,
      ),
    ).toBe(0);
    const entry = loadLocalCatalog(dir).find((d) => d.id === 'acme-statement')!;
    expect(entry.source.url).toBe(`${base}/statement.txt`);
    expect(entry.citation.style).not.toBe('report');
    expect(new Store(dir).readPassages('acme-statement')!.length).toBeGreaterThanOrEqual(3);
  });

  it('takes an id with a language suffix, as the catalog schema does (one id rule)', async () => {
    expect(await runAdd([join(files, 'acme-policy.md'), ...meta('acme-policy.zh')], io)).toBe(0);
    expect(loadLocalCatalog(dir).map((d) => d.id)).toContain('acme-policy.zh');
    expect(await runRemove(['acme-policy.zh'], io)).toBe(0);
    expect(loadLocalCatalog(dir).map((d) => d.id)).not.toContain('acme-policy.zh');
  });

  const BAD: [string, () => string[], RegExp][] = [
    ['an empty file', () => [join(files, 'empty.txt'), ...meta('empty-doc')], /is empty\.$/],
    [
      'a file with no text',
      () => [join(files, 'blank.md'), ...meta('blank-doc')],
      /could not be read as md: .+\.$/,
    ],
    [
      'a missing file',
      () => [join(files, 'nope.md'), ...meta('nope-doc')],
      /^The file .+nope\.md could not be read\.$/,
    ],
    [
      'an id that exists in the repository',
      () => [join(files, 'acme-policy.md'), ...meta('eu-ai-act-2024')],
      /^A document with the id "eu-ai-act-2024" already exists\.$/,
    ],
    [
      'an id added before',
      () => [join(files, 'acme-policy.md'), ...meta('acme-policy')],
      /^A document with the id "acme-policy" already exists\.$/,
    ],
    [
      'a date that is not a date',
      () => [
        join(files, 'acme-policy.md'),
        '--id',
        'x-doc',
        '--title',
        'X',
        '--issuer',
        'X',
        '--date',
        '2025-02-30',
      ],
      /^The date "2025-02-30" is not a date written YYYY-MM-DD\.$/,
    ],
    [
      'a URL that fails',
      () => [`${base}/missing.pdf`, ...meta('missing-doc')],
      /^Could not download .+404.*\.$/,
    ],
    [
      'a URL redirecting to a loopback address (W12)',
      () => [`${base}/moved`, ...meta('moved-doc')],
      /^Could not download http:\/\/127\.0\.0\.1:\d+\/moved: it redirects to the non-public address 127\.0\.0\.1\.$/,
    ],
  ];

  for (const [what, args, message] of BAD) {
    it(`refuses ${what} in one sentence and changes nothing`, async () => {
      const before = snapshot(dir);
      const error = await runAdd(args(), io).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message.split(/(?<=\.) (?=[A-Z])/).length).toBe(1);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('answers any typed id, title and date with one sentence and changes nothing (property)', async () => {
    const before = snapshot(dir);
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.string(), async (id, title, date) => {
        const error = await runAdd(
          [join(files, 'nope.md'), '--id', id, '--title', title, '--issuer', 'X', '--date', date],
          io,
        ).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UsageError);
        expect((error as Error).message).toMatch(/^\S.*\.$/s);
      }),
      { numRuns: 60 },
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('removes what it added, and only that', async () => {
    const before = snapshot(dir);
    const repo = await runRemove(['eu-ai-act-2024'], io).catch((e: unknown) => e);
    expect((repo as Error).message).toBe(
      '"eu-ai-act-2024" is in the repository\'s catalog; only documents added with charter add can be removed.',
    );
    expect(snapshot(dir)).toEqual(before);
    expect(await runRemove(['acme-policy'], io)).toBe(0);
    expect(loadLocalCatalog(dir).map((d) => d.id)).toEqual(['acme-statement']);
    expect(new Store(dir).readPassages('acme-policy')).toBeUndefined();
    expect(new Store(dir).readManifest().documents['acme-policy']).toBeUndefined();
  });
});
