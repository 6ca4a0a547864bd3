// Chinese questions over the Chinese originals (zh.jsonl, written from the texts of the two originals, with
// snippets in their words): Chinese is segmented into words, so a question finds the article it asks about.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../tools/eval/eval.js';
import { describeAgainstRealDocuments } from './checks.js';

const ZH_PATH = join(import.meta.dirname, 'zh.jsonl');
const questions = loadQuestions(ZH_PATH);

describe('Chinese relevance set', () => {
  it('has 10 Chinese questions over both originals, with short snippets', () => {
    expect(questions.length).toBe(10);
    expect(new Set(questions.map((q) => q.docId)).size).toBe(2);
    expect(questions.every((q) => /\p{Script=Han}/u.test(q.q))).toBe(true);
    for (const q of questions) expect(q.snippet.length, q.snippet).toBeGreaterThanOrEqual(6);
    expect(new Set(questions.map((q) => q.q)).size).toBe(questions.length);
  });

  // Levels reached (R@5 0.90, MRR@10 0.81 with 32 documents), minus a margin.
  describeAgainstRealDocuments(questions, {
    questionsPath: ZH_PATH,
    minRecallAt5: 0.8,
    minMrrAt10: 0.7,
    title: 'finds the Chinese article a Chinese question asks about',
  });
});
