// Turns a document's units (as recognized by a style splitter) into passages: one passage per unit when it
// fits, otherwise pieces cut at sentence boundaries. Nothing is lost or duplicated: the passages of a
// document, in order, give back its body.

import type { CatalogDocument } from '../catalog.js';
import { formatLocator, passageId } from '../citation.js';
import type { Passage, RefPath } from '../types.js';

/** "second subparagraph", "third paragraph": the documents' ordinals for unnumbered paragraphs. */
export const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];

/** "second", "twelfth", then "21st", "22nd", "23rd", "26th". */
export function ordinal(n: number): string {
  const word = ORDINALS[n - 1];
  if (word) return word;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** About how long a passage may be before it is split at sentence boundaries. */
export const PASSAGE_TARGET_CHARS = 1200;

/** One paragraph of a unit's text, with where it sits. */
export interface UnitParagraph {
  text: string;
  page?: number;
  pageEnd?: number;
}

/** The smallest citable unit a style splitter recognized: a point, a paragraph, a recital, a section. */
export interface Unit {
  path: RefPath;
  headingPath: string[];
  paragraphs: UnitParagraph[];
  /** A list lead-in this unit's points hang from: shown as context on the following passages. */
  context?: string;
  /** Heading text used by the report style's locator ("“Heading”, p. 12"). */
  heading?: string;
  /** Overrides the formatted locator (rarely needed). */
  locator?: string;
  /**
   * The document's word for this unit's unnumbered paragraphs ("subparagraph" in EU acts, "paragraph"):
   * a passage that starts at its n-th paragraph is cited "Art. 50(4), second subparagraph", so two
   * passages never share one locator. Without it, later passages are continuations of the unit.
   */
  subparagraphWord?: string;
}

// A sentence ends at . ! ? ; or : followed by a space and an upper-case letter, a digit, an opening quote or bracket.
// Abbreviations common in these texts ("Art.", "No.", "e.g.", "i.e.", "para.") never end a sentence.
const ABBREVIATIONS =
  /\b(?:Art|Arts|No|Nos|para|paras|e\.g|i\.e|etc|Sec|Dr|Mr|Ms|Mrs|St|vs|cf|p|pp|U\.S|Inc|Ltd|Co|Corp|Reg|Dir|Vol|Ch|Fig|al)\.$/;

/** Splits text into sentences; joining the result with '' gives back the text exactly. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?;:](?:["”’)\]]*)\s+(?=[A-Z0-9“"‘'([])/g;
  let start = 0;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    const end = match.index + match[0].length;
    const candidate = text.slice(start, match.index + 1);
    if (ABBREVIATIONS.test(candidate)) continue;
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Packs sentences into pieces of about `target` characters; never cuts a sentence. */
export function packSentences(text: string, target = PASSAGE_TARGET_CHARS): string[] {
  if (text.length <= target) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences(text)) {
    if (current.length > 0 && current.length + sentence.length > target) {
      pieces.push(current.trimEnd());
      current = '';
    }
    current += sentence;
  }
  if (current.trim().length > 0) pieces.push(current.trimEnd());
  return pieces;
}

const isLabel = (text: string) => text.length <= 100 && !/[.!?:;,]["”’)]?$/.test(text.trim());

interface Chunk {
  text: string;
  /** The chunk starts inside a paragraph that began in the chunk before it. */
  continued?: boolean;
  /** Index in the unit of the paragraph the chunk starts with. */
  paragraph: number;
  page?: number;
  pageEnd?: number;
}

/** Groups a unit's paragraphs into chunks of about the target size, splitting long paragraphs at sentences. */
function chunkUnit(unit: Unit): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  const push = () => {
    if (current && current.text.length > 0) chunks.push(current);
    current = undefined;
  };
  for (const [index, paragraph] of unit.paragraphs.entries()) {
    // A short label without a sentence end ("• Covert AI systems") heads what follows it: when the next
    // paragraph will not fit in this chunk, the label opens the next chunk instead of ending this one.
    const next = unit.paragraphs[index + 1];
    if (
      current &&
      next &&
      isLabel(paragraph.text) &&
      current.text.length + paragraph.text.length + next.text.length + 4 > PASSAGE_TARGET_CHARS
    )
      push();
    const pieces = packSentences(paragraph.text);
    for (const [i, piece] of pieces.entries()) {
      // Pages: the first piece starts on the paragraph's page; later pieces are attributed to the page the
      // paragraph ends on only when it is the last piece (a conservative reading without character offsets).
      const page = i === 0 ? paragraph.page : (paragraph.pageEnd ?? paragraph.page);
      const pageEnd = paragraph.pageEnd ?? paragraph.page;
      if (current && current.text.length + 2 + piece.length <= PASSAGE_TARGET_CHARS) {
        current.text += `\n\n${piece}`;
        if (pageEnd !== undefined) current.pageEnd = Math.max(current.pageEnd ?? pageEnd, pageEnd);
        continue;
      }
      push();
      current =
        i > 0 ? { text: piece, continued: true, paragraph: index } : { text: piece, paragraph: index };
      if (page !== undefined) current.page = page;
      if (pageEnd !== undefined) current.pageEnd = pageEnd;
    }
  }
  push();
  return chunks;
}

/** Builds a document's passages from its units, in order. */
export function buildPassages(doc: CatalogDocument, units: Unit[]): Passage[] {
  const passages: Passage[] = [];
  const seenIds = new Map<string, number>();
  for (const unit of units) {
    const locator =
      unit.locator ??
      formatLocator(doc.citation.style, unit.path, {
        unitLabel: doc.citation.unitLabel,
        heading: unit.heading,
      });
    for (const [n, chunk] of chunkUnit(unit).entries()) {
      const baseId = passageId(doc.id, unit.path);
      // A later chunk that starts a paragraph of a unit whose paragraphs the document cites gets that
      // paragraph's own locator; any other later chunk goes on with the unit under the same locator.
      const named = n > 0 && !chunk.continued && unit.subparagraphWord !== undefined && chunk.paragraph > 0;
      const piece = (seenIds.get(baseId) ?? 0) + 1;
      seenIds.set(baseId, piece);
      const passage: Passage = {
        id: passageId(doc.id, unit.path, piece),
        docId: doc.id,
        locator: named ? `${locator}, ${ordinal(chunk.paragraph + 1)} ${unit.subparagraphWord}` : locator,
        path: unit.path,
        headingPath: unit.headingPath,
        text: chunk.text,
        seq: passages.length,
      };
      if (chunk.page !== undefined) passage.page = chunk.page;
      if (chunk.pageEnd !== undefined && chunk.pageEnd !== chunk.page) passage.pageEnd = chunk.pageEnd;
      if (unit.context) passage.context = unit.context;
      if (n > 0 && !named) passage.continued = true;
      if (chunk.continued) passage.midParagraph = true;
      passages.push(passage);
    }
  }
  linkLists(passages);
  return passages;
}

/**
 * Links each list to its lead-in: the passage whose text ends with the items' `context` gets the items'
 * ids (`items`), and each item the locators of the items after it at its own depth (`following`) and of
 * those before it (`preceding`).
 */
function linkLists(passages: Passage[]): void {
  // Keyed by the lead-in: the nearest passage before the item whose text ends with its context (the same
  // words, "We commit to:", may lead several lists).
  const lists = new Map<Passage, { leadIn: Passage; items: Passage[] }>();
  for (const [index, passage] of passages.entries()) {
    if (!passage.context) continue;
    const key = passage.context.trim();
    let leadIn: Passage | undefined;
    for (let i = index - 1; i >= 0 && !leadIn; i--)
      if (passages[i]!.text.trimEnd().endsWith(key)) leadIn = passages[i];
    if (!leadIn) continue;
    const list = lists.get(leadIn) ?? { leadIn, items: [] };
    lists.set(leadIn, list);
    list.items.push(passage);
  }
  for (const { leadIn, items } of lists.values()) {
    if (leadIn.context !== leadIn.text) leadIn.items = items.map((p) => p.id);
    items.forEach((item, i) => {
      const later = [
        ...new Set(
          items
            .slice(i + 1)
            .filter((p) => p.path.length === item.path.length && p.locator !== item.locator)
            .map((p) => p.locator),
        ),
      ];
      if (later.length > 0) item.following = later;
      // And the items before it: a point shown alone (Art. 5(1)(b)) says that the list does not start
      // with it, so (a) is never read as absent from the law.
      const earlier = [
        ...new Set(
          items
            .slice(0, i)
            .filter((p) => p.path.length === item.path.length && p.locator !== item.locator)
            .map((p) => p.locator),
        ),
      ];
      if (earlier.length > 0) item.preceding = earlier;
    });
  }
}
