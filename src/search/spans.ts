// Where a question's terms occur in a passage's text, as whole words: the spans every front end highlights
// (Discord's **bold** in src/reply/escape.ts, the terminal's in src/cli/terminal.ts). Finding, not formatting.

export interface Span {
  start: number;
  end: number;
}

// A letter or digit, the characters a whole-word match may not touch. Tested one character at a time: in a
// pattern built per call, these Unicode classes cost more to compile than the rest of a reply.
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(codePoint: number | undefined): boolean {
  if (codePoint === undefined) return false;
  if (codePoint < 0x80)
    return (
      (codePoint >= 0x30 && codePoint <= 0x39) ||
      (codePoint >= 0x41 && codePoint <= 0x5a) ||
      (codePoint >= 0x61 && codePoint <= 0x7a)
    );
  return WORD_CHAR.test(String.fromCodePoint(codePoint));
}

/** The code point that ends just before `at` (a surrogate pair read whole). */
function codePointBefore(text: string, at: number): number | undefined {
  if (at === 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2);
  }
  return low;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One hit's terms are highlighted in every attempt to fit its embed, and the hits of one answer share most
// of them: compiled patterns are kept (a few hundred at most, then started afresh).
const PATTERN_CACHE_SIZE = 256;
const termPatterns = new Map<string, RegExp>();

/** A global pattern matching any of the terms (in the order given); its lastIndex is reset for each use. */
function termsPattern(terms: readonly string[]): RegExp {
  const key = JSON.stringify(terms);
  let pattern = termPatterns.get(key);
  if (!pattern) {
    if (termPatterns.size >= PATTERN_CACHE_SIZE) termPatterns.clear();
    pattern = new RegExp(terms.map(escapeRegExp).join('|'), 'giu');
    termPatterns.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** Where the terms occur in the text, as whole words, case-insensitively; overlapping spans merged. */
export function termSpans(text: string, terms: readonly string[]): Span[] {
  const spans: Span[] = [];
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))];
  if (wanted.length === 0) return spans;
  wanted.sort((a, b) => b.length - a.length);
  // Longest first: at one place, the longest term that ends a word wins.
  const candidates = termsPattern(wanted);
  let alone: Map<string, RegExp> | undefined;
  for (let match = candidates.exec(text); match !== null; match = candidates.exec(text)) {
    const start = match.index;
    let end = start + match[0].length;
    if (isWordChar(codePointBefore(text, start)) || isWordChar(text.codePointAt(end))) {
      // Inside a word; a shorter term may still end a word at the same place (rare: tried one by one).
      alone ??= new Map();
      end = shorterWholeWord(text, start, match[0].length, wanted, alone);
      if (end < 0) {
        candidates.lastIndex = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
        continue;
      }
      candidates.lastIndex = end;
    }
    const last = spans[spans.length - 1];
    // Overlapping or separated only by spaces: one bold run reads better than "**a** **b**".
    if (last && (start <= last.end || /^[ \t]+$/.test(text.slice(last.end, start))))
      last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

/** The end of the longest term shorter than `longer` found at `start` as a whole word; -1 if none. */
function shorterWholeWord(
  text: string,
  start: number,
  longer: number,
  wanted: readonly string[],
  alone: Map<string, RegExp>,
): number {
  if (isWordChar(codePointBefore(text, start))) return -1;
  for (const term of wanted) {
    if (term.length >= longer) continue;
    let re = alone.get(term);
    if (!re) {
      re = new RegExp(escapeRegExp(term), 'iuy');
      alone.set(term, re);
    }
    re.lastIndex = start;
    const match = re.exec(text);
    if (match && !isWordChar(text.codePointAt(start + match[0].length))) return start + match[0].length;
  }
  return -1;
}
