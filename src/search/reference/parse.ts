// Splitting a reference into its document, its place and the words left over ("quote AI Act Art. 5(1)(c)"
// → AI Act, ['art:5','1','c'], nothing left), without checking that the place exists. The document is found
// by its catalog names (forgiving typos), by the document that has the place when a name fits several
// ("NIST GOVERN 1.1"), or by a jurisdiction with a single document ("colorado § 6-1-1704").
import type { CatalogDocument } from '../../corpus/catalog.js';
import type { DocNameMatcher, NamedDoc } from '../docnames.js';
import { STOP_WORDS, type Token, tokenize, tokens } from '../text.js';
import { findJurisdictions } from '../thesaurus.js';
import { documentsByTitleHead, documentsByTitleWords } from '../zhtitles.js';
import { type DocumentPlaces, EQUIVALENT_TYPES } from './document-places.js';
import { blank, normalizeReference, type ParsedPlace, parseBare, parsePlace } from './place.js';
import { FILLER, type Misread, misreadUnit } from './unit-words.js';

export interface ParsedReference {
  doc?: CatalogDocument;
  place?: ParsedPlace;
  /** A word before a number that is no unit word ("reciatl 27"), and the place it probably misspells. */
  misread?: Misread;
  /** Content words left over after the document name and the place: a question, not a reference. */
  leftover: string[];
  /** Those words as typed, from the first to the last ("second subparagraph"); empty when none is left. */
  unread: string;
}

export function parseReference(
  reference: string,
  places: DocumentPlaces,
  names: DocNameMatcher,
): ParsedReference {
  const text = normalizeReference(reference);
  let place = parsePlace(text);
  let rest = place ? blank(text, place.start, place.end) : text;
  let named =
    preferDocWithPlace(places, names.findExact(rest), place) ??
    names.findBest(rest) ??
    onlyDocOfPlace(places, rest) ??
    docOfChineseTitle(places, rest);
  // A name glued to its number ("EO14110 section 4.2(a)") reads as written apart ("EO 14110"), only when
  // that spelling is exactly a document's name.
  if (!named) {
    const apart = rest.replace(/(?<=\p{L})(?=\p{N})/gu, ' ');
    const exact = apart === rest ? undefined : preferDocWithPlace(places, names.findExact(apart), place);
    if (exact) {
      rest = apart;
      named = exact;
    }
  }
  const doc = named ? places.doc(named.docId) : undefined;
  if (named) {
    const spelled = tokens(rest);
    for (const i of named.positions)
      rest = blank(rest, spelled[i]!.start, spelled[i]!.start + spelled[i]!.surface.length);
  }
  let misread: Misread | undefined;
  if (!place && doc) {
    place = parseBare(rest);
    misread = misreadUnit(rest, unitTypes(places, doc), place, reference);
    if (place) rest = blank(rest, place.start, place.end);
  }
  const left = tokens(rest).filter((token) => !STOP_WORDS.has(token.norm) && !FILLER.has(token.norm));
  const leftover = left.map((token) => token.norm);
  return { doc, place, leftover, unread: asTyped(reference, rest, left), ...(misread ? { misread } : {}) };
}

/** The span of the tokens left over, as the reference typed it when normalizing kept its offsets. */
function asTyped(reference: string, normalized: string, left: readonly Token[]): string {
  const first = left[0];
  const last = left.at(-1);
  if (!first || !last) return '';
  const original = reference.slice(0, 300);
  const source = original.length === normalized.length ? original : normalized;
  return source.slice(first.start, last.start + last.surface.length).trim();
}

/** The unit types a document cites, with the kinds of unit they stand for ('billsec' is a 'sec'). */
function unitTypes(places: DocumentPlaces, doc: CatalogDocument): Set<string> {
  const types = new Set<string>();
  for (const type of places.typesOf(doc.id))
    for (const [kind, equivalents] of Object.entries(EQUIVALENT_TYPES))
      if (equivalents.includes(type)) types.add(kind);
  for (const type of places.typesOf(doc.id)) types.add(type);
  return types;
}

/** Of the longest names found, the one whose document has the place ("NIST GOVERN 1.1" names two documents). */
function preferDocWithPlace(
  places: DocumentPlaces,
  found: NamedDoc[],
  place: ParsedPlace | undefined,
): NamedDoc | undefined {
  if (found.length === 0) return undefined;
  const longest = Math.max(...found.map((name) => name.positions.length));
  const candidates = found.filter((name) => name.positions.length === longest);
  if (place) {
    const owners = new Set(places.docsWithPlace(place.path).map((doc) => doc.id));
    const withPlace = candidates.find((name) => owners.has(name.docId));
    if (withPlace) return withPlace;
  }
  return candidates[0];
}

/** "colorado § 6-1-1704": a place with a single document stands for it. */
function onlyDocOfPlace(places: DocumentPlaces, text: string): NamedDoc | undefined {
  const words = tokenize(text);
  const { jurisdictions, positions } = findJurisdictions(words, new Set());
  if (jurisdictions.length !== 1) return undefined;
  const code = jurisdictions[0]!.toLowerCase();
  const docs = places.allDocs().filter((doc) => doc.jurisdiction.toLowerCase() === code);
  if (docs.length !== 1) return undefined;
  return {
    docId: docs[0]!.id,
    start: Math.min(...positions),
    end: Math.max(...positions) + 1,
    positions,
    confidence: 0.6,
  };
}

/**
 * The one document whose Chinese title the reference takes up ("深度合成 第十七条": 互联网信息服务深度合成管理规定;
 * "生成式人工智能 第七条": 生成式人工智能服务管理暂行办法; zhtitles.ts), its Chinese words that are in the title read as the name.
 * ONE reading for a reference quoted (`parseReference`) and a reference inside a question (resolver.ts
 * `placeInQuestion`): "深度合成 第十七条 要求什么" once steered to the Generative AI Measures' 第十七条, because only the
 * quote path read titles.
 */
export function docOfChineseTitle(places: DocumentPlaces, text: string): NamedDoc | undefined {
  if (!/\p{Script=Han}/u.test(text)) return undefined;
  const docs = new Map(places.allDocs().map((doc) => [doc.id, doc]));
  // By distinctive words ("深度合成"), else by the head of one title only ("生成式人工智能").
  let found = documentsByTitleWords(text, docs);
  if (found.length === 0) found = documentsByTitleHead(text, docs);
  if (found.length !== 1) return undefined;
  const title = places.doc(found[0]!)!.title;
  const positions = tokenize(text).flatMap((word, i) =>
    /\p{Script=Han}/u.test(word) && title.includes(word) ? [i] : [],
  );
  if (positions.length === 0) return undefined;
  return {
    docId: found[0]!,
    start: Math.min(...positions),
    end: Math.max(...positions) + 1,
    positions,
    confidence: 0.6,
  };
}
