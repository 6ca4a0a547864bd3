// Making text safe to show in Discord: user text must never format, ping or hide anything; document text
// must show exactly as written. Escaping is done on whole segments, so an escape is never split.

import { plainText, stripControls, stripInvisible } from '../corpus/text.js';
import { termSpans } from '../search/spans.js';

export { plainText, stripInvisible };

/**
 * A payload with every string in it passed through the one sanitiser (src/corpus/text.ts): the last pass
 * before anything goes to Discord, so no control, escape, bidi or tag character leaves, whatever path built
 * the string. Escaping has already stripped them from what it escaped; this only catches what skipped it.
 * Returns the same object when nothing needed stripping.
 */
export function withoutControls<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (Array.isArray(value)) {
    const out = value.map(withoutControls);
    return (out.some((item, i) => item !== value[i]) ? out : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const out = entries.map(([key, item]) => [key, withoutControls(item)] as const);
    return (out.some(([, item], i) => item !== entries[i]![1]) ? Object.fromEntries(out) : value) as T;
  }
  return value;
}

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
