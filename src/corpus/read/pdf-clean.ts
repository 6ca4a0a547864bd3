// Cleaning steps for rebuilt PDF lines. None of them changes a word: they remove running headers, footers
// and page numbers, set footnote bodies apart, and undo hyphenation at line ends.
import type { Footnote } from '../types.js';
import type { RawLine } from './pdf-lines.js';

/** The font size most of the document's characters are set in. */
export function bodySize(pages: readonly RawLine[][]): number {
  const chars = new Map<number, number>();
  for (const line of pages.flat()) {
    const size = Math.round(line.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) if (count > most) [best, most] = [size, count];
  return best;
}

/** A line that is only a page number: "12", "- 12 -", "Page 12", "Page ii", "12 of 40", "PAGE 3-SENATE BILL 24-205". */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*[-–—])?(?:\s+of\s+\d{1,4})?$/i;
/** UN document chrome: the job number ("24-05969", "24-05969 (E)") and its barcode ("*2405969*"). */
const DOCUMENT_CHROME = /^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{6,}\*)$/;

/** The printed page number a page-number line shows, when it is Arabic. */
function printedNumber(text: string): number | undefined {
  const match = /(\d{1,4})/.exec(text);
  return match && !/^[ivxlc]+$/i.test(text.replace(/^page\s+/i, '').trim()) ? Number(match[1]) : undefined;
}

/** Running-text key: digits stand for any number, so "PAGE 3-SENATE BILL 24-205" matches on every page. */
const runningKey = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** How many lines at each end of a page can be running headers or footers. */
const EDGE_LINES = 3;

export interface RunningLinesResult {
  pages: RawLine[][];
  /** Per physical page (index 0 = page 1): the Arabic page number printed on it, if any. */
  printed: (number | undefined)[];
}

/**
 * Removes running headers and footers: lines among the top or bottom few of a page that repeat (same text
 * with any number, about the same height) on at least a quarter of the pages, lines that are only a page
 * number, and UN job numbers/barcodes.
 */
export function removeRunningLines(pages: readonly RawLine[][]): RunningLinesResult {
  const edgeSets = pages.map((lines) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    return new Set([...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)]);
  });
  const pagesWithKey = new Map<string, Set<number>>();
  edgeSets.forEach((edges, index) => {
    for (const line of edges) {
      const key = `${runningKey(line.text)}@${Math.round(line.y / 6)}`;
      let set = pagesWithKey.get(key);
      if (!set) pagesWithKey.set(key, (set = new Set()));
      set.add(index);
    }
  });
  const minPages = Math.max(3, Math.ceil(pages.length * 0.25));
  const repeats = (line: RawLine) => {
    const bucket = Math.round(line.y / 6);
    // Neighbouring buckets too, so a header drawn 1pt lower on some pages still counts.
    const count = new Set<number>();
    for (const b of [bucket - 1, bucket, bucket + 1]) {
      for (const page of pagesWithKey.get(`${runningKey(line.text)}@${b}`) ?? []) count.add(page);
    }
    return count.size >= minPages;
  };

  const printed: (number | undefined)[] = [];
  const cleaned = pages.map((lines, index) => {
    const edges = edgeSets[index]!;
    let number: number | undefined;
    const kept = lines.filter((line) => {
      if (!edges.has(line)) return true;
      const text = line.text.trim();
      if (PAGE_NUMBER.test(text)) {
        number ??= printedNumber(text);
        return false;
      }
      if (DOCUMENT_CHROME.test(text)) return false;
      if (repeats(line)) {
        const inHeader = /^page\s+(\d{1,4})\b/i.exec(text);
        if (inHeader) number ??= Number(inHeader[1]);
        return false;
      }
      return true;
    });
    printed.push(number);
    return kept;
  });
  return { pages: cleaned, printed };
}

/**
 * Sets footnote bodies apart: the run of small-type lines at the bottom of a page whose first line starts
 * with a number. A small-type run with no leading number continues the previous page's last footnote.
 */
export function extractFootnotes(pages: RawLine[][], body: number): { pages: RawLine[][]; footnotes: Footnote[] } {
  const footnotes: Footnote[] = [];
  const isSmall = (line: RawLine) => line.size > 0 && line.size < body * 0.9;
  const opensNote = (line: RawLine) => /^\d{1,3}(?:\s|\.\s|[A-Za-z“"(])/.test(line.text) && (line.startsWithSuperscript || /^\d{1,3}\.?\s/.test(line.text));
  const cleaned = pages.map((lines) => {
    // Lines are in stream order; the footnote area is the tail of the page's lines at the bottom.
    let start = lines.length;
    while (start > 0 && isSmall(lines[start - 1]!)) start -= 1;
    // Only the part from the first footnote marker on; a small caption above stays in the text.
    while (start < lines.length && !opensNote(lines[start]!)) start += 1;
    if (start >= lines.length) return lines;
    const bodyLines = lines.slice(0, start);
    const lowestBody = Math.min(...bodyLines.filter((l) => !isSmall(l)).map((l) => l.y), Number.POSITIVE_INFINITY);
    // Footnotes sit below the running text; small lines higher up are tables or captions.
    if (lines[start]!.y > lowestBody) return lines;
    for (const line of lines.slice(start)) {
      const marker = opensNote(line) ? /^(\d{1,3})\.?\s?/.exec(line.text) : null;
      if (marker) {
        footnotes.push({ marker: marker[1]!, text: line.text.slice(marker[0].length).trim(), page: line.page });
      } else {
        const last = footnotes[footnotes.length - 1]!;
        last.text = joinWrapped(last.text, line.text);
      }
    }
    return bodyLines;
  });
  return { pages: cleaned, footnotes };
}

/** Joins two wrapped lines of one paragraph, undoing a line-end hyphen the same way the body does. */
function joinWrapped(before: string, after: string): string {
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

/** Words of the document, for deciding whether a line-end hyphen is part of the word. */
export function wordForms(texts: readonly string[]): { plain: Set<string>; hyphenated: Set<string> } {
  const plain = new Set<string>();
  const hyphenated = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/[a-z][a-z'’-]*[a-z]/g) ?? []) {
      if (word.includes('-')) hyphenated.add(word);
      else plain.add(word);
    }
  }
  return { plain, hyphenated };
}

/**
 * Whether "<before>-" at a line end and "<after>" at the next line's start form one word without the
 * hyphen. Dictionary-free: the document's own usage decides ("orga-/nizational" → "organizational" because
 * the hyphen-free word is used elsewhere; "risk-/based" stays hyphenated because "risk-based" is); with no
 * evidence, a lower-case continuation drops the hyphen and a capital keeps it ("non-/European").
 */
export function dropsHyphen(before: string, after: string, forms: { plain: Set<string>; hyphenated: Set<string> }): boolean {
  const joined = `${before}${after}`.toLowerCase();
  const withHyphen = `${before}-${after}`.toLowerCase();
  if (forms.hyphenated.has(withHyphen)) return false;
  if (forms.plain.has(joined)) return true;
  return /^[a-z]/.test(after);
}
