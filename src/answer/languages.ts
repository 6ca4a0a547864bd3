// The Chinese originals beside their English translations. A catalog entry with `originalOf` is the
// authentic text of the entry it names, which is a translation. A place has the same path in both (see
// corpus/citation-zh.ts), so the other language's passages of a quoted place are found by path.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage, RefPath } from '../corpus/types.js';

export const QUOTE_LANGUAGES = ['zh', 'en', 'both'] as const;
export type QuoteLanguage = (typeof QUOTE_LANGUAGES)[number];

export function isQuoteLanguage(value: string): value is QuoteLanguage {
  return (QUOTE_LANGUAGES as readonly string[]).includes(value);
}

/** The language a document's text is in (ISO 639-1). */
export const languageOf = (doc: CatalogDocument): string => doc.language ?? 'en';

/** The same text in the other language: the original of a translation, or the translation of an original. */
export function counterpartOf(
  doc: CatalogDocument,
  catalog: readonly CatalogDocument[],
): CatalogDocument | undefined {
  if (doc.originalOf) return catalog.find((d) => d.id === doc.originalOf);
  return catalog.find((d) => d.originalOf === doc.id);
}

/** One place in one language. */
export interface Rendition {
  doc: CatalogDocument;
  locator: string;
  passages: readonly Passage[];
}

/** The longest path prefix all passages share. */
export function sharedPrefix(passages: readonly Passage[]): RefPath {
  const first = passages[0]?.path ?? [];
  let n = first.length;
  for (const p of passages) {
    let k = 0;
    while (k < n && p.path[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n);
}

/** Why a place has no rendition in the language asked for. */
export type NoRendition =
  | { reason: 'no-language'; doc: CatalogDocument; lang: 'zh' | 'en' }
  | { reason: 'no-counterpart'; doc: CatalogDocument; other: CatalogDocument; locator: string };

/**
 * The renditions of a quoted place to show for `lang`: the quoted one alone when no language is asked for
 * or it is already in that language; the other language's passages at the same path otherwise, and both
 * (Chinese first) for `both`. Why not, when the other language does not have it.
 */
export function renditionsFor(
  quoted: Rendition,
  lang: QuoteLanguage | undefined,
  catalog: readonly CatalogDocument[],
  passagesOf: (docId: string) => readonly Passage[],
  locate: (doc: CatalogDocument, path: RefPath, passages: readonly Passage[]) => string,
): Rendition[] | NoRendition {
  if (!lang) return [quoted];
  const here = languageOf(quoted.doc);
  if (lang === here) return [quoted];
  const other = counterpartOf(quoted.doc, catalog);
  if (!other) {
    if (lang === 'both') return [quoted];
    return { reason: 'no-language', doc: quoted.doc, lang };
  }
  const prefix = sharedPrefix(quoted.passages);
  const passages = passagesOf(other.id).filter((p) => prefix.every((segment, i) => p.path[i] === segment));
  if (passages.length === 0)
    return { reason: 'no-counterpart', doc: quoted.doc, other, locator: quoted.locator };
  const rendition = { doc: other, locator: locate(other, prefix, passages), passages };
  if (lang !== 'both') return [rendition];
  return here === 'zh' ? [quoted, rendition] : [rendition, quoted];
}
