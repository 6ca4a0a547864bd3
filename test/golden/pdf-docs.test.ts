// Golden tests on the real documents of the numbered, nist-core and report styles: the places people cite
// exist, open with the document's words, and no running header, footer or page number leaks into text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/corpus/read/index.js';
import { splitNistCore } from '../../src/corpus/split/styles/nist-core.js';
import { splitNumbered } from '../../src/corpus/split/styles/numbered.js';
import { splitReport } from '../../src/corpus/split/styles/report.js';
import type { Passage, ReadDocument } from '../../src/corpus/types.js';
import { catalogDoc, describeGolden, MIRROR } from '../support/corpus.js';

const SPLITTERS = { numbered: splitNumbered, 'nist-core': splitNistCore, report: splitReport } as const;

const cache = new Map<string, Promise<{ read: ReadDocument; passages: Passage[] }>>();
/** Read + split directly (the shared dispatch in read/index.ts and split/index.ts may not be wired yet). */
function load(id: string): Promise<{ read: ReadDocument; passages: Passage[] }> {
  let hit = cache.get(id);
  if (!hit) {
    const doc = catalogDoc(id);
    const split = SPLITTERS[doc.citation.style as keyof typeof SPLITTERS];
    const bytes = new Uint8Array(readFileSync(join(MIRROR, `${id}.${doc.source.format}`)));
    hit = readDocument(bytes, doc.source.format).then((read) => ({ read, passages: split(doc, read) }));
    cache.set(id, hit);
  }
  return hit;
}
const passages = async (id: string) => (await load(id)).passages;

async function at(id: string, locator: string): Promise<Passage> {
  const found = (await passages(id)).find((p) => p.locator === locator);
  if (!found) throw new Error(`${id} has no passage at ${locator}`);
  return found;
}

/** Running headers/footers each document prints on its pages. */
const CHROME: Record<string, RegExp[]> = {
  'us-nist-ai-rmf-1-0-2023': [/^NIST AI 100-1( AI RMF 1\.0)?$/, /^Page \d+$/, /Continued on next page/],
  'us-nist-ai-600-1-genai-profile-2024': [/^NIST AI 600-1$/],
  'g7-hiroshima-code-of-conduct-2023': [],
  'g7-hiroshima-guiding-principles-2023': [],
  'uk-ai-opportunities-action-plan-2025': [/^AI Opportunities Action Plan$/],
  'us-americas-ai-action-plan-2025': [/^AMERICA’S AI ACTION PLAN$/],
  'eu-ethics-guidelines-trustworthy-ai-2019': [],
  'sg-model-ai-governance-framework-2020': [/^MODEL ARTIFICIAL INTELLIGENCE GOVERNANCE FRAMEWORK$/],
  'brics-ai-governance-statement-2025': [],
  'news-global-times-china-ai-governance-action-plan-2025': [],
};

/** Two or more exact places per document, with the words their passage opens with. */
const OPENINGS: Record<string, [string, string][]> = {
  'us-nist-ai-rmf-1-0-2023': [
    [
      'GOVERN 1.1',
      'GOVERN 1.1: Legal and regulatory requirements involving AI are understood, managed, and documented.',
    ],
    [
      'MAP 1.1',
      'MAP 1.1: Intended purposes, potentially beneficial uses, context-specific laws, norms and expectations',
    ],
    [
      'MANAGE 4.3',
      'MANAGE 4.3: Incidents and errors are communicated to relevant AI actors, including affected communities.',
    ],
    ['Sec. 5.1', 'The GOVERN function:'],
  ],
  'us-nist-ai-600-1-genai-profile-2024': [
    ['GV-1.1-001', 'GV-1.1-001\n\nAlign GAI development and use with applicable laws and regulations'],
    [
      'Sec. 2.2',
      '“Confabulation” refers to a phenomenon in which GAI systems generate and confidently present',
    ],
  ],
  'g7-hiroshima-code-of-conduct-2023': [
    [
      'Action 7',
      '7 Develop and deploy reliable content authentication and provenance mechanisms, where technically feasible',
    ],
    ['Action 1', '1 Take appropriate measures throughout the development of advanced AI systems'],
  ],
  'g7-hiroshima-guiding-principles-2023': [
    ['Principle 1', '1. Take appropriate measures throughout the development of advanced AI systems'],
    ['Principle 8', '8. Prioritize research to mitigate societal, safety and security risks'],
  ],
  'uk-ai-opportunities-action-plan-2025': [
    [
      'Recommendation 1',
      '1. Set out, within six months, a long-term plan for the UK’s AI infrastructure needs',
    ],
    ['Recommendation 50', '50. Create a new unit, UK Sovereign AI'],
  ],
  'us-americas-ai-action-plan-2025': [
    [
      '“Introduction”, p. 1',
      'The United States is in a race to achieve global dominance in artificial intelligence',
    ],
    [
      '“Encourage Open-Source and Open-Weight AI”, p. 5',
      '• Partner with leading technology companies to increase the research',
    ],
  ],
  'eu-ethics-guidelines-trustworthy-ai-2019': [
    [
      '“A. INTRODUCTION”, p. 5',
      'Trust in the development, deployment and use of AI systems concerns not only',
    ],
    // "2.1 Fundamental rights as a basis for Trustworthy AI" is set in bold at body size: a heading now.
    [
      'Sec. 2.1',
      'Among the comprehensive set of indivisible rights set out in international human rights law',
    ],
    [
      '“1. Requirements of Trustworthy AI”, p. 14',
      'The principles outlined in Chapter I must be translated into concrete',
    ],
    ['“Accuracy”, p. 27', '• Did you assess what level and definition of accuracy'],
  ],
  'sg-model-ai-governance-framework-2020': [
    ['Sec. 3.1', '3.1 This Model Framework comprises guidance on measures promoting the'],
    ['Sec. 2.1', '2.1 The exponential growth in data and computing power has fuelled the advancement'],
  ],
  'brics-ai-governance-statement-2025': [
    [
      '“Rio de Janeiro, Brazil, July 6, 2025”',
      'Artificial Intelligence represents a milestone opportunity to boost development',
    ],
    [
      '“On Multilateralism, Legitimacy, and Digital Sovereignty”',
      'The United Nations is Central to Global AI Governance.',
    ],
  ],
  'news-global-times-china-ai-governance-action-plan-2025': [
    [
      '“China issues action plan for global AI governance”',
      'China on Saturday issued an action plan for global artificial intelligence (AI) governance',
    ],
    [
      '“China issues action plan for global AI governance”, fifth paragraph',
      'Chinese Premier Li Qiang on Saturday said',
    ],
  ],
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe.runIf(describeGolden)('PDF documents (numbered, nist-core, report)', () => {
  for (const [id, openings] of Object.entries(OPENINGS)) {
    describe(id, () => {
      it('has its places with their opening words', async () => {
        for (const [locator, opening] of openings)
          expect((await at(id, locator)).text.startsWith(opening), locator).toBe(true);
      });

      it('gives each place one locator (only pieces of one unit share it)', async () => {
        const pathOf = new Map<string, string>();
        for (const p of await passages(id)) {
          const path = p.path.join('/');
          expect(pathOf.get(p.locator) ?? path, p.locator).toBe(path);
          pathOf.set(p.locator, path);
        }
      });

      it('has no running header, footer or page-number paragraph in any passage', async () => {
        const { read } = await load(id);
        for (const p of await passages(id)) {
          // The numbers printed on the pages a passage spans (a stray "4" in a diagram is text, not a page number).
          const pageNumbers = new Set<string>();
          for (let page = p.page ?? 1; page <= (p.pageEnd ?? p.page ?? 1); page++) {
            pageNumbers.add(String(page)).add(read.pageLabels?.[page - 1] ?? String(page));
          }
          for (const paragraph of p.text.split('\n\n')) {
            const number = /^(?:page\s+)?(\w+)$/i.exec(paragraph)?.[1];
            expect(number !== undefined && pageNumbers.has(number), `${p.id}: ${paragraph}`).toBe(false);
            for (const chrome of CHROME[id]!) expect(paragraph, p.id).not.toMatch(chrome);
          }
        }
      });
    });
  }

  it('NIST AI RMF: all 72 core subcategories, GOVERN 1.1 to MANAGE 4.3', async () => {
    const counts: [string, number[]][] = [
      ['GOVERN', [7, 3, 2, 3, 2, 2]],
      ['MAP', [6, 3, 5, 2, 2]],
      ['MEASURE', [3, 13, 3, 3]],
      ['MANAGE', [4, 4, 2, 3]],
    ];
    const expected = counts.flatMap(([fn, perCategory]) =>
      perCategory.flatMap((n, category) => range(1, n).map((sub) => `${fn} ${category + 1}.${sub}`)),
    );
    const found = (await passages('us-nist-ai-rmf-1-0-2023'))
      .map((p) => p.locator)
      .filter((l) => /^[A-Z]+ \d+\.\d+$/.test(l));
    expect([...new Set(found)]).toEqual(expected);
  });

  it('NIST GenAI profile: the 12 risks 2.1–2.12 and its suggested actions', async () => {
    const all = await passages('us-nist-ai-600-1-genai-profile-2024');
    const locators = new Set(all.map((p) => p.locator));
    for (const n of range(1, 12)) expect(locators.has(`Sec. 2.${n}`), `Sec. 2.${n}`).toBe(true);
    const actions = [...locators].filter((l) => /^(GV|MP|MS|MG)-\d+\.\d+-\d{3}$/.test(l));
    expect(actions.length).toBeGreaterThanOrEqual(200);
    expect(locators.has('MG-4.3-003')).toBe(true);
  });

  it('Hiroshima: Actions 1–11 and Principles 1–11, in order', async () => {
    const items = async (id: string, label: string) =>
      [...new Set((await passages(id)).map((p) => p.locator))].filter((l) => l.startsWith(`${label} `));
    expect(await items('g7-hiroshima-code-of-conduct-2023', 'Action')).toEqual(
      range(1, 11).map((n) => `Action ${n}`),
    );
    expect(await items('g7-hiroshima-guiding-principles-2023', 'Principle')).toEqual(
      range(1, 11).map((n) => `Principle ${n}`),
    );
  });

  it('BRICS statement: 25 paragraphs, no Toronto page chrome (nav, [pdf], [back to top], footer)', async () => {
    const all = await passages('brics-ai-governance-statement-2025');
    expect(all).toHaveLength(25);
    expect(all.at(-1)!.text).toMatch(/^Promoting a Fair and Inclusive AI Landscape\./);
    const chrome =
      /All contents copyright|last updated on|back to top|\[pdf\]|Home \| Documents|University of Toronto/i;
    for (const p of all) {
      expect(p.text).not.toMatch(chrome);
      expect(p.headingPath.join(' ')).not.toMatch(chrome);
    }
  });

  it('EU ethics guidelines: bold body-size headings cite the right part', async () => {
    const all = await passages('eu-ethics-guidelines-trustworthy-ai-2019');
    // The seven requirements listed in bold on p. 14 are list items of "1. Requirements …", not sections.
    const list = all.find((p) =>
      p.text.includes('Including traceability, explainability and communication'),
    )!;
    expect(list.locator).toBe('“1. Requirements of Trustworthy AI”, p. 14');
    expect(all.some((p) => /^Sec\. [3-7]$/.test(p.locator) && p.page === list.page)).toBe(false);
    // Sec. 1.7 (Accountability) ends where "2. Technical and non-technical methods" starts.
    const methods = all.find((p) => p.locator.startsWith('“2. Technical and non-technical methods'))!;
    expect(all.filter((p) => p.locator === 'Sec. 1.7').every((p) => p.seq < methods.seq)).toBe(true);
    expect((await at('eu-ethics-guidelines-trustworthy-ai-2019', 'Sec. 2.1')).headingPath.at(-1)).toBe(
      '2.1 Fundamental rights as a basis for Trustworthy AI',
    );
  });

  it('Singapore framework: the bold items listed under Sec. 3.7 stay in Sec. 3.7', async () => {
    const all = await passages('sg-model-ai-governance-framework-2020');
    const item = all.find((p) => p.text.includes('Responsibility for and oversight of the various stages'))!;
    expect(item.locator).toBe('Sec. 3.7');
  });

  it('NIST GenAI profile: each table’s "AI Actor Tasks" line is its own unit under the table’s subcategory', async () => {
    const all = await passages('us-nist-ai-600-1-genai-profile-2024');
    const tasks = all.filter((p) => p.path.at(-1) === 'h:ai-actor-tasks');
    expect(tasks.length).toBeGreaterThanOrEqual(40);
    for (const p of tasks) {
      expect(p.text).toMatch(/^AI Actor Tasks: /);
      expect(p.locator).toBe(
        `${p.path[0]!.replace(/^(\w+):/, (_, fn: string) => `${fn.toUpperCase()} `)}, AI Actor Tasks`,
      );
    }
    expect(
      all.filter((p) => p.path[0]!.startsWith('action:')).some((p) => p.text.includes('AI Actor Tasks')),
    ).toBe(false);
    expect((await at('us-nist-ai-600-1-genai-profile-2024', 'GOVERN 1.2, AI Actor Tasks')).text).toBe(
      'AI Actor Tasks: Governance and Oversight',
    );
  });

  it('Hiroshima: the introduction is cited by the page each piece is on', async () => {
    for (const id of ['g7-hiroshima-code-of-conduct-2023', 'g7-hiroshima-guiding-principles-2023']) {
      const intro = (await passages(id)).filter((p) => p.path[0] === 'h:introduction');
      expect(new Set(intro.map((p) => p.locator))).toEqual(
        new Set(['Introduction, p. 1', 'Introduction, p. 2']),
      );
      for (const p of intro) expect(p.locator, p.id).toBe(`Introduction, p. ${p.page}`);
    }
  });

  it('UK action plan: Recommendations 1–50, in order', async () => {
    const recs = [
      ...new Set((await passages('uk-ai-opportunities-action-plan-2025')).map((p) => p.locator)),
    ].filter((l) => l.startsWith('Recommendation '));
    expect(recs).toEqual(range(1, 50).map((n) => `Recommendation ${n}`));
  });
});
