// Issue 13, W1/W2/W4: nothing good in the data directory is lost offline. Each case runs in a temporary data
// directory with the network off (the catalog's URLs point at a loopback server that counts every request
// and answers 503), the real readers, splitters and index.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCharter } from '../../src/app.js';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import { Store } from '../../src/corpus/store.js';
import { syncCorpus } from '../../src/corpus/sync.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { CorpusIndex } from '../../src/search/index.js';
import { fixtureEntry } from '../support/fixture-catalog.js';

const text = (s: string) => new TextEncoder().encode(s);
const HARBOUR = text(
  'Harbour Rules\n\nThe harbour master keeps a register of tide gauges.\n\nEvery pilot files a voyage report within two days.\n\nPilots renew their licence every five years.\n',
);
const BAKERY = text(
  'Bakery Code\n\nBakers label every loaf that contains sesame.\n\nOvens are inspected each spring by the guild.\n',
);

const entry = (id: string, bytes: Uint8Array, url: string) => fixtureEntry(id, 'txt', bytes, url);

/** The "network": serves the documents while `online`, else 503; counts every request either way. */
let online = true;
let requests = 0;
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (!online) return res.writeHead(503).end();
    const body = req.url === '/harbour' ? HARBOUR : req.url === '/bakery' ? BAKERY : undefined;
    if (!body) return res.writeHead(404).end();
    res.writeHead(200).end(Buffer.from(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dir: string;
let data: string;
let catalog: CatalogDocument[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-dataloss-'));
  data = join(dir, 'data');
  online = true;
  requests = 0;
  catalog = [entry('harbour', HARBOUR, `${base}/harbour`), entry('bakery', BAKERY, `${base}/bakery`)];
  return () => {
    chmodAll(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  };
});

/** A good first sync and index, then the network goes off. */
async function syncedThenOffline() {
  await syncCorpus({ docs: catalog, dataDir: data });
  const first = await openCharter({ dataDir: data, catalog, autoSync: false });
  online = false;
  requests = 0;
  return {
    first,
    index: readFileSync(join(data, 'index.json')),
    manifest: new Store(data).readManifest(),
  };
}

function warnings() {
  const lines: string[] = [];
  return { lines, onWarning: (message: string) => lines.push(message) };
}

const countOf = (charter: { index: CorpusIndex }, id: string) =>
  charter.index.passages.filter((p) => p.docId === id).length;

describe('W1: an empty manifest', () => {
  it('is rebuilt from the verified copies offline: no download, the saved index is kept and served', async () => {
    const { first, index, manifest } = await syncedThenOffline();
    writeFileSync(join(data, 'manifest.json'), '');
    const log = warnings();
    const build = vi.spyOn(CorpusIndex, 'build');
    const charter = await openCharter({ dataDir: data, catalog, onWarning: log.onWarning });
    expect(build).not.toHaveBeenCalled();
    build.mockRestore();
    expect(requests).toBe(0);
    expect(charter.docs.map((d) => d.id)).toEqual(['harbour', 'bakery']);
    expect(charter.index.passages.length).toBe(first.index.passages.length);
    expect(charter.version).toBe(first.version);
    expect(readFileSync(join(data, 'index.json'))).toEqual(index);
    // `charter sources` reads the manifest: it says what it said before.
    const again = new Store(data).readManifest();
    for (const id of ['harbour', 'bakery']) {
      expect(again.documents[id]?.passages).toBe(manifest.documents[id]?.passages);
    }
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(
      /re-read 2 document\(s\) .*offline: harbour, bakery \(the manifest has no entry for it\)\./,
    );
  });

  it('`charter sync` with an empty manifest re-verifies the kept copies and downloads nothing', async () => {
    await syncedThenOffline();
    writeFileSync(join(data, 'manifest.json'), '');
    const report = await syncCorpus({ docs: catalog, dataDir: data, fetch: { retries: 0 } });
    expect(requests).toBe(0);
    expect(report.failed).toBe(0);
    expect(report.outcomes.map((o) => o.status === 'updated' && o.fromKeptCopy)).toEqual([true, true]);
  });
});

describe('W2: one lost passages file', () => {
  for (const [damage, apply] of [
    ['deleted', (path: string) => rmSync(path)],
    ['truncated', (path: string) => writeFileSync(path, '{"pipeline": "tru')],
  ] as const) {
    for (const autoSync of [true, false]) {
      it(`${damage} (autoSync ${autoSync}): the document is re-split from its verified copy, offline`, async () => {
        const { first, manifest } = await syncedThenOffline();
        apply(join(data, 'passages', 'harbour.json'));
        rmSync(join(data, 'index.json'));
        const log = warnings();
        const charter = await openCharter({ dataDir: data, catalog, autoSync, onWarning: log.onWarning });
        expect(requests).toBe(0);
        expect(charter.docs.map((d) => d.id)).toEqual(['harbour', 'bakery']);
        expect(countOf(charter, 'harbour')).toBe(countOf(first, 'harbour'));
        expect(charter.index.search('tide gauges').hits[0]?.passages[0]?.docId).toBe('harbour');
        expect(new Store(data).readPassages('harbour')?.length).toBe(manifest.documents.harbour?.passages);
        expect(log.lines).toHaveLength(1);
        expect(log.lines[0]).toMatch(/harbour \(its passages file is (missing|unreadable)\)/);
        // Recovered once: the next start is the fast path, with nothing to say.
        const quiet = warnings();
        const build = vi.spyOn(CorpusIndex, 'build');
        await openCharter({ dataDir: data, catalog, autoSync, onWarning: quiet.onWarning });
        expect(build).not.toHaveBeenCalled();
        build.mockRestore();
        expect(quiet.lines).toEqual([]);
      });
    }
  }

  it('with its verified copy gone too, the saved index is not replaced by a smaller one and still answers', async () => {
    const { first, index } = await syncedThenOffline();
    rmSync(join(data, 'passages', 'harbour.json'));
    rmSync(join(data, 'docs', 'harbour.txt'));
    const log = warnings();
    const charter = await openCharter({
      dataDir: data,
      catalog,
      onWarning: log.onWarning,
    });
    expect(readFileSync(join(data, 'index.json'))).toEqual(index);
    expect(countOf(charter, 'harbour')).toBe(countOf(first, 'harbour'));
    expect(charter.index.search('tide gauges').hits[0]?.passages[0]?.docId).toBe('harbour');
    expect(log.lines.join('\n')).toMatch(
      /kept the saved index .*would drop harbour \(harbour: its passages file is missing, no verified copy of it is kept and could not download .*HTTP 503\)/,
    );
    // `charter sources` no longer claims passages it cannot serve from the data directory.
    expect(new Store(data).readManifest().documents.harbour).toBeUndefined();
    // Back online: the next start syncs it and writes the full index again.
    online = true;
    const healed = await openCharter({ dataDir: data, catalog });
    expect(healed.version).toBe(first.version);
    expect(countOf(healed, 'harbour')).toBe(countOf(first, 'harbour'));
  });

  it('a document the catalog itself dropped does leave the saved index', async () => {
    await syncedThenOffline();
    const smaller = catalog.filter((d) => d.id !== 'harbour');
    const charter = await openCharter({ dataDir: data, catalog: smaller });
    expect(charter.docs.map((d) => d.id)).toEqual(['bakery']);
    const saved = JSON.parse(readFileSync(join(data, 'index.json'), 'utf8')) as {
      passages: { docId: string }[];
    };
    expect(new Set(saved.passages.map((p) => p.docId))).toEqual(new Set(['bakery']));
  });
});

/** Directories get `mode`, files the same without the execute bits. */
function chmodAll(path: string, mode: number): void {
  try {
    if (statSync(path).isDirectory()) {
      chmodSync(path, 0o755);
      for (const name of readdirSync(path)) chmodAll(join(path, name), mode);
      chmodSync(path, mode);
    } else chmodSync(path, mode & 0o666);
  } catch {
    // best effort (cleanup)
  }
}

describe('W4: a read-only data directory with a stale index', () => {
  it('builds the index in memory, warns once that it cannot save it, and answers', async () => {
    const { first, index } = await syncedThenOffline();
    // Stale: the index was made for another corpus (as after a catalog edit or a pipeline change).
    const stale = JSON.parse(index.toString('utf8')) as Record<string, unknown>;
    writeFileSync(join(data, 'index.json'), JSON.stringify({ ...stale, corpusVersion: 'older' }));
    const staleBytes = readFileSync(join(data, 'index.json'));
    // Read-only for the process that opens it: a child running as `nobody` when the tests run as root
    // (root ignores file modes), else this user with the modes removed.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodAll(dir, 0o755);
    else chmodAll(data, 0o555);
    const script = `
      import { openCharter } from ${JSON.stringify(join(PROJECT_ROOT, 'src', 'app.ts'))};
      const catalog = JSON.parse(process.env.CATALOG);
      const warnings = [];
      const charter = await openCharter({ dataDir: process.env.DATA, catalog, onWarning: (m) => warnings.push(m) });
      const hit = charter.index.search('tide gauges').hits[0]?.passages[0]?.docId;
      console.log(JSON.stringify({ version: charter.version, passages: charter.index.passages.length, hit, warnings }));
    `;
    // Spawned asynchronously: the loopback "network" above must stay able to answer (or count) requests.
    const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, CATALOG: JSON.stringify(catalog), DATA: data, CHARTER_MIRROR: '' },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      const timer = setTimeout(() => proc.kill(), 25_000);
      proc.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });
    expect(child.stderr).not.toMatch(/EACCES.*\n\s+at /);
    expect(child.status, child.stderr).toBe(0);
    const out = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      version: string;
      passages: number;
      hit: string;
      warnings: string[];
    };
    expect(out.version, JSON.stringify(out)).toBe(first.version);
    expect(out.passages).toBe(first.index.passages.length);
    expect(out.hit).toBe('harbour');
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(
      /could not save the search index to .*index\.json \(.*EACCES.*\); serving it from memory/,
    );
    expect(readFileSync(join(data, 'index.json'))).toEqual(staleBytes);
    expect(requests).toBe(0);
  });
});
