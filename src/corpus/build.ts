// One document from bytes to passages: read, apply the documented corrections of its copy, then split by
// its citation style.
import type { CatalogDocument } from './catalog.js';
import { applyCorrections, correctionsFor } from './corrections.js';
import { readDocument } from './read/index.js';
import { splitDocument } from './split/index.js';
import type { Passage, ReadDocument } from './types.js';

/** What the splitter sees: the reader's output with the document's corrections applied. */
export async function readCorrected(doc: CatalogDocument, bytes: Uint8Array): Promise<ReadDocument> {
  return applyCorrections(await readDocument(bytes, doc.source.format), correctionsFor(doc.id));
}

export async function passagesOf(doc: CatalogDocument, bytes: Uint8Array): Promise<Passage[]> {
  return splitDocument(doc, await readCorrected(doc, bytes));
}
