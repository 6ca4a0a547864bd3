// What the corpus itself says about names, for the missing-name detector (missing.ts): which held documents a
// question describes without naming them ("Trump's January AI order", "Canada's AI bill", "the UN AI
// resolution"), from the catalog's facts (issuer, date, jurisdiction, kind), never from a typed list; and
// whether a name the detector found by its shape is one the held texts themselves use ("the Consumer Privacy
// Protection Act" in AIDA, "CalCompute's consortium", "the Business and Professions Code" in SB 1001), so
// that it names something the corpus talks about, not an instrument Charter lacks.
import type { CatalogDocument } from '../corpus/catalog.js';
import { type DocNameMatcher, KIND_WORDS } from './docnames.js';
import { STOP_WORDS } from './text.js';

/** How far before a word of its kind a place may stand and still describe the document ("Canada's AI bill"). */
const PLACE_REACH = 4;

export class HeldDescriptions {
  private readonly byKindWord = new Map<string, { docId: string; codes: readonly string[] }[]>();

  constructor(
    docs: readonly CatalogDocument[],
    private readonly names: DocNameMatcher,
  ) {
    for (const doc of docs) {
      const code = doc.jurisdiction.toUpperCase();
      for (const word of KIND_WORDS[doc.kind] ?? []) {
        const list = this.byKindWord.get(word) ?? [];
        list.push({ docId: doc.id, codes: [code] });
        this.byKindWord.set(word, list);
      }
    }
  }

  /**
   * The held documents a question describes instead of naming: by issuer or date and a word of their kind
   * ("Trump's January AI order", "Biden's AI EO": `DocNameMatcher.findDescribed`), or by their jurisdiction's
   * name a few words before a word of their kind ("Canada's AI bill", "the UN AI resolution", "the Chinese
   * labelling rules": every held document that fits, since any of them is held).
   */
  find(text: string, norms: readonly string[], placeCodes: ReadonlyMap<number, readonly string[]>): string[] {
    // A number after the kind's word makes it another instrument ("the Council of Europe's Convention 108").
    const kindAt = (k: number) => this.byKindWord.has(norms[k]!) && !/\d/.test(norms[k + 1] ?? '');
    const kinds = new Set(norms.filter((_, k) => kindAt(k)));
    const found = new Set(
      this.names
        .findDescribed(text)
        .filter((docId) =>
          [...kinds].some((word) => this.byKindWord.get(word)!.some((d) => d.docId === docId)),
        ),
    );
    for (let k = 0; k < norms.length; k++) {
      if (!kindAt(k)) continue;
      for (const { docId, codes } of this.byKindWord.get(norms[k]!)!)
        for (let j = Math.max(0, k - PLACE_REACH); j < k; j++)
          if (placeCodes.get(j)?.some((code) => codes.includes(code))) found.add(docId);
    }
    return [...found];
  }
}

/**
 * The held texts' names: whether they write some words, in this order, as a name — each word but the small ones
 * with a capital ("Consumer Privacy Protection Act", "Business and Professions Code"), whatever the case the
 * question wrote them in. The texts' capitalized words are indexed on first use (one pass over the passages);
 * a name is then checked only where its first word stands.
 */
export class CorpusNames {
  private texts?: readonly string[];
  /** Each capitalized word, lower-cased, to where it stands: passage index and offset, in pairs. */
  private byFirst?: Map<string, number[]>;

  constructor(private readonly source: () => readonly string[]) {}

  has(name: string): boolean {
    const words = name.match(/[\p{L}\p{N}]+/gu);
    if (!words || words.length === 0) return false;
    const { texts, byFirst } = this.index();
    const at = byFirst.get(words[0]!.toLowerCase());
    if (!at) return false;
    // The words in this order with anything but letters and digits between ("Korea’s", a line break).
    const pattern = new RegExp(`${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iuy');
    for (let k = 0; k < at.length; k += 2) {
      pattern.lastIndex = at[k + 1]!;
      const found = pattern.exec(texts[at[k]!]!);
      if (!found) continue;
      const written = found[0].match(/[\p{L}\p{N}]+/gu)!;
      if (
        written.every(
          (word) => word === 's' || STOP_WORDS.has(word.toLowerCase()) || /^[\p{Lu}\p{N}]/u.test(word),
        )
      )
        return true;
    }
    return false;
  }

  private index(): { texts: readonly string[]; byFirst: Map<string, number[]> } {
    if (this.texts && this.byFirst) return { texts: this.texts, byFirst: this.byFirst };
    const texts = this.source();
    const byFirst = new Map<string, number[]>();
    texts.forEach((text, i) => {
      for (const match of text.matchAll(/(?<![\p{L}\p{N}])[\p{Lu}\p{N}][\p{L}\p{N}]*/gu)) {
        const key = match[0].toLowerCase();
        const list = byFirst.get(key);
        if (list) list.push(i, match.index);
        else byFirst.set(key, [i, match.index]);
      }
    });
    this.texts = texts;
    this.byFirst = byFirst;
    return { texts, byFirst };
  }
}

/** Small words an acronym skips ("Committee on Foreign Investment in the United States" is CFIUS), as written. */
const SKIPPED = new Set(
  ['Of', 'On', 'In', 'The', 'For', 'And', 'To', 'With'].flatMap((word) => [word, word.toLowerCase()]),
);

/** Runs of ASCII letters and digits, and of other ASCII characters: skipped natively, with no Unicode classes. */
const ASCII_WORD = /[A-Za-z0-9]*/y;
const ASCII_SKIPPED = '(?:(?:[Oo]f|[Oo]n|[Ii]n|[Tt]he|[Ff]or|[Aa]nd|[Tt]o|[Ww]ith|&)[^A-Za-z0-9]+)*';
const ASCII_GAP = /[^A-Za-z0-9\u0080-\uffff]*/y;

/** A letter or digit, as the pattern's classes read one code point. */
const WORD = /^[\p{L}\p{N}]$/u;

/** The class comment's pattern, for capitals the runs cannot be matched by (longer than one code unit). */
export function spelledByPattern(joined: string, capitals: readonly string[]): boolean {
  const words = capitals.map((capital) => `${capital}[\\p{L}\\p{N}'’-]*`);
  const skipped = '(?:(?:[Oo]f|[Oo]n|[Ii]n|[Tt]he|[Ff]or|[Aa]nd|[Tt]o|[Ww]ith|&)[^\\p{L}\\p{N}]+)*';
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${words.join(`[^\\p{L}\\p{N}]+${skipped}`)}(?![\\p{L}\\p{N}])`,
    'u',
  ).test(joined);
}

/**
 * Whether the held texts write out an acronym: words in a row, small joining words aside, whose first letters
 * spell it ("data protection impact assessment" for DPIA; the NSM's "Committee on Foreign Investment in the
 * United States" for CFIUS). An acronym the documents spell out is something they talk about, not a name of
 * what Charter lacks. Asked only of acronyms nothing else knows; each answer is kept.
 *
 * Each word a capital (a name), as names are written: the texts joined by line breaks match
 * `(?<![\p{L}\p{N}])C[\p{L}\p{N}'’-]*[^\p{L}\p{N}]+(?:(?:[Oo]f|…|[Ww]ith|&)[^\p{L}\p{N}]+)*F…(?![\p{L}\p{N}])`
 * somewhere. That pattern, made anew for each acronym, cost 10–60 ms (compiling its Unicode classes, then a
 * first pass over 2.2 M characters in the regex interpreter) on the first question with an acronym nothing
 * knew ("BRRICS"): the slowest answer of a fresh process. Read on runs of letters and digits it says: the
 * letters begin runs r1 < r2 < …, and between two of them the runs after the first may be joined to it by
 * apostrophes and hyphens only ("Member State's"), then come small words only, then the next letter's run.
 * So the first capital is found with `indexOf` and the words after each are read by hand, with no pattern
 * made per acronym; `test/unit/heldnames.test.ts` checks this against the pattern on generated texts.
 */
export class SpelledOut {
  /** The texts joined by line breaks, as the pattern reads them. */
  private joined?: string;
  private readonly seen = new Map<string, boolean>();
  private readonly terms = new Map<string, boolean>();
  /** Code units outside the surrogates: 1 = a letter or digit, 2 = not, 0 = not looked up yet. */
  private readonly wordUnits = new Uint8Array(0x10000);
  /** Set by `nextRun`: whether the gap it crossed was apostrophes and hyphens only. */
  private joinersOnly = false;

  constructor(private readonly source: () => readonly string[]) {}

  has(acronym: string): boolean {
    const letters = acronym.toLowerCase();
    if (!/^\p{L}{2,8}$/u.test(letters)) return false;
    const cached = this.seen.get(letters);
    if (cached !== undefined) return cached;
    this.joined ??= this.source().join('\n');
    const capitals = [...letters].map((letter) => letter.toUpperCase());
    // Each capital one code unit that is itself a letter, as for every acronym the detector asks (name-words.ts
    // ACRONYM: A–Z); a letter whose capital is longer ("ß" is "SS") goes through the pattern itself.
    const single = capitals.every((c) => c.length === 1 && WORD.test(c));
    const found = single
      ? this.spells(
          this.joined,
          capitals.map((c) => c.charCodeAt(0)),
        )
      : spelledByPattern(this.joined, capitals);
    this.seen.set(letters, found);
    return found;
  }

  /**
   * Whether the held texts use an acronym's words as a term of their own, in any case: content words one
   * right after the other (no small word between, none of them "AI"), the same phrase at least
   * `SPELLED_TERM_REPEATS` times ("data protection impact assessment" for DPIA, "data protection authority"
   * for DPA). A chance run ("data subject already") is rarely written that often.
   */
  hasTerm(acronym: string): boolean {
    const letters = acronym.toLowerCase();
    if (!/^\p{L}{3,8}$/u.test(letters)) return false;
    const cached = this.terms.get(letters);
    if (cached !== undefined) return cached;
    this.joined ??= this.source().join('\n');
    const words = [...letters].map((letter) => `[${letter}${letter.toUpperCase()}]\\p{L}*`);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}'’])${words.join('[ \\t\\n-]+')}(?![\\p{L}\\p{N}'’])`, 'gu');
    const phrases = new Map<string, number>();
    let found = false;
    for (const match of this.joined.matchAll(pattern)) {
      const phrase = match[0].toLowerCase().split(/[\s-]+/);
      if (phrase.some((word) => STOP_WORDS.has(word) || word === 'ai')) continue;
      const key = phrase.join(' ');
      const count = (phrases.get(key) ?? 0) + 1;
      phrases.set(key, count);
      if (count >= SPELLED_TERM_REPEATS) {
        found = true;
        break;
      }
    }
    this.terms.set(letters, found);
    return found;
  }

  private spells(text: string, codes: readonly number[]): boolean {
    // Where the pattern could match, read in code units with ASCII classes only (quick to compile, unlike its
    // Unicode classes): a code unit outside ASCII may be a word's or a gap's. Every place the pattern matches,
    // this matches too, and most places this matches it does not: each is checked exactly by hand.
    const could = new RegExp(
      `(?<![A-Za-z0-9])${codes
        .map((code) => String.fromCharCode(code))
        .join(`[A-Za-z0-9'\\-\\u0080-\\uffff]*[^A-Za-z0-9]+${ASCII_SKIPPED}`)}`,
      'g',
    );
    for (let found = could.exec(text); found; found = could.exec(text)) {
      const at = found.index;
      if (!(at > 0 && this.isWord(codePointBefore(text, at))) && this.from(text, at, codes, 0)) return true;
      could.lastIndex = at + 1;
    }
    return false;
  }

  /** From a run at `at` that begins with capital `i`: whether the next capitals follow (the class comment). */
  private from(text: string, at: number, codes: readonly number[], i: number): boolean {
    if (i === codes.length - 1) return true;
    const want = codes[i + 1]!;
    // The first word's own runs: this one, then each joined to it by apostrophes and hyphens only.
    let end = this.runEnd(text, at + 1);
    for (;;) {
      const next = this.nextRun(text, end);
      if (next < 0) return false;
      const joined = this.joinersOnly;
      // Small words only, then the next capital's run.
      for (let run = next; run >= 0; ) {
        if (text.charCodeAt(run) === want && this.from(text, run, codes, i + 1)) return true;
        const runEnd = this.runEnd(text, run);
        if (!(runEnd - run <= 4 && SKIPPED.has(text.slice(run, runEnd)))) break;
        run = this.nextRun(text, runEnd);
      }
      if (!joined) return false;
      end = this.runEnd(text, next);
    }
  }

  /** Where the run of letters and digits going on at `at` ends. */
  private runEnd(text: string, at: number): number {
    let end = at;
    for (;;) {
      ASCII_WORD.lastIndex = end;
      ASCII_WORD.test(text);
      end = ASCII_WORD.lastIndex;
      if (end >= text.length) return end;
      const code = text.codePointAt(end)!;
      if (code < 128 || !this.isWord(code)) return end;
      end += code > 0xffff ? 2 : 1;
    }
  }

  /** Where the next run begins at or after `at` (-1 if none), noting in `joinersOnly` what the gap was. */
  private nextRun(text: string, at: number): number {
    let joiners = true;
    for (let k = at; k < text.length; ) {
      ASCII_GAP.lastIndex = k;
      ASCII_GAP.test(text);
      const stop = ASCII_GAP.lastIndex;
      // Apostrophes and hyphens (', ’, -): the pattern's first word may run on through them.
      for (; joiners && k < stop; k++) {
        const code = text.charCodeAt(k);
        if (code !== 0x27 && code !== 0x2d) joiners = false;
      }
      k = stop;
      if (k >= text.length) break;
      const code = text.codePointAt(k)!;
      if (code < 128 || this.isWord(code)) {
        this.joinersOnly = joiners;
        return k;
      }
      if (code !== 0x2019) joiners = false;
      k += code > 0xffff ? 2 : 1;
    }
    return -1;
  }

  private isWord(code: number): boolean {
    if (code < 128)
      return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (code > 0xffff || (code >= 0xd800 && code <= 0xdfff)) return WORD.test(String.fromCodePoint(code));
    if (this.wordUnits[code] === 0) this.wordUnits[code] = WORD.test(String.fromCharCode(code)) ? 1 : 2;
    return this.wordUnits[code] === 1;
  }
}

/** The code point that ends just before `at` (a surrogate pair read as one, as the pattern's lookbehind does). */
function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2)!;
  }
  return low;
}

/** How often the held texts must write an acronym's words as a term (`SpelledOut.hasTerm`). */
export const SPELLED_TERM_REPEATS = 5;

/**
 * Whether a question writes out an acronym it uses: words in a row, small joining words aside, whose first
 * letters spell it ("IIT (Indian Institute of Technology)", "data protection authority (DPA)").
 */
export function spelledInQuestion(acronym: string, norms: readonly string[], at: number): boolean {
  const letters = [...acronym.toLowerCase()];
  for (let i = 0; i < norms.length; i++) {
    let k = i;
    let n = 0;
    while (k < norms.length && n < letters.length) {
      if (k === at) break;
      const word = norms[k]!;
      if (word[0] === letters[n]) {
        n++;
        k++;
      } else if (n > 0 && STOP_WORDS.has(word)) k++;
      else break;
    }
    if (n === letters.length) return true;
  }
  return false;
}
