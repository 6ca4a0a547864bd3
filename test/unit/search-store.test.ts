import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../src/search/index.js';
import { INDEX_FILE_NAME, readIndexFile, writeIndexFile } from '../../src/search/store.js';
import { docs, passages } from './search-fixture.js';

describe('index file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'charter-index-'));
  const path = join(dir, INDEX_FILE_NAME);
  const index = CorpusIndex.build(docs, passages);

  it('writes atomically and reads back an index that answers the same', () => {
    expect(writeIndexFile(path, index, 'v1')).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([INDEX_FILE_NAME]);
    const loaded = readIndexFile(path, docs, 'v1')!;
    expect(loaded.search('social scoring')).toEqual(index.search('social scoring'));
  });

  it('treats a missing, damaged or outdated file as absent', () => {
    expect(readIndexFile(join(dir, 'none.json'), docs, 'v1')).toBeUndefined();
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, '{"format":1,');
    expect(readIndexFile(damaged, docs, 'v1')).toBeUndefined();
    writeFileSync(
      damaged,
      JSON.stringify({ corpusVersion: 'v1', ...index.toJSON(), index: { bogus: true } }),
    );
    expect(readIndexFile(damaged, docs, 'v1')).toBeUndefined();
    writeFileSync(damaged, JSON.stringify({ corpusVersion: 'v1', ...index.toJSON(), format: 999 }));
    expect(readIndexFile(damaged, docs, 'v1')).toBeUndefined();
    expect(readIndexFile(path, docs, 'another corpus')).toBeUndefined();
    expect(existsSync(path)).toBe(true);
  });
});
