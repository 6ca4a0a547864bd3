// Plain-text reader: one paragraph per line (leginfo copies, news) or hard-wrapped text extractions with
// page markers, form feeds and running headers (see clean.ts). No markup is interpreted.

import type { ReadDocument } from '../types.js';
import { plainBullet } from './bullets.js';
import {
  collapseBlankLines,
  decodeText,
  isDecorationLine,
  isPublisherBoilerplate,
  normalizeSpaces,
  paginate,
  setPageFootnotesApart,
  stripFrontMatter,
} from './clean.js';
import { dropLayoutTables } from './layout-table.js';

export async function readText(bytes: Uint8Array): Promise<ReadDocument> {
  return parseText(decodeText(bytes));
}

export function parseText(source: string): ReadDocument {
  const { lines: paged, pageCount } = paginate(stripFrontMatter(source.split('\n')));
  const atFoot = pageCount !== undefined ? setPageFootnotesApart(paged) : { lines: paged, footnotes: [] };
  const lines = collapseBlankLines(
    dropLayoutTables(atFoot.lines)
      .filter((line) => !isDecorationLine(line.text) && !isPublisherBoilerplate(line.text))
      .map((line) => ({ ...line, text: normalizeSpaces(plainBullet(line.text)) })),
  );
  const doc: ReadDocument = { lines, footnotes: atFoot.footnotes };
  if (pageCount !== undefined) doc.pageCount = pageCount;
  return doc;
}
