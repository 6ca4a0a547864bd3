// Treaties and the Chinese measures: chapters, articles, numbered paragraphs and points or items.
//   CoE convention (PDF text): "Chapter I – General provisions", "Article 16 – Risk and …", "1 Each Party…", "a take…"
//   China Law Translate pages: "Chapter I： General Provisions", "Article 4: The provision … (1) Uphold …"
//   Plain-text renderings: "Article 4" on its own line.
// Paths: ['art:16','2','a'] → "Art. 16(2)(a)"; items ['art:4','1'] → "Art. 4(1)"; front matter ['h:preamble'].

import type { CatalogDocument } from '../../catalog.js';
import { formatLocator } from '../../citation.js';
import type { Passage, ReadDocument, RefPath } from '../../types.js';
import { buildPassages } from '../passages.js';
import { Outline } from './outline.js';
import { UnitBuilder } from './unit-builder.js';

const CHAPTER = /^Chapter ([IVXLC]+)\b\s*[:：–-]?\s*(.*)$/;
/**
 * "Article 7", "Article 7 – Title" (a heading), "Article 7: text" (the article's first words), or a markdown
 * heading "## Article 7 Scope" (read as "Article 7 Scope": a capitalized title without closing punctuation,
 * so "Article 5 of the Provisions…" or "Article 5 GDPR applies." in running text is none).
 */
const ARTICLE = /^Article (\d+)(?:\s*[–-]\s*(.+)|:\s*(.*)|\s+(\p{Lu}[^.;:,]{0,100})|\s*)$/u;

export function splitArticles(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  const format = (path: RefPath) => formatLocator(doc.citation.style, path);
  const bare =
    read.lines.some((l) => /^1 [A-Z]/.test(l.text)) && read.lines.some((l) => /^a [a-z]/.test(l.text));
  // Front matter (titles, the preamble, a translator's header) reads as one unit until the first article.
  let outline: Outline = new Outline(builder, ['h:preamble'], { format });
  let closing = false;
  let lastArticle = 0;

  for (const line of read.lines) {
    const t = line.text.trim();
    const chapter = CHAPTER.exec(t);
    const article = ARTICLE.exec(t);
    if (chapter && t.length < 160 && !/[.;]$/.test(t) && !closing) {
      outline.end();
      builder.heading(0, t);
      outline = new Outline(builder, ['h:preamble'], { format });
      continue;
    }
    // An article heading must be the next number: "Article 5 of the Provisions…" in running text is not one.
    const heading = article && (article[3] !== undefined || !/[.;,]$/.test(t));
    if (article && heading && (lastArticle === 0 || Number(article[1]) === lastArticle + 1) && !closing) {
      outline.end();
      lastArticle = Number(article[1]);
      const level = builder.headingPath.length > 0 && CHAPTER.test(builder.headingPath[0]!) ? 1 : 0;
      builder.heading(
        level,
        article[2] ? `Article ${article[1]} – ${article[2]}` : article[4] ? t : `Article ${article[1]}`,
      );
      outline = new Outline(builder, [`art:${article[1]}`], { format, bare, subparagraphWord: 'paragraph' });
      if (article[3] !== undefined) outline.line(line);
      continue;
    }
    if (/^Done (?:at|in) /.test(t) && lastArticle > 0) {
      outline.end();
      closing = true;
      builder.heading(0, 'Final formula');
      outline = new Outline(builder, ['h:closing'], { format });
    }
    outline.line(line);
  }
  outline.end();
  return buildPassages(doc, builder.units);
}
