// Illinois Compiled Statutes as compiled (an act's sections one after another): each section opens with its
// ILCS cite "(740 ILCS 14/15)", then "Sec. 15. Retention; collection; disclosure; destruction. (a) …", and
// closes with its source note "(Source: P.A. 95-994, eff. 10-3-08.)". Subsections (a), paragraphs (1).
// Paths: ['sec:15','b','1'] → "Sec. 15(b)(1)"; the source note ['sec:15','h:source'] → "Sec. 15, source note".
// The cite and the catchline go to the heading path; the words after the catchline are the section's text.

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath } from '../../types.js';
import { buildPassages } from '../passages.js';
import { Outline } from './outline.js';
import { UnitBuilder } from './unit-builder.js';

const CITE = /^\((\d{1,4} ILCS \d{1,4}\/(\d{1,4}(?:\.\d{1,3})?))\)$/;
/** "Sec. 15. Retention; collection; disclosure; destruction." then the text; "Sec. 30. (Repealed)." */
const SECTION = /^Sec\. (\d{1,4}(?:\.\d{1,3})?)\.\s+(\(Repealed\)\.|[^.]+\.)(?:\s+(.*))?$/;
const SOURCE = /^\(Source: .*\)$/;

export function splitIlcs(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  let outline = new Outline(builder, ['h:preamble'], { format });
  let cite: string | undefined;
  let section: string | undefined;

  for (const line of read.lines) {
    const t = line.text.trim();
    const citeLine = CITE.exec(t);
    if (citeLine) {
      outline.end();
      cite = citeLine[1];
      continue;
    }
    const sec = SECTION.exec(t);
    if (sec && (cite === undefined || cite.endsWith(`/${sec[1]}`))) {
      outline.end();
      section = sec[1]!;
      builder.heading(0, `Sec. ${section}. ${sec[2]}${cite ? ` (${cite})` : ''}`);
      outline = new Outline(builder, [`sec:${section}`], { format });
      cite = undefined;
      if (sec[3]) outline.line({ ...line, text: sec[3] });
      continue;
    }
    if (SOURCE.test(t) && section !== undefined) {
      outline.end();
      builder.open([`sec:${section}`, 'h:source'], { locator: `Sec. ${section}, source note` });
      builder.add({ text: t }, [`sec:${section}`, 'h:source']);
      builder.close();
      continue;
    }
    outline.line(line);
  }
  outline.end();
  return buildPassages(doc, builder.units);
}
