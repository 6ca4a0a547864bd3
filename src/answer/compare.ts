// What several documents each say on one topic: the best passage from each, or nothing for a document
// that has no passage on it (none matches, or the judge finds its best match weak). One outcome (outcome.ts) for /compare and `charter compare`.

import { findPassages } from './ask.js';
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
    // ONE path with `ask --doc X` (ask.ts `findPassages`): the same search, the same judge, the same lead-in
    // with its items, and the first result is the row. A search of its own with `limit: 1` judged coverage on
    // one hit where /ask judges it on the first three (evidence.ts `EVIDENCE_DEPTH`), so "telling people
    // they're talking to an AI" said Colorado had no passage though `ask --doc` found § 6-1-1704 second. A
    // nearest passage the judge finds weak (NIST AI RMF's title page for "deepfakes") is not the document's
    // position: the row says it has none, as for a document with no match at all.
    const found = await findPassages(services, { query: topic, docs: [doc], limit: COMPARE_DEPTH });
    const hit = found.hits[0];
    rows.push(hit && !found.weak ? { doc, hit } : { doc });
  }
  return { kind: 'compared', topic, rows };
}

/** How many results each document's search takes, as `charter ask`'s default page: the judge reads the same. */
const COMPARE_DEPTH = 5;
