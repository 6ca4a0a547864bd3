// Finding documents by what people type, through the one document-name matcher (src/search/docnames.ts):
// the document a whole value names, a name at the start of a reference, the documents a partial name may
// mean (autocomplete).
import type { CatalogDocument } from '../corpus/catalog.js';
import { loadKnownInstruments } from '../corpus/instruments.js';
import { DocNameMatcher } from '../search/docnames.js';
import { InstrumentMatcher, type KnownFacts } from '../search/instruments.js';
import type { NotFound } from './outcome.js';

const matchers = new WeakMap<readonly CatalogDocument[], DocNameMatcher>();

function matcherFor(catalog: readonly CatalogDocument[]): DocNameMatcher {
  let matcher = matchers.get(catalog);
  if (!matcher) {
    matcher = new DocNameMatcher(catalog);
    matchers.set(catalog, matcher);
  }
  return matcher;
}

const byId = (catalog: readonly CatalogDocument[], id: string | undefined) =>
  id === undefined ? undefined : catalog.find((doc) => doc.id === id);

/** The document a typed value names (id, short title, alias or title, forgiving a typo), if any. */
export function findDocument(
  catalog: readonly CatalogDocument[],
  typed: string | undefined,
): CatalogDocument | undefined {
  return typed ? byId(catalog, matcherFor(catalog).named(typed)) : undefined;
}

/** The document whose name starts `typed` (longest name wins), and what follows it. */
export function documentPrefix(
  catalog: readonly CatalogDocument[],
  typed: string,
): { doc: CatalogDocument; rest: string } | undefined {
  const found = matcherFor(catalog).prefix(typed);
  const doc = byId(catalog, found?.docId);
  return doc && found ? { doc, rest: found.rest.trim() } : undefined;
}

/** Documents a partial name may mean: prefix matches first, then containing matches; catalog order otherwise. */
export function matchDocuments(catalog: readonly CatalogDocument[], partial: string): CatalogDocument[] {
  return matcherFor(catalog)
    .suggest(partial)
    .map((id) => byId(catalog, id)!)
    .filter(Boolean);
}

/** Whether a text names any document, exactly or forgiving a typo ("Recital 71" names none). */
export function namesDocument(catalog: readonly CatalogDocument[], text: string): boolean {
  return matcherFor(catalog).findBest(text) !== undefined;
}

let instruments: InstrumentMatcher | undefined;

/**
 * The instrument of corpus/instruments.json (known, not held) a typed document name names, if any: a name
 * that is no document Charter holds may still be one it knows of, and then the answer says where to read it.
 */
export function knownInstrument(typed: string, options?: { start?: boolean }): KnownFacts | undefined {
  instruments ??= new InstrumentMatcher(loadKnownInstruments());
  return instruments.named(typed, options);
}

/** The outcome for a typed name that names no document Charter holds (with what Charter knows of it). */
export function noSuchDocument(typed: string): NotFound {
  return notHeld(typed, knownInstrument(typed));
}

/** The outcome for a name no held document has, with the known instrument's facts when it is one. */
export function notHeld(typed: string, known: KnownFacts | undefined): NotFound {
  return {
    kind: 'not-found',
    why: { reason: 'no-such-document', typed, ...(known ? { known } : {}) },
    suggestions: [],
  };
}

/**
 * The one document a whole typed name (`--doc`, /compare's options, `sources NAME`) names, or why not. A name
 * that is, or begins, the names of several held documents is refused with the documents it may mean
 * ("nist": NIST AI RMF 1.0 or NIST AI 600-1), even when the catalog gives it to one of them as an alias:
 * a comparison or a scope must never silently pick one. A document's own id or short title is never
 * ambiguous. Only a name no held document has may be one Charter knows of but does not hold.
 */
const WHICH_ONE_MAX = 4;

export function resolveDocument(
  catalog: readonly CatalogDocument[],
  typed: string,
): { kind: 'named'; doc: CatalogDocument } | NotFound {
  const doc = findDocument(catalog, typed);
  // A known instrument's whole name beats a held document's name it only resembles: "Data Act" is the EU's Data
  // Act, not AIDA ("Artificial Intelligence and Data Act"), unless the catalog gives AIDA that very name; the
  // start of a known name ("Hiroshima") still names the held document.
  if (doc && !isOwnName(doc, typed) && knownInstrument(typed, { start: false })) return noSuchDocument(typed);
  const exact = doc && (doc.id === typed.trim() || doc.shortTitle === typed.trim());
  if (!exact) {
    const several = matcherFor(catalog)
      .startingWith(typed)
      .map((id) => byId(catalog, id))
      .filter((d): d is CatalogDocument => d !== undefined);
    // More than a few ("AI", "EU") is no name at all: said as such, not as a long list.
    if (several.length > 1 && several.length <= WHICH_ONE_MAX && (!doc || several.includes(doc)))
      return {
        kind: 'not-found',
        why: { reason: 'which-named-document', typed, docs: several },
        suggestions: [],
      };
  }
  return doc ? { kind: 'named', doc } : noSuchDocument(typed);
}

const folded = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether a typed name is one of the document's own names (id, short title, title or alias), letter case aside. */
function isOwnName(doc: CatalogDocument, typed: string): boolean {
  const key = folded(typed);
  return [doc.id, doc.shortTitle, doc.title, ...(doc.aliases ?? [])].some((name) => folded(name) === key);
}

/**
 * The documents typed names name, in order, each once (`--doc`, /compare's options); or the outcome for the
 * first name that names none. Every front end resolves document names here, so an unknown one is worded once.
 */
export function namedDocuments(
  catalog: readonly CatalogDocument[],
  names: readonly string[],
): { kind: 'named'; docs: CatalogDocument[] } | NotFound {
  const docs: CatalogDocument[] = [];
  for (const typed of names) {
    const found = resolveDocument(catalog, typed);
    if (found.kind === 'not-found') return found;
    const doc = found.doc;
    if (!docs.includes(doc)) docs.push(doc);
  }
  return { kind: 'named', docs };
}
