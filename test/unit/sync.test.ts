import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import { sha256Hex, textFingerprint } from '../../src/corpus/fingerprint.js';
import { Store } from '../../src/corpus/store.js';
import { syncCorpus, verify } from '../../src/corpus/sync.js';
import type { Passage } from '../../src/corpus/types.js';

const TEXT = 'Our AI Policy\nStaff shall label AI-generated images.\n';
const bytes = new TextEncoder().encode(TEXT);

function docFor(id: string, url: string | null, body = bytes): CatalogDocument {
  return {
    id,
    title: 'Our AI Policy',
    shortTitle: 'AI Policy',
    aliases: [],
    issuer: 'Example Org',
    jurisdiction: 'ORG',
    date: '2025-01-31',
    status: 'in force',
    kind: 'policy',
    officialUrl: null,
    license: 'internal',
    source: {
      url,
      format: 'txt',
      sha256: sha256Hex(body),
      bytes: body.length,
      textSha256: textFingerprint(body),
    },
    citation: { style: 'report' },
  };
}

// Sync is tested on its own; the readers and splitters have their own tests.
let splits = 0;
const toPassages = async (doc: CatalogDocument, b: Uint8Array): Promise<Passage[]> => {
  splits++;
  const text = new TextDecoder().decode(b).trim();
  if (text.length === 0) return [];
  return [
    { id: `${doc.id}#p:1`, docId: doc.id, locator: 'p. 1', path: ['p:1'], headingPath: [], text, seq: 0 },
  ];
};

let dir: string;
let mirror: string;
let data: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-sync-'));
  mirror = join(dir, 'mirror');
  data = join(dir, 'data');
  mkdirSync(mirror);
  splits = 0;
  return () => rmSync(dir, { recursive: true, force: true });
});

let server: Server;
let base: string;
let hits: Record<string, number> = {};
beforeAll(async () => {
  server = createServer((req, res) => {
    hits[req.url!] = (hits[req.url!] ?? 0) + 1;
    if (req.url === '/flaky' && hits[req.url] === 1) return res.writeHead(503).end();
    if (req.url === '/flaky' || req.url === '/ok') return res.writeHead(200).end(Buffer.from(bytes));
    if (req.url === '/zwsp')
      return res.writeHead(200).end(Buffer.from(TEXT.replace('label', 'la\u200Bbel').replace(/\n/g, '\r\n')));
    if (req.url === '/truncated') return res.writeHead(200).end(Buffer.from(bytes.slice(0, 10)));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fast = { timeoutMs: 2000, retries: 2, backoffMs: 1 };

describe('sync', () => {
  it('takes a document from the mirror, verifies it, stores it, and a second run does no work', async () => {
    const doc = docFor('org-policy', null);
    writeFileSync(join(mirror, 'org-policy.txt'), bytes);
    const first = await syncCorpus({ docs: [doc], dataDir: data, mirror, toPassages });
    expect(first.outcomes[0]).toMatchObject({ status: 'updated', verifiedBy: 'bytes', passages: 1 });
    expect(new Store(data).readPassages('org-policy')?.[0]?.text).toContain('Staff shall label');
    // Nothing changed: not even the mirror is read (it is gone now), nothing is split again.
    rmSync(join(mirror, 'org-policy.txt'));
    const second = await syncCorpus({ docs: [doc], dataDir: data, mirror, toPassages });
    expect(second.outcomes[0]).toEqual({ id: 'org-policy', status: 'unchanged' });
    expect(splits).toBe(1);
  });

  it('downloads from the pinned URL, retrying a 5xx', async () => {
    hits = {};
    const report = await syncCorpus({
      docs: [docFor('flaky', `${base}/flaky`)],
      dataDir: data,
      fetch: fast,
      toPassages,
    });
    expect(report.outcomes[0]).toMatchObject({ status: 'updated', origin: `${base}/flaky` });
    expect(hits['/flaky']).toBe(2);
  });

  it('verifies a copy that differs only by invisible characters through the text fingerprint', async () => {
    const report = await syncCorpus({
      docs: [docFor('zw', `${base}/zwsp`)],
      dataDir: data,
      fetch: fast,
      toPassages,
    });
    expect(report.outcomes[0]).toMatchObject({ status: 'updated', verifiedBy: 'text' });
  });

  it('names the document and the cause on a mismatch, keeps the previous good copy and goes on', async () => {
    const doc = docFor('org-policy', `${base}/truncated`);
    writeFileSync(join(mirror, 'org-policy.txt'), bytes);
    await syncCorpus({ docs: [doc], dataDir: data, mirror, toPassages });
    rmSync(join(mirror, 'org-policy.txt'));
    const other = docFor('other', `${base}/ok`);
    const report = await syncCorpus({
      docs: [doc, other],
      dataDir: data,
      force: true,
      fetch: fast,
      toPassages,
    });
    expect(report.failed).toBe(1);
    const failed = report.outcomes[0]!;
    expect(failed.status).toBe('failed');
    if (failed.status === 'failed') {
      expect(failed.error).toMatch(
        /does not match the catalog fingerprint \(10 bytes instead of \d+, truncated\?\)/,
      );
      expect(failed.keptPrevious).toBe(true);
    }
    expect(report.outcomes[1]).toMatchObject({ status: 'updated' });
    expect(readFileSync(join(data, 'docs', 'org-policy.txt'), 'utf8')).toBe(TEXT);
    expect(readdirSync(join(data, 'docs')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says clearly when a download cannot connect, and when a local document is missing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const report = await syncCorpus({
      docs: [docFor('gone', `http://127.0.0.1:${port}/x`), docFor('local-only', null)],
      dataDir: data,
      mirror,
      fetch: fast,
      toPassages,
    });
    expect(report.outcomes[0]).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/the connection was refused/),
    });
    expect(report.outcomes[1]).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/local document .*local-only\.txt is not in the mirror/),
    });
    expect(existsSync(join(data, 'docs', 'gone.txt'))).toBe(false);
  });

  it('refuses a document that yields no passages (an empty file) without storing it', async () => {
    const empty = new Uint8Array();
    const doc = {
      ...docFor('empty', null),
      source: { url: null, format: 'txt' as const, sha256: sha256Hex(empty), bytes: 1 },
    };
    writeFileSync(join(mirror, 'empty.txt'), empty);
    const report = await syncCorpus({ docs: [doc], dataDir: data, mirror, toPassages });
    expect(report.outcomes[0]).toMatchObject({
      status: 'failed',
      error: 'no passages could be read from it',
    });
  });

  it('verify() explains a mismatch in one sentence', () => {
    const doc = docFor('x', null);
    expect(verify(doc, bytes)).toBe('bytes');
    expect(() => verify(doc, new TextEncoder().encode('Other text'))).toThrow(
      /^its content does not match the catalog fingerprint/,
    );
  });
});
