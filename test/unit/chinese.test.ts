// Chinese numerals and locators, the Chinese article splitter, Chinese references and cutting Chinese text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renditionsFor } from '../../src/answer/languages.js';
import { PLAIN, unresolvedText } from '../../src/answer/wording.js';
import { formatLocator } from '../../src/corpus/citation.js';
import { formatChineseLocator, fromChineseNumber, toChineseNumber } from '../../src/corpus/citation-zh.js';
import { splitCnArticles } from '../../src/corpus/split/styles/zh.js';
import type { Passage } from '../../src/corpus/types.js';
import { cutText } from '../../src/reply/truncate.js';
import { parsePlace } from '../../src/search/reference/place.js';
import { normalizeText, tokenize } from '../../src/search/text.js';
import { fixtureDoc } from '../fixtures/text/check.js';

describe('Chinese numerals', () => {
  it('writes and reads the numbers articles use', () => {
    expect([1, 7, 10, 11, 20, 24, 99, 100, 105, 110].map(toChineseNumber)).toEqual([
      '一',
      '七',
      '十',
      '十一',
      '二十',
      '二十四',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
    ]);
    expect(['七', '十', '二十四', '一百零五', '24', '', '七七', 'abc'].map(fromChineseNumber)).toEqual([
      7,
      10,
      24,
      105,
      24,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads back every number it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (n) => fromChineseNumber(toChineseNumber(n)) === n),
    );
  });

  it('formats paths the way the Chinese texts cite themselves', () => {
    expect(formatChineseLocator(['art:7', '1'])).toBe('第七条（一）');
    expect(formatLocator('cn-articles', ['art:22', '3'])).toBe('第二十二条（三）');
    expect(formatLocator('cn-sections', ['sec:3.1.1', 'e'])).toBe('3.1.1（e）');
  });
});

describe('Chinese references', () => {
  it('第七条（一） is Art. 7(1), with full-width brackets folded by normalization', () => {
    expect(parsePlace(normalizeText('生成式人工智能服务管理暂行办法 第七条（一）'))?.path).toEqual([
      'art:7',
      '1',
    ]);
    expect(parsePlace(normalizeText('第二十四条'))?.path).toEqual(['art:24']);
  });

  it('Chinese text is tokenized into words', () => {
    expect(tokenize('训练数据')).toEqual(['训练', '数据']);
  });
});

describe('the Chinese article splitter', () => {
  const html = (lines: string[]) => ({
    lines: lines.flatMap((text) => [{ text }, { text: '' }]),
    footnotes: [],
  });

  it('gives articles, their paragraphs and items the English paths', () => {
    const passages = splitCnArticles(
      fixtureDoc('cn-articles'),
      html([
        '令 第15号',
        '第一章 总 则',
        '第一条 为了促进发展，制定本办法。',
        '第二条 本办法适用于服务。',
        '国家另有规定的，从其规定。',
        '第三条 提供者应当遵守以下规定：',
        '（一）使用合法来源的数据；',
        '（二）不得侵害知识产权。',
      ]),
    );
    expect(passages.map((p) => [p.locator, p.path.join('/'), p.text])).toEqual([
      ['序言', 'h:preamble', '令 第15号'],
      ['第一条', 'art:1', '第一条 为了促进发展，制定本办法。'],
      ['第二条', 'art:2', '第二条 本办法适用于服务。\n\n国家另有规定的，从其规定。'],
      ['第三条', 'art:3', '第三条 提供者应当遵守以下规定：'],
      ['第三条（一）', 'art:3/1', '（一）使用合法来源的数据；'],
      ['第三条（二）', 'art:3/2', '（二）不得侵害知识产权。'],
    ]);
    expect(passages[4]!.context).toBe('第三条 提供者应当遵守以下规定：');
    expect(passages[1]!.headingPath).toEqual(['第一章 总 则', '第一条']);
  });
});

describe('renditions of one place', () => {
  const zhDoc = { ...fixtureDoc('cn-articles', 'm.zh'), language: 'zh', originalOf: 'm' };
  const enDoc = fixtureDoc('articles', 'm');
  const other = fixtureDoc('eu-act', 'x');
  const passage = (docId: string, path: string[], text: string): Passage => ({
    id: `${docId}#${path.join('/')}`,
    docId,
    locator: path.join(' '),
    path,
    headingPath: [],
    text,
    seq: 0,
  });
  const all: Record<string, Passage[]> = {
    m: [passage('m', ['art:7'], 'Article 7'), passage('m', ['art:7', '1'], '(1) lawful sources')],
    'm.zh': [passage('m.zh', ['art:7', '1'], '（一）合法来源')],
  };
  const catalog = [zhDoc, enDoc, other];
  const run = (quoted: Passage[], docId: string, lang: 'zh' | 'en' | 'both') =>
    renditionsFor(
      { doc: catalog.find((d) => d.id === docId)!, locator: 'here', passages: quoted },
      lang,
      catalog,
      (id) => all[id] ?? [],
      (_doc, path) => path.join(' '),
    );

  it('finds the other language at the same path; both puts the Chinese first', () => {
    const zh = run([all.m![1]!], 'm', 'zh');
    expect(Array.isArray(zh) && zh.map((r) => [r.doc.id, r.locator, r.passages.length])).toEqual([
      ['m.zh', 'art:7 1', 1],
    ]);
    const both = run([all.m![1]!], 'm', 'both');
    expect(Array.isArray(both) && both.map((r) => r.doc.id)).toEqual(['m.zh', 'm']);
  });

  it('says so in one sentence when there is no other text', () => {
    // renditionsFor reports why (an outcome); the wording module says it.
    const said = (result: ReturnType<typeof run>) =>
      Array.isArray(result) ? result : unresolvedText(result, PLAIN);
    expect(said(run([passage('x', ['art:1'], 'x')], 'x', 'zh'))).toBe(
      'Fixture has no Chinese text in Charter.',
    );
    expect(said(run([passage('m', ['art:8'], 'Article 8')], 'm', 'zh'))).toBe(
      'Fixture has no place matching Fixture here.',
    );
  });
});

describe('cutting Chinese text', () => {
  it('cuts at a Chinese full stop, never to nothing', () => {
    const text = `${'第一句话到此为止。'.repeat(30)}最后一句`;
    const cut = cutText(text, 100);
    expect(cut.cut).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(100);
    expect(cut.text).toMatch(/。 …$/);
    expect(cutText('没有任何标点的很长的一段中文'.repeat(20), 50).text).toMatch(/^没有任何标点.+…$/);
  });
});
