// What Charter can quote: the catalog (newest first for people, catalog order for tools) and, for one
// document, how its passages divide into units.
import type { CatalogDocument } from '../corpus/catalog.js';
import { segmentType, UNIT_NAMES } from '../corpus/citation.js';
import type { Passage } from '../corpus/types.js';
import { resolveDocument } from './documents.js';
import type { SourceRow, SourcesOutcome } from './outcome.js';

export type { SourceRow };

/** The catalog (or its rows), newest first. */
export function newestFirst<T extends { date: string }>(catalog: readonly T[]): T[] {
  return [...catalog].sort((a, b) => b.date.localeCompare(a.date));
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

/** "113 articles, 180 recitals, 13 annexes" — counted from the passages' top-level units, in order of first appearance. */
/**
 * Where a document's text came from, for /sources NAME and `charter sources NAME`: its download URL, else
 * who supplied the copy. A file added with `charter add` was the operator's, not "supplied with Charter".
 */
export function textOrigin(doc: CatalogDocument): { url: string } | { text: string } {
  if (doc.source.url) return { url: doc.source.url };
  return {
    text: doc.addedLocally
      ? 'a file this deployment added with charter add (no download URL)'
      : 'a copy supplied with Charter (no public download URL)',
  };
}

export function structureSummary(passages: readonly Passage[]): string {
  const parts = unitCounts(passages).map(({ type, count }) => {
    const names = UNIT_NAMES[type] ?? { one: `${type} unit`, many: `${type} units` };
    return `${count} ${count === 1 ? names.one : names.many}`;
  });
  return `${parts.join(', ')} (${passages.length} passages)`;
}

/** Where `sources` reads passage counts (cheap: a manifest) and one document's passages. */
export interface SourcesReader {
  count(docId: string): number | null;
  passages(docId: string): readonly Passage[] | Promise<readonly Passage[]>;
}

/**
 * /sources and `charter sources [NAME]`: the catalog's rows (catalog order; people read them newest first),
 * or one document with its passages, or no such document.
 */
export async function sources(
  catalog: readonly CatalogDocument[],
  typed: string | undefined,
  read: SourcesReader,
): Promise<SourcesOutcome> {
  if (!typed) return { kind: 'catalog', rows: sourceRows(catalog, read.count) };
  const found = resolveDocument(catalog, typed);
  if (found.kind === 'not-found') return found;
  return { kind: 'document', doc: found.doc, passages: await read.passages(found.doc.id) };
}
