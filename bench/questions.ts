// The bench's query set: each relevance question plus variations people really type (reworded, cut short,
// naming the document, with typos, as bare keywords). Variations keep the question's relevant passage, so
// recall can be counted on them too. Deterministic: the same set every run.

import type { CatalogDocument } from '../src/corpus/catalog.js';
import { STOP_WORDS } from '../src/search/text.js';
import type { RelevanceQuestion } from '../tools/eval/eval.js';
import { type Random, seededRandom, seedOf } from './stats.js';

export type Variant = 'original' | 'reworded' | 'truncated' | 'doc-name' | 'typos' | 'keywords';

export interface BenchQuestion extends RelevanceQuestion {
  variant: Variant;
}

/** Whole-word rewordings; the first that fits is used each time, so wording changes but meaning holds. */
const REWORDINGS: [RegExp, string][] = [
  [/\bAI\b/g, 'artificial intelligence'],
  [/\bEU\b/g, 'European Union'],
  [/\bbanned\b/gi, 'prohibited'],
  [/\bprohibited\b/gi, 'forbidden'],
  [/\bcompan(y|ies)\b/gi, 'business'],
  [/\brules\b/gi, 'requirements'],
  [/\bmust\b/gi, 'have to'],
  [/\bhave to\b/gi, 'are required to'],
  [/\bcan\b/gi, 'may'],
  [/\bdoes\b/gi, 'do'],
  [/\bwhat\b/gi, 'which'],
  [/\bhow\b/gi, 'in what way'],
  [/\bpeople\b/gi, 'persons'],
  [/\bgovernment\b/gi, 'state'],
];

const PREFIXES = ['', 'Tell me: ', 'According to the documents, ', 'Quick question — ', 'I need to know '];

export function reword(question: string, random: Random): string {
  let text = question;
  let changed = 0;
  for (const [pattern, replacement] of REWORDINGS) {
    if (changed >= 2) break;
    pattern.lastIndex = 0;
    if (pattern.test(text)) {
      text = text.replace(pattern, replacement);
      changed++;
    }
  }
  const prefix = PREFIXES[Math.floor(random() * PREFIXES.length)]!;
  return prefix + (prefix ? text.charAt(0).toLowerCase() + text.slice(1) : text);
}

/** The first 60 % of the words (at least three): a question sent before it was finished. */
export function truncate(question: string): string {
  const words = question.split(/\s+/).filter(Boolean);
  return words.slice(0, Math.max(3, Math.ceil(words.length * 0.6))).join(' ');
}

/** About one word in four of four letters or more gets a typo: two letters swapped, one dropped or doubled. */
export function addTypos(question: string, random: Random): string {
  return question
    .split(' ')
    .map((word) => {
      if (word.length < 4 || random() >= 0.25) return word;
      const at = 1 + Math.floor(random() * (word.length - 2));
      const kind = Math.floor(random() * 3);
      if (kind === 0) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
      if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
      return word.slice(0, at) + word[at] + word.slice(at);
    })
    .join(' ');
}

/** Lower case, no punctuation, no stop words: "social scoring banned eu". */
export function keywords(question: string): string {
  const words = question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
  return words.length > 0 ? words.join(' ') : question;
}

/**
 * The relevance questions with their variations, at least `minimum` of them (extra typo rounds with other
 * seeds fill up a small set).
 */
export function benchQuestions(
  relevance: readonly RelevanceQuestion[],
  docs: readonly CatalogDocument[],
  minimum = 500,
): BenchQuestion[] {
  const shortTitles = new Map(docs.map((doc) => [doc.id, doc.shortTitle]));
  const out: BenchQuestion[] = [];
  for (const question of relevance) {
    const random = seededRandom(seedOf(question.q));
    const title = shortTitles.get(question.docId);
    out.push({ ...question, variant: 'original' });
    out.push({ ...question, q: reword(question.q, random), variant: 'reworded' });
    out.push({ ...question, q: truncate(question.q), variant: 'truncated' });
    if (title)
      out.push({
        ...question,
        q: `${question.q.replace(/[?.!]+$/, '')} under the ${title}?`,
        variant: 'doc-name',
      });
    out.push({ ...question, q: addTypos(question.q, random), variant: 'typos' });
    out.push({ ...question, q: keywords(question.q), variant: 'keywords' });
  }
  for (let round = 1; out.length < minimum && relevance.length > 0; round++) {
    for (const question of relevance) {
      if (out.length >= minimum) break;
      const random = seededRandom(seedOf(`${round}:${question.q}`));
      out.push({ ...question, q: addTypos(question.q, random), variant: 'typos' });
    }
  }
  return out;
}
