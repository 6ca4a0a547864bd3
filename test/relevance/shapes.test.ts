// The question-shape set: "when does … apply", "what is / define …", "what's the fine for …" questions in
// people's words over many documents, written before looking at Charter's answers. It guards the lift that
// search gives the provision a question's shape asks for (see `questionShape` and `provisionKinds`).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionShape } from '../../src/search/query.js';
import { loadQuestions } from '../../tools/eval/eval.js';
import { describeAgainstRealDocuments, expectWellFormed } from './checks.js';

const SHAPES_PATH = join(import.meta.dirname, 'shapes.jsonl');
const shapes = loadQuestions(SHAPES_PATH);

describe('question-shape relevance set', () => {
  it('has 24 new questions over several documents, with short snippets', () => {
    expect(shapes.length).toBe(24);
    expect(new Set(shapes.map((q) => q.docId)).size).toBeGreaterThanOrEqual(8);
    expectWellFormed(shapes);
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

  // Levels reached on the shape set with 30 documents (R@5 0.875, MRR@10 0.758; `npm run eval`), minus a margin.
  describeAgainstRealDocuments(shapes, {
    questionsPath: SHAPES_PATH,
    minRecallAt5: 0.83,
    minMrrAt10: 0.72,
    title: 'keeps its recall on shaped questions',
  });
});
