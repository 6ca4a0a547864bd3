// Documents made of numbered items with a label from the catalog (the Hiroshima code of conduct's Actions,
// its guiding principles' Principles): "7 Develop and deploy …" opens Action 7 (path ['item:7']) and all
// text up to the next item, bullets included, belongs to it. Text before item 1 is the introduction,
// cited by its printed page when the document has pages (['h:introduction','p:2'] → "Introduction, p. 2"),
// so that a piece of it on page 2 is not cited as if it stood at the introduction's start.
import type { CatalogDocument } from '../../catalog.js';
import type { Passage, ReadDocument, TextLine } from '../../types.js';
import { buildPassages, type Unit } from '../passages.js';
import { pageSegment, paragraphsOf } from './report.js';

/** "7 Develop …", "7. Develop …": a number opening a block, followed by the item's words. */
const ITEM_START = /^(\d{1,2})\.?\s+\S/;

export function splitNumbered(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const label = doc.citation.unitLabel ?? 'Item';
  const units: Unit[] = [];
  let lines: TextLine[] = [];
  let path: string[] = ['h:introduction'];
  let headingPath: string[] = ['Introduction'];
  const flush = () => {
    const paragraphs = paragraphsOf(lines);
    lines = [];
    if (paragraphs.length === 0) return;
    if (path[0] !== 'h:introduction' || paragraphs[0]!.page === undefined) {
      units.push({ path, headingPath, paragraphs });
      return;
    }
    for (const paragraph of paragraphs) {
      const pagePath = [...path, pageSegment(read, paragraph.page)];
      const last = units[units.length - 1];
      if (last && last.path.join('/') === pagePath.join('/')) last.paragraphs.push(paragraph);
      else units.push({ path: pagePath, headingPath, paragraphs: [paragraph] });
    }
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
