// What every reader's output goes through (read/index.ts), whatever the format, so no document — one of the
// catalog's or one an operator adds — can carry bytes that are not words into a passage, a terminal or
// Discord:
//  - control and escape characters: ANSI/VT sequences whole (ESC[2J, OSC 8 hyperlinks, …), then every C0/C1
//    control but the line feed, DEL, and Unicode tag characters (U+E0000–E007F, invisible text);
//  - full-width ASCII punctuation in a line with no Chinese, Japanese or Korean letter of an English document
//    ("Chapter I： General Provisions" in a translation): the same character in its normal width (NFKC);
//  - a hyphen a line break left inside a line ("decision- making", "human-in-the- loop"): joined when the
//    word before it is already a hyphenated compound or a link, or when the document writes the joined
//    compound elsewhere. A suspended hyphen ("pre- and post-market", "short- or long-term") stays.
import type { Footnote, ReadDocument, TextLine, XmlElement, XmlNode } from '../types.js';

/** ANSI escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-character escapes. */
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
  /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B\[[0-?]*[ -/]*[@-~]|\u009B[0-?]*[ -/]*[@-~]|\u001B[@-Z\\-_]/g;
/** The characters no passage, terminal line or Discord payload may carry (the line feed aside). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
export const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]|[\u{E0000}-\u{E007F}]/u;
const CONTROL = new RegExp(CONTROL_CHARACTERS.source, 'gu');
// biome-ignore lint/suspicious/noControlCharactersInRegex: a test before the replace
const HAS_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]|[\u{E0000}-\u{E007F}]/u;

/** Text without control or escape characters (a tab reads as a space; a line feed stays). */
export function stripControls(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '').replace(/\t/g, ' ').replace(CONTROL, '');
}

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const CJK_LETTERS = new RegExp(CJK.source, 'gu');
/** Full-width forms of ASCII punctuation (not letters or digits, which NFKC also maps). */
const FULLWIDTH_PUNCTUATION = /[\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF5E]/g;

export function foldFullwidthPunctuation(line: string): string {
  if (CJK.test(line)) return line;
  return line.replace(FULLWIDTH_PUNCTUATION, (c) => c.normalize('NFKC'));
}

const COMPOUND = /\p{L}+(?:-\p{L}+)+/gu;
/** "state-of- the-art": a word, a hyphen, a space, a lower-case word (not a suspended hyphen's and/or/to). */
const BROKEN = /(\S+)- (?!(?:and|or|to|nor|through|versus|vs)\b)(?=(\p{Ll}[\p{L}-]*))/gu;

function joinBrokenHyphens(lines: TextLine[]): TextLine[] {
  const any = new RegExp(BROKEN.source, 'u');
  if (!lines.some((l) => any.test(l.text))) return lines;
  const compounds = new Set<string>();
  for (const line of lines) for (const m of line.text.matchAll(COMPOUND)) compounds.add(m[0].toLowerCase());
  return lines.map((line) => {
    const text = line.text.replace(BROKEN, (whole, before: string, after: string) => {
      const word = /[\p{L}-]+$/u.exec(before)?.[0] ?? '';
      const joined = `${word}-${after}`.toLowerCase().replace(/-+$/, '');
      const link = /^(?:\S*:\/\/|www\.)/.test(before);
      return link || /\p{L}-\p{L}/u.test(word) || compounds.has(joined) ? `${before}-` : whole;
    });
    return text === line.text ? line : { ...line, text };
  });
}

function cleanXml(node: XmlElement): XmlElement {
  const children: XmlNode[] = node.children.map((c) =>
    typeof c === 'string' ? stripControls(c) : cleanXml(c),
  );
  return { ...node, children };
}

/** The reader's output with the rules above applied (lines, footnotes and an XML tree alike). */
export function normalizeRead(doc: ReadDocument): ReadDocument {
  // A Chinese or Japanese document keeps its full-width punctuation everywhere, even on a line of only
  // digits and brackets ("4.1.2 （b）（c）"); an English one has at most a few CJK letters (a cover's title).
  const all = doc.lines.map((l) => l.text).join('\n');
  const cjk = (all.match(CJK_LETTERS) ?? []).length;
  const latin = (all.match(/\p{sc=Latin}/gu) ?? []).length;
  const english = cjk * 20 < latin;
  const lines = joinBrokenHyphens(
    doc.lines.map((line) => {
      const clean = stripControls(line.text);
      const text = english ? foldFullwidthPunctuation(clean) : clean;
      return text === line.text ? line : { ...line, text };
    }),
  );
  const footnotes: Footnote[] = doc.footnotes.map((f) => ({ ...f, text: stripControls(f.text) }));
  const out: ReadDocument = { ...doc, lines, footnotes };
  if (doc.xml) out.xml = cleanXml(doc.xml);
  return out;
}
