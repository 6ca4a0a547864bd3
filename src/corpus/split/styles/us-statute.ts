// US state statutes as enacted bills: the bill's own sections ("SECTION 1.", "SEC. 2.") and the code sections
// they add ("22757.12. (a) …", "6-1-1702. (1) …"), with subdivisions (a), paragraphs (1), subparagraphs (A).
// Paths: ['sec:22757.12','a','1'] → "§ 22757.12(a)(1)"; ['billsec:1','a'] → "SEC. 1(a)";
// the Legislative Counsel's Digest ['h:digest','2'] → "Legislative Counsel's Digest (2)".

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath, TextLine } from '../../types.js';
import { buildPassages } from '../passages.js';
import { Outline } from './outline.js';
import { UnitBuilder } from './unit-builder.js';

const BILL_SECTION = /^(?:SECTION|SEC\.) (\d+)\.\s*(.*)$/;
/** A code section: "22757.12. …", "1107. …", "11546.8. …", Colorado's "6-1-1702. …". */
// leginfo's web pages set the number alone on its line ("17940."), the words below it.
const CODE_SECTION = /^(\d{3,6}(?:\.\d{1,3})?|\d{1,2}-\d{1,2}-\d{3,4}(?:\.\d{1,2})?)\.(?:\s+(.*))?$/;
const CODE_CHAPTER = /^(?:CHAPTER|ARTICLE|PART)\s+\d+(?:\.\d+)?\.?\s+\S/;
/**
 * Colorado prints a catchline in ordinary type after the section number, then the enacted words (in
 * capitals when they are new law): "6-1-1702. Developer duty … - required documentation. (1) ON AND …".
 * A catchline is only taken as one when the words after its full stop are a subsection marker or capitals;
 * California's "22757.10. This chapter shall be known as …" is the section's own sentence.
 */
const CATCHLINE_START = /^[A-Z][a-z]/;
const ENACTED_WORDS = /^(?:\((?:\d{1,3}|a)\)\s|[A-Z]{2,}\s+[A-Z]{2,}\s+[A-Z]{2,})/;
const CATCHLINE_END_INLINE = /\.\s+(?=\((?:\d{1,3}|a)\)\s|[A-Z]{2,}\s+[A-Z]{2,}\s+[A-Z]{2,})/;
/** How many lines a catchline may wrap over. */
const CATCHLINE_MAX_LINES = 3;

export function splitUsStatute(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  const locatorFor = (path: RefPath) =>
    path[0] === 'h:digest'
      ? `Legislative Counsel's Digest${path.length > 1 ? ` (${path.slice(1).join(')(')})` : ''}`
      : undefined;
  let outline = new Outline(builder, ['h:preamble'], { format });
  let billSection = 0;
  let inChapter = false;
  const start = (level: number, heading: string, base: RefPath, firstWords: TextLine | undefined) => {
    outline.end();
    builder.heading(level, heading);
    outline = new Outline(builder, base, { format, locatorFor, smallCapsMarkers: true });
    if (firstWords && firstWords.text.trim() !== '') outline.line(firstWords);
  };
  const startCodeSection = (number: string, catchline: string, body: TextLine | undefined) => {
    // A code section sits under the chapter heading when the bill has one, else right under the bill section.
    const heading = `§ ${number} ${catchline}`.replace(/\s+/g, ' ').trim();
    start(inChapter ? 2 : 1, heading, [`sec:${number}`], body);
  };
  /** A code section whose catchline is not yet known to end: its number and the lines held so far. */
  let held: { number: string; lines: TextLine[] } | undefined;
  /** Feeds a held line to the catchline; false when it turned out not to be one (the lines are then body). */
  const holdCatchline = (line: TextLine): void => {
    const h = held!;
    const t = line.text.trim();
    const previous = h.lines.at(-1)!.text.trim();
    const words = () => h.lines.map((l) => l.text.trim()).join(' ');
    held = undefined;
    // The next section starts ("1107.2. The loss … chapter." then "SEC. 5. (a) …"): no catchline was held.
    if (BILL_SECTION.test(t) || CODE_SECTION.test(t)) {
      startCodeSection(h.number, '', h.lines[0]);
      for (const body of h.lines.slice(1)) outline.line(body);
      handle(line);
      return;
    }
    if (/\.$/.test(previous) && ENACTED_WORDS.test(t)) {
      startCodeSection(h.number, words(), undefined);
      handle(line);
      return;
    }
    const inline = CATCHLINE_END_INLINE.exec(t);
    if (inline) {
      const cut = inline.index + inline[0].length;
      startCodeSection(h.number, `${words()} ${t.slice(0, cut)}`, { ...line, text: t.slice(cut) });
      return;
    }
    if (h.lines.length < CATCHLINE_MAX_LINES && !/\.$/.test(previous)) {
      held = { number: h.number, lines: [...h.lines, line] };
      return;
    }
    // Not a catchline: the held words open the section's text.
    startCodeSection(h.number, '', h.lines[0]);
    for (const body of h.lines.slice(1)) outline.line(body);
    handle(line);
  };

  const handle = (line: TextLine): void => {
    const t = line.text.trim();
    if (held) {
      holdCatchline(line);
      return;
    }
    const bill = BILL_SECTION.exec(t);
    const numbered = billSection > 0 ? CODE_SECTION.exec(t) : null;
    // A number alone is a section heading only as a block of its own, not a cross-reference wrapped to a line.
    const code = numbered && (numbered[2] !== undefined || afterBlank) ? numbered : null;
    afterBlank = t === '';
    if (/^LEGISLATIVE COUNSEL[’']S DIGEST$/i.test(t))
      start(0, "Legislative Counsel's Digest", ['h:digest'], undefined);
    else if (/^Digest Key$/i.test(t)) start(0, 'Digest Key', ['h:digest-key'], undefined);
    else if (/^Bill Text$/i.test(t)) start(0, 'Bill Text', ['h:enacting-clause'], undefined);
    else if (bill && Number(bill[1]) === billSection + 1) {
      billSection++;
      inChapter = false;
      start(0, `SEC. ${bill[1]}.`, [`billsec:${bill[1]}`], { ...line, text: bill[2]! });
    } else if (CODE_CHAPTER.test(t) && billSection > 0 && t.length < 160) {
      outline.end();
      inChapter = true;
      builder.heading(1, t.replace(/\s+/g, ' '));
      outline = new Outline(builder, [`billsec:${billSection}`], { format });
    } else if (code) {
      const rest = code[2] ?? '';
      const inline = CATCHLINE_START.test(rest) ? CATCHLINE_END_INLINE.exec(rest) : null;
      if (inline) {
        const cut = inline.index + inline[0].length;
        startCodeSection(code[1]!, rest.slice(0, cut), { ...line, text: rest.slice(cut) });
      } else if (CATCHLINE_START.test(rest)) held = { number: code[1]!, lines: [{ ...line, text: rest }] };
      else startCodeSection(code[1]!, '', { ...line, text: rest });
    } else outline.line(line);
  };

  let afterBlank = true;
  for (const line of read.lines) handle(line);
  if (held) {
    const { number, lines } = held;
    startCodeSection(number, '', lines[0]);
    for (const body of lines.slice(1)) outline.line(body);
  }
  outline.end();
  return buildPassages(doc, builder.units);
}
