// Sub-points written without brackets after a unit's number, read only where they cannot be anything else:
// "article 5 1 c" and "art. 5.1.c" are Art. 5(1)(c), "article 5(1) c" is too, "section 15 a" is Sec. 15(a).
// A number after "article N" that may be a count or a year is never taken: "article 99 3 times" and
// "article 6 2024" keep Art. 99 and Art. 6. Nothing here knows a document (place.ts reads the unit first).

/** Which sub-points may follow: 'numbers' (articles: "5 1 c", "5.1.c"), 'letters' (sections: "15 a"). */
export type LooseKind = 'numbers' | 'letters';

/** One sub-point written bare: a paragraph number (1–99), a point letter, a roman numeral ("iii"). */
const SEGMENT = String.raw`(?:[1-9]\d?|[ivx]{2,4}|[a-z])`;
/** A segment ends at a space, the end, or punctuation that is no part of a word ("e.g.", "b/c", "1-2"). */
const ENDS = String.raw`(?![\p{L}\p{N}'’/-]|\.[\p{L}\p{N}])`;
const SPACED = new RegExp(String.raw`^\s+(${SEGMENT})${ENDS}`, 'u');
const DOTTED = new RegExp(String.raw`^((?:\.${SEGMENT})+)${ENDS}`, 'u');
/** Where a reference visibly stops: the end of the text, or punctuation before a space or the end. */
const CLOSED = /^\s*(?:$|[?!.,;:)](?:\s|$))/;
/** A word after which a bare segment still belongs to the reference ("article 6 1 a of the GDPR"). */
const JOINS = /^\s+(?:of|in|under)\b/;
/** Letters that are also words ("a", "i", "u" for you, "v" for versus): a point only where the reference stops. */
const WORDLIKE: ReadonlySet<string> = new Set(['a', 'i', 'u', 'v']);
/** At most this many bare segments ("5 1 h iii"): more is a list, not a place. */
const MAX_SEGMENTS = 3;

/**
 * The sub-points written without brackets from `at` on, and where they end (`at` itself when there are none).
 * `bracketed`: whether "(1)" was already read, after which dots no longer follow ("5(1).c" is no shape).
 */
export function looseSubPoints(
  text: string,
  at: number,
  kind: LooseKind,
  bracketed: boolean,
): { segments: string[]; end: number } {
  if (kind === 'numbers' && !bracketed) {
    const dotted = DOTTED.exec(text.slice(at));
    if (dotted) {
      // Brackets may follow the dots: "art. 5.1(c)".
      const end = at + dotted[0].length;
      const brackets = /^(?:\s*\(\s*[0-9a-z]{1,5}\s*\))*/.exec(text.slice(end))![0];
      const inner = [...brackets.matchAll(/\(\s*([0-9a-z]{1,5})\s*\)/g)].map((m) => m[1]!);
      return { segments: [...dotted[1]!.slice(1).split('.'), ...inner], end: end + brackets.length };
    }
  }
  const found: { segment: string; end: number }[] = [];
  let end = at;
  while (found.length < MAX_SEGMENTS) {
    const match = SPACED.exec(text.slice(end));
    if (!match) break;
    const segment = match[1]!;
    if (found.length === 0 && kind === 'letters' && /^\d/.test(segment)) break;
    end += match[0].length;
    found.push({ segment, end });
  }
  // Drop segments from the last while the last could be a word of the sentence: a count ("3 times"), "a".
  while (found.length > 0) {
    const last = found.at(-1)!;
    const after = text.slice(last.end);
    if (CLOSED.test(after) || JOINS.test(after)) break;
    if (/^[a-z]+$/.test(last.segment) && !WORDLIKE.has(last.segment)) break;
    found.pop();
  }
  return { segments: found.map(({ segment }) => segment), end: found.at(-1)?.end ?? at };
}
