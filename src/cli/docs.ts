// The documents a command's --doc values name, through the one document-name matcher (src/answer/documents):
// an id, a short title, an alias or a unique head word ("BIPA", "Colorado") work alike in every command.
// A name that names no document is a usage error (exit 2), said in the wording module's one sentence and
// checked against the catalog before any command loads the index.
import { namedDocuments } from '../answer/documents.js';
import { asSentence, notFoundWording, PLAIN } from '../answer/wording.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import { UsageError } from './args.js';

/** Every document when no name is given; else the named ones, each once, or one sentence naming the one that is not. */
export function selectDocuments(
  all: readonly CatalogDocument[],
  names: readonly string[] | undefined,
): CatalogDocument[] {
  if (!names || names.length === 0) return [...all];
  const named = namedDocuments(all, names);
  if (named.kind === 'not-found') throw new UsageError(asSentence(notFoundWording(named, PLAIN)));
  return named.docs;
}
