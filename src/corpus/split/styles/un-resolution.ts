// UN resolutions and recommendations: numbered paragraphs "12." with subparagraphs (a), (i), under
// section headings. Paths: ['para:21','f'] → "para. 21(f)"; preambular paragraphs of a resolution
// ['pp:3'] → "preambular para. 3"; an adopting text's own numbered paragraphs before the body (UNESCO's
// "1. Adopts …") ['h:preamble','1'] → "Preamble, para. 1"; a table of contents ['h:contents'], the
// title block ['h:title'].

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath, TextLine } from '../../types.js';
import { buildPassages } from '../passages.js';
import { Outline } from './outline.js';
import { isHeadingBeforeParagraph, paragraphOf } from './text-lines.js';
import { UnitBuilder } from './unit-builder.js';

const PREAMBULAR =
  /^(?:[A-Z][a-z]+(?:ing|ed)|Aware|Mindful|Conscious|Convinced|Deeply|Cognizant|Desirous|Determined|Gravely|Further|Also)\b/;

/** Section headings: "I. SCOPE OF APPLICATION", "III.1 VALUES", "POLICY AREA 3: DATA POLICY", "PREAMBLE". */
const SECTION = /^(?:[IVX]+\.\s+[A-Z][A-Z ,'’-]+|PREAMBLE|TABLE OF CONTENTS)$/;
const SUBSECTION = /^(?:[IVX]+\.\d+\s+[A-Z][A-Z ,'’-]+|POLICY AREA \d+: .+|Objective \d+\. .+)$/;

export function splitUnResolution(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  const locatorFor = (path: RefPath) =>
    path[0] === 'h:preamble' && path.length > 1
      ? `Preamble, para. ${path[1]}${path
          .slice(2)
          .map((s) => `(${s})`)
          .join('')}`
      : undefined;
  const body = () => new Outline(builder, [], { format, topSegment: (v) => `para:${v}` });
  // Title lines and publication notes before the preamble or the first paragraph.
  let outline = new Outline(builder, ['h:title'], { format });
  let region: 'front' | 'contents' | 'preamble' | 'body' = 'front';
  const lines = read.lines;
  const hasSections = lines.some((l) => SECTION.test(l.text.trim()) && l.text.trim() !== 'TABLE OF CONTENTS');
  let preambular = 0;
  let preambularLines: TextLine[] = [];
  const flushPreambular = () => {
    if (preambularLines.length > 0) builder.add(paragraphOf(preambularLines), [`pp:${preambular}`]);
    preambularLines = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (SECTION.test(t)) {
      outline.end();
      if (t === 'TABLE OF CONTENTS') {
        region = 'contents';
        builder.heading(0, 'Table of contents');
        outline = new Outline(builder, ['h:contents'], { format });
      } else if (t === 'PREAMBLE') {
        region = 'preamble';
        builder.heading(0, 'Preamble');
        outline = new Outline(builder, ['h:preamble'], { format, locatorFor });
      } else {
        if (region !== 'body') outline = body();
        region = 'body';
        builder.heading(0, t);
      }
      continue;
    }
    if (region === 'contents') {
      outline.line(line);
      continue;
    }
    // A resolution's chapeau ("The General Assembly,") opens its preamble.
    if (region === 'front' && /^The General (?:Assembly|Conference)\b.*,$/.test(t)) {
      outline.end();
      region = 'preamble';
      builder.heading(0, 'Preamble');
      outline = new Outline(builder, ['h:preamble'], { format, locatorFor });
      outline.line(line);
      continue;
    }
    // The body starts at paragraph 1 when the text has no section headings (the Global Digital Compact,
    // a resolution's operative part).
    if ((region === 'front' || (region === 'preamble' && !hasSections)) && /^1\.(?:\s|$)/.test(t)) {
      flushPreambular();
      outline.end();
      // No heading of our own ("Operative part" is not in the text): the paragraphs sit under none.
      builder.clearHeadings();
      outline = body();
      region = 'body';
    }
    if (region === 'preamble' && !/^\d{1,3}\.(?:\s|$)/.test(t)) {
      // Preambular paragraphs open with a participle or adjective ("Recalling …", "Aware …").
      const previous = preambularLines.at(-1)?.text.trim() ?? '';
      if (PREAMBULAR.test(t) && (preambularLines.length === 0 || /[,;]$/.test(previous))) {
        flushPreambular();
        outline.end();
        preambular++;
        builder.open([`pp:${preambular}`]);
        preambularLines.push(line);
        continue;
      }
      if (preambular > 0 && builder.openUnit?.path[0] === `pp:${preambular}`) {
        if (t === '') flushPreambular();
        else preambularLines.push(line);
        continue;
      }
    }
    if (region === 'body' && /^\d{1,3}(?:st|nd|rd|th) plenary meeting$/.test(t)) {
      outline.end();
      builder.heading(0, 'Closing');
      outline = new Outline(builder, ['h:closing'], { format });
    }
    if (region === 'body' && SUBSECTION.test(t)) {
      outline.flush();
      let heading = t;
      // A heading wrapped over two lines ("Objective 3. Foster … that" / "respects, protects …").
      const next = lines[i + 1]?.text.trim() ?? '';
      if (
        !/[.;:]$/.test(t) &&
        next !== '' &&
        next.length < 100 &&
        !/^\d/.test(next) &&
        !/[.;:]$/.test(next)
      ) {
        heading = `${t} ${next}`;
        i++;
      }
      builder.heading(/^[IVX]+\.\d/.test(t) || /^POLICY|^Objective/.test(t) ? 1 : 2, heading);
      continue;
    }
    if (region === 'body' && isHeadingBeforeParagraph(lines, i)) {
      outline.flush();
      // Under an objective or policy area a heading is a third level; elsewhere it is a part of the text.
      const inSubsection = builder.headingPath.some((h) => SUBSECTION.test(h));
      builder.heading(inSubsection ? 2 : 0, t);
      continue;
    }
    flushPreambular();
    outline.line(line);
  }
  flushPreambular();
  outline.end();
  return buildPassages(doc, builder.units);
}
