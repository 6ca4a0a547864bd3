// Japan's AI Guidelines for Business (a layout text extraction of the ministries' English translation),
// cited by its own headings and numbering:
//   Preface, Part 1 … Part 5                                   → "Preface", "Part 1"
//   Part 2's sections A.–E.                                    → "Part 2 A"
//   the common guiding principles 1)–10) in C., their items (1) → "Part 2 C 1)", "Part 2 C 2)(3)"
//   the items (1) of A. and E.                                 → "Part 2 A(1)", "Part 2 E(4)"
//   the advanced-AI principles I)–XII) in D.                   → "Part 2 D VII)"
//   the actor-specific items of Parts 3–5: D-2) i., P-4) ii., U-7) ii. → "Part 3 D-2) i."
//   a section of Parts 3–5 under its own heading (a heading at the margin after a blank line, its words
//   running on at the margin, then an indented paragraph: "Additional matters described in “Hiroshima
//   Process International Code of Conduct …”")                → "Part 3, Additional matters … “…”"
//   its numbered items I.–XI. (the Code of Conduct's)           → "Part 3 VII."
// Paths: ['part:2','sec:c','item:2','3'] (so "principle 2(3)" finds it), ['part:3','h:stage-1','actor:d-2','i'].
// Stage headings of Parts 3–5 ("⚫ When developing AI") and section titles go to the heading path; an
// item's own line ("(1) Human dignity and autonomy of individuals", "D-2) i. Proper data training") stays
// in its text. Numbers must follow each other, so table rows and cross-references are not taken for items.
//
// Paragraphs: the extraction hard-wraps lines; a paragraph starts after a blank line, at a bullet
// (• for the extraction's private-use bullets, ➢, ⚫, ✓, ・), or at an indented line after a line that ends a sentence. Lines of a diagram (words
// spread over columns) stay apart, each its own paragraph.

import type { CatalogDocument } from '../../catalog.js';
import type { Passage, ReadDocument, RefPath, TextLine } from '../../types.js';
import { buildPassages } from '../passages.js';
import { paragraphOf } from './text-lines.js';
import { UnitBuilder } from './unit-builder.js';

const PART = /^Part ([1-5]) ([A-Z].*)$/;
const SECTION = /^([A-E])\. ([A-Z][^.]*)$/;
const PRINCIPLE = /^(\d{1,2})\)\s+([A-Z].*)$/;
const ROMAN_ITEM = /^([IVX]{1,5})\)\s+\S/;
const ITEM = /^\s{0,8}\((\d{1,2})\)\s+\S/;
const TABLE = /^Table (\d{1,2})\. [A-Z]/;
const ACTOR_ITEM = /^\s*➢\s+([DPU])-(\d{1,2})\)\s+([ivx]{1,5})\.\s+\S/;
const STAGE = /^⚫\s{2,}([A-Z].*)$/;
const ROMAN_DOT_ITEM = /^([IVX]{1,5})\.\s+[A-Z]/;
const BULLET = /^\s*(?:[•➢⚫✓・]|\d{1,2}\)\s)/;
const SENTENCE_END = /[.:;!?”"’)]$/;
const COLUMNS = /\S\s{6,}\S/;
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** A heading's words without a footnote call run into them ("Transparency33" → "Transparency"). */
const headingText = (text: string) => text.replace(/(?<=\p{Ll})\d{1,2}$/u, '').trim();

/**
 * A line that leaves a quotation open does not end a sentence, whatever it ends with: "(“2) Safety,” “5)"
 * goes on "Ensuring security”)." on the next line.
 */
const opensQuote = (text: string) => (text.match(/“/g)?.length ?? 0) > (text.match(/”/g)?.length ?? 0);

/** A section's locator; a title that quotes a name is not quoted again ("Part 3, Additional … “…”"). */
const sectionLocator = (part: number, title: string) =>
  `Part ${part}, ${title.includes('“') ? title : `“${title}”`}`;

/**
 * A section heading at line `i`: after a blank line, at the margin, words that run on at the margin for at
 * most one more line and end without a sentence's punctuation, then an indented paragraph.
 */
function sectionHeading(lines: readonly TextLine[], i: number): { title: string; last: number } | undefined {
  if (i === 0 || lines[i - 1]!.text.trim() !== '') return undefined;
  const first = lines[i]!.text;
  if (!/^\p{Lu}\p{Ll}/u.test(first) || COLUMNS.test(first) || BULLET.test(first)) return undefined;
  let last = i;
  if (/^\S/.test(lines[i + 1]?.text ?? '')) last = i + 1;
  const after = lines[last + 1]?.text ?? '';
  const title = lines
    .slice(i, last + 1)
    .map((l) => l.text.trim())
    .join(' ');
  if (!/^\s{1,4}\S/.test(after) || /[.:;,]$/.test(title) || title.length > 160) return undefined;
  return { title: headingText(title), last };
}

/** The next line with text after line i. */
function nextText(lines: readonly TextLine[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.text.trim() !== '') return lines[j]!.text;
  return '';
}

export function splitJpGuidelines(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const lines = read.lines;
  let part = 0;
  let section = '';
  let principle = 0;
  let item = 0;
  let roman = 0;
  let stage = 0;
  let stageTitle = '';
  let sections = 0;
  let afterBlank = false;
  /** The last line of text before this one. */
  let lastLine = '';
  /** The numbered items of a Part 3–5 section (I., II., …); -1 outside such a section. */
  let sectionItem = -1;
  /** The text since the last unit opened is an actor's item (D-7) ii. …). */
  let inActorItem = false;
  /** A lead-in held for the unit it introduces (the next actor's item opens with it). */
  let heldLeadIn: TextLine[] = [];
  const codes = new Set<string>();
  const used = new Set<string>();
  let paragraph: TextLine[] = [];

  const flush = () => {
    if (paragraph.length > 0) builder.add(paragraphOf(paragraph), ['h:cover']);
    paragraph = [];
  };
  const open = (path: RefPath, locator: string) => {
    flush();
    inActorItem = false;
    let unique = path;
    for (let n = 2; used.has(unique.join('/')); n++) unique = [...path.slice(0, -1), `${path.at(-1)}~${n}`];
    used.add(unique.join('/'));
    builder.open(unique, { locator });
    if (heldLeadIn.length > 0) {
      paragraph = heldLeadIn;
      heldLeadIn = [];
      flush();
    }
  };
  const partLocator = () => (section ? `Part ${part} ${section}` : `Part ${part}`);

  builder.open(['h:cover'], { locator: 'Cover' });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const raw = line.text;
    const t = raw.trim();
    if (t === '') {
      // A blank line (a page's end) inside a quotation does not end the paragraph: "(“3)", page 33 ends,
      // "Fairness”)." opens page 34.
      if (!opensQuote(lastLine)) flush();
      afterBlank = true;
      continue;
    }
    const blankBefore = afterBlank;
    afterBlank = false;
    const previousLine = lastLine;
    lastLine = raw;
    if (t.includes('.....') || (part === 0 && (t === 'Contents' || /\.{2,}\s*\d{1,3}$/.test(t)))) {
      // The table of contents repeats the headings: it is not quoted (like a heading, it is left out).
      continue;
    }
    const atMargin = !/^\s/.test(raw);
    const partMatch = atMargin ? PART.exec(t) : null;
    if (partMatch && Number(partMatch[1]) === part + 1) {
      let title = t;
      while (/^\p{Ll}/u.test(lines[i + 1]?.text ?? '')) title += ` ${lines[++i]!.text.trim()}`;
      part++;
      section = '';
      principle = item = roman = stage = 0;
      sectionItem = -1;
      flush();
      builder.heading(0, headingText(title));
      open([`part:${part}`], `Part ${part}`);
      continue;
    }
    if (part === 0 && atMargin && t === 'Preface') {
      flush();
      builder.heading(0, 'Preface');
      open(['h:preface'], 'Preface');
      continue;
    }
    const sectionMatch = part === 2 && atMargin ? SECTION.exec(t) : null;
    const nextSection = String.fromCharCode((section || '@').charCodeAt(0) + 1);
    if (sectionMatch && sectionMatch[1] === nextSection) {
      let title = t;
      while (/^\p{Ll}/u.test(lines[i + 1]?.text ?? '')) title += ` ${lines[++i]!.text.trim()}`;
      section = sectionMatch[1]!;
      principle = item = roman = 0;
      flush();
      builder.heading(1, headingText(title));
      open([`part:2`, `sec:${section.toLowerCase()}`], partLocator());
      continue;
    }
    const table = atMargin ? TABLE.exec(t) : null;
    if (table) {
      // A table restates numbered items in its cells: no item starts inside it.
      item = Number.POSITIVE_INFINITY;
      flush();
      builder.heading(2, t);
      open([`part:${part}`, `h:table-${table[1]}`], `${partLocator()}, Table ${table[1]}`);
      paragraph.push(line);
      continue;
    }
    const principleMatch = section === 'C' && atMargin ? PRINCIPLE.exec(t) : null;
    if (principleMatch && Number(principleMatch[1]) === principle + 1) {
      principle++;
      item = 0;
      flush();
      builder.heading(2, headingText(t.replace(/\s+/g, ' ')));
      open(['part:2', 'sec:c', `item:${principle}`], `Part 2 C ${principle})`);
      continue;
    }
    const romanMatch = section === 'D' && atMargin ? ROMAN_ITEM.exec(t) : null;
    if (romanMatch && romanMatch[1] === ROMANS[roman]) {
      roman++;
      open(['part:2', 'sec:d', `item:${romanMatch[1]!.toLowerCase()}`], `Part 2 D ${romanMatch[1]})`);
      paragraph.push(line);
      continue;
    }
    const itemMatch = part === 2 && ['A', 'C', 'E'].includes(section) ? ITEM.exec(raw) : null;
    if (itemMatch && Number(itemMatch[1]) === item + 1 && (section !== 'C' || principle > 0)) {
      item++;
      const base = section === 'C' ? `Part 2 C ${principle})` : `Part 2 ${section}`;
      const path = ['part:2', `sec:${section.toLowerCase()}`];
      if (section === 'C') path.push(`item:${principle}`);
      open([...path, String(item)], `${base}(${item})`);
      paragraph.push(line);
      continue;
    }
    const heading = part >= 3 && atMargin && paragraph.length === 0 ? sectionHeading(lines, i) : undefined;
    if (heading) {
      sections++;
      sectionItem = 0;
      stageTitle = heading.title;
      flush();
      builder.heading(1, heading.title);
      open([`part:${part}`, `h:section-${sections}`], sectionLocator(part, heading.title));
      i = heading.last;
      continue;
    }
    const romanDot = sectionItem >= 0 && atMargin ? ROMAN_DOT_ITEM.exec(t) : null;
    if (romanDot && romanDot[1] === ROMANS[sectionItem]) {
      sectionItem++;
      open(
        [`part:${part}`, `h:section-${sections}`, `item:${romanDot[1]!.toLowerCase()}`],
        `Part ${part} ${romanDot[1]}.`,
      );
      paragraph.push(line);
      continue;
    }
    const stageMatch = part >= 3 && atMargin ? STAGE.exec(t) : null;
    if (stageMatch) {
      stage++;
      sectionItem = -1;
      stageTitle = stageMatch[1]!.replace(/\s+/g, ' ');
      flush();
      builder.heading(1, stageTitle);
      open([`part:${part}`, `h:stage-${stage}`], `Part ${part}, “${stageTitle}”`);
      continue;
    }
    const actor = part >= 3 ? ACTOR_ITEM.exec(raw) : null;
    if (actor) {
      sectionItem = -1;
      const [, who, n, sub] = actor;
      // An item listed under two stages is cited with the stage the second time.
      const code = `Part ${part} ${who}-${n}) ${sub}.`;
      open(
        [`part:${part}`, `h:stage-${stage}`, `actor:${who!.toLowerCase()}-${n}`, sub!],
        codes.has(code) ? `${code}, “${stageTitle}”` : code,
      );
      codes.add(code);
      inActorItem = true;
      paragraph.push(line);
      continue;
    }
    // A lead-in at the margin after an actor's item ("The matters at which AI developers are expected to make
    // efforts are listed below:") introduces the items after it: it opens the next item's passage (the unit
    // opened next), so a quote of the item before never ends with it.
    if (inActorItem && atMargin && blankBefore && /:$/.test(t) && ACTOR_ITEM.test(nextText(lines, i))) {
      flush();
      heldLeadIn = [line];
      continue;
    }
    // A paragraph after a section's list (a blank line, a sentence ended, then no item and no bullet) is
    // the section's again, not the last item's.
    if (
      sectionItem > 0 &&
      blankBefore &&
      SENTENCE_END.test(previousLine.trim()) &&
      !opensQuote(previousLine) &&
      /^\s*\p{Lu}/u.test(raw) &&
      !BULLET.test(raw)
    ) {
      sectionItem = -1;
      open([`part:${part}`, `h:section-${sections}`], sectionLocator(part, builder.headingPath.at(-1) ?? ''));
    }
    // Running text: does this line start a new paragraph?
    const previous = paragraph.at(-1)?.text;
    const starts =
      previous === undefined ||
      BULLET.test(raw) ||
      COLUMNS.test(t) ||
      COLUMNS.test(previous.trim()) ||
      (/^\s/.test(raw) &&
        SENTENCE_END.test(previous.trim()) &&
        !opensQuote(previous) &&
        !/^\s{5,}\p{Ll}/u.test(raw));
    if (starts) flush();
    paragraph.push(line);
  }
  flush();
  return buildPassages(doc, builder.units);
}
