// Finding documents by what people type (ids, short titles, aliases): the exact name, a name at the start
// of a reference, and the documents a partial name may mean (for autocomplete).
import type { CatalogDocument } from '../corpus/catalog.js';
import { plainText } from '../corpus/text.js';

const fold = (text: string) =>
  plainText(text)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const namesOf = (doc: CatalogDocument) => [doc.id, doc.shortTitle, ...doc.aliases].map(fold);

/** The document a typed value names exactly (id, short title or alias), if any. */
export function findDocument(
  catalog: readonly CatalogDocument[],
  typed: string | undefined,
): CatalogDocument | undefined {
  if (!typed) return undefined;
  const exact = catalog.find((doc) => doc.id === typed);
  if (exact) return exact;
  const key = fold(typed);
  return catalog.find((doc) => namesOf(doc).includes(key));
}

/** The document whose name occurs at the start of `typed` (longest name wins), and what follows it. */
export function documentPrefix(
  catalog: readonly CatalogDocument[],
  typed: string,
): { doc: CatalogDocument; rest: string } | undefined {
  const key = fold(typed);
  let best: { doc: CatalogDocument; length: number } | undefined;
  for (const doc of catalog) {
    for (const name of namesOf(doc)) {
      if (name && (key === name || key.startsWith(`${name} `)) && name.length > (best?.length ?? 0)) {
        best = { doc, length: name.length };
      }
    }
  }
  return best ? { doc: best.doc, rest: key.slice(best.length).trim() } : undefined;
}

/** Documents a partial name may mean: prefix matches first, then containing matches; catalog order otherwise. */
export function matchDocuments(catalog: readonly CatalogDocument[], partial: string): CatalogDocument[] {
  const key = fold(partial);
  return catalog
    .map((doc, index) => {
      const names = [...namesOf(doc), fold(doc.title), fold(doc.jurisdiction)];
      const rank =
        key === ''
          ? 1
          : names.some((n) => n.startsWith(key))
            ? 0
            : names.some((n) => n.includes(key))
              ? 1
              : 2;
      return { doc, rank, index };
    })
    .filter((s) => s.rank < 2)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ doc }) => doc);
}
