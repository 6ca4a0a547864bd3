// What Charter can quote: the catalog (newest first for people, catalog order for tools) and, for one
// document, how its passages divide into units.
import type { CatalogDocument } from '../corpus/catalog.js';
import { segmentType } from '../corpus/citation.js';
import type { Passage } from '../corpus/types.js';

/** The catalog, newest first. */
export function newestFirst(catalog: readonly CatalogDocument[]): CatalogDocument[] {
  return [...catalog].sort((a, b) => b.date.localeCompare(a.date));
}

/** One row of `charter sources` / `/sources`: facts about a document and how many passages it has. */
export interface SourceRow {
  id: string;
  shortTitle: string;
  issuer: string;
  date: string;
  status: string;
  kind: string;
  jurisdiction: string;
  /** null when the document is not synced. */
  passages: number | null;
  url: string | null;
  /** What of the copy Charter does not quote, and why (catalog `notes`). */
  notes?: string;
  /** Added to this deployment with `charter add` (kept in the data directory, not the repository). */
  addedLocally?: true;
}

export function sourceRows(
  catalog: readonly CatalogDocument[],
  passageCount: (docId: string) => number | null,
): SourceRow[] {
  return catalog.map((doc) => ({
    id: doc.id,
    shortTitle: doc.shortTitle,
    issuer: doc.issuer,
    date: doc.date,
    status: doc.status,
    kind: doc.kind,
    jurisdiction: doc.jurisdiction,
    passages: passageCount(doc.id),
    url: doc.officialUrl,
    ...(doc.notes ? { notes: doc.notes } : {}),
    ...(doc.addedLocally ? { addedLocally: true } : {}),
  }));
}

/** Top-level units of a document by type ("art" → 113 distinct articles), in order of first appearance. */
export function unitCounts(passages: readonly Passage[]): { type: string; count: number }[] {
  const units = new Map<string, Set<string>>();
  for (const passage of passages) {
    const segment = passage.path[0] ?? '';
    const type = segmentType(segment) || 'other';
    if (!units.has(type)) units.set(type, new Set());
    units.get(type)!.add(segment);
  }
  return [...units].map(([type, set]) => ({ type, count: set.size }));
}
