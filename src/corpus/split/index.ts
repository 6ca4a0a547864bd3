// Dispatches a read document to the splitter of its citation style.
import type { CatalogDocument } from '../catalog.js';
import type { Passage, ReadDocument } from '../types.js';

export function splitDocument(doc: CatalogDocument, read: ReadDocument): Passage[] {
  throw new Error(`No splitter for ${doc.citation.style} yet (${read.lines.length} lines).`);
}
