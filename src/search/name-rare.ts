// Names written in words no one else uses (missing.ts runs this after the shape rules of name-shapes.ts): a
// word that neither English (SUBTLEX-US, at its floor) nor the held documents nor the catalog use, and that is
// no misspelling of a word of either, is a proper name — a body's, a programme's, a standard's: "the unicri
// toolkit", "the aepd guide", "the christchurch call", "cobit 2019". In the place of a name (after "the",
// before a head word or a number; not before "'s": companies own products, "tiktok's algorithm") it names something Charter does not hold. Written in
// capitals it is left to the acronym rules (name-shapes.ts `unknownAcronyms`).
import type { Scan, ShapeKnowledge } from './name-shapes.js';
import { ACRONYM, HEADS } from './name-words.js';
import { termOf } from './text.js';

/** A word of at least this many letters (shorter ones are too often chance strings or chat: "lol", "smth"). */
const MIN_LETTERS = 4;
const LETTERS = /^[a-z]+$/;
const NUMBER = /^\d[\d./-]*$/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** The strings one edit away from a word: a letter dropped, swapped with the next, changed or added. */
export function oneEditAway(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    if (i < word.length) out.push(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const c of ALPHABET) {
      if (i < word.length && c !== word[i]) out.push(word.slice(0, i) + c + word.slice(i + 1));
      out.push(word.slice(0, i) + c + word.slice(i));
    }
  }
  return out;
}

/** Rare words in the place of a name (`rareWords` rule). */
export function rareWords(scan: Scan, know: ShapeKnowledge): void {
  // Without WordNet (or the frequency table) a common word cannot be told from a name: no rule.
  if (!know.commonWord) return;
  const { toks, norms, heldAt, places, claimed, surface } = scan;
  const floor = know.englishZipf('\u0000');
  const term = (norm: string) => termOf(norm) ?? norm;
  const known = (norm: string) =>
    know.held.catalogTokens.has(norm) ||
    know.held.isHeldName([norm]) ||
    know.hasTerm(term(norm)) ||
    know.englishZipf(term(norm)) > floor;
  for (let i = 0; i < toks.length; i++) {
    const norm = norms[i]!;
    if (claimed.has(i) || heldAt.has(i) || places.at.has(i)) continue;
    if (norm.length < MIN_LETTERS || !LETTERS.test(norm) || ACRONYM.test(toks[i]!.surface)) continue;
    const before = norms[i - 1] ?? '';
    const after = norms[i + 1] ?? '';
    if (!(before === 'the' || HEADS.has(after) || NUMBER.test(after))) continue;
    if (known(norm) || oneEditAway(norm).some(known)) continue;
    // Nor is a word WordNet writes in lower case ("webcam"), nor an acronym the held texts write out ("the
    // edpb": the GDPR's European Data Protection Board).
    if (know.commonWord?.(norm) || know.spelledOut?.(norm)) continue;
    // The name runs on over a number right after it ("COBIT 2019").
    const to = NUMBER.test(after) ? i + 1 : i;
    scan.found.push({ at: i, missing: { name: surface(i, to), kind: 'body' } });
    for (let k = i; k <= to; k++) claimed.add(k);
  }
}
