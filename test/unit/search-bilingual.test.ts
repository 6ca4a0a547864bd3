// The Chinese → English dictionary (corpus/zh-en-bridge.json) is read on the first Chinese question only, and
// finds a question's words by the dictionary itself, whatever the word breaker makes of them.
import { describe, expect, it } from 'vitest';
import { ChineseSynonyms, dictionaryWords, englishOf, zhEnLoaded } from '../../src/search/bilingual.js';
import { isChineseQuestion } from '../../src/search/query.js';

describe('the Chinese → English dictionary', () => {
  it('is read only when first asked', () => {
    expect(zhEnLoaded()).toBe(false);
    expect(dictionaryWords('no Chinese here')).toEqual([]);
    expect(zhEnLoaded()).toBe(true);
  });

  it('finds the longest words of a question, the ones ICU cuts into characters too', () => {
    const words = dictionaryWords('AI换脸软件要不要让用户实名').map((w) => w.word);
    expect(words).toContain('实名');
    expect(words).toContain('软件');
    const real = dictionaryWords('实名').find((w) => w.word === '实名');
    expect(real?.english).toEqual(expect.arrayContaining(['real', 'name']));
    expect(dictionaryWords('用户想要没有水印的AI图片').find((w) => w.word === '水印')?.english).toEqual([
      'watermark',
    ]);
  });

  it("gives the aligned documents' English for their Chinese terms", () => {
    expect(englishOf('标识')).toEqual(['label']);
    expect(englishOf('不在表里的词')).toEqual([]);
  });

  it('tells a question written in Chinese from one that quotes a Chinese name', () => {
    expect(isChineseQuestion('AI画的图要不要打水印')).toBe(true);
    expect(isChineseQuestion('what does 第七条 of the interim measures say about training data')).toBe(false);
  });
});

describe('Chinese synonyms through shared English', () => {
  it("leads an everyday word to the documents' word CC-CEDICT renders the same way, not to the word itself", () => {
    const synonyms = new ChineseSynonyms(['删除', '标识', '图片', '训练'], 0.5);
    const of = (word: string) =>
      synonyms.of(word, dictionaryWords(word).find((w) => w.word === word)?.english ?? []);
    expect(of('删掉')).toEqual(['删除']);
    expect(of('标记')).toEqual(['标识']);
    expect(of('删除')).toEqual([]);
    expect(of('水印')).toEqual([]);
  });
});
