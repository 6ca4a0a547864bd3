// The documents a command's --doc values name, through the one document-name matcher (src/answer/documents):
// an id, a short title, an alias or a unique head word ("BIPA", "Colorado") work alike in every command.
import { findDocument } from '../answer/documents.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import { UsageError } from './args.js';

/** Every document when no name is given; else the named ones, or one sentence naming the one that is not. */
export function selectDocuments(
  all: readonly CatalogDocument[],
  names: string[] | undefined,
): CatalogDocument[] {
  if (!names || names.length === 0) return [...all];
  return names.map((name) => {
    const doc = findDocument(all, name);
    if (!doc) throw new UsageError(`There is no document "${name}" in the catalog (try "charter sources").`);
    return doc;
  });
}
