// Documents made of numbered items with a label from the catalog (the Hiroshima code of conduct's Actions,
// its guiding principles' Principles): "7 Develop and deploy …" opens Action 7 (path ['item:7']) and all
// text up to the next item, bullets included, belongs to it. Text before item 1 is the introduction.
import type { CatalogDocument } from '../../catalog.js';
import type { Passage, ReadDocument, TextLine } from '../../types.js';
import { buildPassages, type Unit } from '../passages.js';
import { paragraphsOf } from './report.js';

/** "7 Develop …", "7. Develop …": a number opening a block, followed by the item's words. */
const ITEM_START = /^(\d{1,2})\.?\s+\S/;

export function splitNumbered(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const label = doc.citation.unitLabel ?? 'Item';
  const units: Unit[] = [];
  let lines: TextLine[] = [];
  let path: string[] = ['h:introduction'];
  let headingPath: string[] = ['Introduction'];
  const flush = () => {
    if (lines.length > 0) units.push({ path, headingPath, paragraphs: paragraphsOf(lines) });
    lines = [];
  };
  // Items are numbered 1, 2, 3 … in order; only the next expected number can open an item, so a number
  // that merely starts a wrapped line ("11 countries …") is not mistaken for one.
  let expected = 1;
  const paged = read.lines.some((line) => line.paragraph !== undefined);
  for (const line of read.lines) {
    const match = ITEM_START.exec(line.text);
    if (match && Number(match[1]) === expected && (!paged || line.paragraph)) {
      flush();
      path = [`item:${expected}`];
      headingPath = [`${label} ${expected}`];
      expected += 1;
    }
    lines.push(line);
  }
  flush();
  return buildPassages(doc, units);
}
