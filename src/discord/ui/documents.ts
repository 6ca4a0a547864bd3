// Documents as autocomplete choices (the matching itself is the answer core's, src/answer/documents.ts).
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { matchDocuments } from '../../answer/documents.js';
import { type CatalogDocument, isFlaggedStatus } from '../../corpus/catalog.js';
import { plainText } from '../../reply/escape.js';
import { clip } from '../../reply/truncate.js';
import { LIMITS } from '../limits.js';

/** How a document is offered in a choice list: short title, year, and a revoked/superseded flag. */
export function documentChoiceName(doc: CatalogDocument): string {
  const flag = isFlaggedStatus(doc.status) ? `, ${doc.status}` : '';
  return clip(plainText(`${doc.shortTitle} (${doc.date.slice(0, 4)}${flag})`), LIMITS.choiceName);
}

/** Documents matching a partial name, as choices. */
export function documentChoices(
  catalog: readonly CatalogDocument[],
  partial: string,
): APIApplicationCommandOptionChoice<string>[] {
  return matchDocuments(catalog, partial)
    .slice(0, LIMITS.autocompleteChoices)
    .map((doc) => ({ name: documentChoiceName(doc), value: doc.id }));
}
