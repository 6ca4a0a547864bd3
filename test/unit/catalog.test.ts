import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog, parseCatalog } from '../../src/corpus/catalog.js';

const good = {
  id: 'org-ai-policy',
  title: 'Our AI Policy',
  shortTitle: 'AI Policy',
  aliases: ['our policy'],
  issuer: 'Example Org',
  jurisdiction: 'ORG',
  date: '2025-01-31',
  status: 'in force',
  kind: 'policy',
  officialUrl: null,
  license: 'internal',
  source: { url: null, format: 'txt', sha256: 'a'.repeat(64), bytes: 10 },
  citation: { style: 'report' },
};

describe('catalog', () => {
  it('loads the real catalog: every complete document, each valid', () => {
    const docs = loadCatalog();
    expect(docs).toHaveLength(32); // 30 documents and the Chinese originals of two
    expect(docs.find((d) => d.id === 'us-eo-14110-2023')?.status).toBe('revoked');
    expect(docs.find((d) => d.id === 'ca-aida-2022')?.status).toBe('died on the order paper');
    expect(docs.find((d) => d.id === 'eu-ai-act-2024')?.aliases).toContain('Regulation 2024/1689');
  });

  it('accepts a local document with no URL (first-class user-supplied documents)', () => {
    expect(parseCatalog({ documents: [good] })[0]?.source.url).toBeNull();
  });

  it('names the entry and the field of a bad entry in one sentence', () => {
    const bad = { ...good, date: '31/01/2025' };
    expect(() => parseCatalog({ documents: [bad] })).toThrow(
      'In the catalog, document "org-ai-policy" has a bad field "date": must be a date written YYYY-MM-DD.',
    );
    const badSha = { ...good, source: { ...good.source, sha256: 'xyz' } };
    expect(() => parseCatalog({ documents: [badSha] })).toThrow(
      /"org-ai-policy" has a bad field "source.sha256"/,
    );
  });

  it('refuses unknown fields, unknown styles and duplicates', () => {
    expect(() => parseCatalog({ documents: [{ ...good, colour: 'red' }] })).toThrow(CatalogError);
    expect(() => parseCatalog({ documents: [{ ...good, citation: { style: 'haiku' } }] })).toThrow(
      /citation.style/,
    );
    expect(() => parseCatalog({ documents: [good, good] })).toThrow(/listed twice/);
    expect(() => parseCatalog({ documents: [{ title: 'x' }] })).toThrow(/document #1 has a bad field "id"/);
  });

  it('remembers a validated catalog, and still refuses it once it is changed into an invalid one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-catalog-'));
    const previous = process.env.CHARTER_DATA_DIR;
    process.env.CHARTER_DATA_DIR = join(dir, 'data');
    try {
      const path = join(dir, 'catalog.json');
      writeFileSync(path, JSON.stringify({ documents: [good] }));
      const validated = loadCatalog(path);
      expect(validated).toEqual(parseCatalog({ documents: [good] }));
      const remembered = JSON.parse(readFileSync(join(dir, 'data', 'catalog.validated.json'), 'utf8'));
      expect(remembered.documents).toEqual(validated);
      expect(loadCatalog(path)).toEqual(validated);
      writeFileSync(path, JSON.stringify({ documents: [{ ...good, date: '31/01/2025' }] }));
      expect(() => loadCatalog(path)).toThrow(
        `In ${path}, document "org-ai-policy" has a bad field "date": must be a date written YYYY-MM-DD.`,
      );
    } finally {
      if (previous === undefined) delete process.env.CHARTER_DATA_DIR;
      else process.env.CHARTER_DATA_DIR = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
