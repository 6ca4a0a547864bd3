// A place deeper than the passages go ("Annex VII, point 3.2" inside point 3, "Art. 6(1)(a)" in a paragraph
// kept whole): the passage that holds it is found by the labels its text gives its points, never by a guess.
import type { CatalogDocument } from '../../corpus/catalog.js';
import { segmentType, segmentValue } from '../../corpus/citation.js';
import { fromChineseNumber } from '../../corpus/citation-zh.js';
import type { Passage } from '../../corpus/types.js';
import { normalizeText } from '../text.js';
import type { DocumentPlaces } from './document-places.js';

/**
 * The labels a passage's text gives its points: "3.2." or "1." opening a line, "(a)", "(ii)", "（一）" (read
 * as 1), so a sub-point can be found inside the passage that holds it.
 */
function labelsIn(text: string): Set<string> {
  const labels = new Set<string>();
  const normalized = normalizeText(text);
  for (const m of normalized.matchAll(/(?:^|\n)\s*(\d+(?:\.\d+)*)\.?(?=\s)|\(([^()\s]{1,5})\)/g)) {
    const label = (m[1] ?? m[2])!;
    labels.add(label);
    const zh = fromChineseNumber(label);
    if (zh !== undefined) labels.add(String(zh));
  }
  return labels;
}

/** Whether a passage's text opens with the label ("3.2. The quality …", "(a) the name …"). */
function opensWith(text: string, label: string): boolean {
  const start = normalizeText(text.slice(0, 40)).trimStart();
  return start.startsWith(`${label}.`) || start.startsWith(`${label} `) || start.startsWith(`(${label})`);
}

/**
 * The passage that holds sub-points `below` a place the document splits no further (`found` are the
 * passages of the place `depth` segments deep): the one that opens with the last of them ("3.2. The quality
 * …"), or else the first whose text labels them all; with the points split below it.
 */
export function holding(
  places: DocumentPlaces,
  doc: CatalogDocument,
  found: readonly Passage[],
  below: readonly string[],
  depth: number,
): { locator: string; passages: Passage[] } | undefined {
  const last = segmentValue(below.at(-1)!);
  // Only passages on the way to the sub-point: below the parent, each segment is one asked, a dotted
  // point's own point ('3' for '3.2'), or a typed one (a subparagraph) of a type not asked otherwise; never
  // Art. 5(2)(a) for Art. 5(1)(a), nor Section A's point 1 for Annex VIII, Section D, point 1.
  const dotted = last.includes('.') ? last.slice(0, last.lastIndexOf('.')) : undefined;
  const askedTypes = new Set(below.map(segmentType));
  const onTheWay = found.filter((passage) =>
    passage.path
      .slice(depth)
      .every(
        (segment, i) =>
          segment === below[i] ||
          segment === dotted ||
          (segmentType(segment) !== '' && !askedTypes.has(segmentType(segment))),
      ),
  );
  const shown =
    onTheWay.find((passage) => opensWith(passage.text, last)) ??
    onTheWay.find((passage) => {
      const labels = labelsIn(passage.text);
      return below.every((segment) => labels.has(segmentValue(segment)));
    });
  if (!shown) return undefined;
  // The passage with the points split below it ("(a)" … under the sub-point it opens with).
  const passages = found.filter(
    (passage) =>
      passage === shown ||
      (passage.path.length > shown.path.length && shown.path.every((s, i) => passage.path[i] === s)),
  );
  return { locator: places.locatorOf(doc, shown.path, [shown]), passages };
}
