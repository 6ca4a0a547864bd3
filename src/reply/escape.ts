// Making text safe to show in Discord: user text must never format, ping or hide anything; document text
// must show exactly as written. Escaping is done on whole segments, so an escape is never split.

/** Invisible characters people use to smuggle text or flip its direction: zero-width and bidi controls. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

// Markdown Discord renders anywhere in a line: emphasis, code, spoilers, masked links, mentions, emoji and
// timestamps (`<`), and the backslash itself. Headings, quotes, lists and subtext only count at a line start.
const INLINE = /[\\*_~`|[\]<:]/g;
const LINE_START = /^(\s*)(?:([>#+-])|(\d+)\.(?=\s))/gm;

/**
 * Escapes text so Discord shows it literally: no formatting, no masked links, no mentions, and none of the
 * invisible characters that could hide or reorder what is shown.
 * @everyone/@here get a zero-width space after the @ (a backslash alone still pings in some clients).
 */
export function escapeMarkdown(text: string): string {
  return stripInvisible(text)
    .replace(INLINE, (ch) => `\\${ch}`)
    .replace(LINE_START, (_m, space: string, mark: string | undefined, digits: string | undefined) =>
      mark !== undefined ? `${space}\\${mark}` : `${space}${digits}\\.`,
    )
    .replace(/@(everyone|here)/gi, '@\u200b$1');
}

/** User-typed text for echoing back. */
export const escapeUserText = escapeMarkdown;

/** Text for places Discord never renders as markdown (footers, button labels, select options, choices). */
export function plainText(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim();
}

export interface Span {
  start: number;
  end: number;
}

/** Where the terms occur in the text, as whole words, case-insensitively; overlapping spans merged. */
export function termSpans(text: string, terms: readonly string[]): Span[] {
  const spans: Span[] = [];
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))];
  if (wanted.length === 0) return spans;
  const pattern = wanted
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu');
  for (const match of text.matchAll(re)) {
    const start = match.index;
    const end = start + match[0].length;
    const last = spans[spans.length - 1];
    // Overlapping or separated only by spaces: one bold run reads better than "**a** **b**".
    if (last && (start <= last.end || /^[ \t]+$/.test(text.slice(last.end, start))))
      last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

/** Escaped text with the terms in **bold**; bold never crosses a line break and escapes stay whole. */
export function highlight(text: string, terms: readonly string[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of termSpans(text, terms)) {
    out += escapeMarkdown(text.slice(at, start));
    out += text
      .slice(start, end)
      .split('\n')
      .map((line) => (line.trim() === '' ? line : `**${escapeMarkdown(line)}**`))
      .join('\n');
    at = end;
  }
  return out + escapeMarkdown(text.slice(at));
}

/** A Discord quote block: every line starts with "> " (blank lines too, so the block does not break). */
export function quoteBlock(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
