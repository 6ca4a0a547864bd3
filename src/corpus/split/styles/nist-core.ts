// NIST frameworks (AI RMF 1.0, the Generative AI Profile). Finest places first:
//   core table rows     "GOVERN 1.1: Legal and …"   → ['govern:1.1']          "GOVERN 1.1" (categories: "GOVERN 1")
//   suggested actions   "GV-1.1-001" + its row      → ['action:gv-1.1-001']   "GV-1.1-001"
//   numbered sections   "2.1. CBRN Information …"   → ['sec:2.1']             "Sec. 2.1" (passage.page has the page)
//   appendices          "Appendix B: …"             → ['appendix:b']          "Appendix B"
//   anything else       under an unnumbered heading → ['p:1'] + heading     "“Executive Summary”, p. 1"
// Pages are the printed page numbers (ReadDocument.pageLabels). Table chrome that pdf text repeats
// ("Categories Subcategories", "Continued on next page", "Action ID Suggested Action GAI Risks") is dropped;
// it is not the document's prose. The "AI Actor Tasks: …" line printed under an actions table belongs to
// the whole table, not to its last action: it is a unit of its own under the table's subcategory,
// ['govern:1.2', 'h:ai-actor-tasks'] → "GOVERN 1.2, AI Actor Tasks".
import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, TextLine } from '../../types.js';
import { buildPassages, type Unit } from '../passages.js';
import { pageSegment, paragraphsOf } from './report.js';

const SUBCATEGORY = /^(GOVERN|MAP|MEASURE|MANAGE) (\d{1,2}(?:\.\d{1,2})?):\s*/;
const ACTION_ID = /^((?:GV|MP|MS|MG)-\d{1,2}\.\d{1,2}-\d{3})\b/;
const TABLE_CHROME =
  /^(?:Categories Subcategories|Continued on next page|Action ID Suggested Actions? GAI Risks|Table \d+: .*\(Continued\))$/;
/** A numbered heading set in body type: "1.2.1 Risk Measurement", "2.1. CBRN Information or Capabilities". */
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-Z][^.]{0,110})$/;
const APPENDIX_HEADING = /^Appendix ([A-Z])[.:]/;
/** A numbered part of an appendix: "A.1.2. Organizational Governance" → ['appendix:a.1.2'] "Appendix A.1.2". */
const APPENDIX_PART = /^([A-Z]\.\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+([A-Z][^.]{0,110})$/;

const ACTOR_TASKS = /^AI Actor Tasks:/;

interface Draft {
  path: string[];
  heading?: string;
  locator?: string;
  headingPath: string[];
  lines: TextLine[];
}

export function splitNistCore(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const lines = read.lines.filter((line) => !TABLE_CHROME.test(line.text.trim()));
  const drafts: Draft[] = [];
  let section: string | undefined;
  let heading: string | undefined;
  let headingPath: string[] = [];
  /** The open table row (subcategory or action), if any; prose after a heading closes it. */
  let row: string[] | undefined;
  /** The subcategory whose actions table is being read: its "AI Actor Tasks" line is cited under it. */
  let table: string[] | undefined;

  const add = (path: string[], line: TextLine, withHeading?: string) => {
    const last = drafts[drafts.length - 1];
    if (last && last.path.join('/') === path.join('/') && last.heading === withHeading) {
      last.lines.push(line);
      return;
    }
    const draft: Draft = { path, headingPath, lines: [line] };
    if (withHeading) draft.heading = withHeading;
    drafts.push(draft);
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const text = line.text.trim();
    const headingText = headingAt(lines, index);
    if (headingText !== undefined) {
      index += headingText.lineCount - 1;
      // A heading that wraps over lines of one size ("A.1. Governance A.1.1. Overview") is cited by its first number.
      const appendix =
        APPENDIX_HEADING.exec(headingText.text) ??
        APPENDIX_PART.exec(headingText.text.split(/ (?=[A-Z]\.\d)/)[0]!);
      const numbered = NUMBERED_HEADING.exec(headingText.text);
      section = appendix
        ? `appendix:${appendix[1]!.toLowerCase()}`
        : numbered
          ? `sec:${numbered[1]}`
          : undefined;
      heading = headingText.text;
      headingPath = section
        ? [...headingPath.filter((h) => !sameLevelOrBelow(h, heading!)), heading]
        : [heading];
      row = undefined;
      continue;
    }

    const subcategory = SUBCATEGORY.exec(text);
    const action = ACTION_ID.exec(text);
    if (subcategory) {
      row = [`${subcategory[1]!.toLowerCase()}:${subcategory[2]}`];
      table = row;
    } else if (action) {
      row = [`action:${action[1]!.toLowerCase()}`];
    } else if (ACTOR_TASKS.test(text) && table) {
      row = [...table, 'h:ai-actor-tasks'];
      add(row, line);
      drafts[drafts.length - 1]!.locator = `${formatLocator(doc.citation.style, table)}, AI Actor Tasks`;
      continue;
    } else if (row?.at(-1) === 'h:ai-actor-tasks' && line.paragraph === true) {
      // The tasks line wraps onto lines of its own block only; a new block is prose again.
      row = undefined;
    }
    if (row) {
      add(row, line);
      continue;
    }
    if (section) add([section], line);
    else add([pageSegment(read, line.page)], line, heading);
  }

  const units: Unit[] = drafts.map((draft) => {
    const unit: Unit = {
      path: draft.path,
      headingPath: draft.headingPath,
      paragraphs: paragraphsOf(draft.lines),
    };
    if (draft.heading) unit.heading = draft.heading;
    if (draft.locator) unit.locator = draft.locator;
    return unit;
  });
  return buildPassages(doc, units);
}

/** Whether an open heading must close for the incoming one: it does unless it is its ancestor ("1.2" for "1.2.1"). */
function sameLevelOrBelow(existing: string, incoming: string): boolean {
  const number = (text: string) =>
    NUMBERED_HEADING.exec(text)?.[1] ?? APPENDIX_PART.exec(text)?.[1] ?? APPENDIX_HEADING.exec(text)?.[1];
  const a = number(existing);
  const b = number(incoming);
  if (!a || !b) return true;
  return !b.startsWith(`${a}.`);
}

/**
 * A heading starting at lines[index]: lines set large (TextLine.heading, joined when one heading wraps),
 * or a numbered heading set in body type that stands as a block of its own.
 */
function headingAt(
  lines: readonly TextLine[],
  index: number,
): { text: string; lineCount: number } | undefined {
  const line = lines[index]!;
  if (line.heading !== undefined) {
    let count = 1;
    while (lines[index + count]?.heading === line.heading && lines[index + count]!.page === line.page)
      count += 1;
    const text = lines
      .slice(index, index + count)
      .map((l) => l.text.trim())
      .join(' ');
    // Large type that reads like a sentence or a reference (a cover line, a bibliography entry) is text.
    return /https?:\/\/|[.”]$/.test(text) ? undefined : { text, lineCount: count };
  }
  const text = line.text.trim();
  const next = lines[index + 1];
  const standsAlone = next === undefined || next.paragraph === true || next.page !== line.page;
  // The first line of a page may open a heading even when the reader could not tell (no gap measured).
  const opens = line.paragraph === true || lines[index - 1]?.page !== line.page;
  const numbered = NUMBERED_HEADING.test(text) || APPENDIX_PART.test(text);
  if (opens && standsAlone && numbered && !/\s\d+$/.test(text)) return { text, lineCount: 1 };
  return undefined;
}
