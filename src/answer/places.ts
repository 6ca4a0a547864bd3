// Places in a document: a path prefix names a unit or a sub-point; these helpers find the passages under
// it and the locator that names it, so a citation always names exactly what was shown.
import type { CatalogDocument } from '../corpus/catalog.js';
import { formatLocator } from '../corpus/citation.js';
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
  return formatLocator(doc.citation.style, prefix, { unitLabel: doc.citation.unitLabel });
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
