// Which page number a PDF page is cited by (ReadDocument.pageLabels). People cite the number printed on the
// sheet, so that wins; the PDF's own labels (what a viewer shows) fill in the pages that print none; and a page
// that has neither is unnumbered, never given its physical index as if that were printed (the Ethics
// Guidelines' cover and imprint precede its printed p. 1, so calling the imprint "p. 2" sent readers to the
// wrong sheet). Decisions:
//   - Arabic numbers: the offset most printed numbers keep from the physical page, when at least three pages
//     and 60 % of the numbered ones agree (a stray number at a page's edge is outvoted). Pages inside the run
//     that print nothing (a full-page figure, a chapter opener) take the number the run gives them, as a
//     book's numbering counts them; pages before it (number < 1) do not.
//   - Roman numbers ("i", "Page ii") printed before the Arabic run, when they keep one offset, likewise.
//   - The PDF's labels only for pages neither run numbers, and only a label no other page is cited by: NIST AI
//     RMF 1.0 labels its cover and title page "1" and "1" and its disclaimer page "i", which its printed
//     pages 1 and i are.
//   - A document that prints no page numbers at all and has no labels is cited by its pages counted from the
//     first (the PDF's page numbers; undefined here).
// An unnumbered page's label is '' (the splitters cite it as an unnumbered page by its PDF page).

import { fromRoman, toRoman } from '../citation.js';

/** What one physical page shows: its printed page number as printed ("12", "ii"), if any. */
export type PrintedNumber = string | undefined;

const ROMAN = /^[ivxlc]+$/i;

/** The offset (printed − physical) most of these pages agree on, with how many agree. */
function majorityOffset(pages: { index: number; value: number }[]): { offset: number; votes: number } {
  const counts = new Map<number, number>();
  for (const { index, value } of pages)
    counts.set(value - (index + 1), (counts.get(value - (index + 1)) ?? 0) + 1);
  let offset = 0;
  let votes = 0;
  for (const [candidate, count] of counts) if (count > votes) [offset, votes] = [candidate, count];
  return { offset, votes };
}

/**
 * Labels per physical page (index 0 = page 1; '' for an unnumbered page), or undefined when every page is
 * cited by its physical number.
 */
export function pageLabels(
  fromPdf: readonly string[] | undefined,
  printed: readonly PrintedNumber[],
): string[] | undefined {
  const count = printed.length;
  const labels: string[] = new Array(count).fill('');
  const arabic = printed.flatMap((text, index) =>
    text !== undefined && /^\d+$/.test(text) ? [{ index, value: Number(text) }] : [],
  );
  const { offset, votes } = majorityOffset(arabic);
  const arabicRun = votes >= 3 && votes >= arabic.length * 0.6;
  let firstArabic = count;
  if (arabicRun) {
    for (let index = 0; index < count; index++) {
      const value = index + 1 + offset;
      if (value >= 1) labels[index] = String(value);
    }
    firstArabic = Math.max(0, -offset);
  }
  const roman = printed.flatMap((text, index) =>
    text !== undefined && ROMAN.test(text) && index < firstArabic
      ? [{ index, value: fromRoman(text), upper: text === text.toUpperCase() }]
      : [],
  );
  const romanRun = majorityOffset(roman);
  if (roman.length > 0 && romanRun.votes === roman.length) {
    const upper = roman.every((r) => r.upper);
    for (let index = 0; index < firstArabic; index++) {
      const value = index + 1 + romanRun.offset;
      if (value >= 1) labels[index] = upper ? toRoman(value).toUpperCase() : toRoman(value);
    }
  }
  const numbered = arabicRun || roman.length > 0;
  if (fromPdf && fromPdf.length === count) {
    const taken = new Set(labels.filter((label) => label !== ''));
    const uses = new Map<string, number>();
    for (const label of fromPdf) uses.set(label, (uses.get(label) ?? 0) + 1);
    fromPdf.forEach((label, index) => {
      if (labels[index] === '' && label !== '' && !taken.has(label) && uses.get(label) === 1)
        labels[index] = label;
    });
  } else if (!numbered) {
    return undefined;
  }
  return labels.every((label, index) => label === String(index + 1)) ? undefined : labels;
}
