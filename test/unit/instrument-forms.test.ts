// Known instruments named otherwise than as corpus/instruments.json writes them: with an owner's "'s" inside
// the alias ("China's Cybersecurity Law"), or by a Chinese instrument's official Chinese title.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { loadKnownInstruments } from '../../src/corpus/instruments.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { englishFrequencies } from '../../src/search/frequencies.js';
import { aliasEnd, isChineseName } from '../../src/search/instrument-forms.js';
import { MissingDetector } from '../../src/search/missing.js';
import type { MissingRules } from '../../src/search/missing-rules.js';
import { loadPlaces } from '../../src/search/places.js';
import { tokenize, tokens } from '../../src/search/text.js';

const catalog = loadCatalog();
const english = englishFrequencies();
const detector = (
  rules: Partial<MissingRules> = {},
  cites: (docId: string, phrases: readonly string[]) => boolean = () => false,
) =>
  new MissingDetector({
    cites,
    docs: catalog,
    names: new DocNameMatcher(catalog),
    places: loadPlaces(),
    hasTerm: () => true,
    englishZipf: (term) => english.zipf(term),
    known: loadKnownInstruments(),
    rules,
  });
const knownIds = (q: string, rules: Partial<MissingRules> = {}) =>
  detector(rules)
    .detect(q)
    .flatMap((missing) => (missing.known ? [missing.known.id] : []));

describe('known instruments named in other forms', () => {
  it('reads an owner\'s "\'s" inside an alias, never at its end', () => {
    const q = tokens("what does China's Cybersecurity Law require?");
    expect(aliasEnd(tokenize('China Cybersecurity Law'), q, 2, new Set(), true)).toBe(5);
    expect(aliasEnd(tokenize('China Cybersecurity Law'), q, 2, new Set(), false)).toBe(-1);
    expect(aliasEnd(tokenize('China Cybersecurity Law'), q, 2, new Set([4]), true)).toBe(-1);
    expect(aliasEnd(tokenize('China'), tokens("China's law"), 0, new Set(), true)).toBe(0);
  });

  it('reports an unheld Chinese law named with a possessive (`knownPossessive`)', () => {
    expect(knownIds("what does China's Cybersecurity Law require?")).toEqual(['cn-cybersecurity-law-2016']);
    expect(knownIds("what does China's Cybersecurity Law require?", { knownPossessive: false })).toEqual([]);
  });

  it('reports an unheld Chinese law named by its Chinese title (`chineseNames`)', () => {
    expect(isChineseName('个人信息保护法')).toBe(true);
    expect(isChineseName('PIPL')).toBe(false);
    expect(knownIds('个人信息保护法第二十四条说了什么')).toEqual(['cn-pipl-2021']);
    expect(knownIds('《中华人民共和国数据安全法》对重要数据有什么规定')).toEqual([
      'cn-data-security-law-2021',
    ]);
    expect(knownIds('个人信息保护法第二十四条说了什么', { chineseNames: false })).toEqual([]);
  });

  it('leaves a held Chinese text that names them alone, and a question about what it cites', () => {
    expect(knownIds('生成式人工智能服务管理暂行办法第七条训练数据')).toEqual([]);
    // The held measures' 第一条 cites 《中华人民共和国网络安全法》: a Chinese title is a citation.
    const measures = 'cn-generative-ai-interim-measures-2023.zh';
    const cited = detector({}, (docId, phrases) => docId === measures && phrases.includes('网络安全法'));
    expect(cited.detect('生成式人工智能服务管理暂行办法依据网络安全法吗')).toEqual([]);
  });
});
