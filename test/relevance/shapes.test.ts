// The question-shape set: "when does … apply", "what is / define …", "what's the fine for …" questions in
// people's words over many documents, written before looking at Charter's answers. It guards the lift that
// search gives the provision a question's shape asks for (see `questionShape` and `provisionKinds`).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isRelevant, loadQuestions, runEval } from '../../src/cli/eval.js';
import type { Passage } from '../../src/corpus/types.js';
import { questionShape } from '../../src/search/query.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

const SHAPES_PATH = join(import.meta.dirname, 'shapes.jsonl');
const shapes = loadQuestions(SHAPES_PATH);

/** Levels reached on the shape set (see `charter eval --questions`), minus a small margin. */
const MIN_RECALL_AT_5 = 0.83;
const MIN_MRR_AT_10 = 0.65;

describe('question-shape relevance set', () => {
  it('has 24 new questions over several documents, with short snippets', () => {
    expect(shapes.length).toBe(24);
    expect(new Set(shapes.map((q) => q.docId)).size).toBeGreaterThanOrEqual(8);
    for (const q of shapes) {
      expect(q.snippet.length, q.snippet).toBeGreaterThanOrEqual(10);
      expect(q.snippet.length, q.snippet).toBeLessThanOrEqual(80);
    }
    expect(new Set(shapes.map((q) => q.q)).size).toBe(shapes.length);
    const others = new Set(
      [...loadQuestions(), ...loadQuestions(join(import.meta.dirname, 'heldout.jsonl'))].map((q) =>
        q.q.toLowerCase(),
      ),
    );
    for (const q of shapes) expect(others.has(q.q.toLowerCase()), q.q).toBe(false);
  });

  it('is mostly questions of a shape search recognizes', () => {
    const shaped = shapes.filter((q) => questionShape(q.q) !== 0);
    expect(shaped.length).toBeGreaterThanOrEqual(22);
  });

  describe.runIf(describeGolden)('against the real documents', () => {
    let passages: Passage[];
    beforeAll(async () => {
      passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    }, 120_000);

    it('finds every snippet in exactly the named document', () => {
      for (const question of shapes) {
        const owners = new Set(
          passages.filter((p) => isRelevant({ ...question, docId: p.docId }, p)).map((p) => p.docId),
        );
        expect([...owners], question.snippet).toEqual([question.docId]);
      }
    });

    it('keeps its recall on shaped questions', () => {
      const report = runEval({ docs: catalog, passages, questionsPath: SHAPES_PATH, systems: ['charter'] });
      const charter = report.rows[0]!;
      expect(charter.recall5).toBeGreaterThanOrEqual(MIN_RECALL_AT_5);
      expect(charter.mrr10).toBeGreaterThanOrEqual(MIN_MRR_AT_10);
    }, 120_000);
  });
});
