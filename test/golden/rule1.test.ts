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

  it('Japan guidelines: no printed page number inside a passage', async () => {
    const jp = await realPassages('jp-ai-guidelines-for-business-2025');
    const p7 = jp.find((p) => p.locator.endsWith('P-7) i.') && p.locator.includes('Part 4'));
    expect(p7?.text).toMatch(/common guiding principles\s+• Encourage AI business users/);
    const u7 = jp.find((p) => p.locator.endsWith('U-7) i.') && p.locator.includes('Part 5'));
    expect(u7?.text).not.toMatch(/\n\s*36\s*\n/);
    expect(jp.filter((p) => /(?:^|\n)\s*\d{1,3}\s*(?:\n|$)/.test(p.text)).map((p) => p.locator)).toEqual([]);
  });

  it('Singapore framework: footnote 4 is a footnote, not the end of Sec. 3.16', async () => {
    const sg = await realPassages('sg-model-ai-governance-framework-2020');
    const s316 = sg
      .filter((p) => p.locator === 'Sec. 3.16')
      .map((p) => p.text)
      .join('\n');
    expect(s316).not.toMatch(/(?:^|\n)\s*4\s*(?:\n|$)/);
    expect(s316).not.toContain('Other factors that organisations in various contexts');
  });

  it('Japan guidelines: footnote calls go as a group, and a number of the text stays', async () => {
    const jp = await realPassages('jp-ai-guidelines-for-business-2025');
    const text = jp.map((p) => p.text).join('\n');
    expect(text).toContain('take necessary countermeasures.');
    expect(text).not.toMatch(/countermeasures ?1[78]/);
    expect(text).toContain('international guiding principles.');
    expect(text).toContain('executive officers, including management');
    expect(text).toContain('Parts 3 to 5 and the appendix');
  });
});
