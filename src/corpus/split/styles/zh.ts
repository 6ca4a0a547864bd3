// The authentic Chinese texts, split in their own structure with the same paths as their English translations
// (see citation-zh.ts), so a Chinese passage and the English one at the same place share a path.
//
// cn-articles (the CAC's measures): 第一章 chapters (headings), 第七条 articles ['art:7'] with their 款
// paragraphs, items （一） ['art:7','1'] with the article's lead-in as context.
// cn-sections (TC260's framework): numbered sections 1. / 1.1 / 3.1.1 (title-only ones are headings, run-in
// ones open their section's text), items （a） ['sec:3.1.1','a'], the cover and the closing mapping table;
// the contents are left out like the headings they repeat.
//
// Chinese is written without spaces: wrapped lines are joined without one between two CJK characters.

import type { CatalogDocument } from '../../catalog.js';
import { fromChineseNumber } from '../../citation-zh.js';
import type { Passage, ReadDocument, RefPath, TextLine } from '../../types.js';
import { buildPassages, type UnitParagraph } from '../passages.js';
import { nextNumbers } from './sections.js';
import { UnitBuilder } from './unit-builder.js';

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u;

/** Joins wrapped lines: no space between two CJK characters, one space elsewhere; runs of spaces become one. */
export function joinZh(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim().replace(/[ \t]+/g, ' ');
    if (line === '') continue;
    if (text === '') text = line;
    else if (CJK.test(text.at(-1)!) && CJK.test(line[0]!)) text += line;
    else text += ` ${line}`;
  }
  return text;
}

function paragraphZh(lines: readonly TextLine[]): UnitParagraph {
  const paragraph: UnitParagraph = { text: joinZh(lines.map((l) => l.text)) };
  const pages = lines.map((l) => l.page).filter((p): p is number => p !== undefined);
  if (pages.length > 0) {
    paragraph.page = pages[0];
    if (pages.at(-1) !== pages[0]) paragraph.pageEnd = pages.at(-1);
  }
  return paragraph;
}

const CHAPTER = /^第([一二三四五六七八九十]+)章\s*(.*)$/;
const ARTICLE = /^第([一二三四五六七八九十百零]+)条[\s\u3000]*/;
const ITEM = /^（([一二三四五六七八九十]+)）/;

export function splitCnArticles(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  let article = 0;
  let item = 0;
  let leadIn: string | undefined;
  builder.open(['h:preamble']);
  for (const line of read.lines) {
    const t = line.text.trim();
    if (t === '') continue;
    const chapter = CHAPTER.exec(t);
    if (chapter && fromChineseNumber(chapter[1]!) !== undefined && t.length < 40) {
      builder.heading(0, t.replace(/\s+/g, ' '));
      continue;
    }
    const art = ARTICLE.exec(t);
    const n = art ? fromChineseNumber(art[1]!) : undefined;
    if (n !== undefined && n === article + 1) {
      article = n;
      item = 0;
      leadIn = /[：:]$/.test(t) ? t : undefined;
      builder.heading(1, `第${art![1]}条`);
      builder.open([`art:${n}`]);
      builder.add(paragraphZh([line]), [`art:${n}`]);
      continue;
    }
    const point = article > 0 ? ITEM.exec(t) : null;
    const m = point ? fromChineseNumber(point[1]!) : undefined;
    if (m !== undefined && m === item + 1) {
      item = m;
      builder.open([`art:${article}`, String(m)], leadIn ? { context: leadIn } : {});
      builder.add(paragraphZh([line]), [`art:${article}`, String(m)]);
      continue;
    }
    if (article > 0 && item > 0) {
      // Text after the items is the article's next paragraph (款), as in the translation.
      item = 0;
      builder.open([`art:${article}`, 'subpara:2']);
    }
    builder.add(paragraphZh([line]), article > 0 ? [`art:${article}`] : ['h:preamble']);
    if (article > 0) leadIn = /[：:]$/.test(t) ? t : undefined;
  }
  return buildPassages(doc, builder.units);
}

const SECTION = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s*(\S.*)$/;
const LETTER = /^（([a-z])）/;

export function splitCnSections(doc: CatalogDocument, read: ReadDocument): Passage[] {
  const builder = new UnitBuilder();
  let current: number[] = [];
  let section = '';
  let paragraph: TextLine[] = [];
  let table = false;
  let inContents = false;
  const lastPage = read.lines.at(-1)?.page;
  const flush = () => {
    if (paragraph.length > 0) builder.add(paragraphZh(paragraph), ['h:preamble']);
    paragraph = [];
  };
  const open = (path: RefPath) => {
    flush();
    builder.open(path);
  };
  builder.open(['h:cover']);
  const lines = read.lines;
  // The title printed at the top of the first body page ("人工智能安全治理框架", "（V1.0）") is the catalog's
  // title, not text: the extraction places it after that page's words (after a finished sentence), so it is
  // left out like a heading.
  const title = doc.title.replace(/\s+/g, '');
  let afterTitle = false;
  const isTitleLine = (text: string, previous: string) => {
    const words = text.replace(/\s+/g, '');
    return (
      current.length > 0 &&
      words.length >= 6 &&
      title.includes(words) &&
      (afterTitle || /[。；]$/.test(previous))
    );
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (t === '') continue;
    afterTitle = isTitleLine(t, lines[i - 1]?.text.trim() ?? '');
    if (afterTitle) continue;
    if (table) {
      // Table cells are justified by spacing out their characters ("推 进 人 工 智 能"): layout, not words.
      paragraph.push({ ...line, text: line.text.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '') });
      flush();
      continue;
    }
    if (/…{3,}|\.{5,}/.test(t) || t === '目 录' || t === '目录') {
      // The contents repeat the headings: left out like them.
      inContents = true;
      continue;
    }
    const numbered = SECTION.exec(t);
    if (numbered && nextNumbers(current).includes(numbered[1]!) && !/^\d+\s*$/.test(t)) {
      current = numbered[1]!.split('.').map(Number);
      section = numbered[1]!;
      const rest = numbered[2]!;
      const stop = rest.indexOf('。');
      const titleOnly = stop < 0 && rest.length <= 40;
      flush();
      builder.heading(current.length - 1, titleOnly ? t : t.slice(0, t.indexOf('。') + 1));
      // A title-only section's own words (if any) follow it; a run-in one opens its text with its number.
      open([`sec:${section}`]);
      if (!titleOnly) paragraph.push(line);
      continue;
    }
    const letter = section ? LETTER.exec(t) : null;
    if (letter) {
      open([`sec:${section}`, letter[1]!]);
      paragraph.push(line);
      continue;
    }
    if (current.length === 0 && inContents) {
      inContents = false;
      flush();
      builder.heading(0, '前言');
      open(['h:preamble']);
    }
    // The closing table: a page after the last item that opens with neither an item nor running text.
    const previous = paragraph.at(-1) ?? lines[i - 1];
    if (
      current[0] === 6 &&
      line.page !== undefined &&
      line.page === lastPage &&
      previous?.page !== line.page &&
      /[。；]$/.test(previous?.text.trim() ?? '')
    ) {
      table = true;
      flush();
      builder.heading(0, '安全风险与技术应对措施、综合治理措施映射表');
      open(['h:table']);
      paragraph.push(line);
      flush();
      continue;
    }
    // A paragraph starts where the reader saw a block start after a finished sentence.
    if (line.paragraph && /[。；：]$/.test(paragraph.at(-1)?.text.trim() ?? '')) flush();
    paragraph.push(line);
  }
  flush();
  return buildPassages(doc, builder.units);
}
