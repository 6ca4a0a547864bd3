import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import {
  type CorpusIndexOptions,
  DEFAULT_INDEX_OPTIONS,
  miniSearchOptions,
} from '../../src/search/options.js';
import { countChinese, PassageMiniSearch, TermScorer } from '../../src/search/scorer.js';
import { termsOf } from '../../src/search/text.js';
import { passages } from './search-fixture.js';

// The term scorer reads MiniSearch's postings itself (through the typed PassageMiniSearch); these pin it to
// what MiniSearch's own search returns, for an index built and for one saved and loaded back.
interface Scored {
  mini: PassageMiniSearch;
  scorer: TermScorer;
}

function build(overrides: Partial<CorpusIndexOptions> = {}): Scored[] {
  const options = { ...DEFAULT_INDEX_OPTIONS, ...overrides };
  const built = new PassageMiniSearch(miniSearchOptions(options));
  built.addAll(passages.map((passage, i) => ({ ...passage, i })));
  const loaded = PassageMiniSearch.restore(JSON.parse(JSON.stringify(built)), miniSearchOptions(options));
  return [built, loaded].map((mini) => ({ mini, scorer: new TermScorer(mini, options, passages.length) }));
}

function miniSearchScores(index: Scored, term: string, fields: string[], boost: Record<string, number>) {
  const results = index.mini.search(term, {
    tokenize: (text) => [text],
    processTerm: (text) => text,
    fields,
    boost,
    prefix: false,
    fuzzy: false,
  });
  return results.map((result) => ({ i: result.id as number, score: result.score })).sort((a, b) => a.i - b.i);
}

function scorerScores(index: Scored, term: string) {
  const { ids, scores } = index.scorer.score(term);
  return [...ids].map((i, n) => ({ i, score: scores[n]! }));
}

const vocabulary = [
  ...new Set(passages.flatMap((p) => [...termsOf(p.text), ...termsOf(p.headingPath.join(' '))])),
];

describe('per-term scores', () => {
  it('equal MiniSearch search scores for every indexed term, built and loaded', () => {
    expect(vocabulary.length).toBeGreaterThan(100);
    for (const index of build()) {
      for (const term of vocabulary) {
        expect(scorerScores(index, term)).toEqual(
          miniSearchScores(index, term, ['text', 'heading'], { text: 1, heading: 1 }),
        );
      }
    }
  });

  it('follow field boosts, leaving out a field weighted 0', () => {
    const [index] = build({ fieldBoosts: { text: 1, heading: 0 } }) as [Scored];
    const headingOnly = vocabulary.filter(
      (term) =>
        passages.some((p) => termsOf(p.headingPath.join(' ')).includes(term)) &&
        !passages.some((p) => termsOf(p.text).includes(term)),
    );
    for (const term of vocabulary)
      expect(scorerScores(index, term)).toEqual(miniSearchScores(index, term, ['text'], { text: 1 }));
    for (const term of headingOnly) expect(scorerScores(index, term)).toEqual([]);
    const [boosted] = build({ fieldBoosts: { text: 1, heading: 2.5 } }) as [Scored];
    for (const term of vocabulary)
      expect(scorerScores(boosted, term)).toEqual(
        miniSearchScores(boosted, term, ['text', 'heading'], { text: 1, heading: 2.5 }),
      );
  });

  it('are empty for a term not in the index', () => {
    expect(scorerScores(build()[0]!, 'zzzqx')).toEqual([]);
  });
});

describe('a Chinese term’s rarity (chineseIdf)', () => {
  // Five passages, two of them Chinese: 数据 is in one of the two. Among all five it looks rare; among the
  // Chinese ones it is in half of them, and weighs accordingly.
  const mixed: Passage[] = [
    ...passages.slice(0, 3),
    { ...passages[0]!, id: 'zh#1', text: '提供者应当使用具有合法来源的数据。' },
    { ...passages[0]!, id: 'zh#2', text: '提供者应当对图片进行标识。' },
  ];
  const scorer = (chineseIdf: boolean) => {
    const options = { ...DEFAULT_INDEX_OPTIONS, signals: { ...DEFAULT_INDEX_OPTIONS.signals, chineseIdf } };
    const mini = new PassageMiniSearch(miniSearchOptions(options));
    mini.addAll(mixed.map((passage, i) => ({ ...passage, i })));
    return new TermScorer(mini, options, mixed.length, countChinese(mixed));
  };

  it('is counted among the Chinese passages', () => {
    expect(countChinese(mixed)).toBe(2);
    const among = scorer(true).score('数据');
    const all = scorer(false).score('数据');
    expect([...among.ids]).toEqual([3]);
    expect([...all.ids]).toEqual([3]);
    expect(among.scores[0]!).toBeLessThan(all.scores[0]!);
    // An English term is scored as before.
    const term = termsOf(passages[0]!.text)[0]!;
    expect(scorer(true).score(term)).toEqual(scorer(false).score(term));
  });
});
