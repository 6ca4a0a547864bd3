// US state statutes as enacted bills: the bill's own sections ("SECTION 1.", "SEC. 2.") and the code sections
// they add ("22757.12. (a) …", "6-1-1702. (1) …"), with subdivisions (a), paragraphs (1), subparagraphs (A).
// Paths: ['sec:22757.12','a','1'] → "§ 22757.12(a)(1)"; ['billsec:1','a'] → "SEC. 1(a)";
// the Legislative Counsel's Digest ['h:digest','2'] → "Legislative Counsel's Digest (2)".

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath } from '../../types.js';
import { buildPassages } from '../passages.js';
import { Outline, UnitBuilder } from './common.js';

const BILL_SECTION = /^(?:SECTION|SEC\.) (\d+)\.\s*(.*)$/;
/** A code section: "22757.12. …", "1107. …", "11546.8. …", Colorado's "6-1-1702. …". */
const CODE_SECTION = /^(\d{3,6}(?:\.\d{1,3})?|\d{1,2}-\d{1,2}-\d{3,4}(?:\.\d{1,2})?)\.\s+(.*)$/;
const CODE_CHAPTER = /^(?:CHAPTER|ARTICLE|PART)\s+\d+(?:\.\d+)?\.?\s+\S/;

export function splitUsStatute(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  const locatorFor = (path: RefPath) =>
    path[0] === 'h:digest'
      ? `Legislative Counsel's Digest${path.length > 1 ? ` (${path.slice(1).join(')(')})` : ''}`
      : undefined;
  let outline = new Outline(builder, ['h:preamble'], { format });
  let billSection = 0;
  const start = (level: number, heading: string, base: RefPath, firstWords: string | undefined) => {
    outline.end();
    builder.heading(level, heading);
    outline = new Outline(builder, base, { format, locatorFor });
    if (firstWords) outline.line({ text: firstWords });
  };

  for (const line of read.lines) {
    const t = line.text.trim();
    const bill = BILL_SECTION.exec(t);
    const code = billSection > 0 ? CODE_SECTION.exec(t) : null;
    if (/^LEGISLATIVE COUNSEL[’']S DIGEST$/i.test(t))
      start(0, "Legislative Counsel's Digest", ['h:digest'], undefined);
    else if (/^Digest Key$/i.test(t)) start(0, 'Digest Key', ['h:digest-key'], undefined);
    else if (/^Bill Text$/i.test(t)) start(0, 'Bill Text', ['h:enacting-clause'], undefined);
    else if (bill && Number(bill[1]) === billSection + 1) {
      billSection++;
      start(0, `SEC. ${bill[1]}.`, [`billsec:${bill[1]}`], bill[2]);
    } else if (CODE_CHAPTER.test(t) && billSection > 0 && t.length < 160) {
      outline.end();
      builder.heading(1, t.replace(/\s+/g, ' '));
      outline = new Outline(builder, [`billsec:${billSection}`], { format });
    } else if (code) start(2, `§ ${code[1]}`, [`sec:${code[1]}`], code[2]);
    else outline.line(line);
  }
  outline.end();
  return buildPassages(doc, builder.units);
}
