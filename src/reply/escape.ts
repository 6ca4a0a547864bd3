// Making text safe to show in Discord: user text must never format, ping or hide anything; document text
// must show exactly as written. Escaping is done on whole segments, so an escape is never split.

import { plainText, stripInvisible } from '../corpus/text.js';
import { termSpans } from '../search/spans.js';

export { plainText, stripInvisible };

// Markdown Discord renders anywhere in a line: emphasis, code, spoilers, masked links, mentions, emoji and
// timestamps (`<`), and the backslash itself. Headings, quotes, lists and subtext only count at a line start.
const INLINE = /[\\*_~`|[\]<:]/g;
const HAS_INLINE = /[\\*_~`|[\]<:]/;
const LINE_START = /^(\s*)(?:([>#+-])|(\d+)\.(?=\s))/gm;
const HAS_LINE_START = /^\s*(?:[>#+-]|\d+\.\s)/m;
const MASS_MENTION = /@(everyone|here)/gi;

const escapeLineStart = (_m: string, space: string, mark: string | undefined, digits: string | undefined) =>
  mark !== undefined ? `${space}\\${mark}` : `${space}${digits}\\.`;

/**
 * Escapes text so Discord shows it literally: no formatting, no masked links, no mentions, and none of the
 * invisible characters that could hide or reorder what is shown.
 * @everyone/@here get a zero-width space after the @ (a backslash alone still pings in some clients).
 */
export function escapeMarkdown(text: string): string {
  let out = stripInvisible(text);
  if (HAS_INLINE.test(out)) out = out.replace(INLINE, '\\$&');
  if (HAS_LINE_START.test(out)) out = out.replace(LINE_START, escapeLineStart);
  if (out.includes('@')) out = out.replace(MASS_MENTION, '@\u200b$1');
  return out;
}

/** User-typed text for echoing back. */
export const escapeUserText = escapeMarkdown;

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
  return `> ${markdown.replaceAll('\n', '\n> ')}`;
}
