// The held-out set: questions written from what people ask, not from what Charter returns, and never used to
// pick thesaurus groups by looking at individual answers. It guards against tuning that only fits questions.jsonl.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../tools/eval/eval.js';
import { catalog } from '../support/corpus.js';
import { describeAgainstRealDocuments, expectWellFormed } from './checks.js';

const HELDOUT_PATH = join(import.meta.dirname, 'heldout.jsonl');
const heldout = loadQuestions(HELDOUT_PATH);

describe('held-out relevance set', () => {
  it('has at least 40 new questions over every catalog document, with short snippets', () => {
    expect(heldout.length).toBeGreaterThanOrEqual(40);
    expect(new Set(heldout.map((q) => q.docId))).toEqual(new Set(catalog.map((d) => d.id)));
    expectWellFormed(heldout);
    const tuned = new Set(loadQuestions().map((q) => q.q.toLowerCase()));
    for (const q of heldout) expect(tuned.has(q.q.toLowerCase()), q.q).toBe(false);
  });

  // Levels reached on the held-out set with 30 documents (R@5 0.780, MRR@10 0.627; `npm run eval`), minus a margin.
  describeAgainstRealDocuments(heldout, {
    questionsPath: HELDOUT_PATH,
    minRecallAt5: 0.74,
    minMrrAt10: 0.59,
    title: 'keeps its recall on questions nobody tuned for',
  });
});
