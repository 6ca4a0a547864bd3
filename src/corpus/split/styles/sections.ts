// Frameworks with numbered sections: "1. Principles …", "1.1 Be inclusive …", "3.1.1 …", points "(a)".
// Paths: ['sec:6.1','a'] → "Sec. 6.1(a)". Section numbers must follow each other (1 → 1.1 → 1.2 → 2 …), so a
// table-of-contents line or a number in running text is not taken for a heading.

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath } from '../../types.js';
import { buildPassages } from '../passages.js';
import { Outline, UnitBuilder } from './common.js';

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*([A-Z].*)$/;

/** The section numbers that may come after `current`: a first child, the next sibling, or a next ancestor. */
function nextNumbers(current: number[]): string[] {
  const out = [[...current, 1].join('.')];
  for (let depth = current.length; depth >= 1; depth--) {
    const prefix = current.slice(0, depth);
    prefix[depth - 1]! += 1;
    out.push(prefix.join('.'));
  }
  return out;
}

export function splitSections(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  let outline = new Outline(builder, ['h:preamble'], { format });
  let current: number[] = [];
  const lines = read.lines;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    const numbered = NUMBERED.exec(t);
    const starts = numbered && !t.includes('…') && nextNumbers(current).includes(numbered[1]!);
    if (starts) {
      outline.end();
      current = numbered[1]!.split('.').map(Number);
      const next = lines[i + 1]?.text.trim() ?? '';
      const titleOnly = !/[.;:,]$/.test(t) && t.length < 100;
      const wrappedTitle = titleOnly && /^[a-z]/.test(next) && next.length < 80 && !/[.;:]/.test(next);
      // A run-in heading ("5.2 To develop … services. We should …") is also the section's first words.
      const runIn = !titleOnly || (/^[a-z]/.test(next) && !wrappedTitle);
      builder.heading(current.length - 1, wrappedTitle ? `${t} ${next}` : t);
      outline = new Outline(builder, [`sec:${numbered[1]}`], { format, markerStartsBlock: true });
      if (wrappedTitle) i++;
      if (runIn) outline.line(line);
      continue;
    }
    if (/^Table of [A-Z]/.test(t) && t.length < 160 && current.length > 0) {
      outline.end();
      builder.heading(0, t);
      outline = new Outline(builder, ['h:table'], { format });
      continue;
    }
    outline.line(line);
  }
  outline.end();
  return buildPassages(doc, builder.units);
}
