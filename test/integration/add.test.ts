// `charter add` and `charter remove` with a temporary data directory: a local file and a loopback URL are
// added with their structure detected, listed as added locally, and removed; every bad input is one
// sentence and leaves the data directory exactly as it was.
import { randomBytes } from 'node:crypto';
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

/** A memo with headings and no numbering of its own: no style recognizes it, so it is cited by its headings. */
const MEMO = `# Acme memo on chatbots

Our support chatbot must say it is a bot in its first message.

## Escalation

A customer can ask for a person at any time.

The person answers within one working day.

## Records

Chat logs are kept for ninety days.
`;

/** A minimal PDF's first bytes (its signature is all the type check reads). */
const PDF_BYTES = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nBT /F1 11 Tf (AI policy) Tj ET\n%%EOF\n';
/** A PNG's signature and header chunk. */
const PNG_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1,
]);
/** A CommonAccord prose object: keys and values, assembled into a document by a renderer. */
const COMMONACCORD = [
  'Ti=OECD AI Principles',
  '1.sec=Inclusive growth',
  '1.3.0.sec=AI Actors should respect the rule of law.',
  '1.3.1.sec=AI Actors should implement safeguards.',
  '2.sec={1.sec} and {1.3.0.sec}',
  '',
].join('\n');
/** Five numbered paragraphs whose text carries HTML tags: a reader's failure lint flags (markup). */
const TAGGED = ['Tagged statement', '']
  .concat(
    [1, 2, 3, 4, 5].flatMap((n) => [`${n}. We commit to <span class="x">item ${n}</span> of the plan.`, '']),
  )
  .join('\n');

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
    writeFileSync(join(files, 'acme-memo.md'), MEMO);
    // Another version of the policy (the same bytes under a second id are refused).
    writeFileSync(
      join(files, 'acme-policy-zh.md'),
      `${POLICY}\nArticle 4: Language\n\nThis version is the translation.\n`,
    );
    // Trial 7: Markdown text under a name that says Word document.
    writeFileSync(join(files, 'policy.docx'), POLICY.replace('Acme', 'Beta'));
    writeFileSync(join(files, 'empty.txt'), '');
    writeFileSync(join(files, 'blank.md'), '\n\n   \n');
    // Issue 20: files that are not what their names say.
    writeFileSync(join(files, 'report.txt'), PDF_BYTES);
    writeFileSync(join(files, 'noise.md'), randomBytes(200 * 1024));
    writeFileSync(join(files, 'picture.html'), PNG_BYTES);
    writeFileSync(join(files, 'nul.txt'), 'A policy\u0000with a NUL byte\n');
    writeFileSync(join(files, 'latin1.txt'), Buffer.from('Politique de l\xe9gislation\n', 'latin1'));
    writeFileSync(join(files, 'commonaccord.md'), COMMONACCORD);
    writeFileSync(join(files, 'tagged.txt'), TAGGED);
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
      catalog: () => [],
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

  it('cites a document whose structure is not recognised by the places it names, never by paragraph numbers it lacks', async () => {
    expect(await runAdd([join(files, 'acme-memo.md'), ...meta('acme-memo')], io)).toBe(0);
    expect(loadLocalCatalog(dir).find((d) => d.id === 'acme-memo')?.citation.style).toBe('report');
    const passages = new Store(dir).readPassages('acme-memo')!;
    expect(passages.map((p) => [p.locator, p.text])).toEqual([
      ['“Acme memo on chatbots”', 'Our support chatbot must say it is a bot in its first message.'],
      ['“Escalation”', 'A customer can ask for a person at any time.'],
      ['“Escalation”, second paragraph', 'The person answers within one working day.'],
      ['“Records”', 'Chat logs are kept for ninety days.'],
    ]);
    expect(passages.some((p) => /\bpara\./.test(p.locator))).toBe(false);
    expect(await runRemove(['acme-memo'], io)).toBe(0);
  });

  it('takes an id with a language suffix, as the catalog schema does (one id rule)', async () => {
    expect(await runAdd([join(files, 'acme-policy-zh.md'), ...meta('acme-policy.zh')], io)).toBe(0);
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
      /^There is no file at .+nope\.md: check the path\.$/,
    ],
    [
      'a folder (trial 7)',
      () => [files, ...meta('folder-doc')],
      /^.+ is a folder, not a file: give one file to add\.$/,
    ],
    [
      'a file: URL (trial 7)',
      () => ['file:///etc/passwd', ...meta('passwd-doc')],
      /^file:\/\/\/etc\/passwd is a file: URL, which Charter does not open: give the file's path instead\.$/,
    ],
    [
      'an ftp: URL (trial 7)',
      () => ['ftp://example.org/policy.txt', ...meta('ftp-doc')],
      /^ftp:\/\/example\.org\/policy\.txt uses ftp:, which Charter does not download: give an http\(s\) URL or a local file\.$/,
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
    [
      'a PDF named .txt (issue 20)',
      () => [join(files, 'report.txt'), ...meta('report-doc')],
      /report\.txt is a PDF file \(application\/pdf\), not plain text\.$/,
    ],
    [
      '200 KB of random bytes named .md (issue 20)',
      () => [join(files, 'noise.md'), ...meta('noise-doc')],
      /noise\.md is not Markdown text: its bytes are not valid UTF-8 \(binary data, or text in another encoding; save it as UTF-8\)\.$/,
    ],
    [
      'a PNG named .html (issue 20)',
      () => [join(files, 'picture.html'), ...meta('picture-doc')],
      /picture\.html is a PNG file \(image\/png\), not an HTML page\.$/,
    ],
    [
      'text with a NUL byte',
      () => [join(files, 'nul.txt'), ...meta('nul-doc')],
      /nul\.txt is not plain text: it contains NUL bytes \(binary data\)\.$/,
    ],
    [
      'Latin-1 text',
      () => [join(files, 'latin1.txt'), ...meta('latin-doc')],
      /latin1\.txt is not plain text: its bytes are not valid UTF-8/,
    ],
    [
      'a CommonAccord source of key=value lines (issue 20)',
      () => [join(files, 'commonaccord.md'), ...meta('ca-doc')],
      /commonaccord\.md is a CommonAccord-style source of key=value lines \(such as 1\.3\.0\.sec=…\), not a document’s text; add the rendered document instead\.$/,
    ],
    [
      'a file lint flags in more than one passage in ten (issue 20)',
      () => [join(files, 'tagged.txt'), ...meta('tagged-doc')],
      /tagged\.txt has lint findings in 5 of its \d+ passages \(more than one in ten\), so its text was not read as the document's words; check the file, or add it anyway with --force\.$/,
    ],
  ];

  BAD.push(
    [
      'an alias that is a held document’s alias (trial 7)',
      () => [join(files, 'acme-memo.md'), ...meta('alias-doc'), '--alias', 'gdpr'],
      /^The alias "gdpr" already names “GDPR” \(eu-gdpr-2016\): choose a name no held document uses\.$/,
    ],
    [
      'a short title that is a held document’s short title (trial 7)',
      () => [join(files, 'acme-memo.md'), ...meta('short-doc'), '--short-title', 'AI  Act'],
      /^The short title "AI Act" already names “AI Act” \(eu-ai-act-2024\): choose a name no held document uses\.$/,
    ],
    [
      'an alias that an added document already has (trial 7)',
      () => [join(files, 'acme-memo.md'), ...meta('again-doc'), '--alias', 'Acme Policy'],
      /^The alias "Acme Policy" already names “Acme AI Policy” \(acme-policy\): choose a name no held document uses\.$/,
    ],
    [
      'Markdown text named .docx (trial 7)',
      () => [join(files, 'policy.docx'), ...meta('docx-doc')],
      /policy\.docx is named as a \.docx file, which Charter does not read: it adds \.md, \.markdown, \.txt, \.html, \.htm, \.pdf, \.xml files \(rename a text file to \.txt or \.md\)\.$/,
    ],
    [
      'the same bytes as a held document (trial 7)',
      () => [join(files, 'acme-policy.md'), ...meta('acme-policy-copy')],
      /acme-policy\.md has the same bytes as “Acme AI Policy” \(acme-policy\), which Charter already holds\.$/,
    ],
  );

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

  it('adds a flagged file with --force and shows the findings', async () => {
    const errors: string[] = [];
    const loud = { ...io, stderr: { write: (s: string) => errors.push(s) } as never };
    expect(await runAdd([join(files, 'tagged.txt'), ...meta('tagged-doc'), '--force'], loud)).toBe(0);
    expect(errors.join('')).toMatch(
      /^charter lint found 10 thing\(s\) to check in the new passages:\n {2}markup {2}tagged-doc#/,
    );
    expect(await runRemove(['tagged-doc'], io)).toBe(0);
  });

  it('refuses any bytes under any text or PDF name in one sentence, or adds them, never half (property)', async () => {
    let before = snapshot(dir);
    const names = ['x.txt', 'x.md', 'x.html', 'x.pdf', 'x.xml'];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 4096 }),
          fc
            .string({ unit: 'grapheme', minLength: 1, maxLength: 2000 })
            .map((t) => new TextEncoder().encode(t)),
          fc
            .array(
              fc.constantFrom(
                'Article 1',
                '1.',
                '# Heading',
                'Sec. 2',
                'words and more words',
                '',
                '<p>',
                'x=y',
              ),
              {
                maxLength: 40,
              },
            )
            .map((lines) => new TextEncoder().encode(lines.join('\n'))),
        ),
        fc.constantFrom(...names),
        async (bytes, name) => {
          const path = join(files, `fuzz-${name}`);
          writeFileSync(path, bytes);
          const result = await runAdd([path, ...meta('fuzz-doc')], io).catch((e: unknown) => e);
          if (result === 0) {
            expect(await runRemove(['fuzz-doc'], io)).toBe(0);
            before = snapshot(dir);
            return;
          }
          expect(result).toBeInstanceOf(UsageError);
          expect((result as Error).message).toMatch(/^\S.*\.$/s);
          expect(snapshot(dir)).toEqual(before);
        },
      ),
      { numRuns: 90 },
    );
  });

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
