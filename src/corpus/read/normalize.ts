// What every reader's output goes through (read/index.ts), whatever the format, so no document — one of the
// catalog's or one an operator adds — can carry bytes that are not words into a passage, a terminal or
// Discord:
//  - control and escape characters (src/corpus/text.ts `stripControls`: ANSI/VT sequences whole, C0/C1
//    controls, bidi controls, Unicode tag characters); a tab reads as a space;
//  - full-width ASCII punctuation in a line with no Chinese, Japanese or Korean letter of an English document
//    ("Chapter I： General Provisions" in a translation): the same character in its normal width (NFKC);
//  - a hyphen a line break left inside a line ("decision- making", "human-in-the- loop"): joined when the
//    word before it is already a hyphenated compound or a link, or when the document writes the joined
//    compound elsewhere. A suspended hyphen ("pre- and post-market", "short- or long-term") stays.
import { stripControls } from '../text.js';
import type { Footnote, ReadDocument, TextLine, XmlElement, XmlNode } from '../types.js';

/** Text without control or escape characters (`stripControls`, the one sanitiser); a tab reads as a space. */
export function readableText(text: string): string {
  const clean = stripControls(text);
  return clean.includes('\t') ? clean.replace(/\t/g, ' ') : clean;
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
    typeof c === 'string' ? readableText(c) : cleanXml(c),
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
      const clean = readableText(line.text);
      const text = english ? foldFullwidthPunctuation(clean) : clean;
      return text === line.text ? line : { ...line, text };
    }),
  );
  const footnotes: Footnote[] = doc.footnotes.map((f) => ({ ...f, text: readableText(f.text) }));
  const out: ReadDocument = { ...doc, lines, footnotes };
  if (doc.xml) out.xml = cleanXml(doc.xml);
  return out;
}
