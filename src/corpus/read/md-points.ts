// Markdown block markup around numbered points, reduced to the points.
//
// Bullets: a list item whose words start with a point marker ("  * (1) informs the subject …", Justia's
// statutes) is that point; the bullet is markup.
//
// Tables: html2text conversions of EUR-Lex pages (the GDPR's copy) set every recital and every lettered or numbered
// point as a two-column table row, "(a) |  is necessary for …  " followed by a delimiter row "---|---", and
// give footnote labels as links back to their call, "[(1)](#ntc1-L_2016119EN…) OJ C 229, …".
// Pipes and delimiter rows are markup, not words: a row becomes its cells joined by a space, a delimiter row
// a blank line (each row was a block of its own), and a label link its label, so the rest of the markdown
// reader sees what the AI Act's copy already looks like ("(a) is necessary …", "(1) OJ C 229, …").
// Only rows next to a delimiter row are table rows; a '|' in running text is left alone.

/** A delimiter row: "---|---", "---|---|---|---", with optional outer pipes, colons and spaces. */
const DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;
/** A footnote label linking back to its call, at the start of a line. */
const LABEL_LINK = /^\[\((\d{1,3})\)\]\(#[^)\s]+\)(?=\s)/;

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
}

/** A cell holding only a point marker: "(a)", "(16)", "—". */
const MARKER_CELL = /^(?:\((?:\d{1,3}|[a-z]{1,4})\)|—)$/;

/**
 * A row's cells as lines: joined by a space, except that a marker cell after the first cell starts a new
 * block (a nested list flattened into one row: "(16) | ‘main establishment’ means: | (a) | as regards …").
 */
function rowLines(row: string): string[] {
  const out: string[][] = [[]];
  cells(row).forEach((cell, i) => {
    if (i > 0 && MARKER_CELL.test(cell)) out.push([]);
    out[out.length - 1]!.push(cell);
  });
  return out.flatMap((group, i) => (i === 0 ? [group.join(' ')] : ['', group.join(' ')]));
}

/** A bullet before a point marker. */
const BULLETED_POINT = /^\s*[*+-]\s+(?=\((?:\d{1,3}|[a-z]{1,4}|[A-Z]{1,4})\)\s)/;

export function unMarkPoints(lines: string[]): string[] {
  const isDelimiter = lines.map((line) => DELIMITER.test(line));
  return lines.flatMap((line, i) => {
    if (isDelimiter[i]) return [''];
    if ((isDelimiter[i + 1] || isDelimiter[i - 1]) && line.includes('|')) return rowLines(line);
    return [line.replace(LABEL_LINK, '($1)').replace(BULLETED_POINT, '')];
  });
}
