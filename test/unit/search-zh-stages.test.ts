// The third round of Chinese stages (issue 18): a Chinese question's own words for "is it required / allowed"
// (zhOperative) and for the kind of provision it wants (zhShapes), the TC260 framework's mapping table
// (mappingTable), the two sides of a Chinese question weighed by how much of it each holds (zhCoverage), and
// the words of a Chinese rule's title (zhTitleWords).
import { describe, expect, it } from 'vitest';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import { ChineseSynonyms, dictionaryWords } from '../../src/search/bilingual.js';
import { coverages, translatedShareFor } from '../../src/search/crosslingual.js';
import { Asks, chineseAsks, chineseShape, ProvisionKind, provisionKinds } from '../../src/search/query.js';
import { tokenize } from '../../src/search/text.js';
import { isMappingTable } from '../../src/search/units.js';
import { plainChineseQuestion } from '../../src/search/zhforms.js';
import { documentsByTitleHead, documentsByTitleWords } from '../../src/search/zhtitles.js';

describe('what a Chinese question asks one may or must do', () => {
  it('reads chat-group Chinese for "is it required / allowed / against the law"', () => {
    for (const q of [
      'AI画的图要不要打水印',
      '平台能不能帮用户把AI标识去掉',
      '我们把聊天记录卖给第三方，犯法不',
      'AI生成的图片一定要打标签吗',
    ])
      expect(chineseAsks(q), q).toBe(Asks.legality | Asks.duty);
    expect(chineseAsks('提供者应当履行哪些义务')).toBe(Asks.duty);
    // "what do we do about it" asks about a risk as often as about a rule.
    expect(chineseAsks('模型被人偷偷植入后门咋办')).toBe(0);
  });
});

describe('the kind of provision a Chinese question asks for, and the measures’ own formulas for it', () => {
  it('asks for the entry into force, a definition or a penalty in its own words', () => {
    expect(chineseShape('这个生成式AI的规定从哪天开始生效')).toBe(ProvisionKind.start);
    expect(chineseShape('只卖API接口给别人调用，也算AI服务提供者吗')).toBe(ProvisionKind.definition);
    expect(chineseShape('生成式AI到底指啥，法规里咋定义的')).toBe(ProvisionKind.definition);
    expect(chineseShape('违反生成式AI的规定最严重会怎么样')).toBe(ProvisionKind.penalty);
    expect(chineseShape('AI画的图要不要打水印')).toBe(0);
    // 算法 and 算力 hold 算 but never ask whether something counts as something.
    expect(chineseShape('推荐算法备案要在多少天之内办完')).toBe(0);
  });

  it('finds those kinds in the Chinese measures by their formulas', () => {
    const kinds = (text: string) => provisionKinds({ headingPath: [], text });
    expect(kinds('第二十四条 本办法自2023年8月15日起施行。')).toBe(ProvisionKind.start);
    expect(kinds('（二）生成式人工智能服务提供者，是指利用生成式人工智能技术提供服务的组织、个人。')).toBe(
      ProvisionKind.definition,
    );
    expect(kinds('构成犯罪的，依法追究刑事责任。')).toBe(ProvisionKind.penalty);
    expect(kinds('提供者应当按照规定对图片、视频等生成内容进行标识。')).toBe(0);
  });
});

describe('a table that maps the document’s own parts', () => {
  it('is the framework’s 映射表, not any table', () => {
    const table = '偏见、歧视风险 4.1.1 （b）\n鲁棒性弱风险 4.1.1 （b）\n对抗攻击风险 4.1.1 （b）';
    expect(isMappingTable({ path: ['h:table'], text: table })).toBe(true);
    expect(isMappingTable({ path: ['h:table-1'], text: 'Table 1. Important matters' })).toBe(false);
    expect(isMappingTable({ path: ['sec:4.1.1'], text: table })).toBe(false);
  });
});

describe('the translated source’s share by coverage', () => {
  it('stays at the share unless the English side holds more of the question, and never passes the Chinese side', () => {
    expect(translatedShareFor(0.5, { chinese: 0.6, english: 0.3 })).toBe(0.5);
    expect(translatedShareFor(0.5, { chinese: 0.5, english: 0.75 })).toBeCloseTo(0.75);
    expect(translatedShareFor(0.5, { chinese: 0.2, english: 0.9 })).toBe(1);
    expect(translatedShareFor(0.5, { chinese: 0, english: 0.5 })).toBe(1);
  });

  it('counts a word held by a Chinese passage’s text or by one of its English terms in an English passage', () => {
    const passages = [
      { docId: 'cn.zh', text: '提供者应当对生成内容进行标识' },
      { docId: 'cn-en', text: 'add implicit labels to the metadata' },
    ] as never;
    const words = [
      { word: '元数据', english: ['metadata'], weight: 3 },
      { word: '标识', english: ['label'], weight: 1 },
    ];
    const list = (i: number, terms: string[]) => ({
      ids: Int32Array.of(i),
      scores: Float64Array.of(1),
      termsOf: () => terms,
    });
    expect(coverages(words, list(0, []), list(1, ['metadata', 'label']), passages)).toEqual({
      chinese: 0.25,
      english: 1,
    });
  });
});

describe('the words of a Chinese rule’s title', () => {
  const doc = (id: string, title: string, originalOf?: string) =>
    [id, { id, title, ...(originalOf ? { originalOf } : {}) } as unknown as CatalogDocument] as const;
  const docs = new Map([
    doc('ds', 'Provisions on Deep Synthesis (互联网信息服务深度合成管理规定): translation'),
    doc('ar', 'Provisions on Algorithmic Recommendations (互联网信息服务算法推荐管理规定): translation'),
    doc('lab', 'Measures for Labeling (人工智能生成合成内容标识办法): translation'),
    doc('gen', 'Interim Measures (生成式人工智能服务管理暂行办法): translation'),
    // The original names the translation it is the original of.
    doc('gen.zh', '生成式人工智能服务管理暂行办法', 'gen'),
  ]);

  it('name the rule by two of its own words, or by a run of its title', () => {
    expect(documentsByTitleWords('小孩刷短视频停不下来，推荐算法要负责吗', docs)).toEqual(['ar']);
    expect(documentsByTitleWords('深度合成的训练数据里有个人信息咋办', docs)).toEqual(['ds']);
    expect(documentsByTitleWords('AI内容要打标识的新规哪天开始执行', docs)).toEqual(['lab']);
    expect(documentsByTitleWords('暂行办法什么时候开始施行', docs)).toEqual(['gen.zh']);
    // Words several titles share (互联网, 信息, 服务, 合成) name none; one distinctive word alone names none.
    expect(documentsByTitleWords('互联网信息服务要合成什么', docs)).toEqual([]);
    expect(documentsByTitleWords('深度学习的模型有什么风险', docs)).toEqual([]);
  });

  it('name the rule by the head of its title when no other title holds it (生成式人工智能)', () => {
    // No word of 生成式人工智能 is the Interim Measures' own (生成 is also the labelling measures').
    expect(documentsByTitleWords('生成式人工智能 第七条', docs)).toEqual([]);
    expect(documentsByTitleHead('生成式人工智能 第七条', docs)).toEqual(['gen.zh']);
    expect(documentsByTitleHead('人工智能生成的图片', docs)).toEqual(['lab']);
    // A head several titles share, or shorter than four characters, names none.
    expect(documentsByTitleHead('人工智能 第七条', docs)).toEqual([]);
    expect(documentsByTitleHead('互联网信息服务 第七条', docs)).toEqual([]);
    expect(documentsByTitleHead('生成式 第七条', docs)).toEqual([]);
  });
});

describe('Chinese synonyms through a shared sense (zhSharedSense, measured and not kept)', () => {
  it('also takes a word holding half of the smaller English set', () => {
    const synonyms = new ChineseSynonyms(['协议', '删除'], 0.5);
    const english = dictionaryWords('合同').find((w) => w.word === '合同')?.english ?? [];
    expect(synonyms.of('合同', english)).toEqual([]);
    expect(synonyms.of('合同', english, 0.5)).toEqual(['协议']);
  });
});

describe('Chinese synonyms through a shared morpheme and a rare shared English term (zhMorpheme)', () => {
  const english = (word: string) => dictionaryWords(word).find((w) => w.word === word)?.english ?? [];

  it('takes a corpus word with a character and a rare English term in common: 靠谱 → 可靠, 生孩子 → 生育', () => {
    const synonyms = new ChineseSynonyms(['可靠', '生育', '训练'], 0.5);
    expect(synonyms.of('靠谱', english('靠谱'))).toEqual([]);
    expect(synonyms.of('靠谱', english('靠谱'), Number.POSITIVE_INFINITY, 2)).toEqual(['可靠']);
    expect(synonyms.of('生孩子', english('生孩子'), Number.POSITIVE_INFINITY, 2)).toEqual(['生育']);
  });

  it('takes none through a term many corpus words carry, nor a word with no character in common', () => {
    // "work" renders 合作, 工作, 操作 in the documents: 作品 shares 作 with each, and joins none of them.
    const work = new ChineseSynonyms(['合作', '工作', '操作'], 0.5);
    expect(work.of('作品', english('作品'), Number.POSITIVE_INFINITY, 2)).toEqual([]);
    expect(work.of('作品', english('作品'), Number.POSITIVE_INFINITY, 3)).toEqual(['合作', '工作', '操作']);
    // 合同 and 协议 share "agreement" but no character.
    const contract = new ChineseSynonyms(['协议'], 0.5);
    expect(contract.of('合同', english('合同'), Number.POSITIVE_INFINITY, 2)).toEqual([]);
  });
});

describe('a Chinese A-not-A question searched by its verb (zhAnotA)', () => {
  it('writes 鼓不鼓励 as 鼓励, which the word breaker otherwise cuts into 鼓|不|鼓励', () => {
    expect(tokenize('国家鼓不鼓励各行各业都用上AI')).toContain('鼓');
    const plain = plainChineseQuestion('国家鼓不鼓励各行各业都用上AI');
    expect(plain).toBe('国家鼓励各行各业都用上AI');
    expect(tokenize(plain)).not.toContain('鼓');
    expect(plainChineseQuestion('需不需要备案')).toBe('需要备案');
    expect(plainChineseQuestion('合不合规啊')).toBe('合规啊');
  });

  it('leaves the one-syllable frames alone, and a verb whose second character starts the next word', () => {
    for (const q of ['要不要加标识', '有没有义务', '会不会被罚', '能不能用', 'AI产品要不要说明适合哪些人用'])
      expect(plainChineseQuestion(q), q).toBe(q);
    // Any word list: the rule is the dictionary's, not a list of verbs.
    expect(plainChineseQuestion('允不允许', (w) => w === '允许')).toBe('允许');
    expect(plainChineseQuestion('允不允许', () => false)).toBe('允不允许');
  });
});
