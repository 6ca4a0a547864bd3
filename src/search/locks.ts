// Words a passage uses only as the first word of a compound (`compoundLock`): "real" in "real-time remote
// biometric identification" and "testing in real world conditions", "long" in "long-term", "fine" in
// "fine-tuning", "law" in "law enforcement". A question that uses the word on its own ("ask for a real
// person", "how long can they keep it", "what's the fine") does not ask about the compound, so the word does
// not match that passage: the AI Act's sandboxes in real world conditions stop answering "should a voice
// assistant pretend to be a real person". A compound is two words joined by a hyphen, or two words WordNet
// lists as one noun ("real world", "law enforcement"), with one space between them. Only the first word is
// locked: the second is the compound's head ("informed consent" is consent), and a question with the
// compound's second word anywhere keeps the match. A passage's reader questions and headings count as its
// words: one that uses the word on its own frees it.
import { STOP_WORDS, stem, tokens } from './text.js';

/** term → passage → the stems of the second words it is locked to there. */
type LockTable = Map<string, Map<number, Set<string>>>;

const WORD = /^[a-z]{2,}$/;

export class CompoundLocks {
  private table?: LockTable;

  constructor(
    private readonly count: number,
    private readonly textOf: (i: number) => string,
    private readonly isCompound: (first: string, second: string) => boolean,
  ) {}

  /** The passages where `term` is only the first word of compounds, with those compounds' second words. */
  lockedIn(term: string): ReadonlyMap<number, ReadonlySet<string>> | undefined {
    this.table ??= this.build();
    return this.table.get(term);
  }

  /**
   * For each of the question's terms, the passages it does not match: those where the passage uses it only
   * before a second word the question does not write (any of its words, common ones included: "high risk"
   * keeps "high-risk" though "risk" is too common to be searched). Empty when nothing is locked.
   */
  skips(terms: readonly string[], question: string): Map<string, Set<number>> {
    const have = new Set(tokens(question).map((token) => stem(token.norm)));
    const out = new Map<string, Set<number>>();
    for (const term of new Set(terms)) {
      const locked = this.lockedIn(term);
      if (!locked) continue;
      let skip: Set<number> | undefined;
      for (const [i, seconds] of locked) {
        if ([...seconds].some((second) => have.has(second))) continue;
        skip ??= new Set();
        skip.add(i);
      }
      if (skip) out.set(term, skip);
    }
    return out;
  }

  private build(): LockTable {
    const table: LockTable = new Map();
    for (let i = 0; i < this.count; i++) {
      const text = this.textOf(i);
      const list = tokens(text);
      const free = new Set<string>();
      const locked = new Map<string, Set<string>>();
      for (let k = 0; k < list.length; k++) {
        const token = list[k]!;
        if (!WORD.test(token.norm) || STOP_WORDS.has(token.norm)) continue;
        const term = stem(token.norm);
        const next = list[k + 1];
        const end = token.start + token.surface.length;
        const joiner = next ? text.slice(end, next.start) : '';
        const compound =
          next !== undefined &&
          WORD.test(next.norm) &&
          !STOP_WORDS.has(next.norm) &&
          (joiner === '-' || (joiner === ' ' && this.isCompound(token.norm, next.norm)));
        if (!compound) {
          free.add(term);
          continue;
        }
        const seconds = locked.get(term) ?? new Set<string>();
        seconds.add(stem(next.norm));
        locked.set(term, seconds);
      }
      for (const [term, seconds] of locked) {
        if (free.has(term)) continue;
        const byPassage = table.get(term) ?? new Map<number, Set<string>>();
        byPassage.set(i, seconds);
        table.set(term, byPassage);
      }
    }
    return table;
  }
}
