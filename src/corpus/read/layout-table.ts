// Tables in a layout text extraction (pdftotext -layout): the columns of a table sit side by side on each
// line, so read line by line they interleave ("(1) Consideration for bias in i. Consideration for bias in
// i. …"), words that are not the document's. A block (a run of non-blank lines) with at least
// TABLE_ROWS lines of three or more columns (words separated by runs of three or more spaces) is such a
// table, and the text reader leaves it out: its cells could be read back by their positions only with
// their column headers, and a layout extraction prints spanning headers squeezed onto lines of their own
// (METI's Table 1: "Part 3. AI Developer Part 4. AI Provider" on one line), so no reading of it would be
// the document's own. The table's caption (outside the block) stays; the catalog entry says what is left
// out. Diagrams with a line or two of columns are not tables and stay.

import type { TextLine } from '../types.js';

/** Lines of three or more columns a block must have to be a table. */
export const TABLE_ROWS = 6;

const COLUMNS = /\S {3,}\S.* {3,}\S/;

/** The lines without the blocks that are layout tables. */
export function dropLayoutTables(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let block: TextLine[] = [];
  const end = () => {
    const columned = block.filter((l) => COLUMNS.test(l.text.trim())).length;
    if (columned < TABLE_ROWS) out.push(...block);
    block = [];
  };
  for (const line of lines) {
    if (line.text.trim() === '') {
      end();
      out.push(line);
    } else block.push(line);
  }
  end();
  return out;
}
