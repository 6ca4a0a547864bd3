// Provision kinds (when a provision starts to apply, a definition, a penalty) and the lift a question of that
// shape gives the passages of that kind.
import type { Passage } from '../corpus/types.js';
import type { CorpusIndexOptions } from './options.js';
import {
  type AnalyzedQuery,
  definedTermKeys,
  headingKinds,
  ProvisionKind,
  provisionKinds,
  topicKeys,
} from './query.js';

/**
 * The kinds of provision of the passages (`provisionKinds`) and the lift a question asking for a kind gives
 * them: a factor on their own score, plus a share of the best score in their document. The share is what
 * brings "These Provisions take effect on …" to a question about when those provisions start: the topic
 * words pick the document, the shape the provision in it.
 */
export class Provisions {
  private readonly kinds: Uint8Array;
  /** The kinds the passage's own heading names (`headingKinds`). */
  private readonly headed: Uint8Array;
  /** Each passage's document, as an ordinal. */
  private readonly docOf: Uint16Array;
  private readonly docCount: number;
  private readonly ordinals = new Map<string, number>();
  private readonly byShape = new Map<number, Int32Array>();
  /** Definition passages by the key of the term they define (`definedTermKeys`). */
  private readonly definitions = new Map<string, number[]>();

  constructor(passages: readonly Passage[]) {
    this.kinds = Uint8Array.from(passages, provisionKinds);
    this.headed = Uint8Array.from(passages, headingKinds);
    const ordinals = this.ordinals;
    this.docOf = Uint16Array.from(passages, (passage) => {
      const known = ordinals.get(passage.docId);
      if (known !== undefined) return known;
      ordinals.set(passage.docId, ordinals.size);
      return ordinals.size - 1;
    });
    this.docCount = ordinals.size;
    for (const [i, passage] of passages.entries()) {
      if ((this.kinds[i]! & ProvisionKind.definition) === 0) continue;
      for (const key of definedTermKeys(passage.text)) {
        const list = this.definitions.get(key);
        if (list) list.push(i);
        else this.definitions.set(key, [i]);
      }
    }
  }

  /** The passages of any kind in `shape`, ascending. */
  ofShape(shape: number): Int32Array {
    let found = this.byShape.get(shape);
    if (!found) {
      const ids: number[] = [];
      for (let i = 0; i < this.kinds.length; i++) if ((this.kinds[i]! & shape) !== 0) ids.push(i);
      found = Int32Array.from(ids);
      this.byShape.set(shape, found);
    }
    return found;
  }

  /**
   * Raises the scores (`final`, of passages `ids`) of passages of a kind in `shape` (the `provisionShape`
   * signal). A document the question
   * names counts as matching as well as the best passage: "when do the deep synthesis rules take effect" has
   * no topic words but the name.
   */
  lift(
    ids: Int32Array,
    final: Float64Array,
    question: Pick<AnalyzedQuery, 'shape' | 'namedDocs' | 'topicTerms' | 'chosenDoc'>,
    options: CorpusIndexOptions,
  ): void {
    const { shape, namedDocs } = question;
    const docBest = new Float64Array(this.docCount);
    let best = 0;
    for (let k = 0; k < ids.length; k++) {
      const doc = this.docOf[ids[k]!]!;
      if (final[k]! > docBest[doc]!) docBest[doc] = final[k]!;
      if (final[k]! > best) best = final[k]!;
    }
    const asked =
      question.chosenDoc !== undefined && namedDocs.length === 0 ? [question.chosenDoc] : namedDocs;
    for (const id of asked) {
      const doc = this.ordinals.get(id);
      // Any positive score will do when nothing matched at all: there is nothing else to rank.
      if (doc !== undefined) docBest[doc] = best > 0 ? best : 1;
    }
    // A question that names a document asks for that document's provision of the kind: another document's
    // is not lifted ("what is the penalty under BIPA" opened with AIDA's administrative monetary penalties,
    // whose word "penalty" BIPA never writes, above BIPA's liquidated damages).
    let only: Uint8Array | undefined;
    if (asked.length > 0) {
      only = new Uint8Array(this.docCount);
      for (const id of asked) {
        const doc = this.ordinals.get(id);
        if (doc !== undefined) only[doc] = 1;
      }
    }
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k]!;
      const kinds = this.kinds[i]! & shape;
      if (kinds === 0 || (only && only[this.docOf[i]!] === 0)) continue;
      // A period is one of many in its document: its own score decides, only raised (`timeLimitBoost`).
      if (kinds === ProvisionKind.timeLimit) {
        final[k]! *= options.timeLimitBoost;
        continue;
      }
      final[k] = final[k]! * options.shapeBoost + options.shapeDocShare * docBest[this.docOf[i]!]!;
      if ((this.headed[i]! & shape) !== 0) final[k]! *= options.shapeHeadingFactor;
    }
  }

  /** Raises the definition of exactly the words a definition question asks about ("what is a deployer"). */
  liftDefinitions(
    ids: Int32Array,
    final: Float64Array,
    asked: Pick<AnalyzedQuery, 'shape' | 'topicTerms'>,
    options: CorpusIndexOptions,
  ): void {
    if ((asked.shape & ProvisionKind.definition) === 0) return;
    // Before definitions that only use those words.
    const defining = new Set<number>();
    for (const key of topicKeys(asked.topicTerms))
      for (const i of this.definitions.get(key) ?? []) defining.add(i);
    if (defining.size === 0) return;
    for (let k = 0; k < ids.length; k++) if (defining.has(ids[k]!)) final[k]! *= options.definedTermBoost;
  }
}

/** Whether ascending `ids` holds `id` (binary search). */
export function includes(ids: Int32Array, id: number): boolean {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = ids[mid]!;
    if (at === id) return true;
    if (at < id) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
