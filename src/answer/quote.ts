// Quoting one place: a stable place id (from autocomplete or a button), a bare document name (which asks
// for a place), or a typed reference resolved by the reference resolver. The outcome is one of quoted,
// ambiguous (which part of the document, which document) or not-found, with its reason as facts.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { QuoteNote } from '../search/types.js';
import { findDocument, notHeld } from './documents.js';
import { counterpartOf, languageOf, type QuoteLanguage, type Rendition, renditionsFor } from './languages.js';
import { type NotFound, type QuoteOutcome, unresolvedOutcome } from './outcome.js';
import { parsePlaceId, passagesUnder, placeLocator, placesOf } from './places.js';
import type { Services } from './services.js';

/** How many "did you mean" suggestions an unresolved reference carries. */
export const MAX_SUGGESTIONS = 5;

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
): Promise<QuoteOutcome> {
  const result = await quoteAsNamed(services, reference);
  if (result.kind !== 'quoted') return result;
  if (!lang)
    return writtenInChinese(reference) && !heldInChinese(result.doc, services.catalog)
      ? { ...result, untranslated: true }
      : result;
  const shown = renditionsFor(result, lang, services.catalog, services.passagesOf, (doc, path, passages) =>
    placeLocator(doc, passages, path),
  );
  if (!Array.isArray(shown)) return unresolvedOutcome(reference, shown, []);
  const [first, second] = shown as [Rendition, Rendition | undefined];
  return {
    kind: 'quoted',
    ...(result.note ? { note: result.note } : {}),
    doc: first.doc,
    locator: first.locator,
    passages: [...first.passages],
    ...(second
      ? { alongside: { doc: second.doc, locator: second.locator, passages: [...second.passages] } }
      : {}),
  };
}

async function quoteAsNamed(services: Services, reference: string): Promise<QuoteOutcome> {
  const place = parsePlaceId(reference);
  if (place) {
    const doc = services.catalog.find((d) => d.id === place.docId);
    const all = doc ? services.passagesOf(doc.id) : [];
    const passages = passagesUnder(all, place.path);
    if (doc && passages.length > 0)
      return { kind: 'quoted', doc, locator: placeLocator(doc, all, place.path), passages };
  }
  // A known instrument is always named with where to read it; a name of no list only when the resolver would
  // otherwise quote a held document (its own refusal, with "did you mean" for "GPDR art 22", is better).
  const lacked = lackedName(services, reference);
  if (lacked?.why.reason === 'no-such-document' && lacked.why.known) return lacked;
  const docOnly = lacked ? undefined : findDocument(services.catalog, reference);
  if (docOnly)
    return unresolvedOutcome(
      reference,
      { reason: 'which-part', doc: docOnly, examples: examplePlaces(services, docOnly) },
      [],
    );
  const result = await services.quote(reference);
  const other = result.ok ? otherDocumentNamed(services, reference, result.doc, result.note) : undefined;
  if (other) return other;
  if (lacked && result.ok) return lacked;
  if (result.ok && result.passages.length > 0)
    return {
      kind: 'quoted',
      doc: result.doc,
      locator: result.locator,
      passages: result.passages,
      ...(result.note ? { note: result.note } : {}),
    };
  if (result.ok) return unresolvedOutcome(reference, { reason: 'no-text' }, []);
  return unresolvedOutcome(reference, result.failure, result.suggestions.slice(0, MAX_SUGGESTIONS));
}

/**
 * A reference that names an instrument Charter does not hold is refused with that name, never resolved to a held
 * document whose name it contains or resembles: "Digital Services Act Art. 27" once quoted the AI Act's Art. 27,
 * "Data Act Art. 9" AIDA's s. 9 (trial 7). The detector is search's (`missing` of /ask), so both say the same; a
 * held report about the instrument (the Global Times article) is a document to quote, not a refusal.
 */
function lackedName(services: Services, reference: string): NotFound | undefined {
  const name = services.missingIn?.(reference).find((entry) => entry.kind !== 'report');
  return name && notHeld(name.name, name.known);
}

/**
 * Words left unread that are themselves another held document's name ("AI Act Art. 5(1)(c) of the GDPR"): the
 * reference names two documents, so which one is asked, never the first one's place quoted with a note.
 */
function otherDocumentNamed(
  services: Services,
  reference: string,
  doc: CatalogDocument,
  note: QuoteNote | undefined,
): NotFound | undefined {
  if (note?.reason !== 'unread') return undefined;
  const other = findDocument(services.catalog, note.words);
  if (!other || other.id === doc.id) return undefined;
  return {
    kind: 'not-found',
    why: { reason: 'which-named-document', typed: reference, docs: [doc, other] },
    suggestions: [],
  };
}

/** A reference written in Chinese: more Han characters than Latin letters ("深度合成 第十七条"). */
function writtenInChinese(reference: string): boolean {
  const han = reference.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 && han > (reference.match(/[A-Za-z]/g)?.length ?? 0);
}

/** Whether Charter holds the document's text in Chinese: it is Chinese, or its Chinese original is held. */
function heldInChinese(doc: CatalogDocument, catalog: readonly CatalogDocument[]): boolean {
  if (languageOf(doc) === 'zh') return true;
  const other = counterpartOf(doc, catalog);
  return other !== undefined && languageOf(other) === 'zh';
}
