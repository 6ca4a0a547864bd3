// A lead-in that introduces the next recommendations is not the tail of the one before it (the UK action
// plan's Recommendation 24 once ended with "… In particular, government should:", the lead-in of 25–28).
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { describeGolden, realPassages } from '../support/corpus.js';

const byId = (passages: Passage[], id: string) => {
  const found = passages.find((p) => p.id === id);
  if (!found) throw new Error(`no passage ${id}`);
  return found;
};

describe.runIf(describeGolden)('trailing lead-ins on the real documents', () => {
  it('UK Recommendation 24 ends with its own last words; the lead-in opens Recommendation 25', async () => {
    const uk = await realPassages('uk-ai-opportunities-action-plan-2025');
    const rec24 = uk.filter((p) => p.locator === 'Recommendation 24');
    expect(rec24).toHaveLength(1);
    expect(
      rec24[0]!.text.endsWith(
        'rights holders to have control over the use of content they produce. The UK is falling behind.',
      ),
    ).toBe(true);
    expect(rec24[0]!.text).not.toContain('In particular, government should:');
    // The lead-in of Recommendations 25–28 opens Recommendation 25, once.
    const rec25 = uk.find((p) => p.locator === 'Recommendation 25')!;
    expect(rec25.text).toMatch(
      /^It is also essential that we act now to ensure sector regulators are fit for the age of AI\. In particular, government should:\n\n25\. Commit to funding regulators/,
    );
    expect(uk.filter((p) => p.text.includes('In particular, government should:'))).toHaveLength(1);
    // No recommendation of the plan ends with a lead-in to the next ones.
    for (const p of uk.filter((x) => x.path[0]!.startsWith('rec:')))
      expect(p.text.split('\n\n').length > 1 && /should:$|require:$/.test(p.text), p.id).toBe(false);
  });

  it('METI guidelines: D-7) ii. ends with its note, not the lead-in to D-10)', async () => {
    const jp = await realPassages('jp-ai-guidelines-for-business-2025');
    const item = byId(jp, 'jp-ai-guidelines-for-business-2025#part:3/h:stage-3/actor:d-7/ii');
    expect(item.text.endsWith('(Note) This does not require to disclose all the documents prepared.')).toBe(
      true,
    );
    const next = byId(jp, 'jp-ai-guidelines-for-business-2025#part:3/h:stage-3/actor:d-10/i');
    expect(
      next.text.startsWith(
        'The matters at which AI developers are expected to make efforts are listed below:\n\n➢ D-10) i.',
      ),
    ).toBe(true);
  });
});
