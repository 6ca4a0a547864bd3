// Quoting one place: a stable place id (from autocomplete or a button), a bare document name (which asks
// for a place), or a typed reference resolved by the reference resolver.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { findDocument } from './documents.js';
import { type QuoteLanguage, type Rendition, renditionsFor } from './languages.js';
import { parsePlaceId, passagesUnder, placeLocator, placesOf } from './places.js';
import type { Services } from './services.js';

/** How many "did you mean" suggestions an unresolved reference carries. */
export const MAX_SUGGESTIONS = 5;

export type QuoteResult =
  /** The place and the passages under it, in document order. */
  | {
      kind: 'found';
      doc: CatalogDocument;
      locator: string;
      passages: Passage[];
      /** With `lang: both`: the same place in the other language (the authentic Chinese text comes first). */
      alongside?: { doc: CatalogDocument; locator: string; passages: Passage[] };
    }
  /** Only a document was named: which places it has, to suggest (up to three top-level ones). */
  | { kind: 'document'; doc: CatalogDocument; examples: string[] }
  /** No such place: why (one sentence from the resolver) and what was probably meant. */
  | { kind: 'not-found'; reference: string; message: string; suggestions: string[] };

/** The first top-level places of a document, to show how a reference to it reads. */
export function examplePlaces(services: Services, doc: CatalogDocument, count = 3): string[] {
  return placesOf(doc, services.passagesOf(doc.id))
    .filter((p) => p.path.length === 1)
    .slice(0, count)
    .map((p) => p.locator);
}

/**
 * Quotes a stable place id (from autocomplete) or a typed reference; with `lang`, in that language (the
 * Chinese original or its English translation at the same place), or both side by side.
 */
export async function quote(
  services: Services,
  reference: string,
  lang?: QuoteLanguage,
): Promise<QuoteResult> {
  const result = await quoteAsNamed(services, reference);
  if (result.kind !== 'found' || !lang) return result;
  const shown = renditionsFor(result, lang, services.catalog, services.passagesOf, (doc, path, passages) =>
    placeLocator(doc, passages, path),
  );
  if (typeof shown === 'string') return { kind: 'not-found', reference, message: shown, suggestions: [] };
  const [first, second] = shown as [Rendition, Rendition | undefined];
  return {
    kind: 'found',
    doc: first.doc,
    locator: first.locator,
    passages: [...first.passages],
    ...(second
      ? { alongside: { doc: second.doc, locator: second.locator, passages: [...second.passages] } }
      : {}),
  };
}

async function quoteAsNamed(services: Services, reference: string): Promise<QuoteResult> {
  const place = parsePlaceId(reference);
  if (place) {
    const doc = services.catalog.find((d) => d.id === place.docId);
    const all = doc ? services.passagesOf(doc.id) : [];
    const passages = passagesUnder(all, place.path);
    if (doc && passages.length > 0)
      return { kind: 'found', doc, locator: placeLocator(doc, all, place.path), passages };
  }
  const docOnly = findDocument(services.catalog, reference);
  if (docOnly) return { kind: 'document', doc: docOnly, examples: examplePlaces(services, docOnly) };
  const result = await services.quote(reference);
  if (result.ok && result.passages.length > 0)
    return { kind: 'found', doc: result.doc, locator: result.locator, passages: result.passages };
  return {
    kind: 'not-found',
    reference,
    message: result.ok ? 'That place has no text.' : result.message,
    suggestions: result.ok ? [] : result.suggestions.slice(0, MAX_SUGGESTIONS),
  };
}
