import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { splitNistCore } from '../../src/corpus/split/styles/nist-core.js';
import type { ReadDocument, TextLine } from '../../src/corpus/types.js';

const doc = loadCatalog().find((d) => d.id === 'us-nist-ai-rmf-1-0-2023')!;
const line = (text: string, page: number, paragraph: boolean, heading?: number): TextLine =>
  heading === undefined ? { text, page, paragraph } : { text, page, paragraph, heading };

const read: ReadDocument = {
  footnotes: [],
  pageLabels: ['i', '1', '2', '3'],
  lines: [
    line('Executive Summary', 1, true, 1),
    line('Risk management is a key component.', 1, true),
    line('5.1 Govern', 2, true),
    line('The GOVERN function cultivates a culture of risk management.', 2, true),
    line('GOVERN 1:', 3, true),
    line('Policies are in place.', 3, true),
    line('GOVERN 1.1: Legal and regulatory requirements involving AI', 3, true),
    line('are understood, managed, and documented.', 3, false),
    line('Categories Subcategories', 3, true),
    line('Continued on next page', 3, true),
    line('GV-1.1-001', 4, true),
    line('Align GAI development with applicable laws.', 4, true),
    line('Appendix B:', 4, true, 1),
    line('How AI Risks Differ', 4, true, 1),
    line('AI systems may be trained on data that change.', 4, true),
  ],
};

describe('splitNistCore', () => {
  const passages = splitNistCore(doc, read);

  it('gives core rows, actions, sections and appendices their own places', () => {
    expect(passages.map((p) => p.locator)).toEqual([
      '“Executive Summary”, p. i',
      'Sec. 5.1',
      'GOVERN 1',
      'GOVERN 1.1',
      'GV-1.1-001',
      'Appendix B',
    ]);
    expect(passages.map((p) => p.path[0])).toEqual([
      'p:i',
      'sec:5.1',
      'govern:1',
      'govern:1.1',
      'action:gv-1.1-001',
      'appendix:b',
    ]);
  });

  it('joins a row’s wrapped lines and drops table chrome', () => {
    const row = passages.find((p) => p.locator === 'GOVERN 1.1')!;
    expect(row.text).toBe(
      'GOVERN 1.1: Legal and regulatory requirements involving AI are understood, managed, and documented.',
    );
    expect(passages.some((p) => /Continued on next page|Categories Subcategories/.test(p.text))).toBe(false);
  });

  it('keeps headings out of the text and in the heading path', () => {
    expect(passages[1]).toMatchObject({
      text: 'The GOVERN function cultivates a culture of risk management.',
      headingPath: ['5.1 Govern'],
    });
    expect(passages[5]!.headingPath).toEqual(['Appendix B: How AI Risks Differ']);
  });
});

describe('splitNistCore on a GenAI-profile actions table', () => {
  const table: ReadDocument = {
    footnotes: [],
    lines: [
      line('GOVERN 1.2: Trustworthy AI is integrated into policies.', 5, true),
      line('Action ID Suggested Action GAI Risks', 5, true),
      line('GV-1.2-001', 5, true),
      line('Establish transparency policies.', 5, true),
      line('GV-1.2-002', 5, true),
      line('Evaluate risk-relevant capabilities.', 5, true),
      line('Information Security', 5, true),
      line('AI Actor Tasks: AI Development, AI Deployment, Governance', 5, true),
      line('and Oversight', 5, false),
      line('GOVERN 1.3: Processes are in place.', 6, true),
    ],
  };
  const passages = splitNistCore(doc, table);

  it('cites the table’s "AI Actor Tasks" line under its subcategory, not under the last action', () => {
    expect(passages.map((p) => p.locator)).toEqual([
      'GOVERN 1.2',
      'GV-1.2-001',
      'GV-1.2-002',
      'GOVERN 1.2, AI Actor Tasks',
      'GOVERN 1.3',
    ]);
    expect(passages[2]!.text).not.toContain('AI Actor Tasks');
    expect(passages[3]).toMatchObject({
      text: 'AI Actor Tasks: AI Development, AI Deployment, Governance and Oversight',
      path: ['govern:1.2', 'h:ai-actor-tasks'],
    });
  });
});
