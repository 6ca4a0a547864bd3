// Judging a search: whether its hits answer the question or are only the nearest passages (weak), from the
// evidence search reports (src/search/evidence.ts). Decided here, above the search, once for every front end
// and for `npm run eval`'s flags.
import type { SearchResponse } from '../search/types.js';

/**
 * A question that names no document is answered "nothing matches well" when the best of its first hits
 * holds less than this share of its words (weighted by how rare each word is). Chosen on the relevance sets
 * and test/relevance/tuning-missing.jsonl (`npm run eval` counts the flags): higher values flag questions
 * Charter can answer.
 */
export const WEAK_COVERAGE = 0.1;

/**
 * Whether the hits are only the nearest passages: nothing was searchable; or the question names no
 * document, does not ask when something applies (answered by an entry into force, whose words need not be
 * the question's), and nothing was found or the best hits hold too little of its words.
 */
export function isWeak(response: Pick<SearchResponse, 'evidence'>, threshold = WEAK_COVERAGE): boolean {
  const evidence = response.evidence;
  if (!evidence) return false;
  if (!evidence.searched) return true;
  if (evidence.named.length > 0 || evidence.asksWhen) return false;
  if (evidence.considered === 0) return true;
  return evidence.coverage !== null && evidence.coverage < threshold;
}

/** Whether the question names something Charter does not hold. */
export const isMissing = (response: Pick<SearchResponse, 'missing'>): boolean =>
  (response.missing?.length ?? 0) > 0;

/** Whether an answer to the question would be flagged: it names something missing, or matches weakly. */
export const isFlagged = (response: Pick<SearchResponse, 'missing' | 'evidence'>): boolean =>
  isMissing(response) || isWeak(response);
