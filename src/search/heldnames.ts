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

/** How often the held texts must write the same words for them to be an acronym's (once may be chance). */
const SPELLED_REPEATS = 1;

/** Small words an acronym skips ("Committee on Foreign Investment in the United States" is CFIUS). */
const SKIPPED = '(?:(?:[Oo]f|[Oo]n|[Ii]n|[Tt]he|[Ff]or|[Aa]nd|[Tt]o|[Ww]ith|&)[^\\p{L}\\p{N}]+)*';

/**
 * Whether the held texts write out an acronym: words in a row, small joining words aside, whose first letters
 * spell it ("data protection impact assessment" for DPIA; the NSM's "Committee on Foreign Investment in the
 * United States" for CFIUS). An acronym the documents spell out is something they talk about, not a name of
 * what Charter lacks. Asked only of acronyms nothing else knows; each answer is kept.
 */
export class SpelledOut {
  private joined?: string;
  private readonly seen = new Map<string, boolean>();
  private readonly terms = new Map<string, boolean>();

  constructor(private readonly source: () => readonly string[]) {}

  has(acronym: string): boolean {
    const letters = acronym.toLowerCase();
    if (!/^\p{L}{2,8}$/u.test(letters)) return false;
    const cached = this.seen.get(letters);
    if (cached !== undefined) return cached;
    this.joined ??= this.source().join('\n');
    // Each word a capital (a name: "Committee on Foreign Investment in the United States"), as names are written.
    const words = [...letters].map((letter) => `${letter.toUpperCase()}[\\p{L}\\p{N}'’-]*`);
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${words.join(`[^\\p{L}\\p{N}]+${SKIPPED}`)}(?![\\p{L}\\p{N}])`,
      'gu',
    );
    // Any words in a row may begin with these letters once; a phrase the texts use again is a term of theirs.
    const phrases = new Map<string, number>();
    let found = false;
    for (const match of this.joined.matchAll(pattern)) {
      const phrase = match[0].toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
      const count = (phrases.get(phrase) ?? 0) + 1;
      phrases.set(phrase, count);
      if (count >= SPELLED_REPEATS) {
        found = true;
        break;
      }
    }
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
