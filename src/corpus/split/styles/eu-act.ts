// EU regulations (the AI Act): preamble, recitals (1)…, chapters/sections/articles with numbered paragraphs
// and points, the closing formula, annexes with numbered points. Paths: ['recital:27'], ['art:5','1','c'],
// ['annex:iii','4','a'], ['h:preamble'], ['h:closing'].

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath, TextLine } from '../../types.js';
import { buildPassages } from '../passages.js';
import { Outline } from './outline.js';
import { joinLines, paragraphOf } from './text-lines.js';
import { UnitBuilder } from './unit-builder.js';

const ACRONYMS = new Set(['AI', 'EU', 'SMES', 'ICT']);

/** "PROHIBITED AI PRACTICES" → "Prohibited AI practices" for heading paths; other casings stay. */
export function sentenceCase(title: string): string {
  if (title !== title.toUpperCase()) return title;
  const words = title
    .split(' ')
    .map((w) => (ACRONYMS.has(w) ? (w === 'SMES' ? 'SMEs' : w) : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function capitalizeLabel(label: string): string {
  return label.charAt(0) + label.slice(1).toLowerCase();
}

// The AI Act's copy sets SECTION in capitals, the GDPR's in title case.
const CHAPTER = /^(CHAPTER|SECTION|Section) ([IVXLC]+|\d+)$/;
const ARTICLE = /^Article (\d+[a-z]?)$/;
const ANNEX = /^ANNEX ([IVXLC]+)$/;

export function splitEuAct(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  const lines = read.lines;
  let region: 'preamble' | 'recitals' | 'body' | 'closing' = 'preamble';
  let outline: Outline | undefined;
  let recital = 0;
  let block: TextLine[] = [];
  let inSection = false;
  let annexSeen = false;
  let currentAnnex = '';

  const endOutline = () => {
    outline?.end();
    outline = undefined;
  };
  const flushBlock = (fallback: RefPath) => {
    if (block.length > 0) builder.add(paragraphOf(block), fallback);
    block = [];
  };
  /** The title block after line i (up to the next blank line), and the index of its last line. */
  const titleAfter = (i: number): [string, number] => {
    let j = i + 1;
    while (j < lines.length && lines[j]!.text.trim() === '') j++;
    const title: string[] = [];
    for (; j < lines.length && lines[j]!.text.trim() !== ''; j++) title.push(lines[j]!.text);
    return [joinLines(title).replace(/`+$/, ''), j - 1];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();

    if (region === 'preamble' || region === 'recitals') {
      const recitalStart = /^\((\d+)\)\s/.exec(t);
      if (t === '') {
        flushBlock(region === 'preamble' ? ['h:preamble'] : [`recital:${recital}`]);
        continue;
      }
      if (
        block.length === 0 &&
        recitalStart &&
        Number(recitalStart[1]) === recital + 1 &&
        region === 'recitals'
      ) {
        recital++;
        builder.open([`recital:${recital}`]);
      } else if (block.length === 0 && /^HAVE ADOPTED THIS (?:REGULATION|DIRECTIVE|DECISION):?$/.test(t)) {
        region = 'body';
        builder.open(['h:enacting-formula']);
      } else if (block.length === 0 && region === 'preamble' && builder.units.length === 0) {
        builder.open(['h:preamble']);
      }
      block.push(line);
      if (region === 'preamble' && /^Whereas:$/.test(t)) {
        flushBlock(['h:preamble']);
        region = 'recitals';
      }
      continue;
    }
    flushBlock(['h:closing']);

    // In the annexes "Section 1" titles a part of an annex, not a section of the enacting terms.
    const chapter = annexSeen && !t.startsWith('SECTION') ? null : CHAPTER.exec(t);
    const article = ARTICLE.exec(t);
    const annex = ANNEX.exec(t);
    if (chapter || annex || article) {
      endOutline();
      const [title, j] = titleAfter(i);
      if (chapter) {
        inSection = chapter[1]!.toUpperCase() === 'SECTION';
        builder.heading(
          inSection ? 1 : 0,
          `${capitalizeLabel(chapter[1]!)} ${chapter[2]} ${sentenceCase(title)}`,
        );
      } else if (annex) {
        annexSeen = true;
        currentAnnex = annex[1]!.toLowerCase();
        builder.heading(0, `Annex ${annex[1]} ${title}`);
      } else builder.heading(inSection ? 2 : 1, `Article ${article![1]} ${title}`);
      i = j;
      if (article)
        outline = new Outline(builder, [`art:${article[1]}`], { format, subparagraphWord: 'subparagraph' });
      if (annex) {
        region = 'body';
        outline = new Outline(builder, [`annex:${annex[1]!.toLowerCase()}`], {
          format,
          subparagraphWord: 'subparagraph',
        });
      }
      continue;
    }
    if (/^Done at .+, \d{1,2} \w+ \d{4}\.$/.test(t)) {
      endOutline();
      region = 'closing';
      builder.heading(0, 'Closing formula');
      builder.open(['h:closing']);
      block.push(line);
      continue;
    }
    if (region === 'closing') {
      if (t !== '') block.push(line);
      continue;
    }
    // Lettered parts of an annex that number their points afresh ("Section B — Information to be submitted
    // …", Annex VIII): cited "Annex VIII, Section B, point 1", never as sub-points of Section A's last point.
    const part = annexSeen ? /^Section ([A-Z]) — /.exec(t) : null;
    if (part && outline) {
      outline.end();
      const [rest, j] = titleAfter(i - 1);
      builder.heading(1, rest);
      i = j;
      outline = new Outline(builder, [`annex:${currentAnnex}`, `annexsec:${part[1]!.toLowerCase()}`], {
        format,
        subparagraphWord: 'subparagraph',
      });
      continue;
    }
    // Annex sub-headings ("Section A. List of …").
    if (outline && /^Section [A-Z]\. /.test(t) && !/[.;:]$/.test(t)) {
      outline.flush();
      builder.heading(1, t);
      continue;
    }
    if (outline) outline.line(line);
    else if (t !== '') builder.add(paragraphOf([line]), ['h:enacting-formula']);
  }
  endOutline();
  flushBlock(['h:closing']);
  return buildPassages(doc, builder.units);
}
