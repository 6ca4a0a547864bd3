// Markdown reader: scraped web pages and text extractions saved as .md. Markup is reduced to its words
// (links to their text, images dropped, emphasis and escapes removed); footnote bodies set apart.

import { Parser } from 'htmlparser2';
import type { Footnote, ReadDocument, TextLine } from '../types.js';
import {
  collapseBlankLines,
  cutAtEndOfContent,
  decodeText,
  isDecorationLine,
  isPublisherBoilerplate,
  normalizeSpaces,
  paginate,
  setPageFootnotesApart,
  stripFrontMatter,
  stripInlineHtml,
} from './clean.js';
import { unMarkPoints } from './md-points.js';
import { cutSiteChrome } from './site-chrome.js';

export async function readMarkdown(bytes: Uint8Array): Promise<ReadDocument> {
  return parseMarkdown(decodeText(bytes));
}

export function parseMarkdown(source: string): ReadDocument {
  const raw = breakBeforeMarkers(
    cutSiteFooter(
      cutAtEndOfContent(stripFrontMatter(unMarkPoints(cutSiteChrome(source.split('\n'))))),
    ).filter((line) => !isNavigationLine(line)),
  );
  const { lines: paged, pageCount } = paginate(raw);
  const atFoot = pageCount !== undefined ? setPageFootnotesApart(paged) : { lines: paged, footnotes: [] };
  const { body, notes } = splitOffFootnotes(atFoot.lines);
  const lines = collapseBlankLines(
    inlineBlocks(dropLinkCards(body))
      .filter((line) => !isDecorationLine(line.text) && !isPublisherBoilerplate(line.text))
      .map((line) => ({ ...line, text: normalizeSpaces(line.text.replace(/^#{1,6}\s+/, '')) })),
  );
  const doc: ReadDocument = {
    lines,
    footnotes: [...atFoot.footnotes, ...parseFootnotes(inlineBlocks(notes))],
  };
  if (pageCount !== undefined) doc.pageCount = pageCount;
  return doc;
}

/** A markdown hard line break at a line's end: two or more spaces, or a backslash. */
const HARD_BREAK = /\S(?: {2,}|\\)$/;
/** A point marker opening a line: "(a)", "(ii)", "(A)", "(12)". */
const POINT_MARKER = /^\s*\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)\s/;

/**
 * A hard line break before a point marker ("… affect:  " / "(i) the authority …") ends a paragraph: the
 * federal register copies mark their points that way. Trailing spaces go later with the rest of the
 * whitespace, so the break must be read here. Other hard breaks (a break inside a sentence) stay breaks.
 */
export function breakBeforeMarkers(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    const next = lines[i + 1];
    if (next !== undefined && HARD_BREAK.test(line) && POINT_MARKER.test(next)) out.push('');
  });
  return out;
}

const LINK = String.raw`\[(?:\\.|[^\]\\])*\]\([^)\s]*(?:\s+"[^"]*")?\)`;
/** A row of links separated by bars: "[Home](…) | [Documents](…)". */
const NAV_ROW = new RegExp(`^${LINK}(?:\\s*[|·•]\\s*${LINK})+$`);
/** A link alone whose text is itself in brackets ("[\\[pdf\\]](…)") or that jumps within the page ("(#top)"). */
const UTILITY_LINK = /^(?:\[\\\[[^\]]*\\\]\]\([^)]*\)|\[(?:\\.|[^\]\\])*\]\(#[^)]*\))$/;

/** Site navigation and utility links on lines of their own: they are the web page's, not the document's. */
export function isNavigationLine(line: string): boolean {
  const t = line.trim();
  return NAV_ROW.test(t) || UTILITY_LINK.test(t);
}

/** "All contents copyright © 2025 …", "This page was last updated on …": a site footer's lines. */
const FOOTER_LINE =
  /^(?:this page was last (?:updated|modified)\b|last (?:updated|modified):|all contents copyright\b|copyright ©|© ?\d{4}\b)/i;
/** How far from the end a site footer may start, in non-blank lines. */
const FOOTER_REACH = 8;

/**
 * Cuts a web page's footer: from the separator ('* * *', '---') above the first footer line near the end,
 * or from that line's paragraph when no separator stands close above it.
 */
export function cutSiteFooter(lines: string[]): string[] {
  const nonBlank = lines.flatMap((line, i) => (line.trim() === '' ? [] : [i]));
  const tail = nonBlank.slice(-FOOTER_REACH);
  const footer = tail.find((i) => FOOTER_LINE.test(lines[i]!.trim().replace(/^[*_]+/, '')));
  if (footer === undefined) return lines;
  let cut = footer;
  while (cut > 0 && lines[cut - 1]!.trim() !== '') cut--;
  const separator = tail.find(
    (i) => i < cut && cut - i <= 3 && /^(?:(?:\* ?){3,}|-{3,}|_{3,})$/.test(lines[i]!.trim()),
  );
  return lines.slice(0, separator ?? cut);
}

/** Markdown inline markup reduced to its words. Works on a whole block so links may span lines. */
export function markdownToText(block: string): string {
  let text = stripInlineHtml(block);
  // Images (placeholders, logos) carry no words of the document.
  text = text.replace(/!\[(?:\\.|[^\]\\])*\]\((?:[^()\s]|\n)*(?:\s+"[^"]*")?\)/g, '');
  // Links keep their text; hrefs may be broken over lines by the converter.
  text = text.replace(/\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]|\n)*(?:\s+"[^"]*")?\)/g, '$1');
  text = text.replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
  text = text.replace(/\*\*([^*\n]+?)\*\*/g, '$1').replace(/__([^_\n]+?)__/g, '$1');
  text = text.replace(/(?<![\w*\\])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])/g, '$1');
  text = text.replace(/(?<![\w\\])_(?![\s_])([^_\n]+?)(?<![\s_])_(?!\w)/g, '$1');
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

/** Applies markdownToText per blank-line-separated block; lines emptied by it (image-only) disappear. */
function inlineBlocks(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let block: TextLine[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const joined = block.map((l) => l.text).join('\n');
    const texts = (isHtmlBlock(joined) ? htmlBlockText(joined) : markdownToText(joined)).split('\n');
    // Links spanning lines shrink the block; pages follow the line each piece starts on.
    texts.forEach((text, i) => {
      if (text.trim() !== '') out.push({ ...block[Math.min(i, block.length - 1)]!, text });
    });
    block = [];
  };
  for (const line of lines) {
    if (line.text.trim() === '') {
      flush();
      out.push(line);
    } else block.push(line);
  }
  flush();
  return out;
}

/**
 * A raw HTML block (CommonMark's HTML blocks, types 6 and 7): a paragraph opening with a tag of a block
 * element or an image, e.g. the '<figure><img … /></figure>' anchors of a White House page. Markdown passes
 * such a block through as HTML, so it is markup, never words of the document.
 */
const HTML_BLOCK_START =
  /^\s{0,3}<\/?(?:address|article|aside|blockquote|center|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|img|li|main|nav|ol|p|picture|section|source|table|tbody|td|tfoot|th|thead|tr|ul|video|audio)(?=[\s/>]|$)/i;
export const isHtmlBlock = (block: string): boolean => HTML_BLOCK_START.test(block);

/** The words of a raw HTML block, read by htmlparser2: its text nodes only (an image has none). */
export function htmlBlockText(block: string): string {
  let text = '';
  const parser = new Parser({ ontext: (t) => (text += t) }, { decodeEntities: true });
  parser.write(block);
  parser.end();
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Web "cards" linking to other posts: an empty link `[](url "Title")`, then the title and a one-paragraph
 * blurb. They are site navigation, not the document.
 */
function dropLinkCards(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let skipTitle: string | undefined;
  let skipBlurb = false;
  for (const line of lines) {
    const t = line.text.trim();
    const card = /^\[\]\([^)\s]+\s+"([^"]+)"\)$/.exec(t);
    if (card) {
      skipTitle = card[1];
      continue;
    }
    if (skipTitle !== undefined) {
      if (t === '' || /^!\[[^\]]*\]\([^)]*\)$/.test(t)) continue;
      if (t === skipTitle) {
        skipTitle = undefined;
        skipBlurb = true;
        continue;
      }
      skipTitle = undefined;
    }
    if (skipBlurb) {
      if (t === '') continue;
      skipBlurb = false;
      // The blurb is one short paragraph; anything that looks like structure ends the card.
      if (t.length < 300 && !/^[*#(\d]/.test(t)) continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * EUR-Lex style footnotes: after a '* * *' separator, a run of paragraphs "(1) …", "(2) …" whose first one
 * links to a relative EUR-Lex address, up to the next separator. Footnote CALLS ("… Committee (1),") stay in
 * the running text: they cannot be told apart from enumerations like "(1)" with certainty.
 */
function splitOffFootnotes(lines: TextLine[]): { body: TextLine[]; notes: TextLine[] } {
  const body: TextLine[] = [];
  const notes: TextLine[] = [];
  let inNotes = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (/^(?:\* ?){3}$/.test(t)) {
      inNotes = !inNotes && startsFootnoteBlock(lines, i + 1);
      body.push(line);
      continue;
    }
    (inNotes ? notes : body).push(line);
  }
  return { body, notes };
}

function startsFootnoteBlock(lines: TextLine[], from: number): boolean {
  let i = from;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  if (!/^\(1\) /.test(lines[i]?.text ?? '')) return false;
  const paragraph: string[] = [];
  for (; i < lines.length && lines[i]!.text.trim() !== ''; i++) paragraph.push(lines[i]!.text);
  return /\]\(\.{1,2}\//.test(paragraph.join(''));
}

function parseFootnotes(lines: TextLine[]): Footnote[] {
  const notes: Footnote[] = [];
  for (const line of lines) {
    const t = normalizeSpaces(line.text).trim();
    if (t === '') continue;
    const start = /^\((\d+)\) (.*)$/.exec(t);
    const last = notes[notes.length - 1];
    if (start && (!last || Number(start[1]) === Number(last.marker) + 1)) {
      const note: Footnote = { marker: start[1]!, text: start[2]! };
      if (line.page !== undefined) note.page = line.page;
      notes.push(note);
    } else if (last) last.text += /-$/.test(last.text) ? t : ` ${t}`;
  }
  return notes;
}
