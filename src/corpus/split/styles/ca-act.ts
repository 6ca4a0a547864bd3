// Canadian Acts and bills in the House of Commons' bill XML, read from the element tree (never from the
// text): <Heading level="1"><Label>PART 1</Label><TitleText>…</TitleText></Heading>, then <Section> with
// <MarginalNote>, <Label>5</Label>, <Text>, and below it <Subsection> (1), <Paragraph> (a), <Subparagraph>
// (i), <Clause> (A); definitions are <Definition> with a <DefinedTermEn>.
//
// A bill that enacts Acts (Bill C-27 enacts three) holds each one inside a bill section's <AmendedText>.
// When the catalog names the Act (`citation.act`), only that Act is split and cited by its own sections
// ("s. 5(1)(a)" of AIDA, not bill s. 39); the enacting words of the bill section come first, as
// ['h:enactment'] → "Bill s. 39". Without `citation.act` the bill's own sections are split.
//
// Paths: ['sec:5','1','a','i'] → "s. 5(1)(a)(i)"; a definition ['sec:5','1','def:harm','a'] →
// "s. 5(1), “harm”(a)". Marginal notes and headings go to the heading path (marginal notes are not part of
// a Canadian enactment's text). Text that resumes after a list is the unit's next paragraph.

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath, XmlElement } from '../../types.js';
import { buildPassages } from '../passages.js';
import { UnitBuilder } from './unit-builder.js';

const elements = (el: XmlElement) => el.children.filter((c): c is XmlElement => typeof c !== 'string');
const child = (el: XmlElement, name: string) => elements(el).find((c) => c.name === name);

/** All the text beneath a node, whitespace runs collapsed. */
function textOf(el: XmlElement): string {
  const raw = (n: XmlElement | string): string => (typeof n === 'string' ? n : n.children.map(raw).join(''));
  return raw(el).replace(/\s+/g, ' ').trim();
}

/** Finds the first element (depth first) that satisfies `test`. */
function find(el: XmlElement, test: (e: XmlElement) => boolean): XmlElement | undefined {
  if (test(el)) return el;
  for (const c of elements(el)) {
    const hit = find(c, test);
    if (hit) return hit;
  }
  return undefined;
}

const PROVISIONS = new Set(['Subsection', 'Paragraph', 'Subparagraph', 'Clause', 'Subclause']);
const key = (label: string) => label.replace(/[().\s]/g, '').toLowerCase();
const slug = (term: string) =>
  term
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function splitCaAct(doc: CatalogDocument, read: ReadDocument): Passage[] {
  if (!read.xml) throw new Error(`${doc.id}: the ca-act style reads bill XML; the document is not XML.`);
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  let body: XmlElement | undefined = child(read.xml, 'Body') ?? read.xml;
  const act = doc.citation.act;
  if (act) {
    const enacting = find(
      read.xml,
      (e) =>
        e.name === 'Section' &&
        elements(e).some((c) => c.name === 'Text' && textOf(c).includes(`${act} is enacted as follows`)),
    );
    if (!enacting) throw new Error(`${doc.id}: no bill section enacts the ${act}.`);
    const label = child(enacting, 'Label');
    builder.heading(0, act);
    builder.open(['h:enactment'], { locator: label ? `Bill s. ${textOf(label)}` : 'Enactment' });
    builder.add({ text: textOf(child(enacting, 'Text')!) }, ['h:enactment']);
    const internal = find(enacting, (e) => e.name === 'BillInternal');
    const longTitle = internal && child(internal, 'LongTitle');
    if (longTitle) {
      builder.open(['h:long-title'], { locator: 'Long title' });
      builder.add({ text: textOf(longTitle) }, ['h:long-title']);
    }
    body = internal && child(internal, 'Body');
    if (!body) throw new Error(`${doc.id}: the ${act} has no body in the bill.`);
  }

  /** Heading levels in use (level attribute → index in the heading path). */
  let headingDepth = 0;
  /** The open section's heading ("5 Definitions"); a subsection's marginal note goes below it. */
  let sectionHeading = '';

  /** One provision (section, subsection, paragraph…) and everything below it. */
  const provision = (el: XmlElement, path: RefPath, locator: string | undefined) => {
    let unitOpen = false;
    let paragraphs = 0;
    const open = () => {
      paragraphs++;
      const unitPath = paragraphs === 1 ? path : [...path, `subpara:${paragraphs}`];
      const base = locator ?? format(path);
      builder.open(unitPath, { locator: paragraphs === 1 ? base : `${base}, paragraph ${paragraphs}` });
      unitOpen = true;
    };
    const label = child(el, 'Label');
    let prefix = label && el.name !== 'Section' ? `${textOf(label)} ` : '';
    for (const c of elements(el)) {
      if (c.name === 'Text') {
        if (!unitOpen) open();
        builder.add({ text: `${prefix}${textOf(c)}` }, path);
        prefix = '';
      } else if (PROVISIONS.has(c.name)) {
        if (c.name === 'Subsection') {
          const note = child(c, 'MarginalNote');
          builder.heading(headingDepth, sectionHeading);
          if (note) builder.heading(headingDepth + 1, textOf(note));
        }
        const l = child(c, 'Label');
        const childPath = [...path, key(l ? textOf(l) : String(elements(el).indexOf(c)))];
        const childLocator = locator ? `${locator}(${key(l ? textOf(l) : '')})` : undefined;
        provision(c, childPath, childLocator);
        unitOpen = false;
      } else if (c.name === 'Definition') {
        const term = find(c, (e) => e.name === 'DefinedTermEn');
        const name = term ? textOf(term) : `definition ${elements(el).indexOf(c)}`;
        provision(c, [...path, `def:${slug(name)}`], `${locator ?? format(path)}, “${name}”`);
        unitOpen = false;
      } else if (c.name.startsWith('Continued')) {
        open();
        builder.add({ text: textOf(c) }, path);
      }
    }
    builder.close();
  };

  for (const el of elements(body)) {
    if (el.name === 'Heading') {
      const level = Number(el.attributes.level ?? '1');
      const label = child(el, 'Label');
      const title = child(el, 'TitleText');
      const text = [label && textOf(label), title && textOf(title)].filter(Boolean).join(' ');
      builder.heading(level - 1 + (act ? 1 : 0), text);
      headingDepth = level + (act ? 1 : 0);
    } else if (el.name === 'Section') {
      const label = child(el, 'Label');
      const number = label ? textOf(label) : '';
      const note = child(el, 'MarginalNote');
      sectionHeading = `${number}${note ? ` ${textOf(note)}` : ''}`.trim();
      builder.heading(headingDepth, sectionHeading);
      provision(el, [`sec:${key(number)}`], undefined);
    }
  }
  return buildPassages(doc, builder.units);
}
