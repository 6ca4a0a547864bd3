// Checks every relevance set needs: short, unique snippets, each verbatim text of exactly the document it
// names (or Recall would measure nothing), and, where a level is given, Charter's recall on the set.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { loadQuestions, type RelevanceQuestion, runEval, squash } from '../../tools/eval/eval.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

export function expectWellFormed(questions: readonly RelevanceQuestion[]): void {
  for (const q of questions) {
    expect(q.snippet.length, q.snippet).toBeGreaterThanOrEqual(10);
    expect(q.snippet.length, q.snippet).toBeLessThanOrEqual(80);
  }
  expect(new Set(questions.map((q) => q.q)).size).toBe(questions.length);
}

/** No question of `questions` is also one of the named sets in test/relevance (case aside). */
export function expectNoneRepeated(
  questions: readonly RelevanceQuestion[],
  setNames: readonly string[],
): void {
  const others = new Set(
    setNames
      .flatMap((name) => loadQuestions(join(import.meta.dirname, `${name}.jsonl`)))
      .map((q) => q.q.toLowerCase()),
  );
  for (const q of questions) expect(others.has(q.q.toLowerCase()), q.q).toBe(false);
}

export function describeAgainstRealDocuments(
  questions: readonly RelevanceQuestion[],
  guard?: { questionsPath: string; minRecallAt5: number; minMrrAt10: number; title: string },
  // A set written blind is never edited: a snippet that a corpus fix made appear in a second document too
  // ("10^26 integer" once EO 14110's superscripts read as powers) still counts only in the document it names.
  { exclusive = true }: { exclusive?: boolean } = {},
): void {
  describe.runIf(describeGolden)('against the real documents', () => {
    let passages: Passage[];
    beforeAll(async () => {
      passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    }, 120_000);

    it('finds every snippet in exactly the named document', () => {
      // Each passage squashed once (isRelevant's matching), not once per question: 300 questions × 6,000
      // passages took a minute on a loaded machine.
      const texts = passages.map((p) => ({ docId: p.docId, text: squash(p.text) }));
      for (const question of questions) {
        const snippet = squash(question.snippet);
        const owners = new Set(texts.filter((p) => p.text.includes(snippet)).map((p) => p.docId));
        if (exclusive) expect([...owners], question.snippet).toEqual([question.docId]);
        else expect([...owners], question.snippet).toContain(question.docId);
      }
    });

    if (guard) {
      it(guard.title, () => {
        const report = runEval({
          docs: catalog,
          passages,
          questionsPath: guard.questionsPath,
          systems: ['charter'],
        });
        const charter = report.rows[0]!;
        expect(charter.recall5).toBeGreaterThanOrEqual(guard.minRecallAt5);
        expect(charter.mrr10).toBeGreaterThanOrEqual(guard.minMrrAt10);
      }, 120_000);
    }
  });
}
