// The builder every structure-aware splitter fills: units in document order, each under the heading path
// in force where it starts. Headings are not passage text: they go to `headingPath` of the passages that
// follow them. Every other line of the read document ends up, verbatim, in exactly one unit.

import type { RefPath } from '../../types.js';
import type { Unit, UnitParagraph } from '../passages.js';

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
