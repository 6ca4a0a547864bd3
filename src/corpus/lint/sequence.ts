// Unit sequence checks: a document's numbered units, read in order, must not skip one. A skip is how a
// lost heading shows (EO 14110's "Sec. 6.  Supporting Workers.(a)" ran into its first point in the copy,
// so Sec. 6 was read as the end of Sec. 5.3 and the sequence went 5.3 → 7.1); and a passage whose text
// opens with another unit's heading is that heading's text filed under the wrong locator.
import { parseSegment } from '../citation.js';
import type { Passage } from '../types.js';

export interface SequenceFinding {
  check: 'unit-gap' | 'foreign-heading';
  passageId: string;
  excerpt: string;
}

/** A unit number's parts: "5.3" → [5, 3], "6-1-1701" → [6, 1, 1701]; undefined for "iii", "gv-1.1-001". */
export function unitNumber(value: string): number[] | undefined {
  return /^\d+(?:[.-]\d+)*$/.test(value) ? value.split(/[.-]/).map(Number) : undefined;
}

const compare = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

/**
 * Whether `next` may follow `previous` with nothing left out: a first child (5 → 5.1, 5 → 5.1.1), or the
 * next unit at some level followed by first children (5.3 → 6, 4.8 → 5.1, 3.1.3 → 3.2.1).
 */
export function followsWithoutGap(previous: readonly number[], next: readonly number[]): boolean {
  const firstChildren = (from: number) => next.slice(from).every((n) => n === 1);
  if (next.length > previous.length && previous.every((n, i) => next[i] === n))
    return firstChildren(previous.length);
  for (let level = previous.length - 1; level >= 0; level--) {
    if (next.length <= level) continue;
    const samePrefix = previous.slice(0, level).every((n, i) => next[i] === n);
    if (samePrefix && next[level] === previous[level]! + 1 && firstChildren(level + 1)) return true;
  }
  return false;
}

/**
 * Unit gaps: for each document and unit type (Sec., Art., para., Recommendation …), the numbered units in
 * reading order; a step forward that skips numbers no unit of that type in the document has (5.3 → 7.1 with
 * no Sec. 6 anywhere, Art. 4 → Art. 6 with no Art. 5) is a finding on the passage after the gap. Steps back
 * are not (a chapter may restart its numbering, a statute may amend another act's sections), nor a skip over
 * units that come elsewhere (a reading-order defect, not a lost heading). Pages and headings are not units,
 * and values that are not numbers are not compared.
 */
export function unitGaps(passages: readonly Passage[]): SequenceFinding[] {
  const byKey = new Map<string, { passage: Passage; number: number[]; value: string }[]>();
  for (const passage of passages) {
    const first = passage.path[0];
    if (first === undefined) continue;
    const { type, value } = parseSegment(first);
    if (type === '' || type === 'h' || type === 'p' || type === 'pdfpage') continue;
    const number = unitNumber(value);
    if (!number) continue;
    const key = `${passage.docId}\u0000${type}`;
    const units = byKey.get(key) ?? [];
    if (units.at(-1)?.value !== value) units.push({ passage, number, value });
    byKey.set(key, units);
  }
  const out: SequenceFinding[] = [];
  for (const units of byKey.values()) {
    units.forEach((unit, i) => {
      const previous = units[i - 1];
      if (!previous || compare(unit.number, previous.number) <= 0) return;
      if (followsWithoutGap(previous.number, unit.number)) return;
      const between = units.some(
        (u) => compare(u.number, previous.number) > 0 && compare(u.number, unit.number) < 0,
      );
      if (between) return;
      const type = parseSegment(unit.passage.path[0]!).type;
      out.push({
        check: 'unit-gap',
        passageId: unit.passage.id,
        excerpt: `${type}:${previous.value} is followed by ${type}:${unit.value}`,
      });
    });
  }
  return out;
}

/**
 * A numbered unit's heading at the start of a text: "Sec. 6.  Supporting Workers.", "Article 12. Scope"; not a
 * reference that opens a sentence ("Article 18 of Regulation …", "Section 11546.8 is added …").
 */
const UNIT_HEADING =
  /^(?:Section|SECTION|Sec\.|SEC\.|Article|ARTICLE|Art\.|§)\s*(\d+(?:[.-]\d+)*)\.\s+\p{Lu}/u;

/**
 * Foreign headings: a passage whose text opens with the heading of a unit that is not its own ("Sec. 6.
 * Supporting Workers." as the first words of a passage cited as Sec. 5.3): the heading's words are filed
 * under the wrong locator, and everything after it with them.
 */
export function foreignHeadings(passages: readonly Passage[]): SequenceFinding[] {
  const out: SequenceFinding[] = [];
  for (const passage of passages) {
    const match = UNIT_HEADING.exec(passage.text);
    if (!match) continue;
    const own = passage.path.map((segment) => parseSegment(segment).value);
    if (own.includes(match[1]!)) continue;
    out.push({
      check: 'foreign-heading',
      passageId: passage.id,
      excerpt: `${passage.locator} opens with “${passage.text.slice(0, 60).replace(/\s+/g, ' ')}”`,
    });
  }
  return out;
}
