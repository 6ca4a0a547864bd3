// Faults in the corpus and the saved index, injected into a temp data directory, a temp mirror and a
// loopback download server, with small fixture catalogs and the real readers, splitters and index.
// Each bad document gets one clear error of its own; its previous good copy stays; the rest keeps serving;
// a damaged saved index is rebuilt from the cached documents, once (the next start loads it).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCharter } from '../../src/app.js';
import { Store } from '../../src/corpus/store.js';
import { type SyncOutcome, syncCorpus } from '../../src/corpus/sync.js';
import { CorpusIndex } from '../../src/search/index.js';
import { makeEncryptedPdf, makePdf } from '../fixtures/pdf/make.js';
import { fixtureEntry } from '../support/fixture-catalog.js';

const text = (s: string) => new TextEncoder().encode(s);
const HARBOUR = text(
  'Harbour Rules\n\nThe harbour master keeps a register of tide gauges.\n\nEvery pilot files a voyage report within two days.\n',
);
const BAKERY = text(
  'Bakery Code\n\nBakers label every loaf that contains sesame.\n\nOvens are inspected each spring by the guild.\n',
);
const CHANGED = text('Harbour Rules\n\nThe harbour master keeps no register at all.\n');

const entry = fixtureEntry;

/** What the loopback server serves, by path; the catalog fingerprints are of the good bytes. */
const served = new Map<string, Uint8Array>();
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (!body) return res.writeHead(404).end();
    res.writeHead(200).end(Buffer.from(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dir: string;
let data: string;
let mirror: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-faults-'));
  data = join(dir, 'data');
  mirror = join(dir, 'mirror');
  mkdirSync(mirror);
  served.clear();
  return () => rmSync(dir, { recursive: true, force: true });
});

const fast = { timeoutMs: 2000, retries: 1, backoffMs: 1 };
const failure = (outcomes: SyncOutcome[], id: string) => {
  const outcome = outcomes.find((o) => o.id === id)!;
  if (outcome.status !== 'failed') throw new Error(`${id} did not fail: ${JSON.stringify(outcome)}`);
  return outcome;
};

describe('bad documents on a first sync', () => {
  it('each fails with its own clear error while the good ones are stored and answer', async () => {
    const goodPdf = await makePdf([
      [
        { text: 'Lighthouse Policy', size: 16 },
        { text: 'Keepers log every lamp failure in the lamp book.', gap: 10 },
      ],
    ]);
    const encrypted = await makeEncryptedPdf();
    const corrupt = text('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
    const empty = new Uint8Array();
    const catalog = [
      entry('harbour', 'txt', HARBOUR, `${base}/harbour`),
      entry('bakery', 'txt', BAKERY, null),
      entry('lighthouse', 'pdf', goodPdf, `${base}/lighthouse`),
      entry('truncated', 'txt', HARBOUR, `${base}/truncated`),
      entry('mismatch', 'txt', HARBOUR, `${base}/mismatch`),
      entry('corrupt-pdf', 'pdf', corrupt, `${base}/corrupt`),
      entry('encrypted-pdf', 'pdf', encrypted, `${base}/encrypted`),
      {
        ...entry('empty', 'txt', empty, null),
        source: { ...entry('empty', 'txt', empty, null).source, bytes: 1 },
      },
      entry('missing', 'txt', HARBOUR, `${base}/404`),
    ];
    served.set('/harbour', HARBOUR).set('/lighthouse', goodPdf).set('/truncated', HARBOUR.slice(0, 20));
    served.set('/mismatch', CHANGED).set('/corrupt', corrupt).set('/encrypted', encrypted);
    writeFileSync(join(mirror, 'bakery.txt'), BAKERY);
    writeFileSync(join(mirror, 'empty.txt'), empty);

    const report = await syncCorpus({ docs: catalog, dataDir: data, mirror, fetch: fast });
    expect(report.outcomes.filter((o) => o.status === 'updated').map((o) => o.id)).toEqual([
      'harbour',
      'bakery',
      'lighthouse',
    ]);
    expect(failure(report.outcomes, 'truncated').error).toMatch(
      /does not match the catalog fingerprint \(20 bytes instead of \d+, truncated\?\)/,
    );
    expect(failure(report.outcomes, 'mismatch').error).toMatch(
      /^its content does not match the catalog fingerprint/,
    );
    expect(failure(report.outcomes, 'corrupt-pdf').error).toBe(
      'The file is not a readable PDF (it is corrupt or truncated).',
    );
    expect(failure(report.outcomes, 'encrypted-pdf').error).toBe(
      'The PDF is encrypted with a password, so its text cannot be read.',
    );
    expect(failure(report.outcomes, 'empty').error).toMatch(/no readable text|no passages/);
    expect(failure(report.outcomes, 'missing').error).toMatch(/could not download .*HTTP 404/);
    for (const outcome of report.outcomes.filter((o) => o.status === 'failed'))
      expect(outcome.status === 'failed' && outcome.keptPrevious).toBe(false);

    // Nothing of a failed document reaches the data directory; the others answer.
    const store = new Store(data);
    for (const id of ['truncated', 'mismatch', 'corrupt-pdf', 'encrypted-pdf', 'empty', 'missing'])
      expect(store.readPassages(id)).toBeUndefined();
    const charter = await openCharter({ dataDir: data, catalog, mirror, autoSync: false });
    expect(charter.docs.map((d) => d.id)).toEqual(['harbour', 'bakery', 'lighthouse']);
    expect(charter.index.search('lamp failure').hits[0]?.passages[0]?.docId).toBe('lighthouse');
    expect(charter.index.search('sesame loaf').hits[0]?.passages[0]?.text).toBe(
      'Bakers label every loaf that contains sesame.',
    );
  });
});

describe('a document that breaks after a good sync', () => {
  async function syncedHarbour() {
    const catalog = [
      entry('harbour', 'txt', HARBOUR, `${base}/harbour`),
      entry('bakery', 'txt', BAKERY, `${base}/bakery`),
    ];
    served.set('/harbour', HARBOUR).set('/bakery', BAKERY);
    await syncCorpus({ docs: catalog, dataDir: data, fetch: fast });
    const first = await openCharter({ dataDir: data, catalog, autoSync: false });
    return { catalog, first, index: readFileSync(join(data, 'index.json')) };
  }

  for (const [fault, bytes, why] of [
    ['a truncated download', HARBOUR.slice(0, 30), /truncated\?/],
    ['a fingerprint mismatch', CHANGED, /does not match the catalog fingerprint/],
    ['an empty download', new Uint8Array(), /0 bytes instead of/],
  ] as const) {
    it(`${fault} on a forced re-sync keeps the previous copy, its passages and the saved index`, async () => {
      const { catalog, first, index } = await syncedHarbour();
      const copy = readFileSync(join(data, 'docs', 'harbour.txt'));
      served.set('/harbour', bytes);
      const report = await syncCorpus({ docs: catalog, dataDir: data, fetch: fast, force: true });
      const failed = failure(report.outcomes, 'harbour');
      expect(failed.error).toMatch(why);
      expect(failed.keptPrevious).toBe(true);
      expect(report.outcomes.find((o) => o.id === 'bakery')?.status).toBe('updated');
      expect(readFileSync(join(data, 'docs', 'harbour.txt'))).toEqual(copy);
      const build = vi.spyOn(CorpusIndex, 'build');
      const again = await openCharter({ dataDir: data, catalog, autoSync: false });
      expect(build).not.toHaveBeenCalled();
      build.mockRestore();
      expect(readFileSync(join(data, 'index.json'))).toEqual(index);
      expect(again.version).toBe(first.version);
      expect(again.index.search('tide gauges').hits[0]?.passages[0]?.docId).toBe('harbour');
    });
  }

  it('a document removed from the catalog stops answering; the index is rebuilt once, then loaded', async () => {
    const { catalog } = await syncedHarbour();
    const smaller = catalog.filter((d) => d.id !== 'harbour');
    const rebuilt = await openCharter({ dataDir: data, catalog: smaller, autoSync: false });
    expect(rebuilt.docs.map((d) => d.id)).toEqual(['bakery']);
    expect(rebuilt.index.search('tide gauges').hits).toEqual([]);
    expect(rebuilt.services.passagesOf('harbour')).toEqual([]);
    const saved = readFileSync(join(data, 'index.json'));
    const build = vi.spyOn(CorpusIndex, 'build');
    const loaded = await openCharter({ dataDir: data, catalog: smaller, autoSync: false });
    expect(build).not.toHaveBeenCalled();
    build.mockRestore();
    expect(loaded.version).toBe(rebuilt.version);
    expect(readFileSync(join(data, 'index.json'))).toEqual(saved);
  });

  it('unreadable cached passages: served from the saved index; on a rebuild re-split from the kept copy', async () => {
    const { catalog } = await syncedHarbour();
    served.clear();
    writeFileSync(join(data, 'passages', 'harbour.json'), '{"pipeline": "trunc');
    const fromSaved = await openCharter({ dataDir: data, catalog, autoSync: false });
    expect(fromSaved.index.search('tide gauges').hits[0]?.passages[0]?.docId).toBe('harbour');
    rmSync(join(data, 'index.json'));
    // Nothing served and no mirror: the verified copy in data/docs is all there is (issue 13, W2).
    const rebuilt = await openCharter({ dataDir: data, catalog, autoSync: false, onWarning: () => {} });
    expect(rebuilt.docs.map((d) => d.id)).toEqual(['harbour', 'bakery']);
    expect(rebuilt.index.search('tide gauges').hits[0]?.passages[0]?.docId).toBe('harbour');
  });

  it('a reference naming a removed document is refused, not quoted from another document', async () => {
    const { catalog } = await syncedHarbour();
    const charter = await openCharter({
      dataDir: data,
      catalog: catalog.filter((d) => d.id !== 'harbour'),
      autoSync: false,
    });
    expect((await charter.services.quote('Fixture harbour para. 1')).ok).toBe(false);
  });
});

describe('a damaged saved index', () => {
  async function synced() {
    const catalog = [entry('harbour', 'txt', HARBOUR, null), entry('bakery', 'txt', BAKERY, null)];
    writeFileSync(join(mirror, 'harbour.txt'), HARBOUR);
    writeFileSync(join(mirror, 'bakery.txt'), BAKERY);
    const first = await openCharter({ dataDir: data, catalog, mirror });
    return { catalog, first, good: readFileSync(join(data, 'index.json'), 'utf8') };
  }

  const damages: [string, (good: string) => string][] = [
    ['truncated JSON', (good) => good.slice(0, Math.floor(good.length / 2))],
    ['an empty file', () => ''],
    ['JSON null', () => 'null'],
    ['an array', () => '[1, 2, 3]'],
    [
      'another index format version',
      (good) => JSON.stringify({ ...JSON.parse(good), index: { ...JSON.parse(good).index, format: 999 } }),
    ],
    [
      'another corpus version',
      (good) => JSON.stringify({ ...JSON.parse(good), corpusVersion: 'made-for-another-corpus' }),
    ],
    [
      'an index of the wrong shape',
      (good) => JSON.stringify({ corpusVersion: JSON.parse(good).corpusVersion, index: { format: 1 } }),
    ],
  ];

  for (const [damage, corrupt] of damages) {
    it(`${damage}: rebuilt from the cached documents, and the next start loads the rebuilt index`, async () => {
      const { catalog, first, good } = await synced();
      writeFileSync(join(data, 'index.json'), corrupt(good));
      // No mirror and no server: only the cached documents can rebuild it.
      rmSync(mirror, { recursive: true });
      const rebuilt = await openCharter({ dataDir: data, catalog });
      expect(rebuilt.version).toBe(first.version);
      expect(rebuilt.index.search('tide gauges').hits[0]?.passages[0]?.docId).toBe('harbour');
      const written = readFileSync(join(data, 'index.json'), 'utf8');
      expect(JSON.parse(written).corpusVersion).toBe(first.version);
      const mtime = statSync(join(data, 'index.json')).mtimeMs;
      const build = vi.spyOn(CorpusIndex, 'build');
      const second = await openCharter({ dataDir: data, catalog });
      expect(build).not.toHaveBeenCalled();
      build.mockRestore();
      expect(second.index.search('sesame').hits[0]?.passages[0]?.docId).toBe('bakery');
      expect(statSync(join(data, 'index.json')).mtimeMs).toBe(mtime);
    });
  }
});
