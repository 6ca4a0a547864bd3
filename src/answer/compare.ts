// What several documents each say on one topic: the best passage from each, or nothing for a document
// that has no passage on it. One outcome (outcome.ts) for /compare and `charter compare`.
import { namedDocuments } from './documents.js';
import type { Compared, CompareOutcome } from './outcome.js';
import type { Services } from './services.js';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;

/** `names` as typed (ids, short titles, aliases): an unknown one, or too few or many documents, is not-found. */
export async function compare(
  services: Services,
  topic: string,
  names: readonly string[],
): Promise<CompareOutcome> {
  const named = namedDocuments(services.catalog, names);
  if (named.kind === 'not-found') return named;
  const given = named.docs.length;
  if (given < MIN_COMPARED || given > MAX_COMPARED)
    return {
      kind: 'not-found',
      why: { reason: 'document-count', given, min: MIN_COMPARED, max: MAX_COMPARED },
      suggestions: [],
    };
  const rows: Compared['rows'] = [];
  for (const doc of named.docs) {
    const hit = (await services.search(topic, { docs: [doc.id], limit: 1 })).hits[0];
    rows.push(hit && hit.passages.length > 0 ? { doc, hit } : { doc });
  }
  return { kind: 'compared', topic, rows };
}
