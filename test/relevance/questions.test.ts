// The relevance set is only as good as its snippets: each must be verbatim text of the document it names
// (and of no other), or Recall would measure nothing. Its recall level is guarded in test/golden/search.test.ts.
import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../tools/eval/eval.js';
import { catalog } from '../support/corpus.js';
import { describeAgainstRealDocuments, expectWellFormed } from './checks.js';

const questions = loadQuestions();

describe('relevance set', () => {
  it('has at least 80 questions over every catalog document, with short snippets', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(new Set(questions.map((q) => q.docId))).toEqual(new Set(catalog.map((d) => d.id)));
    expectWellFormed(questions);
  });

  describeAgainstRealDocuments(questions);
});
