// Places in a document: a path prefix names a unit or a sub-point; these helpers find the passages under
// it and the locator that names it, so a citation always names exactly what was shown; the official link to
// where a passage is; the list items that follow what is shown. Facts every front end (Discord, the CLI) cites.
import type { CatalogDocument } from '../corpus/catalog.js';
import { locatorInCase } from '../corpus/citation.js';
import type { Passage, RefPath } from '../corpus/types.js';

export const startsWithPath = (path: RefPath, prefix: RefPath) =>
  prefix.every((segment, i) => path[i] === segment);

export function passagesUnder(passages: readonly Passage[], prefix: RefPath): Passage[] {
  return prefix.length === 0 ? [] : passages.filter((p) => startsWithPath(p.path, prefix));
}

export function commonPrefix(passages: readonly Passage[]): RefPath {
  const first = passages[0]?.path ?? [];
  let length = first.length;
  for (const passage of passages) {
    let i = 0;
    while (i < length && passage.path[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length);
}

/** The locator of a place: a passage's own locator when one sits exactly there, else formatted from the path. */
export function placeLocator(doc: CatalogDocument, passages: readonly Passage[], prefix: RefPath): string {
  const exact = passages.find((p) => p.path.length === prefix.length && startsWithPath(p.path, prefix));
  if (exact) return exact.locator;
  const under = passages.find((p) => startsWithPath(p.path, prefix));
  // Report-style locators carry a heading only the passage knows; a prefix of such a path is the passage's place.
  if (under && doc.citation.style === 'report') return under.locator;
  return locatorInCase(doc.citation.style, prefix, passages, { unitLabel: doc.citation.unitLabel });
}

export { parsePlaceId, placeId } from '../corpus/citation.js';

/** The distinct places of a document (every unit and sub-point that has text), in document order. */
const placesCache = new WeakMap<readonly Passage[], { path: RefPath; locator: string }[]>();
export function placesOf(
  doc: CatalogDocument,
  passages: readonly Passage[],
): { path: RefPath; locator: string }[] {
  const cached = placesCache.get(passages);
  if (cached) return cached;
  const seen = new Set<string>();
  const places: { path: RefPath; locator: string }[] = [];
  for (const passage of passages) {
    for (let depth = 1; depth <= passage.path.length; depth++) {
      const prefix = passage.path.slice(0, depth);
      const key = prefix.join('/');
      if (seen.has(key)) continue;
      seen.add(key);
      places.push({
        path: prefix,
        locator: depth === passage.path.length ? passage.locator : placeLocator(doc, passages, prefix),
      });
    }
  }
  placesCache.set(passages, places);
  return places;
}

/** The locator for what is shown: one place, or the first and last when adjacent passages are merged. */
export function locatorOf(passages: readonly Passage[]): string {
  // A point shown with its own sub-points ((c), (c)(i), (c)(ii)) is cited as the point itself.
  const first = passages[0];
  if (first && passages.every((p) => first.path.every((segment, i) => p.path[i] === segment)))
    return first.locator;
  const unique = [...new Set(passages.map((p) => p.locator))];
  if (unique.length <= 2) return unique.join('; ');
  return `${unique[0]} – ${unique[unique.length - 1]}`;
}

/** The mark that stands for words of the document left out of a quote ("lead-in: […]", between two pieces). */
export const OMISSION = '[…]';

/**
 * Whether words of the document stand between two passages quoted one after the other: they are not
 * neighbours in the document (`seq`). A quote shows `OMISSION` there, so a block of (a)(I) then (b) never
 * reads as if (a)(II) and (a)(III) were not in the law. Every front end that joins passages asks this.
 */
export const omittedBetween = (before: Passage, after: Passage): boolean =>
  before.docId !== after.docId || after.seq !== before.seq + 1;

/**
 * What stands between two passages quoted one after the other: an omission mark when words of the document
 * were left out, a space when the second goes on in the first one's paragraph (a long paragraph stored as
 * pieces: AI Act Recital 27 is one paragraph, never three), else a paragraph break.
 */
export function jointBetween(before: Passage, after: Passage): 'omission' | 'space' | 'paragraph' {
  if (omittedBetween(before, after)) return 'omission';
  return after.midParagraph ? 'space' : 'paragraph';
}

/** A point's lead-in ("17. We commit by, 2030, to:") when its text does not already start with it. */
export function leadInOf(passage: Passage | undefined): string | undefined {
  return passage?.context && !passage.text.startsWith(passage.context) ? passage.context : undefined;
}

/**
 * For each hit of one answer, whether it shows its lead-in. Two points of one paragraph (para. 17(c) and
 * 17(e)) are two hits, and each carries the paragraph's lead-in: it is shown once, with the first of them,
 * and not again when an earlier hit showed it (as a lead-in, or as the words of the paragraph itself).
 */
export function leadInsShown(hits: readonly { passages: readonly Passage[] }[]): boolean[] {
  const seen = new Set<string>();
  return hits.map(({ passages }) => {
    const docId = passages[0]?.docId ?? '';
    const lead = leadInOf(passages[0]);
    const show = lead !== undefined && !seen.has(`${docId}\u0000${lead}`);
    if (lead !== undefined) seen.add(`${docId}\u0000${lead}`);
    for (const p of passages) seen.add(`${p.docId}\u0000${p.text}`);
    return show;
  });
}

// Whether a URL names a PDF, by URL: parsing one costs more than the rest of an embed, and the catalog has
// a handful of them.
const pdfUrls = new Map<string, boolean>();

function isPdfUrl(url: string): boolean {
  let pdf = pdfUrls.get(url);
  if (pdf === undefined) {
    if (pdfUrls.size >= 256) pdfUrls.clear();
    pdf = /\.pdf$/i.test(new URL(url).pathname);
    pdfUrls.set(url, pdf);
  }
  return pdf;
}

/** Link to the official source; for a PDF, straight to the page the passage starts on. */
export function sourceUrl(doc: CatalogDocument, passage?: Passage): string | undefined {
  if (!doc.officialUrl) return undefined;
  if (passage?.page !== undefined && doc.linkPages !== false && isPdfUrl(doc.officialUrl)) {
    return `${doc.officialUrl}#page=${passage.page}`;
  }
  return doc.officialUrl;
}

/**
 * When the last passage shown is an item of a list, the items that follow it and are not shown:
 * "Art. 5(1)(b), Art. 5(1)(c), … Art. 5(1)(h) (7 points)". Undefined when none.
 */
export function followingItems(shown: readonly Passage[]): string | undefined {
  const seen = new Set(shown.map((p) => p.locator));
  // The outermost item shown (the last of them): its later siblings are what follows.
  let item: Passage | undefined;
  for (const p of shown) if (p.following && (!item || p.path.length <= item.path.length)) item = p;
  const next = (item?.following ?? []).filter((locator) => !seen.has(locator));
  if (next.length === 0) return undefined;
  return next.length <= 3
    ? next.join(', ')
    : `${next[0]}, ${next[1]}, … ${next.at(-1)} (${next.length} points)`;
}

/**
 * A place to show as an example of how this document is cited ("type a place, e.g. s. 5"): one of its own
 * top-level places, so the example is in its citation style (s. 5, 第五条, GOVERN 1) and quotes back when
 * typed. The fifth numbered unit when there is one (Art. 5 for most laws), else the first; recitals and
 * preambles are skipped (they come first in EU acts but are not what people cite). Undefined with no passages.
 */
export function examplePlace(doc: CatalogDocument, passages: readonly Passage[]): string | undefined {
  const top = placesOf(doc, passages).filter((place) => place.path.length === 1);
  const cited = top.filter((place) => !/^(recital|preamb|preambular|title)\b/i.test(place.locator));
  const from = cited.length > 0 ? cited : top;
  return from[Math.min(4, from.length - 1)]?.locator;
}

/**
 * When the first passage shown is an item of a list that does not start with it, the items before it that
 * are not shown: "Art. 5(1)(a)". A point shown alone (Art. 5(1)(b) with "followed by …") once read as the
 * start of the list, and (a) as absent from the law. Undefined when none.
 */
export function precedingItems(shown: readonly Passage[]): string | undefined {
  const seen = new Set(shown.map((p) => p.locator));
  // The outermost item shown (the first of them): its earlier siblings are what comes before.
  let item: Passage | undefined;
  for (const p of shown) if (p.preceding && (!item || p.path.length < item.path.length)) item = p;
  const before = (item?.preceding ?? []).filter((locator) => !seen.has(locator));
  if (before.length === 0) return undefined;
  return before.length <= 3
    ? before.join(', ')
    : `${before[0]}, … ${before.at(-1)} (${before.length} points)`;
}
