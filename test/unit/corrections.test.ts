// Documented corrections of mirror copies: each must match exactly once, or the document's sync fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { applyCorrections, CorrectionError, loadCorrections } from '../../src/corpus/corrections.js';
import type { ReadDocument } from '../../src/corpus/types.js';

const read = (...texts: string[]): ReadDocument => ({
  lines: texts.map((text) => ({ text })),
  footnotes: [],
});
const fix = {
  docId: 'x',
  find: 'greater than 1025.',
  replace: 'greater than 10^25.',
  reason: 'a lost superscript, see the OJ',
};

describe('corrections', () => {
  it('replaces the damaged text when it occurs exactly once, leaving every other line alone', () => {
    const out = applyCorrections(read('is greater than 1025.', 'Regulation (EU) No 1025/2012'), [fix]);
    expect(out.lines.map((l) => l.text)).toEqual(['is greater than 10^25.', 'Regulation (EU) No 1025/2012']);
  });

  it('puts back words scattered over lines: a find over several lines replaces those lines', () => {
    const scattered = read('4.', 'Advance', 'approaches;', '', 'responsible,', '', 'data', '5. Next');
    const out = applyCorrections(scattered, [
      {
        docId: 'x',
        find: 'Advance\napproaches;\n\nresponsible,\n\ndata',
        replace: 'Advance responsible data approaches;',
        reason: 'one justified line extracted a word per line',
      },
    ]);
    expect(out.lines.map((l) => l.text)).toEqual(['4.', 'Advance responsible data approaches;', '5. Next']);
  });

  it('fails loudly, naming the correction, when it matches no longer or more than once', () => {
    expect(() => applyCorrections(read('is greater than 10^25.'), [fix])).toThrow(CorrectionError);
    expect(() => applyCorrections(read('is greater than 10^25.'), [fix])).toThrow(
      /matches 0 times instead of once/,
    );
    expect(() => applyCorrections(read('greater than 1025.', 'greater than 1025.'), [fix])).toThrow(
      /matches 2 times/,
    );
  });

  it('the committed list is short, names catalog documents and gives a reason for each entry', () => {
    const ids = new Set(loadCatalog().map((d) => d.id));
    const list = loadCorrections();
    expect(list.length).toBeLessThanOrEqual(30);
    for (const c of list) {
      expect(ids.has(c.docId), c.docId).toBe(true);
      expect(c.find).not.toBe(c.replace);
    }
  });

  it('a sync whose correction no longer matches fails that document, saying which correction', async () => {
    const { syncCorpus } = await import('../../src/corpus/sync.js');
    const { sha256Hex } = await import('../../src/corpus/fingerprint.js');
    const catalogDoc = loadCatalog().find((d) => d.id === 'eu-ai-act-2024')!;
    const bytes = new TextEncoder().encode('Article 1\n\nSubject matter\n\n1. Nothing about 10^25 here.\n');
    const dir = mkdtempSync(join(tmpdir(), 'charter-corr-'));
    try {
      writeFileSync(join(dir, 'eu-ai-act-2024.md'), bytes);
      const doc = {
        ...catalogDoc,
        source: { ...catalogDoc.source, sha256: sha256Hex(bytes), bytes: bytes.length },
      };
      const report = await syncCorpus({ docs: [doc], dataDir: join(dir, 'data'), mirror: dir });
      expect(report.failed).toBe(1);
      expect(report.outcomes[0]).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(
          /“greater than 1025\.”.* in corpus\/corrections\.json matches 0 times instead of once/,
        ),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
