// Placeholder until implemented.
import type { CatalogDocument } from '../../catalog.js';
import type { Passage, ReadDocument } from '../../types.js';

export function splitReport(doc: CatalogDocument, read: ReadDocument): Passage[] {
  throw new Error(`No report splitter yet for ${doc.id} (${read.lines.length} lines).`);
}
