// Plain reports: cited by heading plus printed page ("“Build an AI Evaluations Ecosystem”, p. 13, path
// ['p:13']). Finer places are used where the report has them: numbered section headings and numbered
// paragraphs ("3.2 …" → ['sec:3.2']; a number seen before falls back to the page) and a run of numbered recommendations 1, 2, 3 … through the document (the UK action plan's
// 1–50 → ['rec:7'], "Recommendation 7").
//
// Text formats (no pages) are cited by heading and paragraph order instead: "“Heading”, third paragraph".
//
// Headings come from the PDF reader's type sizes (TextLine.heading). Heading lines are carried in
// headingPath and the locator, not repeated in passage text. A "heading" that reads like a sentence (a
// pull quote set large) stays in the text.
import type { CatalogDocument } from '../../catalog.js';
import type { Passage, ReadDocument, TextLine } from '../../types.js';
import { buildPassages, ordinal, type Unit, type UnitParagraph } from '../passages.js';

/** Joins a run of lines into paragraphs at the reader's block starts (TextLine.paragraph). */
export function paragraphsOf(lines: readonly TextLine[]): UnitParagraph[] {
  const paragraphs: UnitParagraph[] = [];
  const paged = lines.some((line) => line.paragraph !== undefined);
  let current: UnitParagraph | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    if (text.length === 0) continue;
    // Text formats have no block marks: a line is a paragraph, as their readers hand them over.
    if (!current || !paged || line.paragraph) {
      current = { text };
      if (line.page !== undefined) current.page = line.page;
      paragraphs.push(current);
      continue;
    }
    current.text += ` ${text}`;
    if (line.page !== undefined && line.page !== current.page) current.pageEnd = line.page;
  }
  return paragraphs;
}

/**
 * The path segment citing a physical page: `p:` and the number printed on it (what people cite; the physical
 * number when the document prints none and has no labels), or `pdfpage:` and the physical number for a page
 * that is not numbered while others are (a cover or imprint before p. 1), which no printed number names.
 */
export function pageSegment(read: ReadDocument, page: number | undefined): string {
  if (page === undefined) return 'p:1';
  const label = read.pageLabels?.[page - 1];
  if (label === undefined) return `p:${page}`;
  return label.length > 0 ? `p:${label}` : `pdfpage:${page}`;
}

interface Heading {
  text: string;
  level: number;
  /** Set in bold at body size (not larger type). */
  bold?: boolean;
}

/** One block of the document: a heading or a run of body lines. */
type Block = { heading: Heading; page?: number } | { lines: TextLine[] };

const TOC_LEADER = /_{4,}|\.{5,}|…{2,}/;
const CONTENTS = /^(?:table of )?contents$/i;
const SENTENCE_LIKE = /[.!?]["”’]?$|^[“"‘]/;

/** A bold line that may open a heading set at body size: short, and not a lead-in ("Key guidance:"). */
const BOLD_HEADING_MAX_CHARS = 120;
const LEAD_IN = /[:;,]$/;
const sameHeading = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Groups lines into headings and body runs. A heading is a run of heading lines of one size on one page,
 * or, below all sized headings, a bold line at body size that starts a block (with the bold lines that
 * wrap it): many reports set their lowest headings that way.
 */
function blocksOf(lines: readonly TextLine[]): Block[] {
  const boldLevel = Math.max(0, ...lines.map((line) => line.heading ?? 0)) + 1;
  const boldCandidate = (line: TextLine | undefined) =>
    line !== undefined &&
    line.bold === true &&
    line.heading === undefined &&
    line.paragraph === true &&
    line.text.length <= BOLD_HEADING_MAX_CHARS &&
    !LEAD_IN.test(line.text.trim()) &&
    // "I. Chapter I: Foundations of Trustworthy AI 9": a contents entry with its page number.
    !/\s\d{1,3}$/.test(line.text.trim());
  // Three or more bold one-line blocks in a row are a list set in bold (a figure's items), not headings.
  const boldList = new Set<number>();
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (boldCandidate(lines[end])) end++;
    if (end - start >= 3) for (let i = start; i < end; i++) boldList.add(i);
    start = Math.max(end, start + 1);
  }
  // A heading has space below it: a bold line run into the text under it is a list item's lead.
  const spaceBelow = (index: number) => {
    let next = index + 1;
    while (lines[next]?.bold === true && lines[next]!.paragraph === false) next++;
    const below = lines[next];
    return below === undefined || below.paragraph !== false;
  };
  const boldHeadingAt = (index: number) =>
    boldCandidate(lines[index]) && !boldList.has(index) && spaceBelow(index);
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const bold = boldHeadingAt(index);
    if (line.heading !== undefined || bold) {
      const level = line.heading ?? boldLevel;
      const run = [line];
      const continues = (next: TextLine) =>
        next.page === line.page &&
        (bold
          ? next.bold === true && next.heading === undefined && next.paragraph === false
          : next.heading === line.heading);
      while (index + run.length < lines.length && continues(lines[index + run.length]!)) {
        run.push(lines[index + run.length]!);
      }
      const text = run.map((l) => l.text.trim()).join(' ');
      // A label ending in a colon ("MASTERCARD:", a case study's name) leads into the text: it is body.
      if (!SENTENCE_LIKE.test(text) && !TOC_LEADER.test(text) && !LEAD_IN.test(text) && text.length <= 160) {
        blocks.push({ heading: bold ? { text, level, bold } : { text, level }, page: line.page });
        index += run.length;
        continue;
      }
      // Set large but reads like a sentence (a pull quote): it is body text.
      pushBody(
        blocks,
        run.map((l, i) => (i === 0 ? { ...l, paragraph: true } : { ...l, paragraph: false })),
      );
      index += run.length;
      continue;
    }
    pushBody(blocks, [line]);
    index += 1;
  }
  return blocks;
}

function pushBody(blocks: Block[], lines: TextLine[]): void {
  const last = blocks[blocks.length - 1];
  if (last && 'lines' in last) last.lines.push(...lines);
  else blocks.push({ lines });
}

const SECTION_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\S/;
const RECOMMENDATION = /^(\d{1,2})\.\s+\S/;
/** A paragraph that ends as a lead-in to what follows it ("… government should:"). */
const TRAILING_LEAD_IN = /:["”’]?$/;
/** A run of numbered paragraphs this long through the document is a recommendation list. */
const MIN_RECOMMENDATIONS = 10;

/** Line indexes (within body lines) that open recommendation 1, 2, 3 …, or none if the run is short. */
function recommendationStarts(blocks: readonly Block[]): Set<TextLine> {
  const starts = new Set<TextLine>();
  let expected = 1;
  for (const block of blocks) {
    if (!('lines' in block)) continue;
    for (const line of block.lines) {
      const match = RECOMMENDATION.exec(line.text);
      if (match && Number(match[1]) === expected && line.paragraph !== false && !TOC_LEADER.test(line.text)) {
        starts.add(line);
        expected += 1;
      }
    }
  }
  // One run through the whole document: lists that restart at 1 are ordinary lists, not recommendations.
  const restarts = blocks
    .flatMap((block) => ('lines' in block ? block.lines : []))
    .filter(
      (line) => line.paragraph !== false && /^1\.\s/.test(line.text) && !TOC_LEADER.test(line.text),
    ).length;
  return starts.size >= MIN_RECOMMENDATIONS && restarts === 1 ? starts : new Set();
}

/** A paragraph opened by a section number ("3.3 To help organisations …"): the report's numbered sections. */
const NUMBERED_PARAGRAPH = /^(\d{1,2}\.\d{1,2})\.?\s+[A-Z“"(]/;

/**
 * Text formats have no pages to cite, and a text whose structure no style recognized has no numbers of
 * its own: a place is cited by what the document names, its headings. A short line without a full stop (a
 * title, a dateline) is a heading, kept in the heading path; the paragraphs under it are cited by the
 * heading and their order under it, as the documents' own ordinals cite unnumbered paragraphs
 * ("“On Equity”", "“On Equity”, second paragraph"), or by their order in the text before any heading
 * ("Second paragraph"). Never "para. 2": that would point to a numbered paragraph the document lacks.
 */
function splitUnpaged(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const sections: { heading?: string; paragraphs: string[] }[] = [{ paragraphs: [] }];
  for (const line of read.lines) {
    const text = line.text.trim();
    if (text.length === 0) continue;
    if (text.length <= 100 && !/[.!?:;]["”’)]?$/.test(text) && !/^[•*-]\s/.test(text)) {
      sections.push({ heading: text, paragraphs: [] });
      continue;
    }
    sections.at(-1)!.paragraphs.push(text);
  }
  const units: Unit[] = [];
  const slugs = new Map<string, number>();
  const headings = new Map<string, number>();
  for (const [index, { heading, paragraphs }] of sections.entries()) {
    if (paragraphs.length === 0) continue;
    const slug = heading === undefined ? 'text' : uniqueSlug(slugs, heading, index);
    // A heading the text repeats ("Notes" twice) is cited by its occurrence: "second “Notes”".
    const seen = heading === undefined ? 1 : (headings.get(heading) ?? 0) + 1;
    if (heading !== undefined) headings.set(heading, seen);
    const place = heading === undefined ? '' : `${seen > 1 ? `${ordinal(seen)} ` : ''}“${heading}”`;
    // Each paragraph is a unit of its own (`h:escalation.2`), as a numbered paragraph would be: one place,
    // ranked and shown alone.
    for (const [n, text] of paragraphs.entries()) {
      const order = `${ordinal(n + 1)} paragraph`;
      const locator =
        heading === undefined
          ? order.charAt(0).toUpperCase() + order.slice(1)
          : n === 0
            ? place
            : `${place}, ${order}`;
      units.push({
        path: [`h:${slug}.${n + 1}`],
        headingPath: heading === undefined ? [] : [heading],
        paragraphs: [{ text }],
        locator,
      });
    }
  }
  return buildPassages(doc, units);
}

/** A heading as a path segment ("On Equity and Sustainable Development" → "on-equity-and-sustainable-development"). */
function uniqueSlug(seen: Map<string, number>, heading: string, index: number): string {
  const words = heading
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  // Whole words up to about 60 characters: a stable id, never a word cut short.
  let slug = '';
  for (const word of words) {
    if (slug.length > 0 && slug.length + word.length >= 60) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  slug ||= `heading-${index}`;
  const count = (seen.get(slug) ?? 0) + 1;
  seen.set(slug, count);
  return count === 1 ? slug : `${slug}-${count}`;
}

/**
 * A byline set in heading type on a cover ("High-Level Expert Group on Artificial Intelligence" under the
 * title): the name the catalog gives as the document's issuer, not a heading of its text. It stays body.
 */
function bylinesAsBody(doc: CatalogDocument, blocks: Block[]): Block[] {
  const issuer = doc.issuer.replace(/\s+/g, ' ').trim().toLowerCase();
  const out: Block[] = [];
  for (const block of blocks) {
    const text = 'heading' in block ? block.heading.text.replace(/\s+/g, ' ').trim().toLowerCase() : '';
    if ('heading' in block && text.split(' ').length >= 3 && issuer.startsWith(text)) {
      const line: TextLine = { text: block.heading.text };
      if (block.page !== undefined) line.page = block.page;
      pushBody(out, [line]);
    } else if ('lines' in block) pushBody(out, block.lines);
    else out.push(block);
  }
  return out;
}

export function splitReport(doc: CatalogDocument, read: ReadDocument): Passage[] {
  if (!read.lines.some((line) => line.page !== undefined)) return splitUnpaged(doc, read);
  const blocks = bylinesAsBody(doc, blocksOf(read.lines));
  const recommendations = recommendationStarts(blocks);
  const units: Unit[] = [];
  const usedSections = new Set<string>();
  const stack: Heading[] = [];
  let section: string | undefined;
  let recommendation: number | undefined;
  let contentsPage: number | undefined;
  /** Bold items "1. …", "2. …" listed under a section's lead-in ("… such as:"): the next item's number. */
  let listed: { section: string; next: number } | undefined;

  const headingPath = () => stack.map((h) => h.text);
  const lastText = () => units.at(-1)?.paragraphs.at(-1)?.text.trim() ?? '';
  const addLines = (lines: TextLine[]) => {
    for (const paragraph of paragraphsOf(lines)) addParagraph(paragraph);
  };
  const addParagraph = (paragraph: UnitParagraph) => {
    let unit: Unit;
    if (recommendation !== undefined)
      unit = { path: [`rec:${recommendation}`], headingPath: headingPath(), paragraphs: [] };
    else if (section !== undefined)
      unit = { path: [`sec:${section}`], headingPath: headingPath(), paragraphs: [] };
    else {
      const heading = stack[stack.length - 1]?.text;
      unit = { path: [pageSegment(read, paragraph.page)], headingPath: headingPath(), paragraphs: [] };
      if (heading) unit.heading = heading;
    }
    const last = units[units.length - 1];
    if (last && last.path.join('/') === unit.path.join('/') && last.heading === unit.heading)
      last.paragraphs.push(paragraph);
    else units.push({ ...unit, paragraphs: heldLeadIn ? [heldLeadIn, paragraph] : [paragraph] });
    heldLeadIn = undefined;
  };

  /**
   * A recommendation's last paragraph that is a lead-in ("It is also essential … In particular, government
   * should:") introduces the recommendations after it, not the one it follows: it opens the next
   * recommendation's passage instead, so a quote of a recommendation never ends with words that introduce
   * the next ones. The recommendation's own first paragraph and its items ("• …") stay.
   */
  let heldLeadIn: UnitParagraph | undefined;
  const detachTrailingLeadIn = () => {
    const last = units.at(-1);
    const tail = last?.paragraphs.at(-1);
    // Only straight after the recommendation, with no heading between.
    if (!last || !tail || last.path[0] !== `rec:${recommendation}` || last.paragraphs.length < 2) return;
    if (!TRAILING_LEAD_IN.test(tail.text.trim()) || /^[•▪◦‣⁃–-]/u.test(tail.text.trim())) return;
    heldLeadIn = last.paragraphs.pop();
  };

  for (const block of blocks) {
    if ('heading' in block) {
      // The title repeated at the top of a later page is not a heading under itself.
      if (stack.some((h) => sameHeading(h.text, block.heading.text))) continue;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= block.heading.level) stack.pop();
      // The table of contents heads its own page only, however large it is set.
      const contents = stack.findIndex((h) => CONTENTS.test(h.text));
      if (contents >= 0 && block.page !== contentsPage) stack.length = contents;
      if (CONTENTS.test(block.heading.text)) contentsPage = block.page;
      stack.push(block.heading);
      // "3.7 … such as:" then bold "1. Clear roles …", "2. Risk management …": items of Sec. 3.7.
      const item = block.heading.bold ? /^(\d{1,2})\.\s/.exec(block.heading.text)?.[1] : undefined;
      if (item !== undefined && section !== undefined && recommendation === undefined) {
        const opens = item === '1' && /:$/.test(lastText());
        if (opens || (listed?.section === section && Number(item) === listed.next)) {
          listed = { section, next: Number(item) + 1 };
          continue;
        }
      }
      listed = undefined;
      recommendation = undefined;
      const number = SECTION_HEADING.exec(block.heading.text)?.[1];
      // A section number already used (a repeated heading) falls back to page citations.
      section = number !== undefined && !usedSections.has(number) ? number : undefined;
      if (section !== undefined) usedSections.add(section);
      continue;
    }
    // Split the body run where recommendations start, so each one opens its own unit.
    let run: TextLine[] = [];
    for (const line of block.lines) {
      const numbered = line.paragraph !== false ? NUMBERED_PARAGRAPH.exec(line.text)?.[1] : undefined;
      if (recommendations.has(line)) {
        addLines(run);
        run = [];
        detachTrailingLeadIn();
        recommendation = Number(RECOMMENDATION.exec(line.text)![1]);
      } else if (numbered !== undefined && !usedSections.has(numbered) && !TOC_LEADER.test(line.text)) {
        addLines(run);
        run = [];
        recommendation = undefined;
        section = numbered;
        usedSections.add(numbered);
      }
      run.push(line);
    }
    addLines(run);
  }
  return buildPassages(doc, uniqueLocators(units));
}

/**
 * Two units with the same path and heading that are not adjacent (a heading repeated later on the same
 * page) would share a locator; the later one gets a numbered path so every place stays distinct.
 */
function uniqueLocators(units: Unit[]): Unit[] {
  const seen = new Map<string, number>();
  return units.map((unit) => {
    const key = `${unit.path.join('/')}|${unit.heading ?? ''}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? unit : { ...unit, path: [...unit.path, String(count)] };
  });
}
