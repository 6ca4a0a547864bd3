// HTML reader: the text of the page's main content, one block element per line, read with htmlparser2 (a
// maintained, spec-following tokenizer: entities, unclosed tags and nesting are its job, not ours).
//  - Site chrome (script, style, nav, header, footer, aside, forms, the <head>) is dropped.
//  - A superscript (<sup>, or EUR-Lex's <span class="oj-super">) is written '^n', so 10<sup>25</sup> reads
//    "10^25", never "1025" (the rendering the other readers use too; see README).
//  - Footnotes marked up as such go to `footnotes`: EUR-Lex's <p class="oj-note"> bodies and the call
//    anchors pointing at them ("(<span class="oj-note-tag">1</span>)"), and <sup> calls linking to '#…'.
//  - Table rows are lines; the cells of a row are joined with a space, so EUR-Lex points set as a table
//    ("(a)" | "the placing on the market …") read "(a) the placing on the market …".
//  - Text a reader of the page never sees is never quoted: elements with the `hidden` attribute,
//    aria-hidden="true", or a style of display:none, visibility:hidden or a zero font size.
//  - Linear in the page's size whatever its nesting depth: what the open elements imply (chrome, a call, a
//    note, a table cell) is kept as counters and a stack of table contexts, never found by scanning.
import { Parser } from 'htmlparser2';
import type { Footnote, ReadDocument, TextLine } from '../types.js';
import {
  collapseBlankLines,
  cutAtEndOfContent,
  decodeText,
  isDecorationLine,
  normalizeSpaces,
} from './clean.js';
import { fastParserStacks } from './html-stack.js';
import { cutSiteChrome } from './site-chrome.js';

export async function readHtml(bytes: Uint8Array): Promise<ReadDocument> {
  return parseHtml(decodeText(bytes));
}

const CHROME = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'template',
  'svg',
  'button',
  'select',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'tr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'blockquote',
  'pre',
  'hr',
  'br',
  'figure',
  'figcaption',
  'address',
  'center',
]);

interface Open {
  name: string;
  /** Text collected for this element goes to a footnote body instead of the running text. */
  note?: boolean;
  /** A footnote call: its text is dropped. */
  call?: boolean;
  sup?: boolean;
  chrome?: boolean;
}

const classes = (attribs: Record<string, string>) => new Set((attribs.class ?? '').split(/\s+/));

/** An element whose text nobody sees on the page. */
const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|rem|%)?\s*(?:!important\s*)?(?:;|$))/i;
const isHidden = (attribs: Record<string, string>) =>
  'hidden' in attribs ||
  (attribs['aria-hidden'] ?? '').trim().toLowerCase() === 'true' ||
  HIDDEN_STYLE.test(attribs.style ?? '');

export function parseHtml(source: string): ReadDocument {
  const lines: string[] = [];
  const footnotes: Footnote[] = [];
  const stack: Open[] = [];
  let line = '';
  let note: { marker: string; text: string } | undefined;
  let cellsInRow = 0;
  let mainStart: number | undefined;
  let mainEnd: number | undefined;

  // How many open elements have each flag, and the open td/th/table elements innermost last: what `inside`
  // and `inCell` ask costs O(1), so a page nested 1M deep reads in linear time.
  const depth = { note: 0, call: 0, sup: 0, chrome: 0 };
  const tables: string[] = [];
  const openNames = new Map<string, number>();
  const inside = (key: keyof typeof depth) => depth[key] > 0;
  const count = (o: Open, by: 1 | -1) => {
    for (const key of ['note', 'call', 'sup', 'chrome'] as const) if (o[key]) depth[key] += by;
    if (o.name === 'td' || o.name === 'th' || o.name === 'table') {
      if (by === 1) tables.push(o.name);
      else tables.pop();
    }
    openNames.set(o.name, (openNames.get(o.name) ?? 0) + by);
  };
  const breakLine = () => {
    if (note) return;
    if (line.trim() !== '') lines.push(line);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const cls = classes(attribs);
        const open: Open = { name };
        if (CHROME.has(name) || isHidden(attribs)) open.chrome = true;
        if (name === 'main') {
          breakLine();
          mainStart ??= lines.length;
        }
        if (name === 'p' && cls.has('oj-note')) {
          breakLine();
          open.note = true;
          note = { marker: '', text: '' };
        }
        const href = attribs.href ?? '';
        const isCallAnchor =
          name === 'a' && /^#/.test(href) && (/^ntc/.test(attribs.id ?? '') || inside('sup'));
        if ((isCallAnchor || (cls.has('oj-note-tag') && !note)) && !inside('call')) {
          open.call = true;
          // "Committee (1)," reads "Committee,": the call and the space before it go.
          line = line.trimEnd();
        }
        if (name === 'sup' || (name === 'span' && cls.has('oj-super'))) {
          open.sup = true;
          // The label of a footnote body: "(1)" before the note's words.
          if (!note && !inside('call')) line += '^';
        }
        if (name === 'tr') cellsInRow = 0;
        if (name === 'td' || name === 'th') {
          cellsInRow++;
          if (cellsInRow > 1 && line.trim() !== '' && !/\s$/.test(line)) line += ' ';
        }
        stack.push(open);
        count(open, 1);
        if (BLOCK.has(name) && !inCell()) breakLine();
      },
      ontext(text) {
        if (inside('chrome')) return;
        if (note) {
          note.text += text;
          return;
        }
        if (inside('call')) return;
        line += text.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        // Pop up to the matching element (htmlparser2 closes implied tags itself). A close tag of no open
        // element is ignored without a scan; otherwise the scan stops at elements it pops anyway.
        if ((openNames.get(name) ?? 0) === 0) return;
        let index = stack.length - 1;
        while (index >= 0 && stack[index]!.name !== name) index--;
        if (index < 0) return;
        const closed = stack.splice(index);
        for (const o of closed) count(o, -1);
        if (closed.some((o) => o.note) && note) {
          const text = normalizeSpaces(note.text.replace(/\s+/g, ' ')).trim();
          const m = /^\((\*?\d+)\)\s*(.*)$/.exec(text);
          footnotes.push({ marker: m?.[1] ?? String(footnotes.length + 1), text: m?.[2] ?? text });
          note = undefined;
        }
        if (name === 'main') {
          breakLine();
          mainEnd ??= lines.length;
        }
        if (BLOCK.has(name) && !inCell()) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  // Inside a table cell, blocks (EUR-Lex wraps each cell's text in <p>) do not break the row's line.
  // A table nested in a cell (EUR-Lex's sub-points) breaks lines again: the innermost table decides.
  const inCell = () => {
    const innermost = tables[tables.length - 1];
    return innermost === 'td' || innermost === 'th';
  };
  fastParserStacks(parser);
  parser.write(source);
  parser.end();
  breakLine();

  const body = cutSiteChrome(mainStart !== undefined ? lines.slice(mainStart, mainEnd) : lines);
  const out: TextLine[] = cutAtEndOfContent(body)
    .map((l) => normalizeSpaces(l.replace(/ {2,}/g, ' ')).trim())
    .filter((l) => l !== '' && !isDecorationLine(l))
    .flatMap((text) => [{ text }, { text: '' }]);
  return { lines: collapseBlankLines(out), footnotes };
}
