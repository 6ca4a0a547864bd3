// The held-out set: questions written from what people ask, not from what Charter returns, and never used to
// pick thesaurus groups by looking at individual answers. It guards against tuning that only fits questions.jsonl.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isRelevant, loadQuestions, runEval } from '../../src/cli/eval.js';
import type { Passage } from '../../src/corpus/types.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

const HELDOUT_PATH = join(import.meta.dirname, 'heldout.jsonl');
const heldout = loadQuestions(HELDOUT_PATH);

/** Levels reached on the held-out set (see `charter eval --questions`), minus a small margin. */
const MIN_RECALL_AT_5 = 0.68;
const MIN_MRR_AT_10 = 0.58;

describe('held-out relevance set', () => {
  it('has at least 40 new questions over every catalog document, with short snippets', () => {
    expect(heldout.length).toBeGreaterThanOrEqual(40);
    expect(new Set(heldout.map((q) => q.docId))).toEqual(new Set(catalog.map((d) => d.id)));
    for (const q of heldout) {
      expect(q.snippet.length, q.snippet).toBeGreaterThanOrEqual(10);
      expect(q.snippet.length, q.snippet).toBeLessThanOrEqual(80);
    }
    expect(new Set(heldout.map((q) => q.q)).size).toBe(heldout.length);
    const tuned = new Set(loadQuestions().map((q) => q.q.toLowerCase()));
    for (const q of heldout) expect(tuned.has(q.q.toLowerCase()), q.q).toBe(false);
  });

  describe.runIf(describeGolden)('against the real documents', () => {
    let passages: Passage[];
    beforeAll(async () => {
      passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    }, 120_000);

    it('finds every snippet in exactly the named document', () => {
      for (const question of heldout) {
        const owners = new Set(
          passages.filter((p) => isRelevant({ ...question, docId: p.docId }, p)).map((p) => p.docId),
        );
        expect([...owners], question.snippet).toEqual([question.docId]);
      }
    });

    it('keeps its recall on questions nobody tuned for', () => {
      const report = runEval({ docs: catalog, passages, questionsPath: HELDOUT_PATH, systems: ['charter'] });
      const charter = report.rows[0]!;
      expect(charter.recall5).toBeGreaterThanOrEqual(MIN_RECALL_AT_5);
      expect(charter.mrr10).toBeGreaterThanOrEqual(MIN_MRR_AT_10);
    }, 120_000);
  });
});
