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
/**
 * UN document chrome: the job number ("24-05969", "24-05969 (E)", and on the first page with the print
 * date "24-05969 (E) 050424") and its barcode ("*2405969*").
 */
const DOCUMENT_CHROME = /^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?|\*\d{6,}\*)$/;

/** The page number a page-number line prints, as printed: "12" for "- 12 -" or "12 of 40", "ii" for "Page ii". */
function printedLabel(text: string): string | undefined {
  return /(\d{1,4}|\b[ivxlc]{1,7}\b)/i.exec(text.replace(/^page\s+/i, ''))?.[1];
}

/** Running-text key: digits stand for any number, so "PAGE 3-SENATE BILL 24-205" matches on every page. */
const runningKey = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** How many lines at each end of a page can be running headers or footers. */
const EDGE_LINES = 3;

export interface RunningLinesResult {
  pages: RawLine[][];
  /** Per physical page (index 0 = page 1): the page number printed on it ("12", "ii"), if any. */
  printed: (string | undefined)[];
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
      const set = pagesWithKey.get(key) ?? new Set<number>();
      set.add(index);
      pagesWithKey.set(key, set);
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

  const printed: (string | undefined)[] = [];
  const cleaned = pages.map((lines, index) => {
    const edges = edgeSets[index]!;
    let number: string | undefined;
    const kept = lines.filter((line) => {
      if (!edges.has(line)) return true;
      const text = line.text.trim();
      if (PAGE_NUMBER.test(text)) {
        number ??= printedLabel(text);
        return false;
      }
      if (DOCUMENT_CHROME.test(text)) return false;
      if (repeats(line)) {
        const inHeader = /^page\s+(\d{1,4})\b/i.exec(text);
        if (inHeader) number ??= inHeader[1];
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
 * Sets footnote bodies apart: the run of lines at the bottom of a page, below all running text, that opens
 * with a footnote marker (a raised number, or a number in small type) and is set no larger than that line.
 * A small-type run with no marker continues the previous page's last footnote.
 */
export function extractFootnotes(
  pages: RawLine[][],
  body: number,
): { pages: RawLine[][]; footnotes: Footnote[] } {
  const footnotes: Footnote[] = [];
  const isSmall = (line: RawLine) => line.size > 0 && line.size < body * 0.9;
  const numbered = (line: RawLine) => /^\d{1,3}\.?\s?[A-Za-z“"(]/.test(line.text);
  const opensNote = (line: RawLine) => numbered(line) && (line.startsWithSuperscript || isSmall(line));
  const cleaned = pages.map((page) => {
    const lines = attachStrayMarkers(page, body);
    // The earliest line near the bottom that opens a note, with nothing larger below it.
    let start = -1;
    let largestBelow = 0;
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - FOOTNOTE_AREA_LINES); i--) {
      const line = lines[i]!;
      if (opensNote(line) && largestBelow <= line.size * 1.05) start = i;
      largestBelow = Math.max(largestBelow, line.size);
    }
    if (start < 0) return lines;
    // The short rule printed above the notes ("__________") belongs to them, not to the text above.
    if (start > 0 && FOOTNOTE_RULE.test(lines[start - 1]!.text.trim())) start -= 1;
    const tail = lines.slice(start);
    const bodyLines = lines.slice(0, start);
    const lowestTail = Math.max(...tail.map((l) => l.y));
    // Footnotes sit below the running text; numbered lines higher up are a list or a table.
    if (bodyLines.some((l) => l.y < lowestTail)) return lines;
    for (const line of tail) {
      if (FOOTNOTE_RULE.test(line.text.trim())) continue;
      const marker = opensNote(line) ? /^(\d{1,3})\.?\s?/.exec(line.text) : null;
      if (marker) {
        footnotes.push({
          marker: marker[1]!,
          text: line.text.slice(marker[0].length).trim(),
          page: line.page,
        });
      } else if (footnotes.length > 0) {
        const last = footnotes[footnotes.length - 1]!;
        last.text = joinWrapped(last.text, line.text);
      }
    }
    return bodyLines;
  });
  return { pages: cleaned, footnotes };
}

/**
 * A footnote body's raised marker that the line builder set on a line of its own (its baseline sits a
 * little above the body's first line, so it is sorted after the note): a bare number in type far smaller
 * than the body, within its own height of a small-type line's baseline. It is put back at that line's start.
 */
function attachStrayMarkers(lines: RawLine[], body: number): RawLine[] {
  const strays = lines.filter((l) => /^\d{1,3}$/.test(l.text.trim()) && l.size > 0 && l.size < body * 0.7);
  if (strays.length === 0) return lines;
  const out = lines.filter((l) => !strays.includes(l)).map((l) => ({ ...l }));
  for (const stray of strays) {
    const target = out
      .filter(
        (l) => l.size < body * 0.9 && Math.abs(l.y - stray.y) <= stray.size && /^[A-Za-z“"(]/.test(l.text),
      )
      .sort((a, b) => Math.abs(a.y - stray.y) - Math.abs(b.y - stray.y))[0];
    if (!target) return lines;
    target.text = `${stray.text.trim()} ${target.text}`;
    target.startsWithSuperscript = true;
  }
  return out;
}

/** A footnote separator drawn as text: a run of underscores or dashes. */
const FOOTNOTE_RULE = /^[_‗–—-]{5,}$/;

/** How far up from a page's last line a footnote area may reach. */
const FOOTNOTE_AREA_LINES = 20;

/** Joins two wrapped lines of one paragraph, undoing a line-end hyphen the same way the body does. */
function joinWrapped(before: string, after: string): string {
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

/** Words of the document, for deciding whether a line-end hyphen is part of the word. */
export interface WordForms {
  plain: Set<string>;
  hyphenated: Set<string>;
  /** First parts of hyphenated words ("human" from "human-centric"). */
  prefixes: Set<string>;
}

export function wordForms(texts: readonly string[]): WordForms {
  const forms: WordForms = { plain: new Set(), hyphenated: new Set(), prefixes: new Set() };
  for (const text of texts) {
    // A word cut at the line end ("develop-") is no evidence of anything; only whole words count.
    for (const word of text.toLowerCase().match(/[a-z][a-z'’-]*[a-z]/g) ?? []) {
      if (word.includes('-')) {
        forms.hyphenated.add(word);
        forms.prefixes.add(word.slice(0, word.indexOf('-')));
      } else forms.plain.add(word);
    }
  }
  return forms;
}

/**
 * Whether "<before>-" at a line end and "<after>" at the next line's start form one word without the
 * hyphen. Dictionary-free, the document's own usage decides: "orga-/nizational" → "organizational" when the
 * hyphen-free word is used elsewhere; "risk-/based" stays when "risk-based" is; with no such evidence the
 * hyphen stays when the document hyphenates other words after "<before>-" ("human-centric") or "<after>"
 * is a word of its own ("data-/driven") or a name ("non-/European"), and goes otherwise ("develop-/ment").
 */
export function dropsHyphen(before: string, after: string, forms: WordForms): boolean {
  const joined = `${before}${after}`.toLowerCase();
  if (forms.hyphenated.has(`${before}-${after}`.toLowerCase())) return false;
  if (forms.plain.has(joined)) return true;
  if (forms.prefixes.has(before.toLowerCase())) return false;
  if (after.length >= 3 && forms.plain.has(after.toLowerCase())) return false;
  // "non-/European": a capital after a lower-case prefix starts a name, which keeps its hyphen.
  return !(/[a-z]$/.test(before) && /^[A-Z]/.test(after));
}

/**
 * Legends a publisher prints at the foot of a page, by name so they can be found and argued about. Each
 * runs from its first line to its last over at most a few lines, and is removed whole.
 *  - Colorado General Assembly, session laws: "Capital letters or bold & italic numbers indicate new
 *    material added to existing law; dashes through words or numbers indicate deletions from existing law
 *    and such material is not part of the act."
 */
const PUBLISHER_LEGENDS: { name: string; first: RegExp; last: RegExp; maxLines: number }[] = [
  {
    name: 'Colorado session-law legend',
    first: /^Capital letters or bold & italic numbers indicate new material added to existing law/,
    last: /is not part of the act\.$|^the act\.$/,
    maxLines: 4,
  },
];

export function dropPublisherLegends(pages: RawLine[][]): RawLine[][] {
  return pages.map((lines) => {
    const drop = new Set<number>();
    lines.forEach((line, i) => {
      for (const legend of PUBLISHER_LEGENDS) {
        if (!legend.first.test(line.text.trim())) continue;
        const end = lines.slice(i, i + legend.maxLines).findIndex((l) => legend.last.test(l.text.trim()));
        if (end >= 0) for (let j = i; j <= i + end; j++) drop.add(j);
      }
    });
    return drop.size === 0 ? lines : lines.filter((_, i) => !drop.has(i));
  });
}

/** The title of a table of contents (or of a list of tables or figures). */
const CONTENTS_TITLE = /^(?:table of contents|contents|list of (?:tables|figures))$/i;
/** A contents entry: a title ending with dotted/ruled leaders and a page number, or just the number. */
const CONTENTS_ENTRY = /(?:[._‗…]\s?){4,}\s*\d{0,4}$|\S\s+\d{1,4}$|^\d{1,4}$/;

/**
 * Drops tables of contents: the page of a contents title when most of it is entries
 * ("Pillar I: Accelerate AI Innovation ........ 3"), and the following pages while they are mostly
 * entries. They are the document's navigation, like its running headers, and no answer to a question.
 */
export function dropContents<T extends { text: string; page?: number }>(lines: readonly T[]): T[] {
  const drop = new Set<number>();
  const pageRange = (from: number) => {
    let end = from;
    while (end < lines.length && lines[end]!.page === lines[from]!.page) end++;
    return end;
  };
  const pageStart = (at: number) => {
    let start = at;
    while (start > 0 && lines[start - 1]!.page === lines[at]!.page) start--;
    return start;
  };
  const share = (from: number, to: number) => {
    const texts = lines.slice(from, to).map((l) => l.text.trim());
    const entries = texts.filter((t) => CONTENTS_ENTRY.test(t)).length;
    return { entries, share: texts.length === 0 ? 0 : entries / texts.length };
  };
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.page === undefined || !CONTENTS_TITLE.test(lines[i]!.text.trim())) continue;
    // The whole page that carries the title (some PDFs draw the title after the entries).
    const start = pageStart(i);
    let end = pageRange(i);
    const first = share(start, end);
    if (first.entries < 3 || first.share < 0.4) continue;
    for (let j = start; j < end; j++) drop.add(j);
    // The contents go on over the next pages while those are mostly entries.
    for (let from = end; from < lines.length; from = end) {
      end = pageRange(from);
      const next = share(from, end);
      if (next.entries < 5 || next.share < 0.6) break;
      for (let j = from; j < end; j++) drop.add(j);
    }
    i = end - 1;
  }
  return drop.size === 0 ? [...lines] : lines.filter((_, i) => !drop.has(i));
}
