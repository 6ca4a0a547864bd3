// Ranking, stage 4: results. The ranked passages become hits: adjacent passages of one point join one hit
// (`mergeNeighbours`), and no unit or document fills the list before others get a turn (`unitDiversity`,
// `documentDiversity`); a question setting sides against each other takes hits from each in turn (sides.ts).
import { unitId } from '../corpus/citation.js';
import type { Passage } from '../corpus/types.js';
import type { PendingHit } from './highlight.js';
import type { CorpusIndexOptions } from './options.js';
import type { Ranked, RankedList } from './ranking.js';

/** How hits are formed, from the options and the result signals that are on. */
export interface HitRules {
  maxMergedPassages: number;
  mergeScoreShare: number;
  perUnitCap: number;
  perDocCap: number;
}

export function hitRules(options: CorpusIndexOptions): HitRules {
  const { signals } = options;
  return {
    maxMergedPassages: signals.mergeNeighbours ? options.maxMergedPassages : 1,
    mergeScoreShare: options.mergeScoreShare,
    perUnitCap: signals.unitDiversity ? options.perUnitCap : Number.POSITIVE_INFINITY,
    perDocCap: signals.documentDiversity ? options.perDocCap : Number.POSITIVE_INFINITY,
  };
}

/**
 * Turns ranked passages into hits: a passage next to one already shown, and within it or containing it (a
 * piece of the same point, a sub-point), joins that hit; passages beyond a unit's or a document's cap wait
 * until the end. `docNamed`: the question names a document, so the document cap does not apply.
 */
export function formHits(
  passages: readonly Passage[],
  rules: HitRules,
  ranked: RankedList,
  docNamed: boolean,
  wanted: number,
  keep?: (i: number) => boolean,
): PendingHit[] {
  // Hits come from the head of the ranking; a head too short to fill them is taken again, deeper.
  for (let depth = 64 + 16 * wanted; ; depth *= 4) {
    const head = ranked.top(depth, keep);
    const hits = hitsFrom(passages, rules, head, ranked, docNamed, wanted, head.length < depth);
    if (hits) return hits;
  }
}

/** The hits of a ranking's head; undefined when the head ran out before they were all found. */
function hitsFrom(
  passages: readonly Passage[],
  rules: HitRules,
  head: readonly Ranked[],
  ranked: RankedList,
  docNamed: boolean,
  wanted: number,
  whole: boolean,
): PendingHit[] | undefined {
  const hits: PendingHit[] = [];
  const deferred: Ranked[] = [];
  const unitHits = new Map<string, PendingHit[]>();
  const perDoc = new Map<string, number>();
  // The lead-ins shown above points already taken: a passage that is only such a lead-in ("1. The following
  // practices shall be prohibited:") and cannot join its point's hit says nothing those hits do not show, so it
  // is not a hit of its own.
  const leadIns = new Set<string>();
  // Only a passage no longer than a lead-in taken can be one (so long passages are never normalized here).
  let longestLeadIn = 0;
  const noteLeadIn = (passage: Passage) => {
    if (!passage.context) return;
    leadIns.add(leadInKey(passage.docId, passage.context));
    longestLeadIn = Math.max(longestLeadIn, passage.context.length + 16);
  };
  for (const result of head) {
    if (hits.length >= wanted) break;
    const passage = passages[result.i]!;
    const unit = unitId(passage.docId, passage.path);
    const shown = unitHits.get(unit) ?? [];
    const neighbour = shown.find(
      (hit) =>
        hit.passages.length < rules.maxMergedPassages &&
        result.score >= hit.score * rules.mergeScoreShare &&
        hit.passages.some((p) => Math.abs(p.seq - passage.seq) === 1 && nested(p.path, passage.path)),
    );
    if (neighbour) {
      neighbour.passages.push(passage);
      neighbour.passages.sort((a, b) => a.seq - b.seq);
      for (const term of ranked.termsOf(result.i)) neighbour.stems.add(term);
      noteLeadIn(passage);
      continue;
    }
    if (
      leadIns.size > 0 &&
      passage.text.length <= longestLeadIn &&
      leadIns.has(leadInKey(passage.docId, passage.text))
    )
      continue;
    const count = perDoc.get(passage.docId) ?? 0;
    if (shown.length >= rules.perUnitCap || (!docNamed && count >= rules.perDocCap)) {
      deferred.push(result);
      continue;
    }
    perDoc.set(passage.docId, count + 1);
    noteLeadIn(passage);
    const hit: PendingHit = {
      passages: [passage],
      score: result.score,
      stems: new Set(ranked.termsOf(result.i)),
    };
    unitHits.set(unit, [...shown, hit]);
    hits.push(hit);
  }
  if (hits.length < wanted && !whole) return undefined;
  for (const result of deferred) {
    if (hits.length >= wanted) break;
    hits.push({
      passages: [passages[result.i]!],
      score: result.score,
      stems: new Set(ranked.termsOf(result.i)),
    });
  }
  return hits;
}

const leadInKey = (docId: string, text: string) => `${docId}\u0000${text.replace(/\s+/g, ' ').trim()}`;

/** Whether one path lies within the other: pieces of one point, or a point and its sub-points ((c) and (c)(i)). */
function nested(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((segment, i) => long[i] === segment);
}
