// One document from bytes to passages: read, then split by its citation style.
import type { CatalogDocument } from './catalog.js';
import { readDocument } from './read/index.js';
import { splitDocument } from './split/index.js';
import type { Passage } from './types.js';

export async function passagesOf(doc: CatalogDocument, bytes: Uint8Array): Promise<Passage[]> {
  const read = await readDocument(bytes, doc.source.format);
  return splitDocument(doc, read);
}
