// Suggestions while a reference is typed: documents until one is named, then the places in it that match
// what follows ("AI Act art 5" → Art. 5, Art. 5(1), Art. 5(1)(a)…).
import type { CatalogDocument } from '../corpus/catalog.js';
import { plainText } from '../corpus/text.js';
import type { RefPath } from '../corpus/types.js';
import { documentPrefix, matchDocuments } from './documents.js';
import { placesOf } from './places.js';
import type { Services } from './services.js';

/** People type "article 5(1)" or "Art. 5 1"; locators read "Art. 5(1)". Both fold to "art 5 1". */
export function referenceKey(text: string): string {
  return plainText(text)
    .toLowerCase()
    .replace(/\barticles?\b/g, 'art')
    .replace(/\bsections?\b|§/g, 'sec')
    .replace(/\bparagraphs?\b/g, 'para')
    .replace(/\brecitals\b/g, 'recital')
    .replace(/\bannexes\b/g, 'annex')
    .replace(/\bpoints?\b/g, ' ')
    .replace(/[^\p{L}\p{N}.]+|\.(?!\d)/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type ReferenceSuggestions =
  | { kind: 'documents'; docs: CatalogDocument[] }
  | { kind: 'places'; doc: CatalogDocument; places: { path: RefPath; locator: string }[] };

export function suggestReferences(services: Services, partial: string): ReferenceSuggestions {
  const named = documentPrefix(services.catalog, partial);
  if (!named) return { kind: 'documents', docs: matchDocuments(services.catalog, partial) };
  const rest = referenceKey(named.rest).replace(/^\d{4}\b\s*/, '');
  const places = placesOf(named.doc, services.passagesOf(named.doc.id)).filter((place) => {
    if (rest === '') return place.path.length === 1;
    const key = referenceKey(place.locator);
    return key.startsWith(rest) || key.split(' ').slice(1).join(' ').startsWith(rest);
  });
  return { kind: 'places', doc: named.doc, places };
}
