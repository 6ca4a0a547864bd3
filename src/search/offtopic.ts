// Whether a question is about what the corpus speaks of at all. Each content word of the question is weighed
// by how much more the corpus uses it than English at large: the log-ratio of its share of the corpus's
// passages to its frequency in general English (english-frequencies.json, from SUBTLEX-US). "governance",
// "deepfake", "comply" or "AI" weigh a lot; "weather", "pizza" or "tomorrow" weigh nothing (the corpus uses
// them less than people do in speech), and a word the corpus never uses weighs nothing. No list of topics:
// a document added to the corpus brings its own words with it.
import type { EnglishFrequencies } from './frequencies.js';
import { STOP_WORDS, stem, tokens } from './text.js';

/** Corpus frequency on the Zipf scale: a word in every passage of ~100 words is about 10^7 per billion. */
const WORDS_PER_PASSAGE_LOG10 = 2;
const HAS_DIGIT = /\p{N}/u;

export interface TopicalityOptions {
  english: EnglishFrequencies;
  /** How many passages the corpus has. */
  passages: number;
  /** In how many passages an index term occurs. */
  frequency: (term: string) => number;
}

export interface Topicality {
  /** Content words weighed (not stop words, numbers or ids). */
  words: number;
  /** The weight of the most governance-specific word (0 when none is). */
  best: number;
  /** Sum of the words' weights (each at least 0). */
  total: number;
}

/** How governance-specific a question's words are (see the module comment). */
export function topicality(question: string, options: TopicalityOptions): Topicality {
  const seen = new Set<string>();
  let words = 0;
  let best = 0;
  let total = 0;
  const passages = Math.max(1, options.passages);
  const specificity = (term: string) => {
    const count = options.frequency(term);
    if (count === 0) return 0;
    const corpusZipf = Math.log10(count / passages) + 9 - WORDS_PER_PASSAGE_LOG10;
    return Math.max(0, corpusZipf - options.english.zipf(term));
  };
  for (const token of tokens(question)) {
    const norm = token.norm;
    if (STOP_WORDS.has(norm) || HAS_DIGIT.test(norm) || seen.has(norm)) continue;
    seen.add(norm);
    words++;
    const weight = specificity(stem(norm));
    best = Math.max(best, weight);
    total += weight;
  }
  return { words, best, total };
}
