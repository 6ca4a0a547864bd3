// "US vs China on open source": a question that sets two or more named documents or places side by side
// is answered from each side in turn (the `bothSides` result signal).
import type { CatalogDocument } from '../corpus/catalog.js';
import type { PendingHit } from './highlight.js';
import { inJurisdiction } from './thesaurus.js';

/** Words that set two things side by side. */
const COMPARING = /\b(vs\.?|versus|compared?|comparison|compar\w+|differ\w*|between|both)\b/i;

/**
 * Which side each document is on (its index among the names), for a question that compares two or more
 * named documents or places; undefined for any other question.
 */
export function sidesOf(
  query: string,
  namedDocs: readonly string[],
  jurisdictions: readonly string[],
  docs: Iterable<CatalogDocument>,
): Map<string, number> | undefined {
  if (!COMPARING.test(query)) return undefined;
  const sides = new Map<string, number>();
  if (namedDocs.length >= 2) for (const [side, id] of namedDocs.entries()) sides.set(id, side);
  else if (jurisdictions.length >= 2)
    for (const doc of docs) {
      const side = jurisdictions.findIndex((j) => inJurisdiction(doc.jurisdiction, j));
      if (side >= 0) sides.set(doc.id, side);
    }
  else return undefined;
  return sides;
}

/** Hits taken from each side's own ranking in turn, then the overall ranking's other hits, `wanted` in all. */
export function alternate(
  sides: readonly PendingHit[][],
  overall: readonly PendingHit[],
  wanted: number,
): PendingHit[] {
  const out: PendingHit[] = [];
  const seen = new Set<string>();
  const add = (hit: PendingHit) => {
    const id = hit.passages[0]!.id;
    if (out.length >= wanted || seen.has(id)) return;
    seen.add(id);
    out.push(hit);
  };
  const longest = Math.max(0, ...sides.map((side) => side.length));
  for (let round = 0; round < longest; round++)
    for (const side of sides) if (round < side.length) add(side[round]!);
  for (const hit of overall) add(hit);
  return out;
}
