// The shapes every layer shares. Readers produce `ReadDocument`s, splitters turn them into `Passage`s,
// search indexes passages and the reply layer formats them. Nothing here knows about Discord.

/** One line of cleaned document text, with the PDF page it sits on (1-based) when the format has pages. */
export interface TextLine {
  text: string;
  page?: number;
  /**
   * PDF only: set when the line is set in type larger than the body text, 1 for the largest size used for
   * headings, 2 for the next, and so on. Splitters may use it to find headings.
   */
  heading?: number;
  /**
   * PDF only: true when the line starts a new block (a paragraph, list item, heading or table cell): there
   * is extra space above it, the type size changes, or text jumps back up the page. Splitters join the
   * lines between block starts into paragraphs.
   */
  paragraph?: boolean;
  /**
   * PDF only: set when every character of the line is set in a bold (or black, heavy, semibold) face.
   * Reports that set headings in bold at body size are split on it (see split/styles/report.ts).
   */
  bold?: boolean;
}

/**
 * A document as a reader hands it to the splitter: cleaned lines in reading order, boilerplate removed
 * (front matter, site chrome, comments, running headers/footers, page numbers) and footnote bodies set
 * apart. Lines keep the document's own line breaks; the splitter decides what is a paragraph.
 */
export interface ReadDocument {
  lines: TextLine[];
  /** Footnote bodies removed from the running text, by their marker ("1", "12"), with their page. */
  footnotes: Footnote[];
  /** Number of pages for paged formats. */
  pageCount?: number;
  /**
   * Paged formats: the page number printed on each physical page (index 0 = page 1), when it differs from
   * the physical number for some page; '' for a page that is not numbered (read/page-labels.ts). People
   * cite the printed number; links use the physical one.
   */
  pageLabels?: string[];
  /** XML only: the element tree, for splitters that read the document's own markup. */
  xml?: XmlElement;
}

/** An XML element in document order; text nodes are strings (see read/xml.ts). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export interface Footnote {
  marker: string;
  text: string;
  page?: number;
}

/**
 * A citable place in a document, as a path of canonical segments, outermost first. Canonical segment keys
 * are lower-case and free of punctuation so references typed by people can be matched against them:
 *   Art. 5(1)(c)        → ['art:5', '1', 'c']
 *   Recital 27          → ['recital:27']
 *   Annex III, point 4  → ['annex:iii', '4']
 *   Sec. 4.2(a)         → ['sec:4.2', 'a']
 *   para. 6             → ['para:6']
 *   GOVERN 1.1          → ['govern:1.1']
 *   Action 7            → ['action:7']
 *   a page of a report  → ['p:12'] (the printed number); an unnumbered one → ['pdfpage:2']
 * `citation.ts` turns a path into the document's own citation style and parses references back.
 */
export type RefPath = readonly string[];

export interface Passage {
  /** Stable id: `<docId>#<path joined by '/'>` plus `~n` for the n-th (n ≥ 2) piece of a split unit. */
  id: string;
  docId: string;
  /** The place in the document's own citation style, e.g. "Art. 5(1)(c)". */
  locator: string;
  /** The canonical path the locator was formatted from (see RefPath). */
  path: RefPath;
  /** Headings from the outermost down, e.g. ["Chapter II Prohibited AI practices", "Article 5 Prohibited AI practices"]. */
  headingPath: string[];
  /** First page the passage sits on (paged formats only). */
  page?: number;
  /** Last page, when the passage runs over a page break. */
  pageEnd?: number;
  /** The words of the document, verbatim (only line wrapping and hyphenation at line ends undone). */
  text: string;
  /**
   * A list's lead-in ("The following AI practices shall be prohibited:") shown as context above a point.
   * It is part of the `text` of exactly one passage (the one it stands in); elsewhere it is only context.
   */
  context?: string;
  /**
   * On a list's lead-in ("The following AI practices shall be prohibited:"): the ids of the passages of
   * its items, in order. A lead-in is never an answer alone: it is shown with these.
   */
  items?: string[];
  /** On an item of a list: the locators of the items after it in the same list ("Art. 5(1)(b)", …). */
  following?: string[];
  /** On an item of a list: the locators of the items before it in the same list ("Art. 5(1)(a)"). */
  preceding?: string[];
  /**
   * On a later piece of a unit too long for one passage: it goes on with the passage before it under the
   * same locator (the rest of a paragraph, or more of a section whose paragraphs are not cited). A passage
   * without it that repeats a locator is a duplicate (lint `duplicate-locator`).
   */
  continued?: boolean;
  /**
   * On a later piece that starts inside a paragraph of the piece before it (a long paragraph cut at a
   * sentence): shown after that piece, it goes on in the same paragraph, never after a paragraph break.
   */
  midParagraph?: boolean;
  /** Position in the document, 0-based; passages sorted by `seq` give back the body. */
  seq: number;
}
