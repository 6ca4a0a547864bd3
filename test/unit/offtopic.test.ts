// Off-topic questions: words weighed by how much more the corpus uses them than English at large.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JUDGE_STAGES,
  HAN_ASKED,
  HAN_STRONG,
  isMissing,
  isOffTopic,
  isWeak,
  LEARNED_MAX_BEST,
  learnedJudges,
  missingToSay,
  OFFTOPIC_BEST,
  OFFTOPIC_HAN_BEST,
  OFFTOPIC_LONG_BEST,
} from '../../src/answer/judge.js';
import { FEATURE_NAMES, judgeFeatures, probability } from '../../src/answer/learned-judge.js';
import { OFFTOPIC_MODEL } from '../../src/answer/offtopic-model.js';
import { englishFrequencies } from '../../src/search/frequencies.js';
import { topicality } from '../../src/search/offtopic.js';
import type { SearchEvidence } from '../../src/search/types.js';

// A corpus of 6,000 passages as far as these words go: governance words are frequent, everyday ones rare.
const passages = 6000;
const counts: Record<string, number> = {
  ban: 60,
  social: 300,
  score: 120,
  eu: 2000,
  deepfak: 25,
  weather: 2,
  tomorrow: 1,
  best: 140,
  top: 20,
  chain: 60,
};
const options = { english: englishFrequencies(), passages, frequency: (term: string) => counts[term] ?? 0 };

describe('topicality', () => {
  it("measures how strongly the question's words go together in the documents (cohesion)", () => {
    // "social" and "score" share 100 passages (lift log10(100.5 × 6000 / (300 × 120)) ≈ 1.2); "ban" and
    // "chain" none (≈ −0.08); a word in more than a tenth of the passages ("eu") is not paired.
    const pairs: Record<string, number> = { 'score social': 100 };
    const together = (a: string, b: string) => ({
      both: pairs[[a, b].sort().join(' ')] ?? 0,
      first: counts[a] ?? 0,
      second: counts[b] ?? 0,
    });
    const withPairs = { ...options, together };
    expect(topicality('social scoring', withPairs).cohesion).toBeCloseTo(
      Math.log10((100.5 * 6000) / (300 * 120)),
      6,
    );
    expect(topicality('ban chain', withPairs).cohesion).toBeLessThan(0);
    expect(topicality('EU ban', withPairs).cohesion).toBe(0);
    // Not measured without the documents' pairs.
    expect(topicality('social scoring', options).cohesion).toBeUndefined();
  });

  it('weighs a governance word far above everyday ones', () => {
    expect(topicality('does the EU ban social scoring?', options).best).toBeGreaterThan(2);
    expect(topicality('what is a deepfake', options).best).toBeGreaterThan(1.5);
    const weather = topicality('weather in Berlin tomorrow', options);
    expect(weather).toMatchObject({ words: 3, best: 0, total: 0, asksRule: false });
    // Everyday words weigh against: the corpus uses them less than people speak them.
    expect(weather.balance).toBeLessThan(-2);
    // "toppings" is weighed as the index has it (the family of "top"), not as a rare word.
    expect(topicality('best pizza toppings lol', options).best).toBeLessThan(OFFTOPIC_BEST);
  });

  it('keeps the balance within ±3 a word, and never counts a word the corpus lacks for the corpus', () => {
    const eu = topicality('eu', options).balance;
    expect(eu).toBeGreaterThan(0);
    expect(eu).toBeLessThanOrEqual(3);
    // "zyzzyva" is in no passage and rare in English: it weighs nothing either way.
    expect(topicality('zyzzyva', options).balance).toBe(0);
    expect(topicality('tomorrow tomorrow', options).balance).toBeGreaterThanOrEqual(-3);
  });

  it("weighs a Chinese question by its words' English glosses and its Latin words", () => {
    // A stand-in for bilingual.ts dictionaryWords: 禁止 → ban, 天气 → weather.
    const glossary: Record<string, string[]> = { 禁止: ['ban'], 天气: ['weather'] };
    const glosses = (text: string) =>
      Object.entries(glossary)
        .filter(([word]) => text.includes(word))
        .map(([word, english]) => ({ word, english }));
    const zh = { ...options, glosses };
    expect(topicality('欧盟禁止什么', zh).han?.best).toBeCloseTo(topicality('ban', options).best);
    expect(topicality('明天天气', zh).han?.best).toBe(0);
    expect(topicality('EU的天气怎么样', zh).han?.best).toBeGreaterThan(2);
    // English with a Chinese word in it is weighed as English.
    expect(topicality('does the EU ban 天气', zh).han).toBeUndefined();
  });

  it('counts the rare words the definitions say what a term means with (defining)', () => {
    const defines = (term: string) => term === 'fingerprint' || term === 'chain';
    const with_ = { ...options, frequency: (t: string) => ({ ...counts, fingerprint: 6 })[t] ?? 0, defines };
    expect(topicality('my gym wants my fingerprint', with_).defining).toBe(1);
    // "chain" is in a definition, but in 60 of 6,000 passages: plain English, weighed by its frequency.
    expect(topicality('fix my bike chain', with_).defining).toBeUndefined();
    expect(topicality('my gym wants my fingerprint', options).defining).toBeUndefined();
  });

  it('weighs the words of an everyday compound the documents never write as everyday English (everyday)', () => {
    // "social score" is no compound; "best social" stands for one the documents never write ("role model").
    const everyday = (a: string, b: string) => a === 'best' && b === 'social';
    const plain = topicality('best social score', options);
    const compound = topicality('best social score', { ...options, everyday });
    expect(plain.everyday).toBeUndefined();
    expect(compound).toMatchObject({ best: plain.best, spoken: plain.spoken, total: plain.total });
    // In its reading "best" and "social" weigh nothing and count as words the documents never use.
    expect(compound.everyday?.compounds).toBe(1);
    expect(compound.everyday?.spoken).toBe(1);
    expect(compound.everyday?.best).toBeCloseTo(topicality('score', options).best, 6);
    expect(compound.everyday!.balance).toBeLessThan(plain.balance);
    // Only adjacent content words: a stop word between them breaks the compound.
    expect(topicality('best the social score', { ...options, everyday }).everyday).toBeUndefined();
  });

  it('reads what someone else may do to one as a question of rules, a request for help not', () => {
    expect(topicality('can a company make me pay to see what they have on me', options).asksRule).toBe(true);
    expect(topicality('can my boss read my messages', options).asksRule).toBe(true);
    expect(topicality('can they keep it forever', options).asksRule).toBe(true);
    expect(topicality('can someone explain the offside rule', options).asksRule).toBe(false);
    expect(topicality('can you recommend a movie', options).asksRule).toBe(false);
  });

  it('skips stop words, numbers and ids, and counts each word once', () => {
    expect(topicality('what is 2024/1689', options).words).toBe(0);
    expect(topicality('ban ban BAN', options).words).toBe(1);
  });
});

describe('judging off-topic questions', () => {
  const evidence = (over: Partial<SearchEvidence>): { evidence: SearchEvidence } => ({
    evidence: {
      searched: true,
      named: [],
      asksWhen: false,
      considered: 3,
      coverage: 1,
      places: [],
      topicality: { words: 3, best: 0, total: 0, balance: -4, asksRule: false },
      ...over,
    },
  });

  it('answers weak a question whose words the corpus does not speak, whatever its coverage', () => {
    expect(isOffTopic(evidence({}))).toBe(true);
    expect(isWeak(evidence({}))).toBe(true);
    expect(
      isWeak(evidence({ topicality: { words: 3, best: 2.5, total: 4, balance: 3, asksRule: false } })),
    ).toBe(false);
    // Several mildly governance-flavoured words together make it a question about the documents.
    expect(
      isOffTopic(evidence({ topicality: { words: 4, best: 0.7, total: 2, balance: 0, asksRule: false } })),
    ).toBe(false);
  });

  it('never calls off-topic a short question with a rare word the definitions say a term means with', () => {
    // "my gym wants my fingerprint": nothing weighs against English at large, but BIPA defines with it.
    const defining = evidence({
      topicality: { words: 2, best: 0, total: 0, balance: -1.3, asksRule: false, defining: 1 },
    });
    expect(isOffTopic(defining)).toBe(false);
    expect(isWeak(defining)).toBe(false);
    // Not a longer message: there the balance of its words decides.
    const long = { words: 8, best: 0, total: 0, balance: -8, asksRule: false, defining: 1 };
    expect(isOffTopic(evidence({ coverage: 0.1, topicality: long }))).toBe(true);
  });

  it('says no "no document from France" for an off-topic question that names only places', () => {
    const france = { name: 'France', kind: 'place' as const };
    const chatter = { ...evidence({}), missing: [france] };
    expect(missingToSay(chatter)).toEqual([]);
    expect(isMissing(chatter)).toBe(false);
    expect(isWeak(chatter)).toBe(true);
    const governance = {
      ...evidence({ topicality: { words: 3, best: 2.5, total: 4, balance: 3, asksRule: false } }),
      missing: [france],
    };
    expect(missingToSay(governance)).toEqual([france]);
    const instrument = {
      ...evidence({}),
      missing: [{ name: 'Bletchley Declaration', kind: 'instrument' as const }],
    };
    expect(missingToSay(instrument)).toHaveLength(1);
  });

  it('leaves a short question of what one must or may do to the coverage test', () => {
    // "does a company have to give me a copy of what it holds about me": four everyday words.
    const rule = evidence({ topicality: { words: 4, best: 0, total: 0, balance: -4, asksRule: true } });
    expect(isOffTopic(rule, { ...DEFAULT_JUDGE_STAGES, learned: false })).toBe(false);
    expect(isOffTopic(evidence({}), { ...DEFAULT_JUDGE_STAGES, learned: false })).toBe(true);
  });

  it("judges by the everyday compounds' reading with the compounds stage, by the plain one without", () => {
    // "who's your role model and why": "role" and "model" are the documents' words, "role model" is not.
    const roleModel = evidence({
      topicality: {
        words: 3,
        best: 1.35,
        total: 2.4,
        balance: 1.5,
        asksRule: false,
        everyday: { best: 0, second: 0, spoken: 0, total: 0, balance: -3, compounds: 1 },
      },
    });
    expect(isOffTopic(roleModel)).toBe(true);
    expect(isOffTopic(roleModel, { ...DEFAULT_JUDGE_STAGES, compounds: false, learned: false })).toBe(false);
  });

  it('adds the learned stage to the bars: judged only where they judge, off-topic from its threshold', () => {
    const model = {
      features: [...FEATURE_NAMES],
      mean: FEATURE_NAMES.map(() => 0),
      scale: FEATURE_NAMES.map(() => 1),
      // Everything but the best word's weight counts for nothing: off-topic below a weight of 1.
      weights: FEATURE_NAMES.map((name) => (name === 'best' ? -10 : 0)),
      bias: 10,
      threshold: 0.5,
    };
    const at = (best: number) =>
      probability(
        model,
        judgeFeatures(
          evidence({ topicality: { words: 5, best, total: best, balance: 0, asksRule: false } }).evidence,
        )!,
      );
    expect(at(0.5)).toBeGreaterThan(0.5);
    expect(at(1.5)).toBeLessThan(0.5);
    // Not judged: a question naming a document, one in Chinese, one with no word.
    expect(judgeFeatures(evidence({ named: ['eu-ai-act-2024'] }).evidence)).toBeNull();
    expect(
      judgeFeatures(
        evidence({
          topicality: { words: 3, best: 0, total: 0, balance: 0, asksRule: false, han: { best: 0 } },
        }).evidence,
      ),
    ).toBeNull();
    expect(
      judgeFeatures(
        evidence({ topicality: { words: 0, best: 0, total: 0, balance: 0, asksRule: false } }).evidence,
      ),
    ).toBeNull();
    // The committed model names its features as judgeFeatures computes them.
    expect(OFFTOPIC_MODEL.features).toEqual([...FEATURE_NAMES]);
    expect(OFFTOPIC_MODEL.weights).toHaveLength(FEATURE_NAMES.length);
  });

  it('never calls off-topic a question that names a document, a held place, or has no word to weigh', () => {
    expect(isOffTopic(evidence({ named: ['eu-ai-act-2024'] }))).toBe(false);
    expect(
      isOffTopic(
        evidence({
          places: ['US-IL'],
          topicality: { words: 5, best: 0.2, total: 0.3, balance: -6, asksRule: false },
        }),
      ),
    ).toBe(false);
    expect(isOffTopic(evidence({ places: ['US-IL'] }))).toBe(true);
    expect(
      isOffTopic(evidence({ topicality: { words: 0, best: 0, total: 0, balance: 0, asksRule: false } })),
    ).toBe(false);
    expect(isOffTopic({})).toBe(false);
  });

  it('judges a longer message by the balance of its words, not by one weighty word', () => {
    const long = (topicality: Partial<SearchEvidence['topicality'] & object>, coverage = 0.15) =>
      evidence({
        coverage,
        topicality: { words: 10, best: 0.2, total: 0.3, balance: -9, asksRule: false, ...topicality },
      });
    // "my sourdough keeps coming out flat and dense …": everyday words, on average far from the documents.
    expect(isOffTopic(long({}))).toBe(true);
    // The same length in words nearer the documents' own is not off-topic ...
    expect(isOffTopic(long({ balance: -5 }))).toBe(false);
    // ... nor one with a weighty word ("data", "AI") ...
    expect(isOffTopic(long({ best: OFFTOPIC_LONG_BEST }))).toBe(false);
    // ... nor one a passage holds a good share of.
    expect(isOffTopic(long({}, 0.4))).toBe(false);
    // A question of what one must or may do is about rules, however everyday its words.
    expect(isOffTopic(long({ asksRule: true }))).toBe(false);
    expect(
      topicality("our store camera guesses customers' feelings, do we have to let them know", options)
        .asksRule,
    ).toBe(true);
    expect(topicality('can i change my mind later?', options).asksRule).toBe(true);
    expect(topicality('should I ice my knees or take a hot bath', options).asksRule).toBe(false);
    // The short bars do not judge it: a long message's words weigh more together than four of them can.
    expect(isOffTopic(long({ total: 2 }))).toBe(true);
  });

  it("judges a Chinese question by its glosses' weight, and spares a weighty one the coverage bar", () => {
    const zh = (best: number, coverage: number) =>
      evidence({
        coverage,
        topicality: { words: 6, best: 2.8, total: 5, balance: 5, asksRule: false, han: { best } },
      });
    // 明天北京天气怎么样: its words weigh 2.8 against the English table, which does not list them; 0 by glosses.
    expect(isOffTopic(zh(0, 0.5))).toBe(true);
    expect(isOffTopic(zh(OFFTOPIC_HAN_BEST, 0.5))).toBe(false);
    // AI会不会抢走大家的饭碗: a strong word, few of its colloquial words in any passage.
    expect(isWeak(zh(HAN_STRONG, 0.08))).toBe(false);
    expect(isWeak(zh(OFFTOPIC_HAN_BEST, 0.08))).toBe(true);
  });

  it('does not call off-topic a Chinese question a reader question holds half of, whatever its glosses weigh', () => {
    const zh = (asked?: number) =>
      evidence({
        topicality: {
          words: 5,
          best: 1.8,
          total: 7,
          balance: 7,
          asksRule: false,
          han: { best: 1.26 },
          ...(asked === undefined ? {} : { asked }),
        },
      });
    // 算力被恶意消耗: CC-CEDICT has no 算力, 恶意 → "malice" weighs 1.26; a reader question holds all of it.
    expect(isOffTopic(zh(1))).toBe(false);
    expect(isOffTopic(zh(HAN_ASKED))).toBe(false);
    // 推荐几部好看的科幻电影 (0.37), and an index without reader questions: judged by the glosses.
    expect(isOffTopic(zh(0.37))).toBe(true);
    expect(isOffTopic(zh())).toBe(true);
  });

  it('lets the learned stage judge, and be fitted on, only what nothing else has judged', () => {
    const plain = { words: 5, best: 1, total: 2, balance: -1, asksRule: false };
    // A question the bars leave alone, with no strong word: the learned stage's to judge.
    expect(learnedJudges(evidence({ topicality: plain }))).toBe(true);
    // Already weak by the bars, or by the coverage test: nothing for the model to learn from it.
    expect(learnedJudges(evidence({}))).toBe(false);
    expect(learnedJudges(evidence({ coverage: 0.05, topicality: plain }))).toBe(false);
    // A word weighing LEARNED_MAX_BEST, a short question with a defining word, a named document, Chinese.
    expect(learnedJudges(evidence({ topicality: { ...plain, best: LEARNED_MAX_BEST } }))).toBe(false);
    expect(learnedJudges(evidence({ topicality: { ...plain, words: 3, defining: 1 } }))).toBe(false);
    expect(learnedJudges(evidence({ named: ['eu-ai-act-2024'], topicality: plain }))).toBe(false);
    expect(learnedJudges(evidence({ topicality: { ...plain, han: { best: 1.5 } } }))).toBe(false);
  });
});
