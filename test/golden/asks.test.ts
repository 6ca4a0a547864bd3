// The reader questions (corpus/asks) on the real documents: every line names a passage of its document, so
// none is silently left out of the index (`charter lint` would report it).
import { describe, expect, it } from 'vitest';
import { loadAsks, resolveAsks, unresolvedSentence } from '../../src/corpus/asks.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('reader questions on the real documents', () => {
  it('joins every line to a passage of its document', async () => {
    const passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    const questions = loadAsks();
    expect(questions.length).toBeGreaterThan(1000);
    const { byPassage, unresolved } = resolveAsks(questions, passages);
    expect(unresolved.map(unresolvedSentence)).toEqual([]);
    const joined = [...byPassage.values()].reduce((sum, list) => sum + list.length, 0);
    expect(joined).toBe(questions.length);
  }, 120_000);
});
