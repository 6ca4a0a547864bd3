// What several documents each say on one topic: the best passage from each, or nothing for a document
// that has no passage on it.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { SearchHit } from '../search/types.js';
import type { Services } from './services.js';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;

export interface Compared {
  doc: CatalogDocument;
  /** The best passage(s) on the topic; undefined when the document has none. */
  hit?: SearchHit;
}

export async function compare(
  services: Services,
  topic: string,
  docs: readonly CatalogDocument[],
): Promise<Compared[]> {
  const out: Compared[] = [];
  for (const doc of docs) {
    const hit = (await services.search(topic, { docs: [doc.id], limit: 1 })).hits[0];
    out.push(hit && hit.passages.length > 0 ? { doc, hit } : { doc });
  }
  return out;
}
