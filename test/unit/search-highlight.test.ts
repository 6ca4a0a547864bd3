// The highlight words of a hit: scanning plain-ASCII passages by hand finds exactly what the scan by regular
// expressions found (the earlier implementation, kept below as the reference), on texts built from words with
// the separators, digits, cases and non-ASCII letters that make runs and tokens differ.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { surfaceTerms } from '../../src/search/highlight.js';
import { termOf, termsOf, tokens } from '../../src/search/text.js';

// The earlier surfaceTerms, verbatim but for its name: runs found by regular expressions.
const WORD_RUN = /[\p{L}\p{N}]+(?:[./-][\p{L}\p{N}]+)*/gu;
const ASCII_WORD_RUN = /[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*/g;
const ASCII_TEXT = /^[\t\n\r -~]*$/;

function reference(passages: readonly Passage[], stems: ReadonlySet<string>): string[] {
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

const WORDS = [
  'Providers',
  'provider',
  'PROHIBITED',
  'prohibition',
  'risk',
  'Risks',
  'high-risk',
  'and/or',
  '2024/1689',
  'GV-1.1-001',
  'Art.',
  '5(1)(c)',
  'the',
  "provider's",
  'data',
  'Überwachung',
  'naïve',
  '标识',
  'e.g.',
  'x',
  'A',
  '-',
  '.',
  '/',
];
const SEPARATORS = [' ', '', '\n', ', ', '-', '.', '/', '; ', '—'];

const texts = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

describe('surfaceTerms', () => {
  it('finds the same words as the scan by regular expression', () => {
    fc.assert(
      fc.property(
        fc.array(texts, { minLength: 1, maxLength: 3 }),
        fc.array(texts, { maxLength: 2 }),
        (bodies, asked) => {
          const passages = bodies.map((text) => ({ text }) as Passage);
          const stems = new Set(asked.flatMap((text) => termsOf(text)));
          expect(surfaceTerms(passages, stems).sort()).toEqual(reference(passages, stems).sort());
        },
      ),
      { numRuns: 500 },
    );
  });
});
