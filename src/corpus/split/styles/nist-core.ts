// Placeholder until implemented.
import type { CatalogDocument } from '../../catalog.js';
import type { Passage, ReadDocument } from '../../types.js';

export function splitNistCore(doc: CatalogDocument, read: ReadDocument): Passage[] {
  throw new Error(`No nist-core splitter yet for ${doc.id} (${read.lines.length} lines).`);
}
