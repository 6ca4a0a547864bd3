// How much of a question one reader question holds (corpus/asks: what readers ask of the documents, in the
// everyday words people use). A situation about the documents told without their words ("my boss tracks every
// keystroke i type at work") is still told in the words readers use when they ask about them ("my boss …",
// "at work", "track"); chatter ("anyone wanna queue ranked valorant tonight", "my model overfits after 3
// epochs") is not, even when it borrows a word of theirs. The off-topic judge weighs it (offtopic.ts
// `Topicality.asked`, learned-judge.ts). No list: the reader questions are the corpus's own material, and a
// document added with its reader questions brings their words.
import { STOP_WORDS, stem, tokens } from './text.js';

const HAS_DIGIT = /\p{N}/u;

/** The distinct content terms of a text (no stop words, no numbers), as index terms. */
function contentTerms(text: string): string[] {
  const out = new Set<string>();
  for (const token of tokens(text))
    if (!STOP_WORDS.has(token.norm) && !HAS_DIGIT.test(token.norm)) out.add(stem(token.norm));
  return [...out];
}

export class AskedIndex {
  /** The reader questions holding each term, by their position. */
  private readonly postings = new Map<string, number[]>();
  private readonly count: number;

  constructor(questions: Iterable<string>) {
    let i = 0;
    for (const question of questions) {
      for (const term of contentTerms(question)) {
        const list = this.postings.get(term);
        if (list) list.push(i);
        else this.postings.set(term, [i]);
      }
      i++;
    }
    this.count = i;
  }

  /**
   * The largest share of the question's content terms, each weighted by its rarity among the reader
   * questions (BM25's IDF; a term none of them uses weighs most), that one reader question holds: 0 to 1, 0
   * for a question with no content term or when there are no reader questions.
   */
  coverage(question: string): number {
    const terms = contentTerms(question);
    if (terms.length === 0 || this.count === 0) return 0;
    const scores = new Map<number, number>();
    let whole = 0;
    for (const term of terms) {
      const list = this.postings.get(term) ?? [];
      const weight = Math.log(1 + (this.count - list.length + 0.5) / (list.length + 0.5));
      whole += weight;
      for (const i of list) scores.set(i, (scores.get(i) ?? 0) + weight);
    }
    let best = 0;
    for (const score of scores.values()) best = Math.max(best, score);
    return best / whole;
  }
}
