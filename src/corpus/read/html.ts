// HTML reader: the text of the page's main content, one block element per line. Site chrome (script,
// style, nav, header, footer, aside, forms) is dropped; `<sup>` becomes '^' as in the other readers.

import type { ReadDocument } from '../types.js';
import {
  collapseBlankLines,
  cutAtEndOfContent,
  decodeText,
  isDecorationLine,
  normalizeSpaces,
} from './clean.js';

export async function readHtml(bytes: Uint8Array): Promise<ReadDocument> {
  return parseHtml(decodeText(bytes));
}

const CHROME =
  /<(script|style|noscript|nav|header|footer|aside|form|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK =
  /<\/?(?:p|div|section|article|main|h[1-6]|li|ul|ol|dl|dt|dd|tr|table|thead|tbody|blockquote|pre|hr|br|figure|figcaption)\b[^>]*>/gi;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  sect: '§',
  para: '¶',
  shy: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function parseHtml(source: string): ReadDocument {
  const main =
    /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(source)?.[1] ??
    /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(source)?.[1] ??
    source;
  const text = main
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(CHROME, '')
    .replace(/<img\b[^>]*>/gi, '')
    .replace(/<sup\b[^>]*>([\s\S]*?)<\/sup>/gi, '^$1')
    .replace(/\s*\n\s*/g, ' ')
    .replace(BLOCK, '\n')
    .replace(/<[^>]+>/g, '');
  const lines = cutAtEndOfContent(decodeEntities(text).split('\n'))
    .map((line) => normalizeSpaces(line.replace(/ {2,}/g, ' ')).trim())
    .filter((line) => !isDecorationLine(line))
    .flatMap((line) => (line === '' ? [] : [{ text: line }, { text: '' }]));
  return { lines: collapseBlankLines(lines), footnotes: [] };
}
