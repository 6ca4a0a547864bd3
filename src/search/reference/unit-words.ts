// The words that name units ("article", "recital", "annex", …) and the ones that only surround a reference
// ("quote", "show me"), to tell a misspelled unit word ("Reciatl 27", "Anex VII", "Secton 4.2") from a
// filler: a number after a word that names no unit is never quietly read as the document's first unit.
import { STOP_WORDS } from '../text.js';
import { type ParsedPlace, parsePlace } from './place.js';

// Words a person adds around a reference without asking anything more: "quote", "show me", "what does … say".
export const FILLER = new Set([
  'quote',
  'show',
  'text',
  'full',
  'cite',
  'read',
  'give',
  'open',
  'wording',
  'exact',
  'verbatim',
  'point',
  'pt',
  'no',
  'number',
]);

/** Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * The words that name each kind of unit (what RULES read), to tell a misspelled one ("Reciatl", "Anex",
 * "Secton"): a bare number after a word that is none of them is never read as the style's default unit.
 */
const UNIT_WORDS: Record<string, string[]> = {
  art: ['article'],
  recital: ['recital'],
  annex: ['annex'],
  sec: ['section'],
  para: ['paragraph', 'para'],
  pp: ['preambular'],
  chapter: ['chapter'],
  part: ['part'],
  p: ['page'],
  rec: ['recommendation'],
  item: ['action', 'principle', 'item'],
};

// A word, then a number ("reciatl 27", "secton 4.2") or a Roman numeral apart from it ("anex vii").
const WORD_THEN_NUMBER = /(?<![\p{L}\d])(\p{L}+)\.?(?:\s*(\d+(?:[.-]\d+)*)|\s+([ivxlc]{1,6})(?![\p{L}\d]))/gu;

/** The unit word a misspelled one is closest to, among `types`: at most 2 edits, and fewer than half its letters. */
function nearestUnitWord(word: string, types: ReadonlySet<string>): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const [type, words] of Object.entries(UNIT_WORDS)) {
    if (!types.has(type)) continue;
    for (const unit of words) {
      const distance = editDistance(word, unit);
      if (distance <= 2 && distance * 2 < word.length && (!best || distance < best.distance))
        best = { word: unit, distance };
    }
  }
  return best?.word;
}

/** A word before a number that names no unit, and the place it probably misspells (when it misspells one). */
export interface Misread {
  typed: string;
  reading?: ParsedPlace;
}

/**
 * A word before a number that names no unit ("Reciatl 27 AI Act"): with the place it probably misspells
 * (the nearest unit word among `units`, the unit types the document cites), or none; undefined when the word
 * misspells no unit word and does not stand right before the bare number read (a filler such as "quote" is
 * no unit word). `rest` is the normalized reference with the document's name blanked out.
 */
export function misreadUnit(
  rest: string,
  units: ReadonlySet<string>,
  bare: ParsedPlace | undefined,
  reference: string,
): Misread | undefined {
  const original = reference.slice(0, 300);
  const sameOffsets = original.length === rest.length;
  for (const m of rest.matchAll(WORD_THEN_NUMBER)) {
    const word = m[1]!;
    if (STOP_WORDS.has(word) || FILLER.has(word)) continue;
    const numberAt = m.index + m[0].length - (m[2] ?? m[3])!.length;
    const typed = (sameOffsets ? original : rest).slice(m.index, m.index + m[0].length).trim();
    const unit = nearestUnitWord(word, units);
    if (unit) {
      const corrected = rest.slice(0, m.index) + rest.slice(m.index).replace(word, unit);
      const reading = parsePlace(corrected);
      if (reading?.start === m.index) return { typed, reading };
    }
    if (bare && numberAt === bare.start) return { typed };
  }
  return undefined;
}
