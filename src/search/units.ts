// What kind of text a passage is, beyond its provision kind (query.ts): a recital, preamble or legislative
// finding that explains a law rather than laying it down, or a self-assessment checklist of questions. When an
// operative provision and such a text both match, the provision is the answer.
import type { Passage } from '../corpus/types.js';
import { hasTerms } from './text.js';

// Path heads of explanatory units, as the splitters name them (citation.ts): EU recitals, the preambular
// paragraphs of UN texts, the legislative findings of a bill ("SEC. 1. The Legislature finds …").
const EXPLANATORY_UNITS = new Set(['recital', 'pp', 'billsec']);

/** Whether a passage explains or asks rather than provides: a recital, a preamble, a finding or a checklist. */
export function isNonOperative(passage: Pick<Passage, 'path' | 'text'>): boolean {
  const head = passage.path[0] ?? '';
  const colon = head.indexOf(':');
  if (EXPLANATORY_UNITS.has(colon < 0 ? head : head.slice(0, colon))) return true;
  // A checklist: several questions to the reader ("Did you …? Did you …?").
  let questions = 0;
  for (let at = passage.text.indexOf('?'); at >= 0; at = passage.text.indexOf('?', at + 1))
    if (++questions >= 2) return true;
  return false;
}

// A section number with a point, as a mapping table cites them: "4.1.1 （a）", "4.2.4 (b)".
const SECTION_POINT = /\d+\.\d+\.\d+\s*[（(][a-z][)）]/g;

/**
 * Whether a passage is a table that maps the document's own parts to each other (the TC260 framework's
 * 映射表 "Table of AI Safety and Security Risks to Technical Countermeasures …": each risk's heading beside
 * the numbers of the measures that answer it): a table (`h:table`) citing at least three numbered points.
 * It repeats the headings of every section, so it matches many questions, and it answers none: the sections
 * it points to do.
 */
export function isMappingTable(passage: Pick<Passage, 'path' | 'text'>): boolean {
  if (!(passage.path.at(-1) ?? '').startsWith('h:table')) return false;
  return (passage.text.match(SECTION_POINT)?.length ?? 0) >= 3;
}

/**
 * Whether a list item says little of its own: it has a lead-in (`context`) and fewer than `minTerms` index
 * terms besides its label ("(2) The reasons the incident qualifies as a critical safety incident."). Such an
 * item matches a question mostly through the words it repeats from the lead-in, which is the better answer.
 */
export function isContentFree(passage: Pick<Passage, 'context' | 'text'>, minTerms: number): boolean {
  if (!passage.context || minTerms <= 0) return false;
  return !hasTerms(passage.text.replace(/^\s*(\(?[\w.]{1,6}\)\s*)+/, ''), minTerms);
}
