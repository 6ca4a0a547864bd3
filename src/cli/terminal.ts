// Answers as a person reads them in a terminal: plain words (no Discord markdown), wrapped to the window,
// the locator in bold and matched terms highlighted only when stdout is a terminal and NO_COLOR is unset.

import {
  followingItems,
  jointBetween,
  leadInOf,
  locatorOf,
  OMISSION,
  precedingItems,
  sourceUrl,
} from '../answer/places.js';
import { environment } from '../config/env.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import { stripControls } from '../corpus/text.js';
import type { Passage } from '../corpus/types.js';
import { termSpans } from '../search/spans.js';
import { displayWidth, graphemesOf, graphemeWidth, padDisplay } from './width.js';

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

/** Whether text to this terminal is styled: only a terminal, with NO_COLOR unset (https://no-color.org). */
const isStyled = (out: Terminal, env: NodeJS.ProcessEnv) => out.isTTY === true && !environment(env).noColor;

/** Styled only on a terminal with NO_COLOR unset; wrapped at the window's width. */
export function styleFor(out: Terminal, env: NodeJS.ProcessEnv = process.env): Style {
  const width = out.isTTY && out.columns ? Math.max(40, Math.min(out.columns, MAX_WIDTH)) : PLAIN_WIDTH;
  const color = isStyled(out, env);
  // The styled words pass through the sanitiser before they get the style's own codes.
  const sgr = (on: number, off: number) => (text: string) =>
    color ? `\x1b[${on}m${stripControls(text)}\x1b[${off}m` : text;
  return { bold: sgr(1, 22), dim: sgr(2, 22), mark: sgr(33, 39), width };
}

/** The only escape sequences Charter writes to a terminal: the styles of `styleFor`, on and off. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the style codes being kept
const STYLE_CODES = /(\x1b\[(?:1|2|22|33|39)m)/;

/**
 * The terminal edge: everything a command writes passes through the one sanitiser (src/corpus/text.ts), so
 * no control, escape, bidi or tag character from a question, an option, a catalog entry or a passage
 * reaches the terminal; a styled terminal keeps only the style codes above. JSON output goes through it
 * too (JSON.stringify escapes C0 controls but writes C1, bidi and tag characters raw).
 */
export function safeTerminal(out: Terminal, env: NodeJS.ProcessEnv = process.env): Terminal {
  if (SAFE.has(out)) return out;
  const styled = isStyled(out, env);
  const safe: Terminal = {
    write: (text: string) =>
      out.write(
        styled
          ? text
              .split(STYLE_CODES)
              .map((part, i) => (i % 2 ? part : stripControls(part)))
              .join('')
          : stripControls(text),
      ),
    ...(out.isTTY !== undefined ? { isTTY: out.isTTY } : {}),
    ...(out.columns !== undefined ? { columns: out.columns } : {}),
  };
  SAFE.add(safe);
  return safe;
}
const SAFE = new WeakSet<Terminal>();

/** Wide closing punctuation stays with what it closes; wide opening punctuation with what it opens. */
const CLOSING = /^[，。、；：？！）》」』】〕〉％]$/u;
const OPENING = /^[（《「『【〔〈]$/u;

/**
 * Where a line may break: at spaces, and between wide characters (Chinese has no spaces), never before
 * closing or after opening punctuation. `space` says a space stood before the piece.
 */
function pieces(line: string): { text: string; space: boolean }[] {
  const out: { text: string; space: boolean }[] = [];
  for (const [i, word] of line.split(/ +/).entries()) {
    const start = out.length;
    let narrow = '';
    let opening = '';
    const push = (text: string) => {
      out.push({ text: opening + text, space: out.length === start && i > 0 });
      opening = '';
    };
    for (const grapheme of graphemesOf(word)) {
      if (graphemeWidth(grapheme) < 2) {
        narrow += grapheme;
        continue;
      }
      if (CLOSING.test(grapheme) && (narrow !== '' || out.length > start)) {
        if (narrow !== '') narrow += grapheme;
        else out[out.length - 1]!.text += grapheme;
        continue;
      }
      if (narrow !== '') push(narrow);
      narrow = '';
      if (OPENING.test(grapheme)) opening += grapheme;
      else push(grapheme);
    }
    if (narrow !== '' || opening !== '' || out.length === start) push(narrow);
  }
  return out;
}

/** Text wrapped to `width` display columns after `indent`; the text's own line breaks are kept. */
export function wrap(text: string, width: number, indent = ''): string {
  const room = Math.max(20, width - displayWidth(indent));
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    let used = 0;
    for (const { text: piece, space } of pieces(line)) {
      const gap = space && current !== '' ? 1 : 0;
      const columns = displayWidth(piece);
      if (current !== '' && used + gap + columns > room) {
        out.push(indent + current);
        current = piece;
        used = columns;
      } else {
        current += (gap ? ' ' : '') + piece;
        used += gap + columns;
      }
    }
    out.push(current === '' ? indent.trimEnd() : indent + current);
  }
  return out.join('\n');
}

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
  showLeadIn = true,
): string {
  const first = passages[0]!;
  const lines = [style.bold(`${doc.shortTitle}, ${locator}`)];
  // A passage's words were cleaned when read; cleaned again here, before the styles add their codes.
  if (first.headingPath.length > 0)
    lines.push(wrap(stripControls(first.headingPath.join(' › ')), style.width));
  // An item of a list that does not open it says which items come before, as it says which follow.
  const before = precedingItems(passages);
  if (before) lines.push(wrap(`  (preceded by ${before})`, style.width));
  const lead = showLeadIn ? leadInOf(first) : undefined;
  if (lead) lines.push(wrap(`${stripControls(lead)} ${OMISSION}`, style.width, '  │ '));
  // A later piece of a unit shown first starts after words of that unit: marked, so it is never cited as
  // the whole of the place its locator names (AI Act Recital 179's second piece).
  else if (first.continued) lines.push(`  │ ${OMISSION}`);
  // Words of the document between two passages shown are marked, never silently skipped.
  // Pieces of one paragraph join with a space, as the document reads.
  const JOINTS = { omission: `\n\n${OMISSION}\n\n`, space: ' ', paragraph: '\n\n' } as const;
  const text = passages
    .map((p, i) => {
      const words = marked(stripControls(p.text), terms, style);
      return i === 0 ? words : `${JOINTS[jointBetween(passages[i - 1]!, p)]}${words}`;
    })
    .join('');
  lines.push(wrap(text, style.width, '  │ '));
  // An item of a list says which items follow it when they are not shown.
  const next = followingItems(passages);
  if (next) lines.push(wrap(`  (followed by ${next})`, style.width));
  lines.push(style.dim(wrap(plainStatus(doc), style.width)));
  const url = sourceUrl(doc, first);
  if (url) lines.push(style.dim(url));
  return `${lines.join('\n')}\n`;
}

/** One row of `charter sources`. */
export interface SourceLine {
  id: string;
  date: string;
  status: string;
  passages: number | null;
  shortTitle: string;
  addedLocally?: boolean;
}

/** The `charter sources` table: each column as wide as its widest cell, so a long status keeps it aligned. */
export function sourceTable(rows: readonly SourceLine[]): string[] {
  const count = (row: SourceLine) => (row.passages === null ? 'not synced' : `${row.passages} passages`);
  const idWidth = Math.max(0, ...rows.map((row) => displayWidth(row.id)));
  const statusWidth = Math.max(0, ...rows.map((row) => displayWidth(row.status)));
  const countWidth = Math.max(0, ...rows.map((row) => count(row).length));
  return rows.map(
    (row) =>
      `${padDisplay(row.id, idWidth)}  ${row.date}  ${padDisplay(row.status, statusWidth)}  ${count(row).padStart(countWidth)}  ${row.shortTitle}${row.addedLocally ? '  (added locally)' : ''}`,
  );
}
