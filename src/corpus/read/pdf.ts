// PDF reader (pdfjs-dist): rebuilds lines from text positions, then cleans them without touching a word.
//
// Pages: every TextLine carries its physical page (1-based), which is what a link (#page=N) needs. People
// cite the number printed on the page, so ReadDocument.pageLabels gives that number per page when it
// differs: the number printed on the sheet, else the PDF's own page label, else none (page-labels.ts).
//
// Footnotes: call markers (raised small digits) are dropped from the running text, so "risks¹²" reads
// "risks"; the bodies at the page bottom go to ReadDocument.footnotes with their marker.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ReadDocument, TextLine } from '../types.js';
import { ReadError } from './error.js';
import { pageLabels } from './page-labels.js';
import {
  bodySize,
  dropContents,
  dropPublisherLegends,
  dropsHyphen,
  extractFootnotes,
  removeRunningLines,
  wordForms,
} from './pdf-clean.js';
import { buildLines, type PdfTextItem, type RawLine, resolveNarrowSpaces } from './pdf-lines.js';
import { orderDrawnBlocks } from './pdf-order.js';

/** Larger than body text by this factor (and short) makes a heading. */
const HEADING_SIZE_RATIO = 1.12;
const HEADING_MAX_CHARS = 160;

/**
 * Most pages read (issue 21, W21: 20,000 pages took 217 s and 679 MB, and time grows faster than pages).
 * The longest document of the corpus has a few hundred. Time and memory are capped by the worker that runs
 * this reader (pdf-limited.ts).
 */
export const MAX_PDF_PAGES = 2000;

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  if (bytes.length === 0) throw new ReadError('The PDF file is empty.');
  // pdfjs takes ownership of the buffer it is given; a copy keeps the caller's bytes usable.
  const task = getDocument({
    data: bytes.slice(),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    throw new ReadError(openErrorSentence(error));
  }
  if (pdf.numPages > MAX_PDF_PAGES) {
    await pdf.destroy();
    throw new ReadError(`The PDF has ${pdf.numPages} pages; Charter reads at most ${MAX_PDF_PAGES}.`);
  }
  try {
    const pages: RawLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.filter(
        (item): item is PdfTextItem & (typeof content.items)[number] => 'str' in item,
      );
      pages.push(buildLines(items, number, await boldFonts(page, items)));
      page.cleanup();
    }
    if (pages.every((lines) => lines.length === 0)) {
      throw new ReadError(
        'The PDF has no text layer (it may be a scan without OCR), so there is nothing to quote.',
      );
    }
    resolveNarrowSpaces(pages);
    const body = bodySize(pages);
    const running = removeRunningLines(dropPublisherLegends(pages));
    const { pages: bodyPages, footnotes } = extractFootnotes(running.pages.map(orderDrawnBlocks), body);
    const lines = dropContents(undoLineEndHyphens(toTextLines(bodyPages.flat(), body)));
    const read: ReadDocument = { lines, footnotes, pageCount: pdf.numPages };
    const labels = pageLabels((await pdf.getPageLabels()) ?? undefined, running.printed);
    if (labels) read.pageLabels = labels;
    return read;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(`The PDF could not be read past its header (${(error as Error).message}).`);
  } finally {
    await pdf.destroy();
  }
}

/** A font's PostScript name that says bold: "ABCDEF+Calibri-Bold", "Arial-BoldMT", "Lato-Black", "…-Semibold". */
const BOLD_FONT_NAME = /bold|black|heavy|semibold|demi/i;

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>;

/**
 * Which of a page's fonts are bold. pdfjs loads a page's font objects (with their PostScript names and
 * bold/black flags) while it builds the page's operator list; the text content alone names them "g_d0_f3".
 */
async function boldFonts(
  page: PdfPage,
  items: readonly PdfTextItem[],
): Promise<(fontName: string) => boolean> {
  const names = new Set(items.map((item) => item.fontName));
  if (names.size < 2) return () => false;
  await page.getOperatorList();
  const bold = new Set<string>();
  for (const name of names) {
    if (!page.commonObjs.has(name)) continue;
    const font = page.commonObjs.get(name) as { name?: string; bold?: boolean; black?: boolean } | undefined;
    if (font && (font.bold || font.black || BOLD_FONT_NAME.test(font.name ?? ''))) bold.add(name);
  }
  return (fontName) => bold.has(fontName);
}

function openErrorSentence(error: unknown): string {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'PasswordException')
    return 'The PDF is encrypted with a password, so its text cannot be read.';
  if (name === 'InvalidPDFException') return 'The file is not a readable PDF (it is corrupt or truncated).';
  return `The PDF could not be opened (${(error as Error).message ?? String(error)}).`;
}

const PRIVATE_USE_BULLET = /^\p{Co}\s*/u;

/** Extra space above a line, in multiples of its type size, that makes it start a paragraph. */
const PARAGRAPH_GAP = 1.6;

function toTextLines(lines: RawLine[], body: number): TextLine[] {
  const isHeading = (line: RawLine) =>
    line.size > body * HEADING_SIZE_RATIO &&
    line.text.length <= HEADING_MAX_CHARS &&
    /[A-Za-z]/.test(line.text);
  const headingSizes = [...new Set(lines.filter(isHeading).map((line) => Math.round(line.size)))].sort(
    (a, b) => b - a,
  );
  return lines.map((line, index) => {
    // `paragraph` is set on every line (false too): it tells splitters the reader marked blocks.
    // A bullet drawn from a symbol font comes out as a private-use code point (U+F0B7, U+F0A7, U+F0FC):
    // it is a list marker, not a word, and is written as the bullet it shows.
    const bullet = PRIVATE_USE_BULLET.test(line.text);
    const out: TextLine = {
      text: bullet ? line.text.replace(PRIVATE_USE_BULLET, '• ') : line.text,
      page: line.page,
      paragraph: bullet || startsParagraph(lines[index - 1], line),
    };
    if (line.bold) out.bold = true;
    if (isHeading(line)) out.heading = headingSizes.indexOf(Math.round(line.size)) + 1;
    return out;
  });
}

function startsParagraph(previous: RawLine | undefined, line: RawLine): boolean {
  if (!previous) return true;
  if (/^[•▪●◦■–-]\s|^[•▪●◦■]/.test(line.text)) return true;
  if (Math.abs(previous.size - line.size) > Math.max(previous.size, line.size) * 0.1) return true;
  // A new page continues the paragraph unless the last one ended a sentence.
  if (previous.page !== line.page) return /[.!?:]["”’)]?$/.test(previous.text);
  const drop = previous.y - line.y;
  return drop < 0 || drop > Math.max(previous.size, line.size) * PARAGRAPH_GAP;
}

/**
 * Undoes hyphenation at line ends by moving the rest of the word up: "orga-" / "nizational risk" becomes
 * "organizational" / "risk". Whether the hyphen stays is decided by the document's own usage (dropsHyphen).
 */
function undoLineEndHyphens(lines: TextLine[]): TextLine[] {
  // The fragment opening a line after a hyphen ("ment") is not evidence of a word of its own.
  const forms = wordForms(
    lines.map((line, i) =>
      i > 0 && lines[i - 1]!.text.endsWith('-') ? line.text.replace(/^\S+/, '') : line.text,
    ),
  );
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    // The last part of a compound ("state-of-" / "the-art", "human-in-the-" / "loop") or of a link ends a
    // line too: its hyphen is the compound's, never a word broken in two. A word after "_" is a link's
    // ("…/374505266_Ethical_Tensions_in_Human-" / "AI_Companionship…" in the GenAI Profile's references).
    const end = /(?:^|([\s(“"‘'/_-]))([A-Za-z][A-Za-z'’]*)-$/.exec(line.text);
    if (!end) continue;
    const next = lines[i + 1]!;
    if (next.paragraph && next.page === line.page) continue;
    const start = /^([A-Za-z][A-Za-z'’]*)(\S*)\s*/.exec(next.text);
    // "high- or low-impact": a suspended hyphen, not a broken word.
    if (!start || next.heading !== line.heading || /^(?:or|and|nor|to)$/.test(start[1]!)) continue;
    const before = end[2]!;
    const after = start[1]!;
    const compound =
      end[1] === '-' || /^\S*(?::\/\/|www\.)/.test(line.text.slice(line.text.lastIndexOf(' ') + 1));
    const joint = !compound && dropsHyphen(before, after, forms) ? '' : '-';
    line.text = `${line.text.slice(0, -1)}${joint}${after}${start[2]}`;
    next.text = next.text.slice(start[0].length);
  }
  return lines.filter((line) => line.text.length > 0);
}
