// `charter lint` over the real corpus: every finding is on the committed allow-list, and the defects
// issue 10 found are gone (each pinned by its passage).
import { describe, expect, it } from 'vitest';
import { isAllowed, loadAllowList } from '../../src/corpus/lint/allow.js';
import { lintPassages, vocabulary } from '../../src/corpus/lint/checks.js';
import type { Passage } from '../../src/corpus/types.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

const all = async (): Promise<Passage[]> =>
  (await Promise.all(catalog.map((d) => realPassages(d.id)))).flat();
const byId = (passages: Passage[], id: string) => {
  const found = passages.find((p) => p.id === id);
  if (!found) throw new Error(`no passage ${id}`);
  return found;
};

describe.runIf(describeGolden)('corpus lint on the real documents', () => {
  it('finds nothing that is not on the allow-list, and every allow-list entry still matches', async () => {
    const passages = await all();
    const allow = loadAllowList();
    expect(allow.length).toBeLessThanOrEqual(36);
    const findings = lintPassages(passages, vocabulary(passages));
    expect(findings.filter((f) => !isAllowed(f, allow))).toEqual([]);
    for (const entry of allow)
      expect(
        findings.some((f) => isAllowed(f, [entry])),
        entry.excerpt,
      ).toBe(true);
  });

  it('pins each defect of issue 10 gone', async () => {
    const p = await all();
    expect(byId(p, 'eu-ai-act-2024#art:51/2').text).toMatch(/greater than 10\^25\.$/);
    const un = ['pp:8', 'para:4/a', 'para:4/c', 'para:6/f']
      .map((id) => byId(p, `un-ga-res-78-265#${id}`).text)
      .join(' ');
    for (const split of ['system s ', 'ar tificial', 'pa ce', 'urg ency', 'bu ilding', 'l east'])
      expect(un).not.toContain(split);
    expect(un).toContain('keeping pace with this rapid');
    expect(byId(p, 'cn-ai-safety-governance-framework-2024#sec:3.2.1/b').text).toContain('confusing facts,');
    expect(byId(p, 'un-global-digital-compact-2024#para:15').text).toContain(
      'digital public infrastructure,',
    );
    const co = byId(p, 'us-co-ai-act-2024#sec:6-1-1701/1/a').text;
    expect(co).not.toMatch(/Capital letters|deletions ?from/);
    expect(byId(p, 'us-co-ai-act-2024#sec:6-1-1702/5').text).toContain('FEBRUARY 1, 2026,');
    expect(byId(p, 'us-nist-ai-600-1-genai-profile-2024#sec:2.2').text).not.toContain('contexts.,');
    const plan = p.filter((x) => x.docId === 'us-americas-ai-action-plan-2025');
    expect(plan.some((x) => /\p{Ll}{3}\.,|, ,/u.test(x.text))).toBe(false);
    expect(plan.some((x) => x.id.startsWith('us-americas-ai-action-plan-2025#p:ii'))).toBe(false);
    const ethics = p.filter((x) => x.docId === 'eu-ethics-guidelines-trustworthy-ai-2019');
    expect(ethics.some((x) => /\p{Co}/u.test(x.text))).toBe(false);
    expect(ethics.some((x) => x.headingPath[0] === x.headingPath[1])).toBe(false);
    const sg = p.filter((x) => x.docId === 'sg-model-ai-governance-framework-2020');
    expect(sg.some((x) => x.headingPath.some((h) => /^[A-Z ]+:$/.test(h)))).toBe(false);
    expect(byId(p, 'cn-ai-safety-governance-framework-2024#sec:5.4').headingPath.at(-1)).toBe(
      '5.4 To create a responsible AI R&D and application system.',
    );
    expect(byId(p, 'cn-ai-safety-governance-framework-2024#sec:5.10').headingPath.at(-1)).toBe(
      '5.10 To promote international exchange and cooperation on AI safety governance.',
    );
    expect(byId(p, 'us-ca-sb-53-2025#sec:1107.2').headingPath.at(-1)).toBe('§ 1107.2');
    expect(byId(p, 'us-ca-sb-53-2025#billsec:5/a').text).toMatch(
      /^\(a\) The provisions of this act are severable/,
    );
  });

  it('links every list lead-in to its items (a lead-in never answers alone)', async () => {
    const p = await all();
    expect(byId(p, 'eu-ai-act-2024#art:5/1').items).toHaveLength(8);
    expect(byId(p, 'eu-ai-act-2024#art:5/1/a').following?.at(-1)).toBe('Art. 5(1)(h)');
    // Every passage some later passage names as its lead-in (text ending with that context) knows its items.
    const leadIns = p.filter((x, i) => {
      const next = p[i + 1];
      return (
        next?.docId === x.docId &&
        next.context !== undefined &&
        x.text.trimEnd().endsWith(next.context.trim())
      );
    });
    expect(leadIns.length).toBeGreaterThan(100);
    expect(leadIns.filter((x) => !x.items).map((x) => x.id)).toEqual([]);
  });
});
