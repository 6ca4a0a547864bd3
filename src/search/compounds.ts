// Query analysis, `compounds`: words people write closed or open ("deepfake" / "deep fake", "data set" /
// "dataset", "chat bot" / "chatbot") meet the documents' way of writing them. No list of compounds: a typed
// word is split into two corpus words when the corpus writes that pair next to each other ("deep fake",
// "decision-making"), and two adjacent typed words are joined when the corpus uses their concatenation as a word.
import { STOP_WORDS, termOf, tokenize } from './text.js';
import type { WeightedTerm } from './thesaurus.js';

/** What the stage reads of the corpus. */
export interface CompoundCorpus {
  /** How many passages have an index term. */
  frequency(term: string): number;
  /** The passages (positions, ascending) that have an index term. */
  passagesWith(term: string): ArrayLike<number>;
  text(passage: number): string;
}

export interface CompoundOptions {
  /** Weight of a split's parts and of a joined word (0: off). */
  compoundWeight: number;
  /** Fewest passages that must write the pair next to each other (or use the joined word). */
  compoundMinPassages: number;
}

const PLAIN = /^[a-z]+$/;
const MIN_PART = 3;
/** Most passages read to find a pair written next to each other: enough to see it, bounded in cost. */
const MAX_READ = 400;

/** Adds a term at `weight`, or raises it to `weight` (a synonym of the thesaurus may have it lower). */
function add(terms: WeightedTerm[], term: string, weight: number): boolean {
  const known = terms.find((t) => t.term === term);
  if (known) {
    if (known.weight >= weight) return false;
    known.weight = weight;
    known.count = weight;
    return true;
  }
  terms.push({ term, weight, count: weight });
  return true;
}

/** How many passages (up to `enough`) of those with `term` match `written`. */
function passagesWriting(term: string, written: RegExp, corpus: CompoundCorpus, enough: number): number {
  const ids = corpus.passagesWith(term);
  let found = 0;
  for (let k = 0; k < ids.length && k < MAX_READ; k++)
    if (written.test(corpus.text(ids[k]!)) && ++found >= enough) return found;
  return found;
}

/** How many passages (up to `enough`) write `first` then `second` next to each other, open or hyphenated. */
function pairPassages(first: string, second: string, corpus: CompoundCorpus, enough: number): number {
  const a = termOf(first);
  const b = termOf(second);
  if (a === null || b === null || corpus.frequency(a) === 0 || corpus.frequency(b) === 0) return 0;
  // The rarer part's passages are read.
  const rarer = corpus.frequency(a) <= corpus.frequency(b) ? a : b;
  return passagesWriting(rarer, new RegExp(`\\b${first}[\\s-]+${second}(s|es)?\\b`, 'i'), corpus, enough);
}

/** A typed term and the terms of the corpus's other way of writing it (`AnalyzedQuery.compounds`). */
export interface CompoundForm {
  term: string;
  other: string[];
}

/**
 * Adds the corpus's other way of writing the question's compounds to `terms` and returns them: at weight 1
 * when the typed form is absent from the corpus (the other form is then the question's word), else at
 * `compoundWeight`. A split's parts also join `topicTerms` right after the word, so "what is a deepfake" also
 * looks up the definition of "deep fake".
 */
export function compoundTerms(
  question: string,
  terms: WeightedTerm[],
  topicTerms: string[],
  corpus: CompoundCorpus,
  options: CompoundOptions,
): CompoundForm[] {
  const found: CompoundForm[] = [];
  if (options.compoundWeight <= 0) return found;
  const words = tokenize(question);
  const need = options.compoundMinPassages;
  const weightFor = (typed: readonly string[]) =>
    typed.every((term) => corpus.frequency(term) > 0) ? options.compoundWeight : 1;
  for (const [k, word] of words.entries()) {
    if (!PLAIN.test(word)) continue;
    // Join: "data set" → dataset, "chat bot" → chatbot, "back up" → backup; the corpus must write the joined
    // word itself ("for the" is not "forth"), and a function word starts none ("a way" is not "away").
    const next = words[k + 1];
    if (next !== undefined && PLAIN.test(next) && !STOP_WORDS.has(word)) {
      const joined = termOf(word + next);
      const typed = [termOf(word), termOf(next)].filter((t): t is string => t !== null);
      if (
        joined !== null &&
        !typed.includes(joined) &&
        corpus.frequency(joined) >= need &&
        passagesWriting(joined, new RegExp(`\\b${word}${next}(s|es)?\\b`, 'i'), corpus, need) >= need &&
        add(terms, joined, weightFor(typed))
      ) {
        const at = topicTerms.indexOf(typed.at(-1) ?? '');
        if (at >= 0) topicTerms.splice(at + 1, 0, joined);
        for (const term of typed) found.push({ term, other: [joined] });
      }
    }
    // Split: "deepfake" → deep fake, "decisionmaking" → decision making.
    if (word.length < 2 * MIN_PART || STOP_WORDS.has(word)) continue;
    const own = termOf(word);
    if (own === null) continue;
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      const first = word.slice(0, cut);
      const second = word.slice(cut);
      if (STOP_WORDS.has(first) || STOP_WORDS.has(second)) continue;
      if (pairPassages(first, second, corpus, need) < need) continue;
      const parts = [termOf(first)!, termOf(second)!];
      const weight = weightFor([own]);
      for (const part of parts) add(terms, part, weight);
      const at = topicTerms.indexOf(own);
      if (at >= 0) topicTerms.splice(at + 1, 0, ...parts);
      found.push({ term: own, other: parts });
      break;
    }
  }
  return found;
}
