// Text hygiene every layer needs before showing or matching what people typed: invisible characters out,
// whitespace collapsed. (Escaping for Discord is the reply layer's job, src/reply/escape.ts.)

/** Invisible characters people use to smuggle text or flip its direction: zero-width and bidi controls. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// A test is cheaper than a replace that finds nothing, and most text has nothing to strip.
const HAS_INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

export function stripInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/** Text for places never rendered as markdown (footers, labels, choices, terminal lines): one clean line. */
export function plainText(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim();
}
