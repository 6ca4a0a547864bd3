// Shared machinery of the structure-aware splitters: a builder that collects units under a heading path,
// and an outline reader that recognizes numbered paragraphs and points ("1.", "(a)", "(i)", "(A)") by
// their sequence, so a wrapped line that happens to start with "a " or "2 " is not taken for a point.
//
// Headings are not passage text: they go to `headingPath` of the passages that follow them. Every other
// line of the read document ends up, verbatim, in exactly one unit.

import type { RefPath, TextLine } from '../../types.js';
import { ordinal, type Unit, type UnitParagraph } from '../passages.js';

/**
 * Joins wrapped lines: a space between them, none after a hyphen at a line end (the hyphen stays: it may be
 * a real one, as in 'non-professional'). Runs of spaces become one.
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (line === '') continue;
    if (text === '') text = line;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) text += line;
    else text += ` ${line}`;
  }
  return text;
}

export function paragraphOf(lines: readonly TextLine[]): UnitParagraph {
  const paragraph: UnitParagraph = { text: joinLines(lines.map((l) => l.text)) };
  const pages = lines.map((l) => l.page).filter((p): p is number => p !== undefined);
  if (pages.length > 0) {
    paragraph.page = pages[0];
    if (pages[pages.length - 1] !== pages[0]) paragraph.pageEnd = pages[pages.length - 1];
  }
  return paragraph;
}

/** Collects units in document order under a heading path. */
export class UnitBuilder {
  readonly units: Unit[] = [];
  private headings: string[] = [];
  private current: Unit | undefined;

  /** Sets the heading at `level` (0 = outermost); deeper headings are cleared. Closes the open unit. */
  heading(level: number, text: string): void {
    this.current = undefined;
    this.headings = [...this.headings.slice(0, level), text];
  }

  /** No heading above what follows (text a document sets under no heading of its own). Closes the open unit. */
  clearHeadings(): void {
    this.current = undefined;
    this.headings = [];
  }

  get headingPath(): string[] {
    return [...this.headings];
  }

  open(path: RefPath, options: { context?: string; locator?: string; subparagraphWord?: string } = {}): Unit {
    const unit: Unit = { path, headingPath: this.headingPath, paragraphs: [] };
    if (options.context) unit.context = options.context;
    if (options.locator) unit.locator = options.locator;
    if (options.subparagraphWord) unit.subparagraphWord = options.subparagraphWord;
    this.units.push(unit);
    this.current = unit;
    return unit;
  }

  get openUnit(): Unit | undefined {
    return this.current;
  }

  /** Adds a paragraph to the open unit, or to a new unit at `fallback` when none is open. */
  add(paragraph: UnitParagraph, fallback: RefPath): void {
    if (paragraph.text === '') return;
    (this.current ?? this.open(fallback)).paragraphs.push(paragraph);
  }

  close(): void {
    this.current = undefined;
  }
}

/** Splits lines into blank-line-separated blocks. */
export function blocksOf(lines: readonly TextLine[]): TextLine[][] {
  const blocks: TextLine[][] = [];
  let block: TextLine[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else block.push(line);
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

// ---- Outline: numbered paragraphs and points --------------------------------------------------------

// 'dec': a decimal point "3.2." under point "3." (the AI Act's Annex VII); its value is "3.2".
type MarkerKind = 'num' | 'dec' | 'alpha' | 'roman' | 'ALPHA' | 'ROMAN';
type MarkerForm = 'dot' | 'paren' | 'bare';

export interface Marker {
  kind: MarkerKind;
  form: MarkerForm;
  value: string;
  /** The text after the marker. */
  rest: string;
}

const ROMANS = [
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'vi',
  'vii',
  'viii',
  'ix',
  'x',
  'xi',
  'xii',
  'xiii',
  'xiv',
  'xv',
  'xvi',
  'xvii',
  'xviii',
  'xix',
  'xx',
];

/** Reads a leading list marker: "1.", "(1)", "(a)", "(ii)", "(A)"; with `bare`, also "1 " and "a ". */
export function leadingMarker(text: string, bare = false): Marker[] {
  const t = text.trimStart();
  const out: Marker[] = [];
  // OCR text layers space out digits ("(1 1 )" for "(11)"); the marker is read without the spaces.
  let m = /^\((\d(?: ?\d){0,2} ?|[a-z]{1,5}|[A-Z]{1,5})\)(?:\s+|$|(?=[A-Z“"‘']))/.exec(t);
  if (m) {
    const v = m[1]!.replace(/ /g, '');
    const rest = t.slice(m[0].length);
    // "(0)" numbers nothing: it is OCR's reading of the letter point "(O)".
    if (v === '0') out.push({ kind: 'ALPHA', form: 'paren', value: 'O', rest });
    else if (/^\d+$/.test(v)) out.push({ kind: 'num', form: 'paren', value: v, rest });
    else if (/^[A-Z]+$/.test(v)) {
      // Colorado-style "(I)", "(II)" sub-subparagraphs; "(I)" may also be the letter after "(H)".
      if (ROMANS.includes(v.toLowerCase())) out.push({ kind: 'ROMAN', form: 'paren', value: v, rest });
      if (/^(?:[A-Z]|([A-Z])\1)$/.test(v)) out.push({ kind: 'ALPHA', form: 'paren', value: v, rest });
    } else {
      if (ROMANS.includes(v)) out.push({ kind: 'roman', form: 'paren', value: v, rest });
      if (/^(?:[a-z]|([a-z])\1)$/.test(v)) out.push({ kind: 'alpha', form: 'paren', value: v, rest });
    }
    return out;
  }
  m = /^(\d{1,3}\.\d{1,3})\.(?:\s+|$)/.exec(t);
  if (m) return [{ kind: 'dec', form: 'dot', value: m[1]!, rest: t.slice(m[0].length) }];
  m = /^(\d{1,3})\.(?:\s+|$)/.exec(t);
  if (m) return [{ kind: 'num', form: 'dot', value: m[1]!, rest: t.slice(m[0].length) }];
  if (bare) {
    m = /^(\d{1,3}) (?=\S)/.exec(t);
    if (m) return [{ kind: 'num', form: 'bare', value: m[1]!, rest: t.slice(m[0].length) }];
    m = /^([a-z]) (?=\S)/.exec(t);
    if (m) return [{ kind: 'alpha', form: 'bare', value: m[1]!, rest: t.slice(m[0].length) }];
  }
  return out;
}

function first(kind: MarkerKind): string {
  return { num: '1', dec: '1.1', alpha: 'a', roman: 'i', ALPHA: 'A', ROMAN: 'I' }[kind];
}

function successor(kind: MarkerKind, value: string): string {
  switch (kind) {
    case 'num':
      return String(Number(value) + 1);
    case 'dec': {
      const [whole, part] = value.split('.');
      return `${whole}.${Number(part) + 1}`;
    }
    case 'roman':
      return ROMANS[ROMANS.indexOf(value) + 1] ?? '';
    case 'ROMAN':
      return (ROMANS[ROMANS.indexOf(value.toLowerCase()) + 1] ?? '').toUpperCase();
    default: {
      // a … z, then aa, bb (EU style) — both cases.
      if (value.length === 1)
        return value === 'z' ? 'aa' : value === 'Z' ? 'AA' : String.fromCharCode(value.charCodeAt(0) + 1);
      const next = String.fromCharCode(value.charCodeAt(0) + 1);
      return next.repeat(value.length);
    }
  }
}

interface Level {
  /** The level's own path (without a subparagraph segment). */
  path: RefPath;
  kind: MarkerKind;
  form: MarkerForm;
  value: string;
  unit: Unit;
  /** Paragraphs of this level's own text so far (a list and its lead-in count as one). */
  paragraphs: number;
  /** Set when the level was re-entered after a list: its later children are cited under this subparagraph. */
  subpara?: number;
}

export interface OutlineOptions {
  /** Accept "1 " and "a " markers (PDF extractions of treaties). */
  bare?: boolean;
  /** Word for a paragraph re-entered after a list: "subparagraph" (EU) or "paragraph". */
  subparagraphWord?: string;
  /** Formats a path into a locator (the document's citation style). */
  format: (path: RefPath) => string;
  /** Marker forms that number paragraphs (text after a list goes back to the innermost of these). */
  paragraphForms?: (m: { kind: MarkerKind; form: MarkerForm }) => boolean;
  /** Segment for a first-level marker, e.g. (v) => `para:${v}` for UN resolutions. Default: the value. */
  topSegment?: (value: string) => string;
  /** A locator for units the citation style cannot format from the path alone. */
  locatorFor?: (path: RefPath) => string | undefined;
  /** A line starting with the next expected marker starts a block whatever the line before it ends with. */
  markerStartsBlock?: boolean;
  /** Read "(C)" as "(c)" when only the lower-case letter fits (enrolled acts set new law in small capitals). */
  smallCapsMarkers?: boolean;
}

/**
 * Reads the body of one citable unit (an article, an annex, a section) into units: the unit's own text at
 * `base`, numbered paragraphs and points below it. Feed it lines; blank lines separate blocks, and a line
 * that starts with the next expected marker after a line ending in . ; : starts a block too.
 */
export class Outline {
  private stack: Level[] = [];
  private baseUnit: Unit | undefined;
  private baseParagraphs = 0;
  private block: TextLine[] = [];
  /** The last line before a blank line, until the next line decides whether the blank ends a paragraph. */
  private blankAfter: TextLine | undefined;
  private readonly used = new Set<string>();

  constructor(
    private readonly builder: UnitBuilder,
    private readonly base: RefPath,
    private readonly options: OutlineOptions,
  ) {
    builder.close();
  }

  line(line: TextLine): void {
    if (line.text.trim() === '') {
      this.blankAfter = this.block[this.block.length - 1];
      return;
    }
    if (this.blankAfter) {
      // A blank line at a page break inside a sentence is the page's end, not a paragraph's.
      const before = this.blankAfter;
      this.blankAfter = undefined;
      const pageBreak = before.page !== undefined && line.page !== before.page;
      // A marker alone on its line ("7.", then a blank line, then "To achieve our goal …") numbers the
      // words after the blank: they are one paragraph, "7. To achieve our goal …".
      const markerAlone = this.block.length === 1 && /^\s*(?:\(\w{1,5}\)|\d{1,3}\.)\s*$/.test(before.text);
      if (!(pageBreak && !/[.;:]["”’)]?$/.test(before.text.trim())) && !markerAlone) this.flush();
    }
    if (this.block.length > 0) {
      const previous = this.block[this.block.length - 1]!.text.trim();
      const markerOnly = /^\s*(?:\(\w{1,5}\)|\d{1,3}\.)$/.test(line.text);
      const ended =
        markerOnly ||
        this.options.markerStartsBlock ||
        /(?:[.;:]|; (?:and|or))["”’)]?(?: ?\d{1,3})?$/i.test(previous);
      if (ended && this.placeOf(line.text) !== undefined) this.flush();
    }
    // A block's place is decided by its first line, so the next line is judged against the updated outline.
    if (this.block.length === 0) this.begin(line.text);
    this.block.push(line);
  }

  /** Ends the current block (a blank line, a new indented paragraph, a heading). */
  flush(): void {
    if (this.block.length === 0) return;
    this.builder.openUnit!.paragraphs.push(paragraphOf(this.block));
    this.block = [];
  }

  private begin(text: string): void {
    const place = this.placeOf(text);
    if (!place) {
      this.continueText();
      return;
    }
    this.startLevel(place.marker, place.depth);
    // "(c) (1) “Catastrophic risk” means …": the outer point has no words of its own; the text is (c)(1)'s.
    const inner = leadingMarker(place.marker.rest, this.options.bare).find((m) => m.value === first(m.kind));
    if (inner) this.startLevel(inner, this.stack.length);
  }

  /** Where a marker at the start of `text` fits: a sibling of an open level, or a first child of the top. */
  private placeOf(text: string): { marker: Marker; depth: number } | undefined {
    const place = this.placeAmong(leadingMarker(text, this.options.bare));
    if (place || !this.options.smallCapsMarkers) return place;
    // "(C)" where "(c)" is due: the letter was set (or read by OCR) in small capitals. Only as the next
    // sibling of an open lower-case level, never as a new list.
    const lower = leadingMarker(
      text.replace(/^\s*\(([A-Z]{1,5})\)/, (_, v: string) => `(${v.toLowerCase()})`),
    );
    const sibling = this.placeAmong(lower);
    return sibling && sibling.depth < this.stack.length ? sibling : undefined;
  }

  private placeAmong(candidates: Marker[]): { marker: Marker; depth: number } | undefined {
    if (candidates.length === 0) return undefined;
    const top = this.stack[this.stack.length - 1];
    const topText = top
      ? top.unit.paragraphs[top.unit.paragraphs.length - 1]?.text
      : this.baseUnit?.paragraphs.at(-1)?.text;
    const leadIn = topText !== undefined && /[:—]$/.test(topText.trim());
    const placements: { marker: Marker; depth: number }[] = [];
    for (const marker of candidates) {
      for (let d = this.stack.length - 1; d >= 0; d--) {
        const level = this.stack[d]!;
        if (
          level.kind === marker.kind &&
          level.form === marker.form &&
          successor(level.kind, level.value) === marker.value
        ) {
          placements.push({ marker, depth: d });
          break;
        }
      }
      if (marker.kind === 'dec') {
        // "3.1." opens the decimal points of point "3." wherever that point is open; never a list of its own.
        const parent = this.stack.findIndex(
          (l) => l.kind === 'num' && l.form === 'dot' && `${l.value}.1` === marker.value,
        );
        if (parent >= 0 && !this.stack.some((l) => l.kind === 'dec'))
          placements.push({ marker, depth: parent + 1 });
        continue;
      }
      const startsChild = marker.value === first(marker.kind);
      const typeOpen = this.stack.some((l) => l.kind === marker.kind && l.form === marker.form);
      if (startsChild && (!typeOpen || leadIn)) placements.push({ marker, depth: this.stack.length });
    }
    if (placements.length === 0) return undefined;
    // "(i)" after "(h)": a roman first child when (h) introduces a list, otherwise the letter after (h).
    if (placements.length > 1) {
      const child = placements.find((p) => p.depth === this.stack.length);
      return leadIn ? child : (placements.find((p) => p !== child) ?? child);
    }
    return placements[0];
  }

  private startLevel(marker: Marker, depth: number): void {
    const parent = depth > 0 ? this.stack[depth - 1] : undefined;
    this.stack.length = depth;
    const parentPath = parent ? parent.unit.path : this.base;
    const segment =
      !parent && this.options.topSegment ? this.options.topSegment(marker.value) : marker.value.toLowerCase();
    // Point 3.2 is cited as itself ("Annex VII, point 3.2"), not as a sub-point of point 3.
    const path = marker.kind === 'dec' ? [...parent!.path.slice(0, -1), segment] : [...parentPath, segment];
    const parentUnit = parent ? parent.unit : this.baseUnit;
    const leadIn = parentUnit?.paragraphs.at(-1)?.text;
    const context = leadIn && /[:—]$/.test(leadIn.trim()) ? leadIn : undefined;
    // Canonical segments are lower-case; an upper-case point "(A)" keeps its case in the locator, and so
    // do the points below it ("(VI)(C)(a)", not "(vi)(c)(a)").
    const parentShowsCase = parent !== undefined && /\([A-Z]+\)/.test(parent.unit.locator ?? '');
    const locator =
      /[A-Z]/.test(marker.value) || parentShowsCase
        ? this.displayLocator(parentUnit, path, marker.value)
        : undefined;
    const unit = this.openUnique(path, context, locator);
    this.stack.push({
      path: unit.path,
      kind: marker.kind,
      form: marker.form,
      value: marker.value,
      unit,
      paragraphs: 1,
    });
  }

  /** Unmarked text: more of the open unit, or, after a list, a new subparagraph of the paragraph above it. */
  private continueText(): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.baseUnit && this.builder.openUnit === this.baseUnit) {
        this.baseParagraphs++;
        return;
      }
      this.baseParagraphs++;
      // The base's first text opens it; text coming back after a list is its next (sub)paragraph.
      this.baseUnit =
        this.baseParagraphs === 1
          ? this.openUnique(this.base)
          : this.openUnique(this.base, undefined, this.subLocator(this.base, this.baseParagraphs), [
              ...this.base,
              `subpara:${this.baseParagraphs}`,
            ]);
      return;
    }
    const isParagraph =
      this.options.paragraphForms ?? ((m) => (m.kind === 'num' || m.kind === 'dec') && m.form !== 'paren');
    // More text of a numbered paragraph stays in it; unmarked text after a point ends the list.
    if (this.builder.openUnit === top.unit && isParagraph(top)) {
      top.paragraphs++;
      return;
    }
    let d = this.stack.length - 1;
    while (d >= 0 && !isParagraph(this.stack[d]!)) d--;
    if (d < 0) {
      // Back to the unit's own text; the list stays open in case it resumes after this paragraph.
      this.builder.close();
      const stack = this.stack;
      this.stack = [];
      this.continueText();
      this.stack = stack;
      return;
    }
    this.stack.length = d + 1;
    const level = this.stack[d]!;
    level.paragraphs++;
    level.subpara = level.paragraphs;
    const path = [...level.path, `subpara:${level.subpara}`];
    level.unit = this.openUnique(level.path, undefined, this.subLocator(level.path, level.subpara), path);
  }

  private displayLocator(parent: Unit | undefined, path: RefPath, value: string): string {
    const base = parent?.locator ?? this.options.format(path.slice(0, -1));
    return `${base}(${value})`;
  }

  private subLocator(path: RefPath, n: number): string {
    const word = this.options.subparagraphWord ?? 'paragraph';
    return `${this.options.format(path)}, ${ordinal(n)} ${word}`;
  }

  private openUnique(path: RefPath, context?: string, locator?: string, finalPath?: RefPath): Unit {
    let unitPath = finalPath ?? path;
    // A number that repeats (a source typo or a restarted list) gets a piece suffix rather than a clash.
    let key = unitPath.join('/');
    for (let n = 2; this.used.has(key); n++) {
      unitPath = [...(finalPath ?? path).slice(0, -1), `${(finalPath ?? path).at(-1)}~${n}`];
      key = unitPath.join('/');
    }
    this.used.add(key);
    const options: { context?: string; locator?: string; subparagraphWord?: string } = {};
    if (context) options.context = context;
    const subIndex = unitPath.findIndex((s) => s.startsWith('subpara:'));
    const custom =
      locator ?? (subIndex >= 0 ? this.pointUnder(unitPath, subIndex) : this.options.locatorFor?.(unitPath));
    if (custom) options.locator = custom;
    // A unit cited by its own path: a passage starting at its later paragraph names that paragraph.
    else options.subparagraphWord = this.options.subparagraphWord ?? 'paragraph';
    return this.builder.open(unitPath, options);
  }

  /** "Art. 5(1), second subparagraph, point (a)" for points under a re-entered paragraph. */
  private pointUnder(path: RefPath, subIndex: number): string {
    const n = Number(path[subIndex]!.slice('subpara:'.length));
    const head = this.subLocator(path.slice(0, subIndex), n);
    return `${head}, point ${path
      .slice(subIndex + 1)
      .map((s) => `(${s})`)
      .join('')}`;
  }

  /** Ends the unit: flushes the last block. */
  end(): void {
    this.blankAfter = undefined;
    this.flush();
    this.builder.close();
  }
}

/**
 * A heading line inside running text: short, no closing punctuation, starting with a capital, and followed
 * (after blank lines) by a numbered paragraph "12. …" or "12.".
 */
export function isHeadingBeforeParagraph(lines: readonly TextLine[], i: number): boolean {
  const t = lines[i]!.text.trim();
  if (t.length === 0 || t.length > 120 || /[.;:,]$/.test(t) || !/^[A-Z]/.test(t) || /^\d/.test(t))
    return false;
  let j = i + 1;
  while (j < lines.length && lines[j]!.text.trim() === '') j++;
  return j < lines.length && /^\s*\d{1,3}\.(?:\s|$)/.test(lines[j]!.text);
}
