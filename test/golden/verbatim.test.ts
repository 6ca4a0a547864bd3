// The verbatim guarantee: for every passage of every document, its text (whitespace-normalized) occurs in
// what the reader gave the splitter for that document (the reader's output with the copy's documented
// corrections), so splitting can never change, add or drop a word inside a passage. Checked paragraph by
// paragraph: a heading between two paragraphs of a unit lives in headingPath, not in the text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorrected } from '../../src/corpus/build.js';
import { catalog, describeGolden, MIRROR, realPassages } from '../support/corpus.js';

/** Whitespace-normalized; a line wrapped after a hyphen ("high-" / "risk") or inside Chinese counts as unwrapped. */
const normalize = (text: string) =>
  text
    .replace(/(?<=\p{L}-)\s+/gu, '')
    // Chinese is written without spaces: a line wrapped between two Chinese characters joins without one.
    .replace(
      /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”])\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”])/gu,
      '',
    )
    .replace(/\s+/g, ' ')
    .trim();

describe.runIf(describeGolden)('every passage is the reader’s words (verbatim guarantee)', () => {
  for (const doc of catalog) {
    it(doc.id, async () => {
      const read = await readCorrected(
        doc,
        new Uint8Array(readFileSync(join(MIRROR, `${doc.id}.${doc.source.format}`))),
      );
      const body = normalize(read.lines.map((l) => l.text).join('\n'));
      const passages = await realPassages(doc.id);
      expect(passages.length).toBeGreaterThan(0);
      const changed = passages.flatMap((p) =>
        p.text
          .split(/\n\n/)
          .filter((paragraph) => !body.includes(normalize(paragraph)))
          .map((paragraph) => `${p.id}: ${paragraph.slice(0, 80)}`),
      );
      expect(changed).toEqual([]);
    });
  }
});
