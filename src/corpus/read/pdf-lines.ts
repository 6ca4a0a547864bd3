// Rebuilds text lines from pdfjs text items. Items are taken in content-stream order (which, for the PDFs
// in the corpus, is reading order even inside tables: a table cell is drawn whole before the next one) and
// an item joins the current line when it sits at the same height and further right; spaces come from the
// gaps between items, which also mends words the producer drew in pieces ("a" + "n additional").

/** The parts of a pdfjs TextItem the reader uses. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, x, y]: x = transform[4], baseline y = transform[5]. */
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** A rebuilt line with the geometry later cleaning steps need. */
export interface RawLine {
  text: string;
  page: number;
  x: number;
  /** Baseline of the line's main (non-raised) text. */
  y: number;
  endX: number;
  /** Font size of the line's main text (the largest item height). */
  size: number;
  /** The font drawing most of the line's characters. */
  font: string;
  /** True when the line starts with a raised, smaller number (a footnote body's marker). */
  startsWithSuperscript: boolean;
  /** True when every character of the line is in a bold face (as told by `isBold`). */
  bold: boolean;
}

/** A raised, smaller run of digits: a footnote call marker ("risks¹²"). */
function isRaisedNumber(item: PdfTextItem, line: { y: number; size: number }): boolean {
  return (
    /^\d{1,3}(?:[,–-]\d{1,3})*$/.test(item.str.trim()) &&
    item.height > 0 &&
    item.height < line.size * 0.85 &&
    item.transform[5]! > line.y + line.size * 0.15
  );
}

/** Vertical spans overlap by at least half the smaller one: same line (covers superscripts and small caps). */
function sameLine(item: PdfTextItem, line: { y: number; size: number }): boolean {
  const itemY = item.transform[5]!;
  const itemSize = item.height > 0 ? item.height : line.size;
  const overlap = Math.min(itemY + itemSize, line.y + line.size) - Math.max(itemY, line.y);
  return overlap >= Math.min(itemSize, line.size) * 0.5;
}

interface Building extends RawLine {
  pendingSpace: boolean;
  /** Items placed so far (not counting blanks). */
  itemCount: number;
  fontChars: Map<string, number>;
}

/**
 * Builds a page's lines. Footnote call markers inside running text are dropped (a quotation then reads
 * "risks" instead of "risks12"); a raised number at the very start of a line is kept, as it opens a
 * footnote body.
 */
export function buildLines(
  items: readonly PdfTextItem[],
  page: number,
  isBold: (fontName: string) => boolean = () => false,
): RawLine[] {
  const lines: RawLine[] = [];
  let current: Building | undefined;
  const finish = () => {
    if (current && current.text.trim().length > 0) {
      let font = '';
      let most = -1;
      for (const [name, count] of current.fontChars) if (count > most) [font, most] = [name, count];
      const bold = [...current.fontChars.keys()].every(isBold);
      lines.push({
        text: current.text.replace(/\s+/g, ' ').trim(),
        page,
        x: current.x,
        y: current.y,
        endX: current.endX,
        size: current.size,
        font,
        startsWithSuperscript: current.startsWithSuperscript,
        bold,
      });
    }
    current = undefined;
  };

  for (const item of items) {
    if (item.str.length === 0) continue;
    const x = item.transform[4]!;
    const y = item.transform[5]!;
    const blank = item.str.trim().length === 0;
    const continues =
      current !== undefined && sameLine(item, current) && x >= current.endX - Math.max(2, current.size * 0.5);
    if (current && continues) {
      if (blank) {
        current.pendingSpace = true;
        current.endX = Math.max(current.endX, x + item.width);
        continue;
      }
      if (isRaisedNumber(item, current)) {
        current.endX = Math.max(current.endX, x + item.width);
        continue;
      }
      const gap = x - current.endX;
      const needsSpace = current.pendingSpace || gap > Math.max(item.height, current.size) * 0.15;
      // A small number opening a line and followed by bigger text is a footnote body's marker ("¹ See …").
      if (
        current.itemCount === 1 &&
        /^\d{1,3}$/.test(current.text.trim()) &&
        current.size < item.height * 0.85
      ) {
        current.startsWithSuperscript = true;
      }
      current.itemCount += 1;
      current.text += (needsSpace ? ' ' : '') + item.str;
      current.endX = Math.max(current.endX, x + item.width);
      // A bigger first letter (small caps, drop caps) must not make the line's size; the body text does.
      if (item.height > current.size && (item.str.trim().length > 1 || current.startsWithSuperscript)) {
        current.size = item.height;
        current.y = y;
      }
      current.fontChars.set(item.fontName, (current.fontChars.get(item.fontName) ?? 0) + item.str.length);
      current.pendingSpace = false;
      continue;
    }
    if (blank) continue;
    finish();
    current = {
      text: item.str,
      page,
      x,
      y,
      endX: x + item.width,
      size: item.height,
      font: item.fontName,
      startsWithSuperscript: false,
      bold: false,
      pendingSpace: false,
      itemCount: 1,
      fontChars: new Map([[item.fontName, item.str.length]]),
    };
  }
  finish();
  return lines;
}
