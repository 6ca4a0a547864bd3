// US executive orders: "Sec. 4.  Title.", subsections "4.2.  Title.  (a) …", then (a), (i), (A).
// Paths: ['sec:4.2','a','i'] → "Sec. 4.2(a)(i)"; the opening formula ['h:preamble'], the signature ['h:closing'].
// Section and subsection titles go to the heading path; the words after a title are the section's text.

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath, TextLine } from '../../types.js';
import { buildPassages } from '../passages.js';
import { Outline } from './outline.js';
import { blocksOf, joinLines } from './text-lines.js';
import { UnitBuilder } from './unit-builder.js';

const SECTION = /^(?:Section|Sec\.) (\d+)\.\s+(.+?\.)(?:\s+(.*))?$/;
const SUBSECTION = /^(\d+\.\d+)\.\s+(.+?\.)(?:\s+(.*))?$/;
const CLOSING = /^(?:THE WHITE HOUSE,|[A-Z]\.? ?[A-Z. ]+ (?:JR|SR)\.$|[A-Z][A-Z. ]+[A-Z]\.?$)/;

/** Paragraphs: blank lines and indented first lines both start one. */
function paragraphs(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const block of blocksOf(lines)) {
    let current: TextLine[] = [];
    const push = () => {
      if (current.length > 0) out.push({ text: joinLines(current.map((l) => l.text)) });
      current = [];
    };
    for (const line of block) {
      if (/^\s{2,}\S/.test(line.text)) push();
      current.push(line);
    }
    push();
  }
  return out;
}

export function splitUsEo(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  let outline = new Outline(builder, ['h:preamble'], { format });
  let section = 0;
  let closing = false;
  const feed = (text: string | undefined) => {
    if (!text) return;
    outline.line({ text });
    outline.flush();
  };

  for (const paragraph of paragraphs(read.lines)) {
    const text = paragraph.text;
    const sec = SECTION.exec(text);
    const sub = SUBSECTION.exec(text);
    if (sec && Number(sec[1]) > section) {
      outline.end();
      section = Number(sec[1]);
      builder.heading(0, `Sec. ${sec[1]}. ${sec[2]}`);
      outline = new Outline(builder, [`sec:${sec[1]}`], { format });
      feed(sec[3]);
      continue;
    }
    if (sub && sub[1]!.startsWith(`${section}.`)) {
      outline.end();
      builder.heading(1, `${sub[1]}. ${sub[2]}`);
      outline = new Outline(builder, [`sec:${sub[1]}`], { format });
      feed(sub[3]);
      continue;
    }
    if (!closing && section > 0 && CLOSING.test(text) && !/^\(/.test(text)) {
      outline.end();
      closing = true;
      builder.heading(0, 'Signature');
      outline = new Outline(builder, ['h:closing'], { format });
    }
    feed(text);
  }
  outline.end();
  return buildPassages(doc, builder.units);
}
