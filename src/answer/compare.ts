// What several documents each say on one topic: the best passage from each, or nothing for a document
// that has no passage on it (none matches, or the judge finds its best match weak). One outcome (outcome.ts) for /compare and `charter compare`.
import { namedDocuments } from './documents.js';
import { isWeak } from './judge.js';
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
    const response = await services.search(topic, { docs: [doc.id], limit: 1 });
    const hit = response.hits[0];
    // The judge's own decision on this document's search (as /ask within `--doc` takes it): a nearest
    // passage that holds too little of the topic (NIST AI RMF's title page for "deepfakes") is not the
    // document's position, so the row says it has none, as for a document with no match at all.
    const answers = hit && hit.passages.length > 0 && !isWeak(response);
    rows.push(answers ? { doc, hit } : { doc });
  }
  return { kind: 'compared', topic, rows };
}
