// Issue 21, the intake's findings: a damaged local catalog (W17) and a failed add (W24). Each case runs in a
// temporary data directory with fixture files; nothing touches the network.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCharter } from '../../src/app.js';
import { runAdd, runRemove } from '../../src/cli/add.js';
import type { CliIo } from '../../src/cli/io.js';
import { deploymentCatalog, loadLocalCatalog, localCatalogPath } from '../../src/corpus/local.js';
import { Store } from '../../src/corpus/store.js';

const POLICY = `# Harbour AI Policy

Article 1: Scope

This policy applies to every AI system the harbour uses.

Article 2: Oversight

A person reviews every decision an AI system makes about a vessel.

Article 3: Records

The harbour keeps a record of every AI system for five years.
`;

let dir: string;
let files: string;
let io: CliIo;
const out: string[] = [];
const err: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-intake-data-'));
  files = mkdtempSync(join(tmpdir(), 'charter-intake-files-'));
  writeFileSync(join(files, 'harbour.md'), POLICY);
  out.length = 0;
  err.length = 0;
  io = {
    stdout: { write: (s: string) => out.push(s) } as never,
    stderr: { write: (s: string) => err.push(s) } as never,
    catalog: () => [],
    open: () => Promise.reject(new Error('not used')),
    env: { CHARTER_DATA_DIR: dir },
  };
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

const meta = (id: string) => [
  '--id',
  id,
  '--title',
  'Harbour AI Policy',
  '--issuer',
  'Harbour',
  '--date',
  '2025-03-01',
];

describe('W17: a damaged local-catalog.json', () => {
  it('is one warning: the repository catalog and the saved index still serve; remove repairs it', async () => {
    expect(await runAdd([join(files, 'harbour.md'), ...meta('harbour-policy')], io)).toBe(0);
    const index = readFileSync(join(dir, 'index.json'));
    writeFileSync(localCatalogPath(dir), randomBytes(4096));

    const warnings: string[] = [];
    const charter = await openCharter({ dataDir: dir, autoSync: false, onWarning: (m) => warnings.push(m) });
    expect(charter.docs.some((d) => d.id === 'harbour-policy')).toBe(false);
    expect(deploymentCatalog(dir, (m) => warnings.push(m)).some((d) => d.id === 'eu-ai-act-2024')).toBe(true);
    // The saved index (which holds the operator's document) is not replaced by a smaller one.
    expect(readFileSync(join(dir, 'index.json'))).toEqual(index);

    // `remove` repairs it even though the entry is lost: the files go, the catalog is rewritten, the damaged
    // file is kept beside it.
    expect(await runRemove(['harbour-policy'], io)).toBe(0);
    expect(existsSync(join(dir, 'passages', 'harbour-policy.json'))).toBe(false);
    expect(existsSync(join(dir, 'docs', 'harbour-policy.md'))).toBe(false);
    expect(new Store(dir).readManifest().documents['harbour-policy']).toBeUndefined();
    expect(JSON.parse(readFileSync(localCatalogPath(dir), 'utf8')).documents).toEqual([]);
    expect(existsSync(`${localCatalogPath(dir)}.damaged`)).toBe(true);
  });

  it('keeps the valid entries of a partly damaged file, and add repairs it', async () => {
    expect(await runAdd([join(files, 'harbour.md'), ...meta('harbour-policy')], io)).toBe(0);
    const json = JSON.parse(readFileSync(localCatalogPath(dir), 'utf8'));
    json.documents.push({ id: 'Not An Id', title: 'x' });
    writeFileSync(localCatalogPath(dir), JSON.stringify(json));
    const warnings: string[] = [];
    expect(deploymentCatalog(dir, (m) => warnings.push(m)).some((d) => d.id === 'harbour-policy')).toBe(true);
    expect(warnings.join('\n')).toMatch(
      /is damaged: 1 entry\(ies\) cannot be used .*charter add or charter remove ID repairs it/,
    );
    writeFileSync(join(files, 'second.md'), POLICY.replaceAll('harbour', 'port'));
    expect(await runAdd([join(files, 'second.md'), ...meta('port-policy')], io)).toBe(0);
    expect(loadLocalCatalog(dir).map((d) => d.id)).toEqual(['harbour-policy', 'port-policy']);
    expect(JSON.parse(readFileSync(localCatalogPath(dir), 'utf8')).documents).toHaveLength(2);
  });

  it('every command still starts: sources reads the catalog, openCharter does not throw', async () => {
    writeFileSync(localCatalogPath(dir), '{"documents": [');
    await expect(openCharter({ dataDir: dir, autoSync: false, onWarning: () => {} })).resolves.toBeDefined();
    expect(readdirSync(dir)).toContain('local-catalog.json');
  });
});
