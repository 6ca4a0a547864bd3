// The relevance set is only as good as its snippets: each must be verbatim text of the document it names
// (and of no other), or Recall would measure nothing.
import { describe, expect, it } from 'vitest';
import { isRelevant, loadQuestions } from '../../src/cli/eval.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

const questions = loadQuestions();

describe('relevance set', () => {
  it('has at least 80 questions over every catalog document, with short snippets', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(new Set(questions.map((q) => q.docId))).toEqual(new Set(catalog.map((d) => d.id)));
    for (const q of questions) {
      expect(q.snippet.length, q.snippet).toBeGreaterThanOrEqual(10);
      expect(q.snippet.length, q.snippet).toBeLessThanOrEqual(80);
    }
    expect(new Set(questions.map((q) => q.q)).size).toBe(questions.length);
  });

  describe.runIf(describeGolden)('against the real documents', () => {
    it('finds every snippet in exactly the named document', async () => {
      const all = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
      for (const question of questions) {
        const owners = new Set(
          all.filter((p) => isRelevant({ ...question, docId: p.docId }, p)).map((p) => p.docId),
        );
        expect([...owners], question.snippet).toEqual([question.docId]);
      }
    }, 120_000);
  });
});
