// The tuning set for issue 11: questions in the categories where ranking went wrong (a neighbour or a recital
// beating the rule, a document named by issuer and date, "X vs Y", content-free list items, a news paragraph
// that names its subject only in the paragraph before). Written for tuning, so its level is optimistic.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../tools/eval/eval.js';
import { describeAgainstRealDocuments, expectNoneRepeated, expectWellFormed } from './checks.js';

const TUNING_PATH = join(import.meta.dirname, 'tuning.jsonl');
const tuning = loadQuestions(TUNING_PATH);

describe('ranking tuning set', () => {
  it('has 24 questions with short snippets, none repeated from the other sets', () => {
    expect(tuning.length).toBe(24);
    expectWellFormed(tuning);
    expectNoneRepeated(tuning, ['questions', 'heldout', 'shapes']);
  });

  // Level reached with 30 documents (R@5 0.750, MRR@10 0.579), minus a margin.
  describeAgainstRealDocuments(tuning, {
    questionsPath: TUNING_PATH,
    minRecallAt5: 0.7,
    minMrrAt10: 0.54,
    title: 'keeps its recall on the categories it was tuned for',
  });
});
