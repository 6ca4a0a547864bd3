// How many terminal columns text takes: East Asian wide and fullwidth characters (Chinese, Japanese,
// Korean, fullwidth punctuation) take two, combining marks and ANSI styles none, everything else one.
// Graphemes from Intl.Segmenter, so an accented letter or an emoji sequence counts once.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI styles are not visible characters
const ANSI = /\x1b\[\d+m/g;

/** Wide (two columns) per Unicode's East Asian Width W/F ranges that matter for text in the corpus. */
const WIDE =
  /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Columns one grapheme takes. */
export function graphemeWidth(grapheme: string): number {
  if (/^\p{M}+$/u.test(grapheme) || /^[\u200b-\u200f\u2060\ufeff]$/u.test(grapheme)) return 0;
  return WIDE.test(grapheme) ? 2 : 1;
}

/** The graphemes of a text. */
export const graphemesOf = (text: string): string[] => [...graphemes.segment(text)].map((s) => s.segment);

/** Columns a text takes on a terminal (ANSI styles left out). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const grapheme of graphemesOf(text.replace(ANSI, ''))) width += graphemeWidth(grapheme);
  return width;
}

/** Pads to `width` columns (never cuts). */
export const padDisplay = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)));
