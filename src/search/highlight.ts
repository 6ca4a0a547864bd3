// Which words of a hit to highlight: the question's terms as they are written in the passages, looked up
// only when a hit's terms are first read.

import type { Passage } from '../corpus/types.js';
import { forEachAsciiRun, termOf, tokens } from './text.js';
import type { SearchHit } from './types.js';

/** A hit before its highlight words are looked up (only done for the hits returned). */
export interface PendingHit {
  passages: Passage[];
  score: number;
  stems: Set<string>;
}

// Maximal runs of letters and digits with inner "." "/" "-", as text.ts tokenizes them; in plain-ASCII
// passages (most of the corpus) the runs of /[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*/ are found by hand.
const WORD_RUN = /[\p{L}\p{N}]+(?:[./-][\p{L}\p{N}]+)*/gu;
const ASCII_TEXT = /^[\t\n\r -~]*$/;

/**
 * A hit whose highlight words are looked up when first read: callers that only list documents (the /ask
 * narrowing menu asks for 25 hits) never pay for them. Still a plain enumerable property for JSON and spreads.
 */
export function withLazyTerms(hit: PendingHit): SearchHit {
  const { passages, score } = hit;
  let terms: string[] | undefined;
  return {
    passages,
    score,
    get terms() {
      terms ??= surfaceTerms(passages, hit.stems);
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
    if (ASCII_TEXT.test(text)) {
      // Plain ASCII (most passages): runs found by hand, so a word is only cut out of the text when it may
      // be one of the stems' (a scan by regular expression made a string of every word of every passage).
      forEachAsciiRun(text, (start, end) => {
        surfaceOfRun(text, start, end, true, prefixes, stems, out);
        return true;
      });
      continue;
    }
    WORD_RUN.lastIndex = 0;
    for (let match = WORD_RUN.exec(text); match !== null; match = WORD_RUN.exec(text))
      surfaceOfRun(text, match.index, match.index + match[0].length, false, prefixes, stems, out);
  }
  return [...out];
}

/** Adds the words of the run `text[from, to)` whose index term is one of `stems`, as written. */
function surfaceOfRun(
  text: string,
  from: number,
  to: number,
  ascii: boolean,
  prefixes: ReadonlySet<number>,
  stems: ReadonlySet<string>,
  out: Set<string>,
): void {
  const start = firstWordWithPrefix(text, from, to, prefixes);
  if (start < 0) return;
  if (ascii && start === from && !hasSeparator(text, from, to)) {
    // One plain ASCII word: its token is itself, lower-cased (what `tokens` would return, without its cost).
    const word = text.slice(from, to);
    if (stems.has(termOf(word.toLowerCase()) ?? '')) out.add(word);
    return;
  }
  for (const token of tokens(text.slice(start, to))) {
    const term = termOf(token.norm);
    if (term !== null && stems.has(term)) out.add(token.surface);
  }
}

const isSeparator = (code: number) => code === 0x2e || code === 0x2d || code === 0x2f; // . - /

function hasSeparator(text: string, from: number, to: number): boolean {
  for (let at = from + 1; at < to; at++) if (isSeparator(text.charCodeAt(at))) return true;
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

/**
 * Where in the run `text[from, to)` the first word starting with one of `prefixes` (case-insensitively)
 * begins; -1 if none.
 */
function firstWordWithPrefix(text: string, from: number, to: number, prefixes: ReadonlySet<number>): number {
  if (startsWithPrefix(text, from, to, prefixes)) return from;
  for (let at = from + 1; at < to; at++)
    if (isSeparator(text.charCodeAt(at - 1)) && startsWithPrefix(text, at, to, prefixes)) return at;
  return -1;
}

function startsWithPrefix(text: string, at: number, to: number, prefixes: ReadonlySet<number>): boolean {
  const first = lower(text.charCodeAt(at));
  if (prefixes.has(first)) return true; // a one-letter stem ("5")
  return at + 1 < to && prefixes.has(first * 0x10000 + lower(text.charCodeAt(at + 1)));
}
