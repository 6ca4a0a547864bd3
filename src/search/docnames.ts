// Finds the documents a question names ("under the AI Act", "NIST says", "china's deep synthesis rules") by
// their catalog titles and aliases, exactly first and then forgiving people's typing.
import type { CatalogDocument } from '../corpus/catalog.js';
import { tokenize } from './text.js';

/** A document name found in a text: which document, and which tokens of the text spell it. */
export interface NamedDoc {
  docId: string;
  /** Token range [start, end) in `tokenize(text)`. */
  start: number;
  end: number;
  /** The tokens that spell the name (a forgiving match may skip words in between). */
  positions: number[];
  /** How sure: 1 for an exact name, lower for a forgiving match. */
  confidence: number;
}

interface Name {
  docId: string;
  tokens: string[];
}

// Words that carry no identity in a name: "the AI plan" should not need "AI" to find "UK AI plan".
const GENERIC = new Set(['ai', 'the', 'of', 'on', 'for', 'and', 'in', 'artificial', 'intelligence']);

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Same word, allowing one typo in words of five letters or more ("hiroshma", "convension"). */
function sameWord(typed: string, name: string): boolean {
  if (typed === name) return true;
  if (typed.length >= 5 && name.length >= 5) return editDistanceAtMost1(typed, name);
  return false;
}

/** The words of a text that can spell a name (the possessive "s" of "America's" left out), with their token index. */
function nameWords(text: string): { words: string[]; at: number[] } {
  const words: string[] = [];
  const at: number[] = [];
  for (const [i, token] of tokenize(text).entries()) {
    if (token === 's') continue;
    words.push(token);
    at.push(i);
  }
  return { words, at };
}

export class DocNameMatcher {
  private readonly names: Name[];

  constructor(docs: readonly CatalogDocument[]) {
    const names: Name[] = [];
    const shortened: Name[] = [];
    for (const doc of docs) {
      for (const name of [doc.shortTitle, ...doc.aliases, ...(doc.title.length <= 80 ? [doc.title] : [])]) {
        const tokens = tokenize(name).filter((token) => token !== 's');
        if (tokens.length === 0) continue;
        names.push({ docId: doc.id, tokens });
        // People leave out the generic words: "Biden executive order" for "Biden AI executive order".
        const short = tokens.filter((token) => !GENERIC.has(token));
        if (short.length >= 2 && short.length < tokens.length)
          shortened.push({ docId: doc.id, tokens: short });
      }
    }
    // A shortened name must keep a word only this document's names use: "action plan" names no one document.
    const owners = new Map<string, Set<string>>();
    for (const name of names)
      for (const token of name.tokens) owners.set(token, (owners.get(token) ?? new Set()).add(name.docId));
    for (const name of shortened)
      if (name.tokens.some((token) => owners.get(token)?.size === 1)) names.push(name);
    const seen = new Set<string>();
    const unique = names.filter((name) => {
      const key = `${name.docId} ${name.tokens.join(' ')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    // Longest names first: "Colorado AI Act" must win over "AI Act".
    // A one-word name used by several documents' names ("NIST") names all of them.
    for (const name of [...unique]) {
      if (name.tokens.length !== 1) continue;
      for (const other of owners.get(name.tokens[0]!) ?? []) {
        if (
          other !== name.docId &&
          !unique.some((n) => n.docId === other && n.tokens.join(' ') === name.tokens[0])
        ) {
          unique.push({ docId: other, tokens: name.tokens });
        }
      }
    }
    this.names = unique.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /** Names spelled exactly (after normalization) in the text, non-overlapping, longest first. */
  findExact(text: string): NamedDoc[] {
    const { words, at } = nameWords(text);
    const taken = new Array<boolean>(words.length).fill(false);
    const found: NamedDoc[] = [];
    const claimed = new Map<number, string>();
    for (const name of this.names) {
      const key = name.tokens.join(' ');
      for (let i = 0; i + name.tokens.length <= words.length; i++) {
        let ok = true;
        // A span already taken by the very same name (shared by several documents) may be taken again.
        for (let k = 0; k < name.tokens.length && ok; k++)
          ok = (!taken[i + k] || claimed.get(i + k) === key) && words[i + k] === name.tokens[k];
        if (!ok) continue;
        for (let k = 0; k < name.tokens.length; k++) {
          taken[i + k] = true;
          claimed.set(i + k, key);
        }
        const positions = name.tokens.map((_, k) => at[i + k]!);
        found.push({
          docId: name.docId,
          start: positions[0]!,
          end: positions.at(-1)! + 1,
          positions,
          confidence: 1,
        });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /**
   * The document a reference most likely names, forgiving typos, word order and left-out generic words
   * ("UK plan", "hiroshma code"). Exact names win; otherwise the name whose distinctive words are all
   * present, preferring names with more such words. Undefined when nothing fits.
   */
  findBest(text: string): NamedDoc | undefined {
    const exact = this.findExact(text);
    if (exact.length > 0) return exact.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const { words, at } = nameWords(text);
    let best: { doc: NamedDoc; words: number } | undefined;
    for (const name of this.names) {
      const distinctive = name.tokens.filter((token) => !GENERIC.has(token));
      if (distinctive.length === 0) continue;
      const positions: number[] = [];
      for (const word of distinctive) {
        const index = words.findIndex((token, i) => !positions.includes(at[i]!) && sameWord(token, word));
        if (index < 0) break;
        positions.push(at[index]!);
      }
      if (positions.length !== distinctive.length) continue;
      if (best && best.words >= distinctive.length) continue;
      const start = Math.min(...positions);
      const end = Math.max(...positions) + 1;
      best = {
        doc: { docId: name.docId, start, end, positions, confidence: 0.7 },
        words: distinctive.length,
      };
    }
    return best?.doc;
  }
}
