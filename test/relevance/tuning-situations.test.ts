// The tuning sets for issue 18: situations in everyday words ("we got hacked and customer data leaked, how long
// do we have to tell the regulator?"), casual, many avoiding the provision's own words, some naming a place
// inside a longer question. Written for tuning from the passages (`charter passages --json`) before anything
// was measured on them; tuned on, so their level is optimistic. The unseen figures are the blind sets'.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isChineseQuestion } from '../../src/search/query.js';
import { loadQuestions } from '../../tools/eval/eval.js';
import { describeAgainstRealDocuments, expectNoneRepeated, expectWellFormed } from './checks.js';

const EN_PATH = join(import.meta.dirname, 'tuning-situations.jsonl');
const ZH_PATH = join(import.meta.dirname, 'tuning-situations-zh.jsonl');
// A second English set (issue 18, second round), written from the passages and committed before any tuning; its
// writer tuned on the first set and the other tuning sets and read this one only as a held-out check.
const EN2_PATH = join(import.meta.dirname, 'tuning-situations-2.jsonl');
const english = loadQuestions(EN_PATH);
const chinese = loadQuestions(ZH_PATH);
const english2 = loadQuestions(EN2_PATH);
const ZH2_PATH = join(import.meta.dirname, 'tuning-situations-zh-2.jsonl');
const chinese2 = loadQuestions(ZH2_PATH);

const count = (docId: string) => english.filter((q) => q.docId === docId).length;

describe('situations tuning set (English)', () => {
  it('has at least 120 questions spread over the documents the issue names, none repeated from other sets', () => {
    expect(english.length).toBeGreaterThanOrEqual(120);
    expectWellFormed(english);
    for (const docId of [
      'eu-gdpr-2016',
      'ca-aida-2022',
      'us-il-bipa-2008',
      'us-nsm-ai-2024',
      'jp-ai-guidelines-for-business-2025',
    ])
      expect(count(docId), docId).toBeGreaterThanOrEqual(10);
    expect(count('eu-ai-act-2024')).toBeGreaterThanOrEqual(20);
    expectNoneRepeated(english, ['questions', 'heldout', 'shapes', 'tuning']);
  });

  // Measured with issue 18's first stages at R@5 0.516, MRR@10 0.389 (before them 0.459 / 0.347); with the second
  // round's caps and documentFocus at 0.549 / 0.404. Minus a margin.
  describeAgainstRealDocuments(english, {
    questionsPath: EN_PATH,
    minRecallAt5: 0.52,
    minMrrAt10: 0.38,
    title: 'keeps its recall on situations asked in everyday words',
  });
});

describe('situations tuning set (Chinese)', () => {
  it('has Chinese questions on the Chinese originals', () => {
    expect(chinese.length).toBeGreaterThanOrEqual(15);
    expectWellFormed(chinese);
    for (const q of chinese) expect(q.docId.endsWith('.zh'), q.docId).toBe(true);
  });

  // First measured at R@5 0.667, MRR@10 0.528; with the Chinese stages (chineseIdf, zhDictionary,
  // chineseQuestion, zhSynonyms) 0.733 / 0.597, and 0.667 / 0.594 once the English second round landed; minus a margin.
  describeAgainstRealDocuments(chinese, {
    questionsPath: ZH_PATH,
    minRecallAt5: 0.66,
    minMrrAt10: 0.54,
    title: 'keeps its recall on Chinese situations',
  });
});

describe('situations held-out set (English, second round)', () => {
  it('has at least 120 questions over the documents, none repeated from the other sets', () => {
    expect(english2.length).toBeGreaterThanOrEqual(120);
    expectWellFormed(english2);
    expect(new Set(english2.map((q) => q.docId)).size).toBeGreaterThanOrEqual(25);
    expectNoneRepeated(english2, ['questions', 'heldout', 'shapes', 'tuning', 'tuning-situations']);
  });

  // First measured at R@5 0.316, MRR@10 0.226 before the second round, 0.331 / 0.223 after it; minus a margin.
  describeAgainstRealDocuments(english2, {
    questionsPath: EN2_PATH,
    minRecallAt5: 0.3,
    minMrrAt10: 0.2,
    title: 'keeps its recall on the held-out situations',
  });
});

describe('second Chinese situations set (the held-out check of the Chinese stages)', () => {
  it('asks in everyday Chinese about the originals and about the English translations of the other rules', () => {
    expect(chinese2.length).toBeGreaterThanOrEqual(40);
    expectWellFormed(chinese2);
    for (const q of chinese2) expect(isChineseQuestion(q.q), q.q).toBe(true);
    expect(chinese2.filter((q) => !q.docId.endsWith('.zh')).length).toBeGreaterThanOrEqual(10);
    expectNoneRepeated(chinese2, ['zh', 'tuning-situations-zh']);
  });

  // Written and committed before the Chinese stages; first measured at R@5 0.479, MRR@10 0.330, with them
  // 0.563 / 0.382, minus a margin.
  describeAgainstRealDocuments(chinese2, {
    questionsPath: ZH2_PATH,
    minRecallAt5: 0.5,
    minMrrAt10: 0.35,
    title: 'keeps its recall on the second Chinese situations set',
  });
});

// Issue 18, Chinese third round: 50 questions in the casual style of a Chinese chat group (要不要, 能不能, 咋办,
// 被坑了), written from the passages before any work of the round and split alternately: the tuning half was
// tuned on, the held-out half (heldout-situations-zh-3) read only at the end.
const ZH3_PATH = join(import.meta.dirname, 'tuning-situations-zh-3.jsonl');
const ZH3_HELD_PATH = join(import.meta.dirname, 'heldout-situations-zh-3.jsonl');
const chinese3 = loadQuestions(ZH3_PATH);
const chinese3Held = loadQuestions(ZH3_HELD_PATH);
// A second held-out set (30), written after the third round had landed and before anything more was tried, to
// decide on what the first held-out half had been read for (README, "Chinese questions, third round").
const ZH4_HELD_PATH = join(import.meta.dirname, 'heldout-situations-zh-4.jsonl');
const chinese4Held = loadQuestions(ZH4_HELD_PATH);

describe('third Chinese situations sets (tuning half and held-out half)', () => {
  it('ask in casual Chinese about the originals and the English-only Chinese rules, none repeated', () => {
    for (const set of [chinese3, chinese3Held, chinese4Held]) {
      expect(set.length).toBeGreaterThanOrEqual(20);
      expectWellFormed(set);
      for (const q of set) expect(isChineseQuestion(q.q), q.q).toBe(true);
      expect(set.filter((q) => !q.docId.endsWith('.zh')).length).toBeGreaterThanOrEqual(7);
    }
    expectNoneRepeated(chinese3, [
      'zh',
      'tuning-situations-zh',
      'tuning-situations-zh-2',
      'heldout-situations-zh-3',
    ]);
    expectNoneRepeated(chinese3Held, ['zh', 'tuning-situations-zh', 'tuning-situations-zh-2']);
    expectNoneRepeated(chinese4Held, [
      'zh',
      'tuning-situations-zh',
      'tuning-situations-zh-2',
      'tuning-situations-zh-3',
      'heldout-situations-zh-3',
    ]);
  });

  // The tuning half: R@5 0.440, MRR@10 0.320 before the round's stages, 0.680 / 0.410 with them; minus a margin.
  describeAgainstRealDocuments(chinese3, {
    questionsPath: ZH3_PATH,
    minRecallAt5: 0.6,
    minMrrAt10: 0.35,
    title: 'keeps its recall on the third Chinese situations set',
  });
  // The held-out half, read once at the end of the round: R@5 0.480, MRR@10 0.287 before its stages, 0.440 /
  // 0.290 with them (README); minus a margin.
  describeAgainstRealDocuments(chinese3Held, {
    questionsPath: ZH3_HELD_PATH,
    minRecallAt5: 0.36,
    minMrrAt10: 0.22,
    title: 'keeps its recall on the held-out third Chinese situations set',
  });
  // Read once: R@5 0.567, MRR@10 0.445 with the round's stages off, 0.633 / 0.547 with them; minus a margin.
  describeAgainstRealDocuments(chinese4Held, {
    questionsPath: ZH4_HELD_PATH,
    minRecallAt5: 0.55,
    minMrrAt10: 0.45,
    title: 'keeps its recall on the second held-out Chinese situations set',
  });
});

// Issue 18, Chinese fourth round: 82 questions in colloquial mainland Chinese on the two Chinese originals, written
// from the documents alone and committed before anything was measured on them, split every third line: the tuning
// part tuned on, the held-out part (heldout-situations-zh-5) read at the end (README, "Chinese questions, fourth round").
const ZH5_PATH = join(import.meta.dirname, 'tuning-situations-zh-5.jsonl');
const ZH5_HELD_PATH = join(import.meta.dirname, 'heldout-situations-zh-5.jsonl');
const chinese5 = loadQuestions(ZH5_PATH);
const chinese5Held = loadQuestions(ZH5_HELD_PATH);

describe('fifth Chinese situations sets (tuning and held out)', () => {
  it('ask in colloquial Chinese about the two Chinese originals, none repeated', () => {
    expect(chinese5.length).toBeGreaterThanOrEqual(40);
    expect(chinese5Held.length).toBeGreaterThanOrEqual(25);
    for (const set of [chinese5, chinese5Held]) {
      expectWellFormed(set);
      for (const q of set) {
        expect(isChineseQuestion(q.q), q.q).toBe(true);
        expect(q.docId.endsWith('.zh'), q.q).toBe(true);
      }
    }
    const earlier = ['zh', 'tuning-situations-zh', 'tuning-situations-zh-2', 'tuning-situations-zh-3'];
    const held = ['heldout-situations-zh-3', 'heldout-situations-zh-4'];
    expectNoneRepeated(chinese5, [...earlier, ...held, 'heldout-situations-zh-5']);
    expectNoneRepeated(chinese5Held, [...earlier, ...held]);
  });

  // First measured: R@5 0.782, MRR@10 0.692 before the round; 0.855 / 0.703 after it; minus a margin.
  describeAgainstRealDocuments(chinese5, {
    questionsPath: ZH5_PATH,
    minRecallAt5: 0.75,
    minMrrAt10: 0.62,
    title: 'keeps its recall on the fifth Chinese situations set',
  });
  // Read with the round's reader questions off and on: 0.889 / 0.863 and 0.926 / 0.864; minus a margin.
  describeAgainstRealDocuments(chinese5Held, {
    questionsPath: ZH5_HELD_PATH,
    minRecallAt5: 0.8,
    minMrrAt10: 0.75,
    title: 'keeps its recall on the held-out fifth Chinese situations set',
  });
});

// The fourth round's sets (issue 18, everyday words): 93 situations written from the passages and committed
// before anything was measured on them, split alternately; the tuning half was tuned on, the held-out half read
// once, at the end of the round.
const EN3_PATH = join(import.meta.dirname, 'tuning-situations-3.jsonl');
const HELD3_PATH = join(import.meta.dirname, 'heldout-situations-3.jsonl');
const english3 = loadQuestions(EN3_PATH);
const held3 = loadQuestions(HELD3_PATH);

describe('third situations sets (tuning and held out)', () => {
  it('has 93 questions over at least 25 documents, halved, none repeated from the other sets', () => {
    expect(english3.length + held3.length).toBe(93);
    expectWellFormed([...english3, ...held3]);
    expect(new Set([...english3, ...held3].map((q) => q.docId)).size).toBeGreaterThanOrEqual(25);
    expectNoneRepeated(
      [...english3, ...held3],
      ['questions', 'heldout', 'shapes', 'tuning', 'tuning-situations', 'tuning-situations-2'],
    );
  });

  // First measured at R@5 0.298, MRR@10 0.213 (tuning half) and 0.239 / 0.181 (held out); minus a margin. Two
  // snippets are also written by another document (the G7 principles repeat the code's "reporting of incidents",
  // the EU ethics guidelines the AI Act's words on bots): the eval counts only the named document's passage.
  describeAgainstRealDocuments(
    english3,
    {
      questionsPath: EN3_PATH,
      minRecallAt5: 0.27,
      minMrrAt10: 0.19,
      title: 'keeps its recall on the third tuning situations',
    },
    { exclusive: false },
  );
  describeAgainstRealDocuments(
    held3,
    {
      questionsPath: HELD3_PATH,
      minRecallAt5: 0.21,
      minMrrAt10: 0.16,
      title: 'keeps its recall on the third held-out situations',
    },
    { exclusive: false },
  );
});

// The ranking round's sets (issue 18: document routing and the learned fusion): 102 situations written from
// randomly sampled passages and committed before anything was measured on them, split alternately; the tuning half
// was fitted on (tools/fit-fusion.ts), the held-out half read once, at the end. Snippets are verbatim but some are
// longer than the 80 characters of the other sets (kept as committed).
const RANK_PATH = join(import.meta.dirname, 'tuning-situations-rank.jsonl');
const RANK_HELD_PATH = join(import.meta.dirname, 'heldout-situations-rank.jsonl');
const rank = loadQuestions(RANK_PATH);
const rankHeld = loadQuestions(RANK_HELD_PATH);

describe('ranking round situations sets (tuning and held out)', () => {
  it('has 102 questions over at least 25 documents, halved, none repeated', () => {
    expect([rank.length, rankHeld.length]).toEqual([51, 51]);
    expect(new Set([...rank, ...rankHeld].map((q) => q.docId)).size).toBeGreaterThanOrEqual(25);
    expect(new Set([...rank, ...rankHeld].map((q) => q.q)).size).toBe(102);
    expectNoneRepeated(
      [...rank, ...rankHeld],
      [
        'questions',
        'heldout',
        'shapes',
        'tuning',
        'tuning-situations',
        'tuning-situations-2',
        'tuning-situations-3',
      ],
    );
  });

  // First measured at R@5 0.412, MRR@10 0.351 (tuning half, learned fusion on) and 0.353 / 0.243 (held out);
  // minus a margin.
  describeAgainstRealDocuments(
    rank,
    {
      questionsPath: RANK_PATH,
      minRecallAt5: 0.37,
      minMrrAt10: 0.31,
      title: 'keeps its recall on the ranking round tuning situations',
    },
    { exclusive: false },
  );
  describeAgainstRealDocuments(
    rankHeld,
    {
      questionsPath: RANK_HELD_PATH,
      minRecallAt5: 0.31,
      minMrrAt10: 0.2,
      title: 'keeps its recall on the ranking round held-out situations',
    },
    { exclusive: false },
  );
});
