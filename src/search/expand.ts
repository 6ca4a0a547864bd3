// Query expansion after analysis, each part switchable (`CorpusIndexOptions.signals`): GloVe neighbours of the
// question's words (glove.ts), defined terms reached through their definitions' words (definitions.ts), and
// pseudo-relevance feedback from a confident first pass (RM3-style: the distinctive terms of the best
// passages, at a low weight). Each adds weighted terms; none removes or reweights the question's own.
import type { Passage } from '../corpus/types.js';
import { type ChineseSynonyms, dictionaryWords, englishOf } from './bilingual.js';
import type { DefinedInstances, DefinitionBridge } from './definitions.js';
import { gloveNeighbours } from './glove.js';
import type { CorpusIndexOptions } from './options.js';
import { STOP_WORDS, termOf, termsOf, tokenize } from './text.js';
import type { WeightedTerm } from './thesaurus.js';

/** What expansion reads of the index: how many passages have a term. */
export interface TermStats {
  passageCount: number;
  frequency(term: string): number;
  common: ReadonlySet<string>;
}

const WORD = /^[a-z]{3,}$/;

function add(terms: WeightedTerm[], have: Map<string, WeightedTerm>, term: string, weight: number): void {
  const known = have.get(term);
  if (known) known.weight = Math.max(known.weight, weight);
  else {
    const added = { term, weight, count: weight };
    have.set(term, added);
    terms.push(added);
  }
}

/** GloVe neighbours of the question's own words, where the corpus has them and they are not common. */
export function gloveTerms(
  question: string,
  terms: WeightedTerm[],
  stats: TermStats,
  options: Pick<CorpusIndexOptions, 'gloveWeight' | 'gloveMaxShare' | 'gloveSourceShare'>,
): void {
  if (options.gloveWeight <= 0) return;
  const have = new Map(terms.map((t) => [t.term, t]));
  const own = new Set(terms.filter((t) => t.weight === 1).map((t) => t.term));
  const limit = options.gloveMaxShare * stats.passageCount;
  for (const word of new Set(tokenize(question))) {
    if (!WORD.test(word) || STOP_WORDS.has(word)) continue;
    const stem = termOf(word);
    if (stem === null || !own.has(stem)) continue;
    // Only words the documents rarely or never use: a word they use finds its passages by itself.
    if (stats.frequency(stem) > options.gloveSourceShare * stats.passageCount) continue;
    for (const neighbour of gloveNeighbours(word)) {
      const term = termOf(neighbour);
      if (term === null || own.has(term) || stats.common.has(term)) continue;
      const count = stats.frequency(term);
      if (count === 0 || count > limit) continue;
      add(terms, have, term, options.gloveWeight);
    }
  }
}

/**
 * WordNet's words for the question's everyday words (`everydayBridge`): a typed word much more common in English
 * at large than in the passages gets its first sense's synonyms and the words one step up (its hypernyms:
 * "leaked" → disclose, reveal), where the corpus writes them and not everywhere. Weighted so that a bridged word
 * never outweighs the typed one (weight × rarity ≤ the typed word's rarity).
 */
export function everydayTerms(
  question: string,
  terms: WeightedTerm[],
  wordnet: { synonyms(word: string): readonly string[]; hypernyms(word: string): readonly string[] },
  stats: TermStats,
  englishZipf: (term: string) => number,
  options: Pick<CorpusIndexOptions, 'everydayGate' | 'everydayWeight' | 'everydayHypernyms'>,
): void {
  if (options.everydayWeight <= 0) return;
  const have = new Map(terms.map((t) => [t.term, t]));
  const own = new Set(terms.filter((t) => t.weight === 1).map((t) => t.term));
  const idf = (count: number) => Math.log(1 + (stats.passageCount - count + 0.5) / (count + 0.5));
  const limit = 0.01 * stats.passageCount;
  for (const word of new Set(tokenize(question))) {
    if (!WORD.test(word) || STOP_WORDS.has(word)) continue;
    const stem = termOf(word);
    if (stem === null || !own.has(stem)) continue;
    const count = stats.frequency(stem);
    const corpusZipf = Math.log10(Math.max(count, 0.5) / stats.passageCount) + 7;
    if (englishZipf(stem) - corpusZipf < options.everydayGate) continue;
    const related = [
      ...wordnet.synonyms(word),
      ...(options.everydayHypernyms ? wordnet.hypernyms(word) : []),
    ];
    for (const other of related) {
      if (!WORD.test(other)) continue;
      const term = termOf(other);
      if (term === null || own.has(term) || stats.common.has(term)) continue;
      const n = stats.frequency(term);
      if (n === 0 || n > limit) continue;
      const weight =
        count > 0 ? Math.min(options.everydayWeight, idf(count) / idf(n)) : options.everydayWeight;
      add(terms, have, term, weight);
    }
  }
}

/**
 * Derivationally related forms of the question's own terms that the corpus writes (WordNet's "+" links:
 * notify → notification, store → storage, retain → retention, erase → erasure), which the stemmer keeps apart.
 */
export function derivationTerms(
  terms: WeightedTerm[],
  related: (term: string) => readonly string[],
  stats: TermStats,
  options: Pick<CorpusIndexOptions, 'derivationWeight' | 'derivationMaxShare'>,
): Map<string, string[]> {
  const found = new Map<string, string[]>();
  if (options.derivationWeight <= 0) return found;
  const have = new Map(terms.map((t) => [t.term, t]));
  const own = terms.filter((t) => t.weight === 1).map((t) => t.term);
  const limit = options.derivationMaxShare * stats.passageCount;
  for (const term of own)
    for (const other of related(term)) {
      // A form the corpus writes, but not everywhere: a common one costs most of a query and says little.
      const count = stats.frequency(other);
      if (count > 0 && count <= limit && !stats.common.has(other)) {
        add(terms, have, other, options.derivationWeight);
        found.set(term, [...(found.get(term) ?? []), other]);
      }
    }
  return found;
}

/**
 * A Chinese question's words in English, searched as a question of their own (the translated source in
 * index.ts), so a Chinese question can reach the English translations of the Chinese rules Charter holds only
 * in English. From CC-CEDICT (bilingual.ts: "用户想要没有水印的AI图片" → user, watermark, image; "AI换脸软件要不要让
 * 用户实名" → software, user, real, name) and, with `aligned`, the English renderings of its index terms in the
 * documents held in both languages (标识 → label). Words the corpus lacks or uses everywhere are left out.
 */
export function translatedTerms(
  question: string,
  own: readonly WeightedTerm[],
  stats: TermStats,
  use: { dictionary: boolean; aligned: boolean },
): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  const have = new Map<string, WeightedTerm>();
  const english = [
    ...(use.aligned ? own.filter((t) => t.weight === 1).flatMap((t) => englishOf(t.term)) : []),
    ...(use.dictionary ? dictionaryWords(question).flatMap((word) => word.english) : []),
  ];
  // Not capped by how common a word is: a cap at 1 %, 2 % or 5 % of the passages lowered the Chinese sets.
  for (const term of english)
    if (!stats.common.has(term) && stats.frequency(term) > 0) add(out, have, term, 1);
  return out;
}

/**
 * The Chinese documents' words for a Chinese question's everyday words, through their shared English
 * (`zhSynonyms`): "用户要求把他的数据删掉" also searches 删除, "重要部门用AI，登录账号要怎么保护" 账户.
 */
export function synonymTerms(
  question: string,
  terms: WeightedTerm[],
  synonyms: ChineseSynonyms,
  options: Pick<CorpusIndexOptions, 'zhSynonymWeight' | 'zhSynonymShare'>,
  minShare = Number.POSITIVE_INFINITY,
  morphemeSenses = 0,
): void {
  if (options.zhSynonymWeight <= 0) return;
  const have = new Map(terms.map((t) => [t.term, t]));
  for (const { word, english } of dictionaryWords(question))
    for (const synonym of synonyms.of(word, english, minShare, morphemeSenses))
      add(terms, have, synonym, options.zhSynonymWeight);
}

/** Defined terms whose definitions hold enough of the question's (rarity-weighted) terms. */
export function definitionTerms(
  terms: WeightedTerm[],
  bridge: DefinitionBridge,
  stats: TermStats,
  options: Pick<CorpusIndexOptions, 'definitionWeight'>,
): void {
  const rarity = (term: string) => {
    const count = stats.frequency(term);
    return count === 0 ? 0 : Math.log(1 + (stats.passageCount - count + 0.5) / (count + 0.5));
  };
  const found = bridge.bridge(terms, rarity, {
    weight: options.definitionWeight,
    minShared: 2,
    minShare: 0.3,
    maxDefinitions: 2,
  });
  const have = new Map(terms.map((t) => [t.term, t]));
  for (const { term, weight } of found) if (!stats.common.has(term)) add(terms, have, term, weight);
}

/**
 * The defined terms of the question's rare words that definitions list as instances (`definedInstances`):
 * "fingerprint" also searches "biometric identifier", the words BIPA's rules use. Only a typed word found in
 * at most `instanceMaxShare` of the passages (a rare, specific thing), listed under at most two defined terms.
 */
export function instanceTerms(
  terms: WeightedTerm[],
  instances: DefinedInstances,
  stats: TermStats,
  options: Pick<CorpusIndexOptions, 'instanceWeight' | 'instanceMaxShare'>,
): void {
  if (options.instanceWeight <= 0) return;
  const have = new Map(terms.map((t) => [t.term, t]));
  const most = stats.passageCount * options.instanceMaxShare;
  for (const typed of terms.slice()) {
    if (typed.weight < 1) continue;
    const count = stats.frequency(typed.term);
    if (count === 0 || count > most) continue;
    const defined = instances.definedBy(typed.term);
    if (defined.length === 0 || defined.length > 2) continue;
    for (const term of defined)
      for (const word of term) if (!stats.common.has(word)) add(terms, have, word, options.instanceWeight);
  }
}

/**
 * Feedback terms from the best passages of a first pass (RM3-style): each term's weight is the sum over those
 * passages of its share of the passage times its rarity; the best `feedbackTerms` not in the question join
 * it at up to `feedbackWeight`. Empty when the first pass is not confident: its best passage holds less than
 * half of the question's own terms.
 */
export function feedbackTerms(
  terms: readonly WeightedTerm[],
  best: readonly { passage: Passage; terms: readonly string[] }[],
  stats: TermStats,
  options: Pick<CorpusIndexOptions, 'feedbackWeight' | 'feedbackTerms'>,
): WeightedTerm[] {
  const own = terms.filter((t) => t.weight === 1).map((t) => t.term);
  const top = best[0];
  if (!top || own.length === 0 || options.feedbackWeight <= 0) return [];
  const matched = own.filter((t) => top.terms.includes(t)).length;
  if (matched * 2 < own.length) return [];
  const have = new Set(terms.map((t) => t.term));
  const weights = new Map<string, number>();
  for (const { passage } of best) {
    const words = termsOf(passage.text);
    for (const term of words) {
      if (have.has(term) || stats.common.has(term) || /\d/.test(term)) continue;
      const count = stats.frequency(term);
      if (count < 2) continue;
      const rarity = Math.log(1 + (stats.passageCount - count + 0.5) / (count + 0.5));
      weights.set(term, (weights.get(term) ?? 0) + rarity / words.length);
    }
  }
  const ranked = [...weights].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const picked = ranked.slice(0, options.feedbackTerms);
  const top1 = picked[0]?.[1] ?? 0;
  return picked.map(([term, w]) => {
    const weight = (options.feedbackWeight * w) / top1;
    return { term, weight, count: weight };
  });
}
