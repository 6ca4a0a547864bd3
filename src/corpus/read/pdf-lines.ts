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

/** A blank item narrower than this fraction of the type size is letter spacing, not a word space. */
const NARROW_BLANK = 0.2;
/** Marks a narrow blank in a line's text until resolveNarrowSpaces decides it (never left in output). */
export const NARROW_SPACE = '\u0001';

/**
 * Decides each narrow blank from the document's own words: the fragments join when their join is a word
 * used elsewhere in the document and one of them is not ("system s" → "systems", "l east" → "least"), or
 * when neither fragment is a word anywhere else ("ar tificial"); otherwise the blank is a space.
 */
const NARROW_BETWEEN = new RegExp(`([A-Za-z'’]*)${NARROW_SPACE}(?=([A-Za-z'’]*))`, 'g');

export function resolveNarrowSpaces(pages: RawLine[][]): void {
  const counts = new Map<string, number>();
  for (const line of pages.flat()) {
    for (const word of line.text
      .replaceAll(NARROW_SPACE, ' ')
      .toLowerCase()
      .match(/[a-z][a-z'’]*/g) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // A single letter other than "a" and "I" is never a word of its own (list markers like "(l)" aside).
  const isWord = (w: string) =>
    /^(?:a|i)$/i.test(w) || (w.length > 1 && (counts.get(w.toLowerCase()) ?? 0) > 1);
  for (const line of pages.flat()) {
    if (!line.text.includes(NARROW_SPACE)) continue;
    line.text = line.text.replace(NARROW_BETWEEN, (_, before: string, after: string) => {
      if (before === '' || after === '') return `${before} `;
      const joined = (before + after).toLowerCase();
      const join =
        (isWord(joined) && !(isWord(before) && isWord(after))) || (!isWord(before) && !isWord(after));
      return join ? before : `${before} `;
    });
  }
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

/** A raised, smaller comma or dash: the separator between footnote call markers. */
function isRaisedPunctuation(item: PdfTextItem, line: { y: number; size: number }): boolean {
  return (
    /^[,;–-]$/.test(item.str.trim()) &&
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
  pendingNarrow: boolean;
  /** The last item placed was a dropped footnote call marker. */
  afterCall: boolean;
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
        // A blank much narrower than a space is letter spacing inside a justified word ("ar tificial");
        // it is marked and decided later from the document's words (resolveNarrowSpaces).
        if (item.width < current.size * NARROW_BLANK) current.pendingNarrow = true;
        else current.pendingSpace = true;
        current.endX = Math.max(current.endX, x + item.width);
        continue;
      }
      // Raised call markers go, and so do the raised commas between them ("authorities.¹²,¹³,¹⁴").
      if (isRaisedNumber(item, current) || (current.afterCall && isRaisedPunctuation(item, current))) {
        current.endX = Math.max(current.endX, x + item.width);
        current.afterCall = true;
        continue;
      }
      current.afterCall = false;
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
      current.text += (needsSpace ? ' ' : current.pendingNarrow ? NARROW_SPACE : '') + item.str;
      current.pendingNarrow = false;
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
      pendingNarrow: false,
      afterCall: false,
      itemCount: 1,
      fontChars: new Map([[item.fontName, item.str.length]]),
    };
  }
  finish();
  return lines;
}
