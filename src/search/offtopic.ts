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
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
/** A token with a Han character in it: weighed by its glosses, not by the English table. */
const CJK_ONLY = /\p{Script=Han}/u;

export interface TopicalityOptions {
  english: EnglishFrequencies;
  /** How many passages the corpus has. */
  passages: number;
  /** In how many passages an index term occurs. */
  frequency: (term: string) => number;
  /**
   * The Chinese words of a text with their English glosses as index terms (bilingual.ts `dictionaryWords`,
   * from CC-CEDICT): how a Chinese question's words are weighed, since the English table cannot weigh them.
   */
  glosses?: (text: string) => readonly { word: string; english: readonly string[] }[];
  /**
   * In how many passages each of two index terms is found, and both (`Topicality.cohesion`): found as search
   * finds them, in the passage's words or in the reader questions indexed with it (index.ts); none: not
   * measured.
   */
  together?: (a: string, b: string) => { both: number; first: number; second: number };
  /**
   * Whether the documents' definitions use an index term in saying what a defined term means
   * (definitions.ts `definingTerms`); none: not measured.
   */
  defines?: (term: string) => boolean;
  /**
   * Whether two adjacent words of the question are an everyday compound the documents never write: English
   * lists them as one noun (WordNet: "role model", "insurance policy", "world cup") and no passage writes them
   * together (`Topicality.everyday`); none: not measured.
   */
  everyday?: (first: string, second: string) => boolean;
  /**
   * The largest share of the question's words one reader question holds (asked.ts `AskedIndex.coverage`);
   * none: not measured.
   */
  asked?: (question: string) => number;
}

export interface Topicality {
  /** Content words weighed (not stop words, numbers or ids). */
  words: number;
  /** The weight of the most governance-specific word (0 when none is). */
  best: number;
  /** The weight of the second most governance-specific word (0 when none is): one strong word or two. */
  second?: number;
  /** How many of the content words the corpus uses at all. */
  spoken?: number;
  /** Sum of the words' weights (each at least 0). */
  total: number;
  /**
   * Sum of the words' log-ratios, negative ones included (each within ±3; a word the corpus never uses counts
   * as if half a passage had it, and never above 0): how much more likely the question's words are in the
   * corpus than in everyday English, all together. A long message in everyday words sinks well below 0
   * ("my sourdough keeps coming out flat and dense …"), whatever its length.
   */
  balance: number;
  /**
   * The question asks what someone must or may do ("do we have to let them know", "can i change my mind
   * later?", "is it legal"): a question of rules, told in everyday words or not.
   */
  asksRule: boolean;
  /**
   * Set when the question is written in Chinese (more Han characters than Latin letters): the weight of its
   * most governance-specific word, each Chinese word weighed by the best of its English glosses (算法 →
   * algorithm 2.5, 数据 → data 2.0; 手机 → cell/mobile 0.4, 天气 → weather 0) and each Latin word ("AI") as
   * above. The other fields weigh Chinese words against the English table, which does not list them, so a
   * Chinese word the corpus uses at all looks governance-specific there; the judge reads this one instead.
   */
  han?: { best: number };
  /**
   * How strongly the question's words go together in the passages: the largest log10 lift of a pair of its
   * words the documents use (passages found under both, against what each one's count would give), counted
   * as search finds passages, by their words and by the reader questions indexed with them (corpus/asks,
   * written in the everyday words people ask in). A question about the documents asks of things that go
   * together there ("company" and "personal" and "info"); chatter that borrows one of their words ("kick
   * someone from a voice channel with my bot") puts it beside words found apart from it. 0 with fewer than
   * two such words. The learned judge weighs it beside the other evidence (learned-judge.ts). Words in more
   * than `COHESION_COMMON` of the passages and words after the first `COHESION_WORDS` are left out (cost).
   */
  cohesion?: number;
  /**
   * How many of its words the documents use rarely (in at most `DEFINING_RARE` of the passages) and in a
   * definition, saying what a defined term means: "fingerprint" (6 passages; BIPA Sec. 10 "'Biometric
   * identifier' means a retina or iris scan, fingerprint, …") weighs nothing against English at large, since
   * films and TV say it often, yet it is a word the law is written in. A rare word is the point: a common one
   * in a definition ("rule", "change", "make") is the definitions' plain English, weighed well enough by its
   * frequency. The judge does not call a short question with such a word off-topic (judge.ts).
   */
  defining?: number;
  /**
   * How much of the question one reader question holds (corpus/asks, asked.ts): the largest share of its words,
   * weighted by their rarity among the reader questions, that one of them has. A situation told in everyday
   * words ("my boss tracks every keystroke i type at work", 0.42 by the passages) is told in the words readers
   * ask about the documents in; chatter, even with a word of theirs ("my model overfits after 3 epochs"), is
   * not. The learned judge weighs it (learned-judge.ts); unset when not measured.
   */
  asked?: number;
  /**
   * Set when the question has an everyday compound the documents never write (`TopicalityOptions.everyday`:
   * "who's your role model", "my car insurance policy renewal"): `best`, `second`, `spoken`, `total` and
   * `balance` again, each word of such a compound weighed as a word the documents never use. "model" and
   * "policy" are the documents' words; "role model" and "insurance policy" are not. The judge reads these in
   * place of the others when its `compounds` stage is on (judge.ts).
   */
  everyday?: {
    best: number;
    second: number;
    spoken: number;
    total: number;
    balance: number;
    compounds: number;
  };
}

/** The most passages (share of all) a word may be in and still count for `Topicality.defining`. */
export const DEFINING_RARE = 0.001;

/**
 * "do we have to", "must they", "can I", "may we", "is it legal", "are we allowed", and what someone else may do
 * to one ("can a company make me pay", "can my boss", "can the government rank citizens", "can they keep it"):
 * a question of rules. "can someone" / "can anyone" / "can you" ask for help, not what is allowed, and stay out.
 */
const ASKS_RULE =
  /\b((have|has|had|need|needs|ought) to|must|(can|may) (i|we|a|an|the|my|our|their|his|her|they)\b|(legal|illegal|lawful|unlawful|allowed|permitted|required|obliged|entitled)\b)/i;

/** The most a word's log-ratio counts either way in `balance`: one word never outweighs three. */
const BALANCE_CLIP = 3;
/** What a word the corpus never uses counts as, in passages. */
const UNSEEN_PASSAGES = 0.5;
/** The most words `cohesion` pairs (the first ones of a long message): its cost grows with their square. */
const COHESION_WORDS = 8;
/**
 * A word in more than this share of the passages ("ai", "shall") is left out of `cohesion`: a pair with it
 * lifts by at most log10 of its inverse, and its long list of passages is most of the cost.
 */
const COHESION_COMMON = 0.1;

/** How governance-specific a question's words are (see the module comment). */
export function topicality(question: string, options: TopicalityOptions): Topicality {
  const seen = new Set<string>();
  let words = 0;
  let best = 0;
  let second = 0;
  let spoken = 0;
  let total = 0;
  let balance = 0;
  let defining = 0;
  const spokenTerms: string[] = [];
  const passages = Math.max(1, options.passages);
  /** log10 of how much more the corpus uses the term than English does (≤ 0 for a term it never uses). */
  const logRatio = (term: string) => {
    const count = options.frequency(term);
    const corpusZipf = Math.log10(Math.max(count, UNSEEN_PASSAGES) / passages) + 9 - WORDS_PER_PASSAGE_LOG10;
    const ratio = corpusZipf - options.english.zipf(term);
    return count === 0 ? Math.min(0, ratio) : ratio;
  };
  /** `logRatio` of a term as if the corpus never used it. */
  const unseenRatio = (term: string) =>
    Math.min(
      0,
      Math.log10(UNSEEN_PASSAGES / passages) + 9 - WORDS_PER_PASSAGE_LOG10 - options.english.zipf(term),
    );
  const typed = tokens(question);
  const content = (norm: string) => !STOP_WORDS.has(norm) && !HAS_DIGIT.test(norm);
  // The words of everyday compounds (`Topicality.everyday`): adjacent content words, as typed.
  const everydayWords = new Set<string>();
  let compounds = 0;
  if (options.everyday)
    for (let i = 0; i + 1 < typed.length; i++) {
      const [a, b] = [typed[i]!.norm, typed[i + 1]!.norm];
      if (!content(a) || !content(b) || !options.everyday(a, b)) continue;
      compounds++;
      everydayWords.add(a).add(b);
    }
  const plain = { best: 0, second: 0, spoken: 0, total: 0, balance: 0, compounds };
  for (const token of typed) {
    const norm = token.norm;
    if (!content(norm) || seen.has(norm)) continue;
    seen.add(norm);
    words++;
    const term = stem(norm);
    const count = options.frequency(term);
    if (compounds > 0) {
      // The same word weighed as the everyday compound's: as one the documents never use.
      const ratio = everydayWords.has(norm) ? unseenRatio(term) : logRatio(term);
      const weight = Math.max(0, ratio);
      if (weight > plain.best) [plain.best, plain.second] = [weight, plain.best];
      else plain.second = Math.max(plain.second, weight);
      if (count > 0 && !everydayWords.has(norm)) plain.spoken++;
      plain.total += weight;
      plain.balance += Math.max(-BALANCE_CLIP, Math.min(BALANCE_CLIP, ratio));
    }
    if (count > 0) {
      spoken++;
      if (count <= DEFINING_RARE * passages && options.defines?.(term)) defining++;
      if (
        !spokenTerms.includes(term) &&
        spokenTerms.length < COHESION_WORDS &&
        count <= COHESION_COMMON * passages
      )
        spokenTerms.push(term);
    }
    const ratio = logRatio(term);
    const weight = Math.max(0, ratio);
    if (weight > best) [best, second] = [weight, best];
    else second = Math.max(second, weight);
    total += weight;
    balance += Math.max(-BALANCE_CLIP, Math.min(BALANCE_CLIP, ratio));
  }
  const asksRule = ASKS_RULE.test(question.replace(/[’‘]/g, "'"));
  const cohesion = options.together ? cohesionOf(spokenTerms, options, passages) : undefined;
  const measured = {
    words,
    best,
    second,
    spoken,
    total,
    balance,
    asksRule,
    ...(cohesion === undefined ? {} : { cohesion }),
    ...(options.asked ? { asked: options.asked(question) } : {}),
    ...(defining > 0 ? { defining } : {}),
    ...(compounds > 0 ? { everyday: plain } : {}),
  };
  const hanChars = question.match(HAN)?.length ?? 0;
  if (hanChars === 0 || hanChars <= (question.match(LATIN)?.length ?? 0)) return measured;
  return { ...measured, han: { best: hanBest(question, options, logRatio) } };
}

/** The largest log10 lift of a pair of the terms (`Topicality.cohesion`). */
function cohesionOf(terms: readonly string[], options: TopicalityOptions, passages: number): number {
  let most = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < terms.length; a++)
    for (let b = a + 1; b < terms.length; b++) {
      const { both, first, second } = options.together!(terms[a]!, terms[b]!);
      if (first === 0 || second === 0) continue;
      most = Math.max(most, Math.log10(((both + UNSEEN_PASSAGES) * passages) / (first * second)));
    }
  return Number.isFinite(most) ? most : 0;
}

/** A Chinese question's most governance-specific word (`Topicality.han`). */
function hanBest(question: string, options: TopicalityOptions, logRatio: (term: string) => number): number {
  let best = 0;
  for (const { english } of options.glosses?.(question) ?? [])
    for (const term of english) best = Math.max(best, logRatio(term));
  for (const token of tokens(question)) {
    if (CJK_ONLY.test(token.norm) || STOP_WORDS.has(token.norm) || HAS_DIGIT.test(token.norm)) continue;
    best = Math.max(best, logRatio(stem(token.norm)));
  }
  return best;
}
