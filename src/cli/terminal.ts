// Answers as a person reads them in a terminal: plain words (no Discord markdown), wrapped to the window,
// the locator in bold and matched terms highlighted only when stdout is a terminal and NO_COLOR is unset.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { termSpans } from '../reply/escape.js';
import { followingItems, locatorOf, sourceUrl } from '../reply/format.js';

export interface Terminal {
  write(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  mark(text: string): string;
  /** Columns to wrap at. */
  width: number;
}

const PLAIN_WIDTH = 80;
const MAX_WIDTH = 100;

/** Styled only on a terminal with NO_COLOR unset (https://no-color.org); wrapped at the window's width. */
export function styleFor(out: Terminal, env: NodeJS.ProcessEnv = process.env): Style {
  const width = out.isTTY && out.columns ? Math.max(40, Math.min(out.columns, MAX_WIDTH)) : PLAIN_WIDTH;
  const color = out.isTTY === true && (env.NO_COLOR ?? '') === '';
  const sgr = (on: number, off: number) => (text: string) =>
    color ? `\x1b[${on}m${text}\x1b[${off}m` : text;
  return { bold: sgr(1, 22), dim: sgr(2, 22), mark: sgr(33, 39), width };
}

/** Words wrapped to `width` columns after `indent`; the text's own line breaks are kept. */
export function wrap(text: string, width: number, indent = ''): string {
  const room = Math.max(20, width - indent.length);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    for (const word of line.split(/ +/)) {
      if (current !== '' && visibleLength(current) + 1 + visibleLength(word) > room) {
        out.push(indent + current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    out.push(current === '' ? indent.trimEnd() : indent + current);
  }
  return out.join('\n');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI styles are not visible characters
const visibleLength = (text: string) => text.replace(/\x1b\[\d+m/g, '').length;

/** Marks the matched terms in a passage's verbatim text. */
function marked(text: string, terms: readonly string[], style: Style): string {
  let out = '';
  let at = 0;
  for (const { start, end } of termSpans(text, terms)) {
    out += `${text.slice(at, start)}${style.mark(text.slice(start, end))}`;
    at = end;
  }
  return out + text.slice(at);
}

/** "issuer · date · status (note)": the status in capitals when revoked or superseded. */
export function plainStatus(doc: CatalogDocument): string {
  const flagged = doc.status === 'revoked' || doc.status === 'superseded';
  const note = doc.statusNote ? ` (${doc.statusNote})` : '';
  return `${doc.issuer} · ${doc.date} · ${flagged ? doc.status.toUpperCase() : doc.status}${note}`;
}

/** One quoted place: document and locator, heading path, the words, the status and the link. */
export function renderQuote(
  doc: CatalogDocument,
  passages: readonly Passage[],
  terms: readonly string[],
  style: Style,
  locator = locatorOf(passages),
): string {
  const first = passages[0]!;
  const lines = [style.bold(`${doc.shortTitle}, ${locator}`)];
  if (first.headingPath.length > 0) lines.push(wrap(first.headingPath.join(' › '), style.width));
  if (first.context && !first.text.startsWith(first.context))
    lines.push(wrap(`${first.context} […]`, style.width, '  │ '));
  lines.push(wrap(passages.map((p) => marked(p.text, terms, style)).join('\n\n'), style.width, '  │ '));
  // An item of a list says which items follow it when they are not shown.
  const next = followingItems(passages);
  if (next) lines.push(wrap(`  (followed by ${next})`, style.width));
  lines.push(style.dim(wrap(plainStatus(doc), style.width)));
  const url = sourceUrl(doc, first);
  if (url) lines.push(style.dim(url));
  return `${lines.join('\n')}\n`;
}
