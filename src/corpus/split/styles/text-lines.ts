// Helpers over a reader's text lines that every splitter uses: wrapped lines joined into one paragraph
// (with its pages), blank-line-separated blocks, and a heading set just before a numbered paragraph.

import type { TextLine } from '../../types.js';
import type { UnitParagraph } from '../passages.js';

/**
 * A line opening with the word that follows a suspended hyphen ("pre-" / "and post-market"): the hyphen at
 * the end of the line before is the document's own and a space follows it.
 */
const AFTER_SUSPENDED_HYPHEN = /^(?:and|or|to|nor|through|versus|vs\.?|as well as)(?:\s|$)/u;

/**
 * Joins wrapped lines: a space between them, none after a hyphen at a line end (the hyphen stays: it is a
 * real one, as in 'non-professional', 'Human-Centric', 'National Geospatial-Intelligence Agency'), whatever
 * the case of the next letter; a suspended hyphen keeps its space ('two- or three-wheel'). Every such join in
 * the corpus's wrapped text copies (104: 'high-' / 'risk', 'general-' / 'purpose', 'United States-' /
 * 'supported', links) is a compound the document writes whole elsewhere or in its alternate; none is a word
 * broken in two, which these copies never do (hyphenation of broken words is the PDF reader's, pdf.ts).
 * Runs of spaces become one.
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (line === '') continue;
    if (text === '') text = line;
    else if (/\p{L}-$/u.test(text) && /^\p{L}/u.test(line) && !AFTER_SUSPENDED_HYPHEN.test(line))
      text += line;
    else text += ` ${line}`;
  }
  return text;
}

export function paragraphOf(lines: readonly TextLine[]): UnitParagraph {
  const paragraph: UnitParagraph = { text: joinLines(lines.map((l) => l.text)) };
  const pages = lines.map((l) => l.page).filter((p): p is number => p !== undefined);
  if (pages.length > 0) {
    paragraph.page = pages[0];
    if (pages[pages.length - 1] !== pages[0]) paragraph.pageEnd = pages[pages.length - 1];
  }
  return paragraph;
}

/** Splits lines into blank-line-separated blocks. */
export function blocksOf(lines: readonly TextLine[]): TextLine[][] {
  const blocks: TextLine[][] = [];
  let block: TextLine[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else block.push(line);
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/**
 * A heading line inside running text: short, no closing punctuation, starting with a capital, and followed
 * (after blank lines) by a numbered paragraph "12. …" or "12.".
 */
export function isHeadingBeforeParagraph(lines: readonly TextLine[], i: number): boolean {
  const t = lines[i]!.text.trim();
  if (t.length === 0 || t.length > 120 || /[.;:,]$/.test(t) || !/^[A-Z]/.test(t) || /^\d/.test(t))
    return false;
  let j = i + 1;
  while (j < lines.length && lines[j]!.text.trim() === '') j++;
  return j < lines.length && /^\s*\d{1,3}\.(?:\s|$)/.test(lines[j]!.text);
}

/**
 * The width a copy's text was wrapped at, in characters: the 98th percentile of its non-blank lines' lengths
 * (a few over-long lines, such as a table of contents run together, do not count). A line with room left for
 * the next line's first word was not cut by the wrap (outline.ts `endsTitle`).
 */
export function wrapWidth(lines: readonly TextLine[]): number | undefined {
  const lengths = lines
    .map((l) => l.text.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return undefined;
  return lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.98))];
}
