// Finding documents by what people type (ids, short titles, aliases) and autocomplete over them.
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { CatalogDocument } from '../src/corpus/catalog.js';
import { LIMITS } from '../src/discord/limits.js';
import { plainText } from '../src/reply/escape.js';
import { clip } from '../src/reply/truncate.js';

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

/** How a document is offered in a choice list: short title, year, and a revoked/superseded flag. */
export function documentChoiceName(doc: CatalogDocument): string {
  const flag = doc.status === 'revoked' || doc.status === 'superseded' ? `, ${doc.status}` : '';
  return clip(plainText(`${doc.shortTitle} (${doc.date.slice(0, 4)}${flag})`), LIMITS.choiceName);
}

/** Documents matching a partial name: prefix matches first, then containing matches; catalog order otherwise. */
export function documentChoices(
  catalog: readonly CatalogDocument[],
  partial: string,
): APIApplicationCommandOptionChoice<string>[] {
  const key = fold(partial);
  const scored = catalog
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
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  return scored
    .slice(0, LIMITS.autocompleteChoices)
    .map(({ doc }) => ({ name: documentChoiceName(doc), value: doc.id }));
}
