// EO 14110's Sec. 6 on the real copy, where its heading runs into its first point ("Sec. 6.  Supporting
// Workers.(a)"): a correction (corpus/corrections.json) restores the space, so Sec. 6 is a section of its
// own and nothing of it is quoted as Sec. 5.3. Expectations read in the order itself (Sec. 6(b)(iii) is the
// Secretary of Labor's guidance on monitored workers' pay). And no document's sections skip one, nor does
// any passage open with another unit's heading.
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble, type Charter } from '../../src/app.js';
import { runQuote } from '../../src/cli/answer.js';
import type { CliIo } from '../../src/cli/io.js';
import { foreignHeadings, unitGaps } from '../../src/corpus/lint/sequence.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex } from '../../src/search/index.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

const EO = 'us-eo-14110-2023';

describe.runIf(describeGolden)('EO 14110 Sec. 6 and every document’s section sequence (golden)', () => {
  let charter: Charter;
  let eo: Passage[];
  beforeAll(async () => {
    eo = await realPassages(EO);
    charter = assemble(catalog, CorpusIndex.build(catalog, eo), 'test');
  }, 120_000);

  const quote = async (reference: string) => {
    const out: string[] = [];
    const io: CliIo = {
      stdout: { write: (t) => void out.push(t), isTTY: false, columns: 400 },
      stderr: { write: () => undefined },
      catalog: () => charter.docs,
      open: async () => charter,
      env: {},
    };
    const code = await runQuote([reference], io);
    return { code, out: out.join(''), flat: out.join('').replace(/[\s│]+/g, ' ') };
  };

  it('charter quote "EO 14110 Sec. 6(b)(iii)" quotes the monitored-workers point under Sec. 6', async () => {
    const { code, out, flat } = await quote('EO 14110 Sec. 6(b)(iii)');
    expect(code).toBe(0);
    expect(out).toMatch(/^EO 14110, Sec\. 6\(b\)\(iii\)\n/);
    expect(out).toContain('Sec. 6. Supporting Workers.');
    expect(flat).toContain(
      '(iii) To support employees whose work is monitored or augmented by AI in being compensated',
    );
    expect(flat).toContain(
      'Fair Labor Standards Act of 1938, 29 U.S.C. 201 et seq., and other legal requirements.',
    );
    expect(out).not.toContain('5.3');
  });

  it('Sec. 6 and Sec. 6(a) are quoted, and Sec. 5.3 holds none of Sec. 6', async () => {
    expect((await quote('EO 14110 Sec. 6(a)')).flat).toContain(
      '(a) To advance the Government’s understanding of AI’s',
    );
    expect((await quote('EO 14110 Sec. 6')).code).toBe(0);
    const sec53 = eo.filter((p) => p.path[0] === 'sec:5.3');
    expect(sec53.length).toBeGreaterThan(0);
    expect(sec53.some((p) => /Supporting Workers|monitored or augmented by AI/.test(p.text))).toBe(false);
    const sec6 = eo.filter((p) => p.path[0] === 'sec:6');
    expect(sec6.every((p) => p.headingPath[0] === 'Sec. 6. Supporting Workers.')).toBe(true);
    expect(sec6.map((p) => p.locator)).toContain('Sec. 6(b)(iii)');
  });

  it('no document skips a section, and no passage opens with another unit’s heading', async () => {
    const all = (await Promise.all(catalog.map((d) => realPassages(d.id)))).flat();
    // BIPA numbers its sections in fives and the GenAI Profile lists only some AI RMF subcategories
    // (corpus/lint-allow.json says so); every other document's numbered units follow without a gap.
    const ownNumbering = new Set(['us-il-bipa-2008', 'us-nist-ai-600-1-genai-profile-2024']);
    expect(unitGaps(all).filter((f) => !ownNumbering.has(f.passageId.split('#')[0]!))).toEqual([]);
    expect(foreignHeadings(all)).toEqual([]);
    expect(unitGaps(eo)).toEqual([]);
  });
});
