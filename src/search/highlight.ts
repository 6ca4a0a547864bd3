// Which words of a hit to highlight: the question's terms as they are written in the passages, looked up
// only when a hit's terms are first read.

import type { Passage } from '../corpus/types.js';
import { termOf, tokens } from './text.js';
import type { SearchHit } from './types.js';

/** A hit before its highlight words are looked up (only done for the hits returned). */
export interface PendingHit {
  passages: Passage[];
  score: number;
  stems: Set<string>;
}

// Maximal runs of letters and digits with inner "." "/" "-", as text.ts tokenizes them (the ASCII form is
// several times faster on the plain-ASCII passages that are most of the corpus).
const WORD_RUN = /[\p{L}\p{N}]+(?:[./-][\p{L}\p{N}]+)*/gu;
const ASCII_WORD_RUN = /[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*/g;
const ASCII_TEXT = /^[\t\n\r -~]*$/;

/**
 * A hit whose highlight words are looked up when first read: callers that only list documents (the /ask
 * narrowing menu asks for 25 hits) never pay for them. Still a plain enumerable property for JSON and spreads.
 */
export function withLazyTerms({ passages, score, stems }: PendingHit): SearchHit {
  let terms: string[] | undefined;
  return {
    passages,
    score,
    get terms() {
      terms ??= surfaceTerms(passages, stems);
      return terms;
    },
    set terms(value) {
      terms = value;
    },
  };
}

/**
 * The words of the passages, as written, whose index term is one of `stems` (for bold highlighting). A stem
 * shares its first two letters with the words it comes from, so a run of words is stemmed only from its first
 * word that starts that way (stemming every word of whole passages would cost more than the search itself).
 * The scan uses fixed patterns: a pattern built per query is compiled anew each time, which cost more than
 * the search.
 */
export function surfaceTerms(passages: readonly Passage[], stems: ReadonlySet<string>): string[] {
  if (stems.size === 0) return [];
  const prefixes = new Set<number>();
  for (const stem of stems) prefixes.add(prefixKey(stem, 0));
  const out = new Set<string>();
  for (const passage of passages) {
    const text = passage.text;
    const ascii = ASCII_TEXT.test(text);
    const runs = ascii ? ASCII_WORD_RUN : WORD_RUN;
    runs.lastIndex = 0;
    for (let match = runs.exec(text); match !== null; match = runs.exec(text)) {
      const run = match[0];
      const start = firstWordWithPrefix(run, prefixes);
      if (start < 0) continue;
      if (ascii && start === 0 && !hasSeparator(run)) {
        // One plain ASCII word: its token is itself, lower-cased (what `tokens` would return, without its cost).
        if (stems.has(termOf(run.toLowerCase()) ?? '')) out.add(run);
        continue;
      }
      for (const token of tokens(start === 0 ? run : run.slice(start))) {
        const term = termOf(token.norm);
        if (term !== null && stems.has(term)) out.add(token.surface);
      }
    }
  }
  return [...out];
}

const isSeparator = (code: number) => code === 0x2e || code === 0x2d || code === 0x2f; // . - /

function hasSeparator(run: string): boolean {
  for (let at = 1; at < run.length; at++) if (isSeparator(run.charCodeAt(at))) return true;
  return false;
}

/** Lower-cased code unit (ASCII at once, others through toLowerCase; -1 when that changes the length). */
function lower(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code < 0x80) return code;
  const folded = String.fromCharCode(code).toLowerCase();
  return folded.length === 1 ? folded.charCodeAt(0) : -1;
}

/** The first one or two code units of `text` from `at`, lower-cased, as one number. */
function prefixKey(text: string, at: number): number {
  const first = lower(text.charCodeAt(at));
  return at + 1 < text.length ? first * 0x10000 + lower(text.charCodeAt(at + 1)) : first;
}

/** Where in a run the first word starting with one of `prefixes` (case-insensitively) begins; -1 if none. */
function firstWordWithPrefix(run: string, prefixes: ReadonlySet<number>): number {
  if (startsWithPrefix(run, 0, prefixes)) return 0;
  for (let at = 1; at < run.length; at++)
    if (isSeparator(run.charCodeAt(at - 1)) && startsWithPrefix(run, at, prefixes)) return at;
  return -1;
}

function startsWithPrefix(run: string, at: number, prefixes: ReadonlySet<number>): boolean {
  const first = lower(run.charCodeAt(at));
  if (prefixes.has(first)) return true; // a one-letter stem ("5")
  return at + 1 < run.length && prefixes.has(first * 0x10000 + lower(run.charCodeAt(at + 1)));
}
