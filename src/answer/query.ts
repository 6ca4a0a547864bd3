// What a question is once it has been typed: plain text (no invisible characters, whitespace collapsed)
// of at most MAX_QUERY_CHARS, cut at a word.
import { plainText } from '../corpus/text.js';

export const MAX_QUERY_CHARS = 300;

/** The question as searched and stored: invisible characters gone, whitespace collapsed, at most 300 chars. */
export function clampQuery(text: string): string {
  const plain = plainText(text);
  if (plain.length <= MAX_QUERY_CHARS) return plain;
  const atWord = plain.slice(0, MAX_QUERY_CHARS + 1).replace(/\s+\S*$/, '');
  if (atWord.length > 0 && atWord.length <= MAX_QUERY_CHARS) return atWord;
  // No space to cut at: cut inside the word, never between the halves of a surrogate pair.
  const high = plain.charCodeAt(MAX_QUERY_CHARS - 1);
  return plain.slice(0, high >= 0xd800 && high <= 0xdbff ? MAX_QUERY_CHARS - 1 : MAX_QUERY_CHARS);
}
