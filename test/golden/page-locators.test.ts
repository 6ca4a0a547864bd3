// Every "p. N" of every PDF document, checked against the real PDF and not against Charter's reader: on the
// physical page a passage's link opens (passage.page), the number printed at the sheet's top or bottom edge
// is N. A page cited as unnumbered prints no number there; a document that prints none at all is cited by
// its pages counted from the first. A new-user trial found an Ethics Guidelines locator it read as the PDF
// page index; the cover and imprint were in fact cited as "p. 1" and "p. 2", the numbers printed on the
// contents and the executive summary, and NIST AI RMF 1.0's title page as "p. 1" (its printed p. 1 is the
// executive summary).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSegment } from '../../src/corpus/citation.js';
import type { Passage } from '../../src/corpus/types.js';
import { catalog, describeGolden, MIRROR, realPassages } from '../support/corpus.js';

const PDFS = catalog.filter((d) => d.source.format === 'pdf');

/** The short texts printed near a physical page's top or bottom edge (the outer 12 % of its height). */
async function edgeTexts(id: string, pages: number[]): Promise<Map<number, string[]>> {
  const bytes = new Uint8Array(readFileSync(join(MIRROR, `${id}.pdf`)));
  const pdf = await getDocument({ data: bytes, verbosity: 0, isEvalSupported: false }).promise;
  const out = new Map<number, string[]>();
  try {
    for (const number of pages) {
      const page = await pdf.getPage(number);
      const height = page.view[3]! - page.view[1]!;
      const content = await page.getTextContent();
      const texts: string[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const y = item.transform[5] as number;
        if (y < height * 0.12 || y > height * 0.88) texts.push(item.str.trim());
      }
      out.set(number, texts);
    }
  } finally {
    await pdf.destroy();
  }
  return out;
}

/** What a page-number text at an edge prints: "12", "- 12 -", "Page ii" → "12", "ii". */
const pageNumberOf = (text: string) =>
  /^(?:[-–]\s*)?(?:page\s+)?(\d{1,4}|[ivxlc]{1,7})(?:\s*[-–])?$/i.exec(text)?.[1];

/** The PDF's own page labels (what a viewer shows), if it has them. */
async function labelsOf(id: string): Promise<string[] | null> {
  const pdf = await getDocument({
    data: new Uint8Array(readFileSync(join(MIRROR, `${id}.pdf`))),
    verbosity: 0,
  }).promise;
  try {
    return await pdf.getPageLabels();
  } finally {
    await pdf.destroy();
  }
}

/** The first passage of each page unit a document cites by page: its page segment and physical page. */
function pageCited(passages: Passage[]): { id: string; type: string; value: string; page: number }[] {
  return passages.flatMap((p) => {
    const segment = p.path.find((s) => /^(?:p|pdfpage):/.test(s));
    if (!segment || p.page === undefined || p.id.includes('~')) return [];
    const { type, value } = parseSegment(segment);
    return [{ id: p.id, type, value, page: p.page }];
  });
}

/** Every page-cited place: a document cites at most a few dozen pages by number. */
const sample = <T>(list: T[]): T[] => list;

describe.runIf(describeGolden)('page locators of every PDF document match the printed page (golden)', () => {
  const cited = new Map<string, ReturnType<typeof pageCited>>();
  beforeAll(async () => {
    for (const doc of PDFS) cited.set(doc.id, pageCited(await realPassages(doc.id)));
  }, 240_000);

  it('covers the PDF documents that cite pages', () => {
    const citing = PDFS.filter((d) => (cited.get(d.id) ?? []).length > 0).map((d) => d.id);
    expect(citing.sort()).toEqual([
      'eu-ethics-guidelines-trustworthy-ai-2019',
      'g7-hiroshima-code-of-conduct-2023',
      'g7-hiroshima-guiding-principles-2023',
      'sg-model-ai-governance-framework-2020',
      'uk-ai-opportunities-action-plan-2025',
      'us-americas-ai-action-plan-2025',
      'us-nist-ai-600-1-genai-profile-2024',
      'us-nist-ai-rmf-1-0-2023',
    ]);
  });

  for (const doc of PDFS) {
    it(`${doc.id}: each "p. N" is the number printed on its sheet`, async () => {
      const places = cited.get(doc.id) ?? [];
      if (places.length === 0) return;
      const picked = sample(places);
      const edges = await edgeTexts(doc.id, [...new Set(picked.map((p) => p.page))]);
      const printsNumbers = [...edges.values()].some((texts) => texts.some((t) => pageNumberOf(t)));
      const pdfLabels = await labelsOf(doc.id);
      let checked = 0;
      let offset: number | undefined;
      for (const place of picked) {
        const printed = (edges.get(place.page) ?? []).map(pageNumberOf).filter((n) => n !== undefined);
        if (place.type === 'pdfpage') {
          expect(printed, `${place.id} is cited as unnumbered`).toEqual([]);
          expect(place.value).toBe(String(place.page));
        } else if (printed.length > 0) {
          expect(printed, `${place.id} cites p. ${place.value}`).toContain(place.value);
          if (/^\d+$/.test(place.value)) offset = Number(place.value) - place.page;
          checked++;
        } else if (printsNumbers) {
          // A page of a numbered document that prints no number: the number its run gives it (a full-page
          // figure), or the PDF's own label (the front matter of the AI Action Plan and the UK plan).
          const inRun = offset !== undefined && place.value === String(place.page + offset);
          expect(
            inRun || pdfLabels?.[place.page - 1] === place.value,
            `${place.id} cites p. ${place.value}`,
          ).toBe(true);
        } else {
          expect(place.value, `${place.id}: no printed numbers, so pages count from the first`).toBe(
            String(place.page),
          );
          checked++;
        }
      }
      if (picked.some((place) => place.type === 'p')) expect(checked).toBeGreaterThanOrEqual(1);
    });
  }

  it('unprinted front matter is cited by the PDF’s own labels only where the sheets print none', async () => {
    const labels = labelsOf;
    const plan = cited.get('us-americas-ai-action-plan-2025')!;
    expect(plan.find((p) => p.page === 1)?.value).toBe(
      (await labels('us-americas-ai-action-plan-2025'))?.[0],
    );
    const uk = cited.get('uk-ai-opportunities-action-plan-2025')!;
    expect(uk.find((p) => p.page === 2)?.value).toBe(
      (await labels('uk-ai-opportunities-action-plan-2025'))?.[1],
    );
    // NIST AI RMF labels its title page "1" though the executive summary prints "Page 1": never "p. 1" twice.
    const rmf = cited.get('us-nist-ai-rmf-1-0-2023')!;
    expect(rmf.filter((p) => p.type === 'p' && p.value === '1').map((p) => p.page)).toEqual([6]);
    expect(rmf.find((p) => p.page === 2)).toMatchObject({ type: 'pdfpage', value: '2' });
    const ethics = cited.get('eu-ethics-guidelines-trustworthy-ai-2019')!;
    expect(ethics.filter((p) => p.page <= 2).map((p) => p.type)).toEqual(['pdfpage', 'pdfpage']);
    expect(ethics.find((p) => p.type === 'p' && p.value === '32')?.page).toBe(34);
  });
});
