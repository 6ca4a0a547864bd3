// Cutting document text to fit: at a sentence when possible, else at a word, never mid-word, with "…".
import { sentences } from '../corpus/split/passages.js';

export const ELLIPSIS = '…';

/** The longest prefix of `text` within `max` characters that ends at a word boundary. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const lastSpace = head.search(/\s\S*$/);
  return lastSpace > 0 ? head.slice(0, lastSpace).trimEnd() : '';
}

/**
 * Cuts text to at most `max` characters (ellipsis included), preferring a sentence end; returns the text
 * unchanged when it fits. `cut` says whether anything was dropped.
 */
export function cutText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const room = max - ELLIPSIS.length - 1;
  if (room <= 0) return { text: ELLIPSIS, cut: true };
  let kept = '';
  for (const sentence of sentences(text)) {
    if (kept.length + sentence.length > room) break;
    kept += sentence;
  }
  kept = kept.trimEnd();
  // Chinese sentences end at 。！？； with no space after them; else a single sentence longer than the
  // room: fall back to a word boundary, or for Chinese (no spaces) a character.
  if (kept.length === 0) kept = cutAtChineseStop(text, room) ?? cutAtWord(text, room);
  if (kept.length === 0 && /\p{Script=Han}/u.test(text.slice(0, room))) kept = sliceWhole(text, room);
  return { text: kept.length > 0 ? `${kept} ${ELLIPSIS}` : ELLIPSIS, cut: true };
}

/** The text up to its last Chinese full stop (。！？；) within `max`, when that keeps a third of the room. */
function cutAtChineseStop(text: string, max: number): string | undefined {
  const head = text.slice(0, max);
  const stop = Math.max(...['。', '！', '？', '；'].map((mark) => head.lastIndexOf(mark)));
  return stop >= max / 3 ? head.slice(0, stop + 1) : undefined;
}

/** At most `max` UTF-16 units without splitting a surrogate pair. */
function sliceWhole(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Plain text shortened at a word with "…" (for labels, choices, footers). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept = cutAtWord(text, max - 1);
  return `${kept.length > 0 ? kept : sliceWhole(text, max - 1)}${ELLIPSIS}`;
}
