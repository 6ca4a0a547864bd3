// Questions about what the corpus lacks (tuning-missing.jsonl, written before the detector was tuned) must be
// flagged — "Charter doesn't have …" or "nothing matches well" — and answerable questions must not be.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex } from '../../src/search/index.js';
import { countFlags, loadSet } from '../../tools/eval/eval.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

const MISSING_PATH = join(import.meta.dirname, 'tuning-missing.jsonl');
const ANSWERABLE = ['questions', 'heldout', 'shapes'].map((name) =>
  join(import.meta.dirname, `${name}.jsonl`),
);

describe('questions about what the corpus lacks', () => {
  it('has at least 30 questions, each naming what it asks about', () => {
    const set = loadSet(MISSING_PATH);
    expect(set.missing.length).toBeGreaterThanOrEqual(30);
    expect(set.answerable).toEqual([]);
    expect(new Set(set.missing.map((q) => q.q)).size).toBe(set.missing.length);
  });

  describe.runIf(describeGolden)('against the real documents', () => {
    let index: CorpusIndex;
    beforeAll(async () => {
      const passages: Passage[] = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
      index = CorpusIndex.build(catalog, passages);
    }, 120_000);

    // Levels reached (30/32 flagged, 0/162 wrongly), minus a margin. With the six documents of issue 14 the
    // corpus holds Canada (AIDA) and the GDPR's "cookie identifiers": 28/32 are flagged; the four unflagged
    // (world cup, cookies, Canada's ADM directive, the Paris statement) are listed when this fails.
    it('flags at least 85 % of them', () => {
      const flags = countFlags(index, loadSet(MISSING_PATH));
      expect(flags.missingFlagged / flags.missingTotal, flags.unflagged.join('\n')).toBeGreaterThanOrEqual(
        0.85,
      );
    });

    it('flags at most 3 % of the answerable questions', () => {
      let wrong: string[] = [];
      let total = 0;
      for (const path of ANSWERABLE) {
        const flags = countFlags(index, loadSet(path));
        wrong = [...wrong, ...flags.wrong];
        total += flags.answerableTotal;
      }
      expect(wrong.length / total, wrong.join('\n')).toBeLessThanOrEqual(0.03);
    });
  });
});
