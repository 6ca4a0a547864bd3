// Generic cleaning for text-like formats (markdown, plain text, text extractions of PDFs saved as .md/.txt).
// Every rule removes a line or markup around words, never changes the words themselves. Rules are detected
// by pattern; the few that belong to one publisher sit in PUBLISHER_BOILERPLATE below.

import type { Footnote, TextLine } from '../types.js';

/** Decodes UTF-8 bytes, drops a BOM and normalizes line endings. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

/**
 * Invisible and space-like characters: no-break spaces become spaces (they only glue words on web pages),
 * zero-width characters and soft hyphens disappear. Trailing whitespace (markdown hard breaks) goes.
 */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\t/g, '    ')
    .trimEnd();
}

/** Drops a YAML front matter block ('---' … '---' on the first lines) added by scrapers. */
export function stripFrontMatter(lines: string[]): string[] {
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  if (lines[first]?.trim() !== '---') return lines;
  for (let i = first + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '---') return lines.slice(i + 1);
    // A front matter block is short `key: value` lines; anything else means the '---' was a rule.
    if (i - first > 60) return lines;
  }
  return lines;
}

/** Lines that only decorate: '=====' / '-----' / '_____' rules, '* * *' separators, END OF DOCUMENT banners. */
export function isDecorationLine(line: string): boolean {
  const t = line.trim();
  return /^(?:[=_-]{3,}|(?:\* ?){3,}|-- ?end of document ?--|end of document)$/i.test(t);
}

/**
 * Boilerplate of one publisher, by name so it can be found and argued about. Each entry matches whole lines.
 *  - EUR-Lex: the OJ header line ('2024/1689   12.7.2024') and the ELI/ISSN footer.
 */
const PUBLISHER_BOILERPLATE: { name: string; line: RegExp }[] = [
  { name: 'EUR-Lex OJ header', line: /^\d{4}\/\d{1,5} {2,}\d{1,2}\.\d{1,2}\.\d{4}$/ },
  { name: 'EUR-Lex ELI footer', line: /^ELI: https?:\/\/data\.europa\.eu\/eli\/\S+$/ },
  { name: 'EUR-Lex ISSN footer', line: /^ISSN \d{4}-\d{3}[\dX] \(electronic edition\)$/ },
];

export function isPublisherBoilerplate(line: string): boolean {
  const t = line.trim();
  return PUBLISHER_BOILERPLATE.some((rule) => rule.line.test(t));
}

/**
 * Markers after which a scraped web page has only site chrome: ratings widgets, author boxes, related
 * posts, comment threads. Everything from the first such line on is dropped.
 */
const END_OF_CONTENT = [
  /^Click to rate this post!?$/i,
  /^#{0,6}\s*Related posts:?$/i,
  // A comment section's heading ("Comments", "3 Responses to “Title”", "Leave a comment"), never a line of
  // the text that starts with the word ("Comments received from the public …" cut off the rest of a page).
  /^#{0,6}\s*(?:(?:\d+ )?(?:Comments|Responses|Pingbacks?)|\d+ (?:Comments|Responses|Pingbacks?) (?:to|on) .*|Leave a (?:comment|reply))$/i,
];

export function cutAtEndOfContent(lines: string[]): string[] {
  const end = lines.findIndex((line) => END_OF_CONTENT.some((re) => re.test(line.trim())));
  return end < 0 ? lines : lines.slice(0, end);
}

/** `<sup>26</sup>` becomes `^26` so "10<sup>26</sup>" reads "10^26", not "1026". Other inline tags go. */
export function stripInlineHtml(text: string): string {
  return text
    .replace(/<sup>([^<]*)<\/sup>/gi, '^$1')
    .replace(/<sub>([^<]*)<\/sub>/gi, '_$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:span|em|strong|b|i|u|a|font|small|mark)\b[^>]*>/gi, '');
}

interface PageMarker {
  page: number;
  of?: number;
}

/**
 * Page markers left by text extractions, each closing the page it names:
 * '-- 1 of 12 --' (pdf-parse), '-1-' / '- 27 -' (page footers), '3/16' (UN documents).
 */
export function pageMarker(line: string): PageMarker | undefined {
  const t = line.trim();
  let m = /^-- (\d{1,4}) of (\d{1,4}) --$/.exec(t);
  if (m) return { page: Number(m[1]), of: Number(m[2]) };
  m = /^- ?(\d{1,4}) ?-$/.exec(t);
  if (m) return { page: Number(m[1]) };
  m = /^(\d{1,4})\/(\d{1,4})$/.exec(t);
  if (m && Number(m[1]) <= Number(m[2])) return { page: Number(m[1]), of: Number(m[2]) };
  return undefined;
}

/**
 * Assigns page numbers from page markers and form feeds, and drops the markers, the running headers
 * (short lines repeated on many pages) and the page numbers printed under them. Documents without page
 * markers come back with no pages.
 */
export function paginate(lines: string[]): { lines: TextLine[]; pageCount?: number } {
  // Form feeds start a new page; they only number pages when the text has no printed page markers.
  const split: { text: string; feed: boolean }[] = [];
  let feed = false;
  for (const line of lines) {
    const parts = line.split('\f');
    parts.forEach((part, i) => {
      if (i > 0) feed = true;
      if (part === '' && parts.length > 1) return;
      split.push({ text: part, feed });
      feed = false;
    });
  }
  const markers = split.filter((l) => pageMarker(l.text) !== undefined).length;
  const feeds = split.filter((l) => l.feed).length;
  if (markers < 2 && feeds < 2) return { lines: split.map((l) => ({ text: l.text })) };

  const out: TextLine[] = [];
  let pending: TextLine[] = [];
  let page = 1;
  let lastMarked = 0;
  for (const line of split) {
    if (markers >= 2) {
      const marker = pageMarker(line.text);
      if (marker) {
        for (const p of pending) p.page = marker.page;
        out.push(...pending);
        pending = [];
        lastMarked = marker.page;
        continue;
      }
      pending.push({ text: line.text });
    } else {
      if (line.feed) page++;
      out.push({ text: line.text, page });
    }
  }
  for (const p of pending) p.page = lastMarked + 1;
  // Trailing blank lines after the last marker do not make a page of their own.
  const hasTail = pending.some((p) => p.text.trim() !== '');
  out.push(...pending);
  const pageCount = markers >= 2 ? (hasTail ? lastMarked + 1 : lastMarked) : page;
  const numbered = markers >= 2 ? out : dropPrintedPageNumbers(out);
  return { lines: dropRunningHeaders(numbered, pageCount), pageCount };
}

/**
 * Printed page numbers of a text extraction paged by form feeds: a line holding only a number, the first or
 * last words of its page, whose number is the page's place in the file plus the offset most such lines
 * share (covers and front matter go unnumbered). A number that does not fit that sequence, or a sequence
 * seen on fewer than three pages, stays: it may be the document's own (a footnote marker, a count).
 */
export function dropPrintedPageNumbers(lines: TextLine[]): TextLine[] {
  const edges = new Map<number, number[]>();
  lines.forEach((line, i) => {
    if (line.text.trim() === '' || line.page === undefined) return;
    const ends = edges.get(line.page) ?? [];
    edges.set(line.page, ends);
    if (ends.length < 2) ends.push(i);
    else ends[1] = i;
  });
  const candidates: { index: number; offset: number }[] = [];
  for (const [page, ends] of edges)
    for (const index of new Set(ends)) {
      const n = /^\d{1,4}$/.exec(lines[index]!.text.trim())?.[0];
      if (n !== undefined) candidates.push({ index, offset: Number(n) - page });
    }
  const counts = new Map<number, number>();
  for (const c of candidates) counts.set(c.offset, (counts.get(c.offset) ?? 0) + 1);
  const [offset, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (count < 3) return lines;
  const drop = new Set(candidates.filter((c) => c.offset === offset).map((c) => c.index));
  return lines.filter((_, i) => !drop.has(i));
}

/** Short lines that recur on a third or more of the pages are running headers or footers. */
function dropRunningHeaders(lines: TextLine[], pageCount: number): TextLine[] {
  const pagesOf = new Map<string, Set<number>>();
  for (const line of lines) {
    const t = line.text.trim();
    if (t.length === 0 || t.length > 80 || /^\d+$/.test(t)) continue;
    const pages = pagesOf.get(t) ?? new Set<number>();
    pagesOf.set(t, pages);
    pages.add(line.page ?? 0);
  }
  const threshold = Math.max(3, Math.ceil(pageCount / 3));
  const running = new Set([...pagesOf].filter(([, pages]) => pages.size >= threshold).map(([text]) => text));
  const out: TextLine[] = [];
  let afterHeader = false;
  for (const line of lines) {
    const t = line.text.trim();
    if (running.has(t) || /^_{5,}$/.test(t)) {
      afterHeader = true;
      continue;
    }
    // The page number printed right under a running header or rule.
    if (afterHeader && /^\d{1,4}$/.test(t)) {
      afterHeader = false;
      continue;
    }
    if (t !== '') afterHeader = false;
    out.push(line);
  }
  return out;
}

/** A footnote marker on a line of its own, as text extractions of a page's foot leave them. */
const BARE_MARKER = /^(\d{1,3})$/;

/** Where footnote `marker`'s call sits in running text: glued ("Rights.20", "Child21") or spaced ("Development. 17 We"). */
function callPattern(marker: string): RegExp {
  return new RegExp(`${gluedCall(marker).source}|(?<=\\S) ${marker}(?= |$)`);
}
/** A call glued to its word ("Rights.20", "officers5,"): preferred over a spaced number, which may be text. */
const gluedCall = (marker: string) => new RegExp(`(?<=[A-Za-z.,;:”’)])${marker}(?=[\\s,;.:]|$)`);

/**
 * Takes a footnote call out of a line together with the calls set right after it ("countermeasures17 18."
 * → "countermeasures."): a run of higher numbers, each within ten of the first, is one group of calls
 * whose notes may sit on a later page. Without this, one call of the group would go and the next stay.
 */
function removeCall(text: string, marker: string): string {
  const m = gluedCall(marker).exec(text) ?? callPattern(marker).exec(text);
  if (!m) return text;
  let end = m.index + m[0].length;
  let last = Number(marker);
  for (;;) {
    const next = /^ (\d{1,3})(?=[\s,;.:]|$)/.exec(text.slice(end));
    const n = next ? Number(next[1]) : Number.NaN;
    if (!next || !(n > last && n <= Number(marker) + 10)) break;
    end += next[0].length;
    last = n;
  }
  return text.slice(0, m.index) + text.slice(end);
}

/**
 * Text extractions of paged documents leave each page's footnotes at its foot: marker numbers on lines of
 * their own and the notes' text, often in scrambled order ("17", "Resolution 70/1.", "See …", "19", "See
 * …", "18"). A page's foot is taken for notes from the first bare number whose call appears in the page's
 * text above it. The notes go to `footnotes` (markers matched to bodies in numeric order when their counts
 * agree) and the calls leave the running text, as the PDF reader drops raised call markers.
 */
export function setPageFootnotesApart(lines: TextLine[]): { lines: TextLine[]; footnotes: Footnote[] } {
  const footnotes: Footnote[] = [];
  const out: TextLine[] = [];
  let start = 0;
  while (start < lines.length) {
    let end = start;
    while (end < lines.length && lines[end]!.page === lines[start]!.page) end++;
    const page = lines.slice(start, end);
    const foot = page.findIndex((line, i) => {
      const marker = BARE_MARKER.exec(line.text.trim())?.[1];
      return marker !== undefined && page.slice(0, i).some((above) => callPattern(marker).test(above.text));
    });
    if (foot < 0) out.push(...page);
    else {
      const body = page.slice(0, foot).map((line) => ({ ...line }));
      const markers: string[] = [];
      const bodies: string[] = [];
      for (const line of page.slice(foot)) {
        const t = line.text.trim();
        if (t === '') continue;
        const marker = BARE_MARKER.exec(t)?.[1];
        if (marker !== undefined) markers.push(marker);
        else if (bodies.length > 0 && !/[.)]$/.test(bodies[bodies.length - 1]!))
          bodies[bodies.length - 1] += ` ${t}`;
        else bodies.push(t);
      }
      const ordered =
        markers.length === bodies.length ? [...markers].sort((a, b) => Number(a) - Number(b)) : markers;
      bodies.forEach((text, i) => {
        const note: Footnote = { marker: ordered[Math.min(i, ordered.length - 1)]!, text };
        if (page[0]!.page !== undefined) note.page = page[0]!.page;
        footnotes.push(note);
      });
      for (const marker of markers) {
        // A glued call anywhere on the page before a spaced one ("Parts 3 to 5" is text, "officers5," a call).
        const line =
          body.find((l) => gluedCall(marker).test(l.text)) ??
          body.find((l) => callPattern(marker).test(l.text));
        if (line) line.text = removeCall(line.text, marker);
      }
      out.push(...body);
    }
    start = end;
  }
  return { lines: out, footnotes };
}

/** Collapses runs of blank lines to one and trims blank lines at both ends. */
export function collapseBlankLines(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const line of lines) {
    const blank = line.text.trim() === '';
    if (blank && (out.length === 0 || out[out.length - 1]!.text === '')) continue;
    out.push(blank ? { ...line, text: '' } : line);
  }
  while (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
  return out;
}
