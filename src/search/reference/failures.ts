// The refusals of a reference, each with the places to suggest instead: no such unit ("the AI Act has
// Articles 1–113; Art. 50 is closest"), no such point, a unit word that names no unit of the document, and
// the same place in each document that has it when no document was named. Worded later by the answer core.
import type { CatalogDocument } from '../../corpus/catalog.js';
import { segmentType, segmentValue, shownValue, UNIT_NAMES } from '../../corpus/citation.js';
import type { Passage } from '../../corpus/types.js';
import type { QuoteResponse, ReferenceFailure } from '../types.js';
import { type DocumentPlaces, locate } from './document-places.js';
import type { Misread } from './unit-words.js';
import { editDistance } from './unit-words.js';

export function fail(reference: string, failure: ReferenceFailure, suggestions: string[]): QuoteResponse {
  return { ok: false, reference, failure, suggestions };
}

/** The document's first top-level places, as references to suggest ("AI Act Art. 1"). */
export function exampleReferences(places: DocumentPlaces, doc: CatalogDocument, count: number): string[] {
  return places.examples(doc, count).map((locator) => `${doc.shortTitle} ${locator}`);
}

/** The AI Act has Articles 1–113, and Art. 50 is the closest to what was asked. */
export function notFound(
  places: DocumentPlaces,
  reference: string,
  doc: CatalogDocument,
  path: readonly string[],
): QuoteResponse {
  const type = segmentType(path[0]!);
  const value = segmentValue(path[0]!);
  const values: string[] = [];
  for (const passage of places.passagesOf(doc.id)) {
    const segment = passage.path.find((s) => segmentType(s) === type);
    if (segment && !values.includes(segmentValue(segment))) values.push(segmentValue(segment));
  }
  if (values.length === 0) {
    return fail(
      reference,
      { reason: 'not-cited-that-way', doc, examples: places.examples(doc, 3) },
      exampleReferences(places, doc, 3),
    );
  }
  const closest = [...values]
    .sort(
      (a, b) =>
        editDistance(value, a) - editDistance(value, b) ||
        Math.abs(Number(a) - Number(value)) - Math.abs(Number(b) - Number(value)),
    )
    .slice(0, 3);
  const numeric = values.every((v) => /^\d+$/.test(v));
  const range = numeric
    ? `${values[0]}–${values.at(-1)}`
    : values
        .slice(0, 6)
        .map((v) => shownValue(type, v))
        .join(', ') + (values.length > 6 ? ', …' : '');
  const unitName =
    type === 'item' ? `${doc.citation.unitLabel ?? 'Item'}s` : (UNIT_NAMES[type]?.range ?? `${type} units`);
  const suggestions = closest.map((v) => `${doc.shortTitle} ${places.format(doc, [`${type}:${v}`])}`);
  const suggestion = places.format(doc, [`${type}:${closest[0]}`]);
  return fail(reference, { reason: 'no-such-unit', doc, units: unitName, range, suggestion }, suggestions);
}

/** The unit exists but has no such point: refused, with its points closest to the one asked. */
export function noSuchPoint(
  places: DocumentPlaces,
  reference: string,
  doc: CatalogDocument,
  found: readonly Passage[],
  parent: readonly string[],
  asked: readonly string[],
): QuoteResponse {
  const children = [...new Set(found.map((p) => p.path.slice(0, parent.length + 1).join('/')))].map((key) =>
    key.split('/'),
  );
  const last = asked[parent.length] ?? '';
  const suggestions = children
    .sort((a, b) => editDistance(last, a.at(-1)!) - editDistance(last, b.at(-1)!))
    .slice(0, 3)
    .map((path) => `${doc.shortTitle} ${places.format(doc, path)}`);
  return fail(
    reference,
    { reason: 'no-such-point', doc, within: places.format(doc, parent), asked: places.format(doc, asked) },
    suggestions,
  );
}

/** "Reciatl 27": refused, never quoted as Art. 27, with the reading it probably meant. */
export function unknownUnit(
  places: DocumentPlaces,
  reference: string,
  doc: CatalogDocument,
  misread: Misread,
): QuoteResponse {
  // The units cited by number ('h', a headed section, is not).
  const units = [...places.typesOf(doc.id)]
    .filter((type) => type !== 'h')
    .map((type) => UNIT_NAMES[type]?.range)
    .filter((name): name is string => !!name);
  const reading = misread.reading && places.format(doc, misread.reading.path);
  return fail(
    reference,
    { reason: 'unknown-unit', doc, typed: misread.typed, units, ...(reading ? { reading } : {}) },
    reading ? [`${doc.shortTitle} ${reading}`] : exampleReferences(places, doc, 3),
  );
}

/**
 * The place in each document, named in that document's own units (AIDA "s. 7", not "Art. 7"); for a
 * reference written in Chinese (第七条), the Chinese documents first, then the other Chinese ones'. Within
 * that, the documents with the most passages first (ties in catalog order): the suggestions are cut to a
 * few, and in catalog (id) order "Art. 5" offered AIDA and four Chinese measures, never the AI Act or the
 * GDPR. The size of a document is the one measure every document has, and the long instruments are the
 * ones most often cited by a bare article number.
 */
export function placesIn(
  places: DocumentPlaces,
  docs: readonly CatalogDocument[],
  path: readonly string[],
  reference: string,
  /** How far each document's name is from the words typed (resolver.ts `nameDistance`): nearer first. */
  distance: (doc: CatalogDocument) => number = () => 0,
): string[] {
  const rank = (doc: CatalogDocument) =>
    !/\p{Script=Han}/u.test(reference) ? 0 : doc.language === 'zh' ? 0 : doc.jurisdiction === 'CN' ? 1 : 2;
  const size = (doc: CatalogDocument) => places.passagesOf(doc.id).length;
  return (
    [...docs]
      // Two names no word misspells are equally far (Infinity − Infinity is NaN: the next key decides).
      .sort((a, b) => rank(a) - rank(b) || distance(a) - distance(b) || size(b) - size(a))
      .map((doc) => {
        const passages = places.passagesOf(doc.id);
        const own = places
          .candidatePaths(doc, path)
          .find((candidate) => passages.some((passage) => locate(passage.path, candidate)));
        return `${doc.shortTitle} ${places.format(doc, own ?? path)}`;
      })
  );
}
