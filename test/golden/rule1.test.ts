// Rule 1 on the real documents: defects a QA pass found where a quote held words that are not the
// document's (markup, page numbers, footnote calls). Each fix is pinned by its passage.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { describeGolden, realPassages } from '../support/corpus.js';

const byId = (passages: Passage[], id: string) => {
  const found = passages.find((p) => p.id === id);
  if (!found) throw new Error(`no passage ${id}`);
  return found;
};

describe.runIf(describeGolden)('rule 1: only the document’s words (golden)', () => {
  it('EO 14110: the page’s <figure><img> anchors are not quoted as text', async () => {
    const eo = await realPassages('us-eo-14110-2023');
    expect(byId(eo, 'us-eo-14110-2023#sec:4.5').text).toMatch(/^To foster capabilities for identifying/);
    expect(eo.filter((p) => /<\/?(?:figure|img)\b|wp-image-|image\.gif/.test(p.text))).toEqual([]);
  });
});
