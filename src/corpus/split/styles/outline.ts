// The outline reader of the structure-aware splitters: it recognizes numbered paragraphs and points ("1.",
// "(a)", "(i)", "(A)") by their sequence (markers.ts), nests them, and opens one unit for each in the
// UnitBuilder (unit-builder.ts), with the locator the document's citation style gives it.

import type { RefPath, TextLine } from '../../types.js';
import { ordinal, type Unit } from '../passages.js';
import {
  firstValue,
  leadingMarker,
  type Marker,
  type MarkerForm,
  type MarkerKind,
  nextValue,
} from './markers.js';
import { paragraphOf } from './text-lines.js';
import type { UnitBuilder } from './unit-builder.js';

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
  /** The point's first paragraph was its title ("(a) Risks of explainability"): the next text is its body. */
  titled?: boolean;
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
  /**
   * The width of the copy's wrapped lines (text-lines.ts `wrapWidth`): with it, a point's title set on a line
   * of its own ("(a) Risks of explainability", then "AI algorithms, …") is a paragraph of its own, not the
   * first words of the sentence after it (see `endsTitle`).
   */
  wrapWidth?: number;
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
    if (this.endsTitle(line)) {
      this.blankAfter = undefined;
      this.flush();
      this.stack[this.stack.length - 1]!.titled = true;
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

  /**
   * Whether the block so far is an open point's title and `line` starts its body: the block opens the point
   * and ends no sentence or clause (no . ; : ! ? and no comma at its end), `line` starts with a capital and no
   * marker, and the first word of `line` would have fit on the block's last line. A wrapped line is cut only
   * where the next word does not fit, so a break with room left is the document's own: a title on its own
   * line. Across a page break as well (a blank line then).
   */
  private endsTitle(line: TextLine): boolean {
    const width = this.options.wrapWidth;
    const top = this.stack[this.stack.length - 1];
    if (width === undefined || !top || this.builder.openUnit !== top.unit || top.unit.paragraphs.length > 0)
      return false;
    if (this.block.length === 0 || this.block.length > 3) return false;
    const title = this.block.map((l) => l.text.trim()).join(' ');
    const last = this.block[this.block.length - 1]!.text.trim();
    const next = line.text.trim();
    if (/[.;:!?,\-–—]["”’)]?$/.test(last) || /[.;:!?](?:\s|$)/.test(title)) return false;
    if (!/^\p{Lu}/u.test(next) || this.placeOf(next) !== undefined) return false;
    const word = next.split(/\s/, 1)[0]!;
    return last.length + 1 + word.length <= width;
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
    const inner = leadingMarker(place.marker.rest, this.options.bare).find(
      (m) => m.value === firstValue(m.kind),
    );
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
          nextValue(level.kind, level.value) === marker.value
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
      const startsChild = marker.value === firstValue(marker.kind);
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
    // More text of a numbered paragraph stays in it, and so does a titled point's body; unmarked text after a
    // point ends the list.
    if (this.builder.openUnit === top.unit && (isParagraph(top) || top.titled)) {
      top.paragraphs++;
      top.titled = false;
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
