// What a search found, as evidence for the answer core to judge (src/answer/judge.ts): how much of the
// question the best hits hold. Search never decides that an answer is weak; it measures.
import type { PendingHit } from './highlight.js';
import type { AnalyzedQuery } from './query.js';
import { PENALTY_CUE_TERMS, ProvisionKind, provisionKinds } from './query.js';
import type { TermScores } from './scorer.js';
import { oneWordSynonyms } from './thesaurus.js';
import type { SearchEvidence } from './types.js';

/** How many of the best hits coverage looks at: what a reply shows. */
export const EVIDENCE_DEPTH = 3;

/**
 * The evidence of a search (see `SearchEvidence`): the coverage is the largest share of the question's own
 * typed words (each weighted by its IDF, words the corpus lacks counting fully) that one of the best
 * `EVIDENCE_DEPTH` hits holds.
 */
export function gatherEvidence(
  analyzed: AnalyzedQuery,
  best: readonly PendingHit[],
  passageCount: number,
  termScores: (term: string) => TermScores,
): SearchEvidence {
  const base = {
    searched: analyzed.terms.length > 0,
    named: [...analyzed.namedDocs],
    asksWhen: (analyzed.shape & ProvisionKind.start) !== 0,
    considered: best.length,
  };
  if (!base.searched || best.length === 0) return { ...base, coverage: 0 };
  const typed = analyzed.terms.filter((term) => term.weight === 1);
  let whole = 0;
  const weights = typed.map(({ term }) => {
    const count = termScores(term).ids.length;
    const weight = Math.log(1 + (passageCount - count + 0.5) / (count + 0.5));
    whole += weight;
    return weight;
  });
  if (whole === 0) return { ...base, coverage: null };
  // A typed word is held by a passage that writes it the other way ("deepfake" by "deep fake"; compounds.ts)
  // or in a related form ("store" by "storage"; derivations.ts).
  const other = new Map((analyzed.compounds ?? []).map(({ term, other }) => [term, other]));
  const derived = analyzed.derived;
  const holds = (stems: ReadonlySet<string>, term: string) =>
    stems.has(term) ||
    (other.get(term)?.every((part) => stems.has(part)) ?? false) ||
    (derived?.get(term)?.some((form) => stems.has(form)) ?? false) ||
    oneWordSynonyms(term).some((synonym) => stems.has(synonym));
  // A question asking for a penalty ("what is the penalty") is answered by a provision of that kind whatever
  // it calls the consequence: BIPA Sec. 20 sets "liquidated damages" and never writes "penalty".
  const penalty = (analyzed.shape & ProvisionKind.penalty) !== 0;
  let covered = 0;
  for (const hit of best) {
    let share = 0;
    const ofKind =
      penalty && hit.passages.some((passage) => (provisionKinds(passage) & ProvisionKind.penalty) !== 0);
    for (const [t, { term }] of typed.entries())
      if (holds(hit.stems, term) || (ofKind && PENALTY_CUE_TERMS.has(term))) share += weights[t]!;
    covered = Math.max(covered, share / whole);
  }
  return { ...base, coverage: covered };
}
