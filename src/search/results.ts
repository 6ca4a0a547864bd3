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
 * A corpus's passages as hits are formed from them. A passage's unit and lead-in key (its list's lead-in with
 * white space folded, by document) are worked out once per passage on first use: folding long lead-ins again on
 * every question was most of forming the hits of a question with many candidates.
 */
export class HitPassages {
  private readonly units: (string | undefined)[];
  private readonly contextKeys: (string | undefined)[];
  private readonly textKeys: (string | undefined)[];

  constructor(readonly passages: readonly Passage[]) {
    this.units = new Array<string | undefined>(passages.length).fill(undefined);
    this.contextKeys = new Array<string | undefined>(passages.length).fill(undefined);
    this.textKeys = new Array<string | undefined>(passages.length).fill(undefined);
  }

  /** The id of the unit passage `i` lies in. */
  unit(i: number): string {
    const { docId, path } = this.passages[i]!;
    this.units[i] ??= unitId(docId, path);
    return this.units[i];
  }

  /** The key of the lead-in shown above passage `i` (its context); undefined when it has none. */
  contextKey(i: number): string | undefined {
    const { docId, context } = this.passages[i]!;
    if (!context) return undefined;
    this.contextKeys[i] ??= leadInKey(docId, context);
    return this.contextKeys[i];
  }

  /** The key passage `i`'s own text has as a lead-in. */
  textKey(i: number): string {
    const { docId, text } = this.passages[i]!;
    this.textKeys[i] ??= leadInKey(docId, text);
    return this.textKeys[i];
  }
}

/**
 * Turns ranked passages into hits: a passage next to one already shown, and within it or containing it (a
 * piece of the same point, a sub-point), joins that hit; passages beyond a unit's or a document's cap wait
 * until the end. `docNamed`: the question names a document, so the document cap does not apply. `uncapped`:
 * passages the unit cap does not hold back (the points of a place the question names, `placePoints`).
 */
export function formHits(
  corpus: HitPassages,
  rules: HitRules,
  ranked: RankedList,
  docNamed: boolean,
  wanted: number,
  keep?: (i: number) => boolean,
  uncapped?: ReadonlySet<number>,
): PendingHit[] {
  const { passages } = corpus;
  const hits: PendingHit[] = [];
  const deferred: Ranked[] = [];
  const unitHits = new Map<string, FormingHit[]>();
  const perDoc = new Map<string, number>();
  // The lead-ins shown above points already taken: a passage that is only such a lead-in ("1. The following
  // practices shall be prohibited:") and cannot join its point's hit says nothing those hits do not show, so it
  // is not a hit of its own.
  const leadIns = new Set<string>();
  // Only a passage no longer than a lead-in taken can be one (so long passages are never keyed here).
  let longestLeadIn = 0;
  const noteLeadIn = (i: number) => {
    const key = corpus.contextKey(i);
    if (key === undefined) return;
    leadIns.add(key);
    longestLeadIn = Math.max(longestLeadIn, passages[i]!.context!.length + 16);
  };
  // Hits come from the head of the ranking, read only until they are all found.
  for (const result of ranked.ordered(keep)) {
    if (hits.length >= wanted) break;
    const passage = passages[result.i]!;
    const unit = corpus.unit(result.i);
    const shown = unitHits.get(unit);
    const neighbour = shown && neighbourOf(shown, passage, result.score, rules);
    if (neighbour) {
      neighbour.join(passage, result.i);
      noteLeadIn(result.i);
      continue;
    }
    if (leadIns.size > 0 && passage.text.length <= longestLeadIn && leadIns.has(corpus.textKey(result.i)))
      continue;
    const count = perDoc.get(passage.docId) ?? 0;
    if (
      ((shown?.length ?? 0) >= rules.perUnitCap && !uncapped?.has(result.i)) ||
      (!docNamed && count >= rules.perDocCap)
    ) {
      deferred.push(result);
      continue;
    }
    perDoc.set(passage.docId, count + 1);
    noteLeadIn(result.i);
    const hit = new FormingHit(passage, result, ranked.termsOf);
    if (shown) shown.push(hit);
    else unitHits.set(unit, [hit]);
    hits.push(hit);
  }
  // The whole ranking was read and hits are still missing: the passages that waited for their turn.
  for (const result of deferred) {
    if (hits.length >= wanted) break;
    hits.push(new FormingHit(passages[result.i]!, result, ranked.termsOf));
  }
  return hits;
}

/** The hit of the same unit a passage joins: next to one of its passages, within it or containing it. */
function neighbourOf(
  shown: readonly FormingHit[],
  passage: Passage,
  score: number,
  rules: HitRules,
): FormingHit | undefined {
  for (const hit of shown) {
    if (!(hit.passages.length < rules.maxMergedPassages && score >= hit.score * rules.mergeScoreShare))
      continue;
    for (const p of hit.passages)
      if (Math.abs(p.seq - passage.seq) === 1 && nested(p.path, passage.path)) return hit;
  }
  return undefined;
}

/**
 * A hit as it is formed. Its stems (the question's terms found in its passages) are gathered only when read:
 * the documents menu forms 25 hits and reads none, a page shows three.
 */
class FormingHit implements PendingHit {
  readonly passages: Passage[];
  readonly score: number;
  /** The corpus positions of its passages, in the order they joined. */
  private readonly from: number[];
  private gathered?: Set<string>;

  constructor(
    passage: Passage,
    { i, score }: Ranked,
    private readonly termsOf: (i: number) => string[],
  ) {
    this.passages = [passage];
    this.score = score;
    this.from = [i];
  }

  /** Passage `i`, a neighbour, joins the hit (in document order). */
  join(passage: Passage, i: number): void {
    this.passages.push(passage);
    this.passages.sort((a, b) => a.seq - b.seq);
    this.from.push(i);
    this.gathered = undefined;
  }

  get stems(): Set<string> {
    if (!this.gathered) {
      this.gathered = new Set();
      for (const i of this.from) for (const term of this.termsOf(i)) this.gathered.add(term);
    }
    return this.gathered;
  }
}

const leadInKey = (docId: string, text: string) => `${docId}\u0000${text.replace(/\s+/g, ' ').trim()}`;

/** Whether one path lies within the other: pieces of one point, or a point and its sub-points ((c) and (c)(i)). */
function nested(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((segment, i) => long[i] === segment);
}
