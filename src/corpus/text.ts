// Text hygiene every layer needs before showing or matching what people typed or a document holds: THE one
// sanitiser (`stripControls`), used by the readers (read/normalize.ts), the Discord renderer
// (src/reply/escape.ts, and the dispatcher's last pass over every payload) and the terminal renderer
// (src/cli/terminal.ts). (Escaping for Discord is the reply layer's job, src/reply/escape.ts.)

/** ANSI escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-character escapes. */
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
  /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B\[[0-?]*[ -/]*[@-~]|\u009B[0-?]*[ -/]*[@-~]|\u001B[@-Z\\-_]/g;

/**
 * The code points no passage, terminal line or Discord payload may carry: every C0 and C1 control but the
 * line feed and the tab (NUL, ESC, BEL, backspace, carriage return, DEL, CSI …), the bidi controls that
 * reorder what is shown (embeddings, overrides, isolates, the marks) and Unicode tag characters
 * (U+E0000–E007F, invisible text).
 */
export const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]/u;
const UNSAFE = new RegExp(UNSAFE_CHARACTERS.source, 'gu');

/**
 * Text without control, escape, bidi or tag characters: an escape sequence goes whole (ESC[2J, an OSC 8
 * hyperlink with its URL), then every unsafe code point. Line feeds and tabs stay for layout.
 */
export function stripControls(text: string): string {
  // A test is cheaper than a replace that finds nothing, and most text has nothing to strip.
  if (!UNSAFE_CHARACTERS.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE, '');
}

/** Invisible characters people use to smuggle text: zero-width characters, soft hyphen, BOM. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
const HAS_INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/;

/** Text without unsafe (`stripControls`) or invisible characters. */
export function stripInvisible(text: string): string {
  const clean = stripControls(text);
  return HAS_INVISIBLE.test(clean) ? clean.replace(INVISIBLE, '') : clean;
}

/** Text for places never rendered as markdown (footers, labels, choices, terminal lines): one clean line. */
export function plainText(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim();
}
