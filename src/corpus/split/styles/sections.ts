// Frameworks with numbered sections: "1. Principles …", "1.1 Be inclusive …", "3.1.1 …", points "(a)".
// Paths: ['sec:6.1','a'] → "Sec. 6.1(a)". Section numbers must follow each other (1 → 1.1 → 1.2 → 2 …), so a
// table-of-contents line or a number in running text is not taken for a heading.

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath } from '../../types.js';
import { buildPassages } from '../passages.js';
import { Outline } from './outline.js';
import { wrapWidth } from './text-lines.js';
import { UnitBuilder } from './unit-builder.js';

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*([A-Z].*)$/;
/** A labelled section heading ("## Section 3", "Section 3.1 – Scope"): the whole line is the heading. */
const LABELLED = /^Section (\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s*[–:-]?\s*\p{Lu}[^.;:,]{0,100})?$/u;

/** A line in title case: two words or more, every word of four letters or more capitalized, no end punctuation. */
const TITLE_CASE = /^(?=\S+\s+\S)(?:(?:\p{Lu}[\p{L}-]*|\p{Ll}{1,3}|[A-Z&]+)(?:\s+|$))+$/u;

/** The section numbers that may come after `current`: a first child, the next sibling, or a next ancestor. */
export function nextNumbers(current: number[]): string[] {
  const out = [[...current, 1].join('.')];
  for (let depth = current.length; depth >= 1; depth--) {
    const prefix = current.slice(0, depth);
    prefix[depth - 1]! += 1;
    out.push(prefix.join('.'));
  }
  return out;
}

/** Where a run-in heading ends: a sentence end after a word, or two spaces before a capital ("benefits  We"). */
const RUN_IN_END = /(?<=\p{Ll}|\))([.!?])(?:\s+(?=\p{Lu})|$)|\s{2,}(?=\p{Lu})/u;

/**
 * The heading of a run-in section is its first sentence ("5.4 To create a responsible AI R&D and
 * application system."), read on over wrapped lines; the rest of the line is the section's text.
 */
function firstSentence(lines: ReadDocument['lines'], from: number): string {
  let text = lines[from]!.text.trim();
  for (let k = from + 1; !RUN_IN_END.test(text) && k < lines.length && text.length < 200; k++)
    text += ` ${lines[k]!.text.trim()}`;
  const end = RUN_IN_END.exec(text);
  return end ? text.slice(0, end.index + (end[1]?.length ?? 0)).trim() : lines[from]!.text.trim();
}

export function splitSections(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  let outline = new Outline(builder, ['h:preamble'], { format });
  let current: number[] = [];
  const lines = read.lines;
  const width = wrapWidth(lines);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    const labelled = LABELLED.exec(t);
    if (labelled && nextNumbers(current).includes(labelled[1]!)) {
      outline.end();
      current = labelled[1]!.split('.').map(Number);
      builder.heading(current.length - 1, t);
      outline = new Outline(builder, [`sec:${labelled[1]}`], {
        format,
        markerStartsBlock: true,
        wrapWidth: width,
      });
      continue;
    }
    const numbered = NUMBERED.exec(t);
    const starts = numbered && !t.includes('…') && nextNumbers(current).includes(numbered[1]!);
    if (starts) {
      outline.end();
      current = numbered[1]!.split('.').map(Number);
      const next = lines[i + 1]?.text.trim() ?? '';
      // A line cut after a connecting word ("5.10 To promote … cooperation on") runs on into the text.
      const cutMidPhrase = /\b(?:on|of|and|or|the|to|for|in|with|by|a|an)$/.test(t);
      // So does a line with a sentence end inside ("5.4 To create … system. We").
      const titleOnly = !/[.;:,]$/.test(t) && t.length < 100 && !RUN_IN_END.test(t);
      const wrappedTitle = titleOnly && /^[a-z]/.test(next) && next.length < 80 && !/[.;:]/.test(next);
      // A run-in heading ("5.2 To develop … services. We should …") is also the section's first words.
      const runIn = !titleOnly || ((/^[a-z]/.test(next) || cutMidPhrase) && !wrappedTitle);
      builder.heading(
        current.length - 1,
        wrappedTitle ? `${t} ${next}` : runIn ? firstSentence(lines, i) : t,
      );
      outline = new Outline(builder, [`sec:${numbered[1]}`], {
        format,
        markerStartsBlock: true,
        wrapWidth: width,
      });
      if (wrappedTitle) i++;
      if (runIn) outline.line(line);
      continue;
    }
    if (/^Table of [A-Z]/.test(t) && t.length < 160 && current.length > 0) {
      outline.end();
      // A title-case caption wrapped over lines ("… Risks to Technical" / "Countermeasures and …") goes on
      // while the next line is title case too; "Safety risks", the table's first cell, is not.
      let caption = t;
      while (
        TITLE_CASE.test(caption) &&
        TITLE_CASE.test(lines[i + 1]?.text.trim() ?? '') &&
        caption.length < 160
      )
        caption += ` ${lines[++i]!.text.trim()}`;
      builder.heading(0, caption);
      outline = new Outline(builder, ['h:table'], { format });
      continue;
    }
    outline.line(line);
  }
  outline.end();
  return buildPassages(doc, builder.units);
}
