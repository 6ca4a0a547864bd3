// The corpus linter's checks: each looks at every passage for one kind of defect that would make Charter
// quote words that are not the document's. Pure functions over passages; the CLI (`charter lint`) reads
// them from the data directory and applies the allow-list (corpus/lint-allow.json).
import { UNSAFE_CHARACTERS } from '../text.js';
import type { Passage } from '../types.js';
import { foreignHeadings, unitGaps } from './sequence.js';

export const CHECKS = [
  'split-word',
  'private-use',
  'footnote-debris',
  'lost-superscript',
  'page-furniture',
  'toc',
  'heading',
  'missing-space',
  'markup',
  'one-word-lines',
  'interleaved',
  'glued-call',
  'line-break-hyphen',
  'duplicate-locator',
  'markup-prefix',
  'control',
  'fullwidth',
  'trailing-lead-in',
  'reader-question',
  'unit-gap',
  'foreign-heading',
  'ocr-debris',
] as const;
export type Check = (typeof CHECKS)[number];

export interface Finding {
  check: Check;
  passageId: string;
  excerpt: string;
}

/** Words of the corpus with how often each occurs (lower-cased; letters and inner apostrophes). */
export type Vocabulary = Map<string, number>;

const WORD = /[\p{L}](?:[\p{L}'’]*[\p{L}])?/gu;

export function vocabulary(passages: readonly Passage[]): Vocabulary {
  const counts: Vocabulary = new Map();
  for (const p of passages) {
    for (const m of p.text.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return counts;
}

/** Up to 40 characters either side of a match, on one line. */
function excerptAt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

type PassageCheck = (passage: Passage, vocab: Vocabulary) => { start: number; end: number }[];

const all = (re: RegExp, text: string) =>
  [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

/** A fragment is a word when it stands on its own elsewhere in the corpus a few times. */
const isWord = (vocab: Vocabulary, w: string, seenHere: number) =>
  (vocab.get(w.toLowerCase()) ?? 0) - seenHere >= 3 || /^(?:a|i|o)$/i.test(w);

/**
 * Split words: two adjacent letter runs, at least one of which is not a word of the corpus, whose join is
 * a word that occurs elsewhere in the corpus ("ar tificial", "system s", "infrastructu re").
 */
const splitWord: PassageCheck = (passage, vocab) => {
  const out: { start: number; end: number }[] = [];
  const tokens = [...passage.text.matchAll(/(?<![\p{L}\d'’(-])([\p{L}]+) ([\p{L}]+)(?![\p{L}\d'’-])/gu)];
  // matchAll does not overlap; also try pairs starting at each second word.
  const pairs = new Map<number, RegExpMatchArray>();
  for (const m of tokens) pairs.set(m.index!, m);
  for (const m of passage.text.matchAll(/(?<=[\p{L}] )([\p{L}]+) ([\p{L}]+)(?![\p{L}\d'’-])/gu))
    pairs.set(m.index!, m);
  for (const m of pairs.values()) {
    const [a, b] = [m[1]!, m[2]!];
    // Capitalized second fragments start names and sentences, not word tails.
    if (/^\p{Lu}/u.test(b) && !/^\p{Lu}+$/u.test(a + b)) continue;
    const joined = (a + b).toLowerCase();
    if ((vocab.get(joined) ?? 0) < 2) continue;
    const pairCount = passage.text.split(m[0]).length - 1;
    if (isWord(vocab, a, pairCount) && isWord(vocab, b, pairCount)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return out;
};

/** Private-use glyphs (PDF bullet fonts) and replacement characters. */
const privateUse: PassageCheck = (passage) => all(/[\p{Co}\uFFFD]/gu, passage.text);

/**
 * Control and escape characters: the unsafe code points of src/corpus/text.ts (C0 and C1 controls, ESC[2J,
 * OSC 8 links, backspace, NUL, DEL, bidi controls, Unicode tag characters) and the tab, which a reader
 * turns into a space. Readers strip them (read/normalize.ts); one here means a path that skipped it.
 */
export const CONTROL = new RegExp(`\\t|${UNSAFE_CHARACTERS.source}`, 'gu');
const control: PassageCheck = (passage) =>
  all(CONTROL, passage.text).concat(
    passage.headingPath.some((h) => new RegExp(CONTROL.source, 'u').test(h)) ? [{ start: 0, end: 0 }] : [],
  );

/**
 * Runs of one-word paragraphs: a justified PDF line read one word at a time ("responsible, / equitable /
 * and / interoperable"). Four or more paragraphs in a row that are one word each, markers aside.
 */
const oneWordLines: PassageCheck = (passage) =>
  all(
    /(?:^|\n\n)(?:[\p{sc=Latin}'’,;.-]{1,30}\n\n){3,}[\p{sc=Latin}'’,;.-]{1,30}(?=\n\n|$)/gu,
    passage.text,
  ).filter(
    // Names listed one to a line (a report's contributors) are capitalized; a sentence's words are not.
    (hit) => (passage.text.slice(hit.start, hit.end).match(/(?:^|\n)\p{Ll}/gu) ?? []).length >= 3,
  );

/**
 * Interleaved table columns: a phrase of two or more words repeated inside one line, at most a list marker
 * apart
 * ("Consideration for bias in i. Consideration for bias in", "Common guiding common guiding principles"),
 * which a reader makes when it takes two columns of a table row by row.
 */
const interleaved: PassageCheck = (passage) =>
  all(
    /(?<![\p{L}\d])(\p{L}{3,}(?: \p{L}{2,}){1,5})(?: (?:[ivx]+|[a-z]|\d+|[A-Z])[.)])? \1(?![\p{L}\d])/giu,
    passage.text,
  );

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December)`;
/**
 * A footnote call glued to a year or a number ("since February 202546."): the call's digits run on into
 * the year's, so the text reads a year that does not exist.
 */
const gluedCall: PassageCheck = (passage) =>
  all(new RegExp(String.raw`\b${MONTH} (?:\d{1,2}, )?(?:19|20)\d{2}\d{1,3}(?!\d)`, 'g'), passage.text).concat(
    all(/\b(?:in|since|of|by|until|from) (?:19|20)\d{2}\d{1,3}(?=[.,;:]?(?:\s|$))(?![\d/-])/g, passage.text),
  );

/**
 * A hyphen left by a line break ("decision- making", "human-in-the- loop", "state-of- the-art",
 * "Geospatial- Intelligence", "Human- Centric"): a word, a hyphen, a space and a word. A suspended hyphen is
 * the document's ("pre- and post-market", "short- or long-term", "3- to 5-year", "SPAM- AND ROBOCALL-").
 */
const lineBreakHyphen: PassageCheck = (passage) =>
  all(
    /(?<=\p{L})- (?!(?:and|or|to|nor|as well as|and\/or|through|vs\.?|versus)\b)(?=\p{L})/giu,
    passage.text,
  );

/**
 * OCR debris: a scanned page's handwriting or stamp read as letters (the Colorado act's signature page gave
 * "R ►bi Jones", ",e-maz -a,nlakiact,ex.", "APPROVED 15-;•;()(A.ve"): a geometric shape touching a letter
 * (a bullet "▪ " stands apart), a comma between two letters outside a link, or a run of four or more of ; • ( ) , ' *.
 */
const ocrDebris: PassageCheck = (passage) =>
  all(/\p{L}[\u25A0-\u25FF]|[\u25A0-\u25FF]\p{L}|(?<!\S*[%/=&]\S*)\p{L},\p{L}|[;•(),'*]{4,}/gu, passage.text);

/**
 * Markup prefixes: CommonAccord-style keys ("1.3.0.sec=", "Ti=", "xlist=") read as if they were words.
 */
const markupPrefix: PassageCheck = (passage) =>
  all(/(?<![\p{L}\d=])(?:[\w-]+\.)*(?:sec|secs|Ti|xlist|Def|Note|Title|Sec)=(?=\S|$)/gu, passage.text);

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
/** Full-width and ideographic punctuation ("：", "，", "（", "、", "。"). */
const FULLWIDTH =
  /[\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u3001\u3002\u300C-\u300F\u3010\u3011]/gu;
/**
 * Full-width punctuation in English: a Chinese or Japanese colon or bracket left in a translation's words
 * or headings ("Chapter I： General Provisions"). Text with CJK letters is not English and is not checked.
 */
const fullwidth: PassageCheck = (passage) => (CJK.test(passage.text) ? [] : all(FULLWIDTH, passage.text));

/**
 * Footnote-marker debris: a call marker taken out of "contexts.,12" leaves "contexts.,", a run of them
 * ", , ,"; a call kept glued to its word ("countermeasures17"). Abbreviations ("e.g.,", "etc.,", "U.S.,")
 * are not debris.
 */
const footnoteDebris: PassageCheck = (passage) =>
  [
    ...all(
      /(?<![\p{L}]\.|\b(?:etc|al|Inc|Ltd|Co|Corp|No|seq|Jr|Sr|St|vs|approx|Dept|Gov|Rev))(?<=[\p{Ll}\d)]{2})\.,/gu,
      passage.text,
    ),
    ...all(/,\s+,/g, passage.text),
    ...all(/(?<=\p{Ll}{3}[.;:])(?:\s*,)+\s+(?=\p{Lu})/gu, passage.text),
    // A call left glued to its lower-case word ("countermeasures17", "officers5,"); names with digits
    // ("Ver1.1", "x86", "ISO/IEC") are not lower-case words standing alone.
    ...all(/(?<=(?:^|[\s(“"‘])\p{Ll}{4,})\d{1,3}(?=[\s,;.:]|$)/gu, passage.text),
  ].filter((hit, i, hits) => hits.findIndex((h) => h.start === hit.start) === i);

/**
 * Lost superscripts: a power of ten printed as "10 to the power n" and flattened to "10n" (1025 for 10^25)
 * next to words of computation, where the number cannot be a count.
 */
const lostSuperscript: PassageCheck = (passage) =>
  all(
    /\b10(?:[1-3]\d|[4-9])\b(?=[^.]{0,80}\b(?:operations|FLOPs?|floating|integer|computing power)\b)/g,
    passage.text,
  ).concat(
    all(
      /\b(?:operations|FLOPs?|floating-point|computing power)\b[^.]{0,40}\b10(?:[1-3]\d|[4-9])\b/g,
      passage.text,
    ),
  );

/** Page furniture: running headers, footers and page numbers caught inside a passage's words. */
const FURNITURE = [
  /\bPage \d{1,4} of \d{1,4}\b/g,
  /\bCapital letters or bold & italic numbers indicate new material\b/g,
  /\bdeletions ?from existing law\b/g,
  /\bPAGE \d+-(?:SENATE|HOUSE) BILL\b/g,
  /\b(?:SENATE|HOUSE) BILL \d+-\d+ PAGE\b/g,
];
/**
 * A paragraph that is only a number, between a paragraph and another that does not open with a capital or
 * marker of its own ("… common guiding principles / 34 / • Encourage …"): a page number or a stranded
 * footnote marker, never a sentence of the document.
 */
const BARE_NUMBER = /(?<=\S[ \t]*\n[ \t]*\n?[ \t]*)\d{1,4}(?=[ \t]*\n)/g;
const pageFurniture: PassageCheck = (passage) =>
  FURNITURE.flatMap((re) => all(re, passage.text)).concat(
    all(BARE_NUMBER, passage.text).filter((hit) => {
      const line = passage.text.slice(passage.text.lastIndexOf('\n', hit.start) + 1, hit.end);
      return line.trim() === passage.text.slice(hit.start, hit.end);
    }),
  );

/**
 * Tables of contents: a passage made of titles each followed by a page number ("Pillar I … 3 Remove Red
 * Tape … 3"), or dotted leaders.
 */
const toc: PassageCheck = (passage) => {
  const leaders = all(/(?:\.\s?){5,}\s*\d{1,4}\b/g, passage.text);
  if (leaders.length >= 2) return [leaders[0]!];
  const numbered = [
    ...passage.text.matchAll(
      /(?<=[\p{L})’”:])(?<!\b(?:Article|Articles|Art|Chapter|Section|Sec|point|points|paragraph|Annex|No|Table|Figure|of|and|to|or)\.?) (\d{1,3})(?=\s+(?!January|February|March|April|May|June|July|August|September|October|November|December)(?:[\p{Lu}\d]|$)|$)/gu,
    ),
  ];
  let run = 1;
  for (let i = 1; i < numbered.length; i++) {
    const [prev, cur] = [Number(numbered[i - 1]![1]), Number(numbered[i]![1])];
    run = cur >= prev && cur - prev <= 20 ? run + 1 : 1;
    if (run >= 4) {
      const start = numbered[i - 3]!.index!;
      return [{ start, end: numbered[i]!.index! + numbered[i]![0].length }];
    }
  }
  return [];
};

const CONNECTING = /^(\p{Ll}{5,})(?:from|the|and|of|that|which|with)$/u;

/** Missing spaces: "deletionsfrom", "law.The", "FEBRUARY 1,2026". */
const missingSpace: PassageCheck = (passage, vocab) => {
  const out = [
    ...all(/(?<=\b\d{1,2}),(?=\d{4}\b)/g, passage.text).filter((h) =>
      /(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER) \d{1,2}$/i.test(
        passage.text.slice(Math.max(0, h.start - 12), h.start),
      ),
    ),
    ...all(/(?<=\b\p{Ll}{3,})[.;,](?=\p{Lu}\p{Ll}{2,}\b)/gu, passage.text),
  ];
  // A word glued to the small connecting word after it ("deletionsfrom"), seen nowhere else in the corpus.
  for (const m of passage.text.matchAll(/(?<![\p{L}\d'’./@-])\p{Ll}{7,}(?![\p{L}\d'’@/-])/gu)) {
    const w = m[0];
    if ((vocab.get(w) ?? 0) > 1) continue;
    const glued = CONNECTING.exec(w);
    if (glued && (vocab.get(glued[1]!) ?? 0) >= 3 && !/^(?:there|where|here)$/.test(glued[1]!))
      out.push({ start: m.index!, end: m.index! + w.length });
  }
  return out;
};

/** HTML elements whose tags, met in a passage, are markup a reader let through rather than words. */
const HTML_ELEMENTS =
  'a|abbr|address|article|aside|audio|b|blockquote|br|button|caption|center|code|dd|details|div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|input|li|link|main|mark|meta|nav|ol|p|picture|pre|script|section|small|source|span|strong|style|sub|sup|svg|table|tbody|td|tfoot|th|thead|tr|u|ul|video';
const TAG = new RegExp(
  `</?(?:${HTML_ELEMENTS})(?:\\s+[\\w:-]+(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'>]+))?)*\\s*/?>`,
  'gi',
);
/**
 * Markup: an HTML tag ("<figure>", "<img src=… />", "</span>") in a passage's text. A document's own angle
 * brackets around words ("<Academic discipline>") are not tags of an HTML element and are not flagged.
 */
const markup: PassageCheck = (passage) => all(TAG, passage.text);

const CHECK_FUNCTIONS: Record<
  Exclude<
    Check,
    'heading' | 'duplicate-locator' | 'trailing-lead-in' | 'reader-question' | 'unit-gap' | 'foreign-heading'
  >,
  PassageCheck
> = {
  'split-word': splitWord,
  'private-use': privateUse,
  'footnote-debris': footnoteDebris,
  'lost-superscript': lostSuperscript,
  'page-furniture': pageFurniture,
  toc,
  'missing-space': missingSpace,
  markup,
  'one-word-lines': oneWordLines,
  interleaved,
  'glued-call': gluedCall,
  'line-break-hyphen': lineBreakHyphen,
  'markup-prefix': markupPrefix,
  control,
  fullwidth,
  'ocr-debris': ocrDebris,
};

/**
 * Heading segments that are not headings: a sentence (long, or ending in a full stop after many words), a
 * label ending in a colon, a phrase cut after a connecting word, or a repeat of its parent.
 */
export function headingProblem(segment: string, parent: string | undefined): string | undefined {
  const s = segment.trim();
  if (parent !== undefined && s.toLowerCase() === parent.trim().toLowerCase()) return 'repeats its parent';
  const words = s.split(/\s+/).length;
  if (s.length > 250) return 'too long for a heading';
  if (/[.!?]$/.test(s) && words > 20) return 'a sentence';
  if (/\p{Ll}{3}[.!?] \p{Lu}/u.test(s)) return 'a sentence';
  if (/:$/.test(s)) return 'a lead-in, not a heading';
  if (/(?:\b(?:and|or|of|the|to|for|in|a|an|with|by|on)|,)$/i.test(s) && words > 2) return 'cut mid-phrase';
  return undefined;
}

/** Runs every check over the passages; heading findings are reported once per distinct heading path. */
export function lintPassages(passages: readonly Passage[], vocab = vocabulary(passages)): Finding[] {
  const findings: Finding[] = [];
  for (const passage of passages) {
    for (const [check, fn] of Object.entries(CHECK_FUNCTIONS) as [Check, PassageCheck][]) {
      for (const hit of fn(passage, vocab)) {
        findings.push({ check, passageId: passage.id, excerpt: excerptAt(passage.text, hit.start, hit.end) });
      }
    }
    passage.headingPath.forEach((segment, i) => {
      if (!CJK.test(segment) && new RegExp(FULLWIDTH.source, 'u').test(segment))
        findings.push({ check: 'fullwidth', passageId: passage.id, excerpt: `heading: ${segment}` });
      const problem = headingProblem(segment, passage.headingPath[i - 1]);
      if (problem)
        findings.push({
          check: 'heading',
          passageId: passage.id,
          excerpt: `${problem}: ${segment.length > 100 ? `${segment.slice(0, 100)}…` : segment}`,
        });
    });
  }
  return findings.concat(
    duplicateLocators(passages),
    trailingLeadIns(passages),
    unitGaps(passages),
    foreignHeadings(passages),
  );
}

/** A path's shape: the kind of each segment ("rec:24" → "rec", "ii" → ""), so siblings compare equal. */
const shape = (path: readonly string[]) =>
  path.map((s) => (s.includes(':') ? s.slice(0, s.indexOf(':')) : '')).join('/');

/**
 * Trailing lead-ins: a passage whose last paragraph (not its first: a passage that is only a lead-in, or an
 * item whose own words end in ":", is the document's place) ends in ":" while the next passage is a sibling
 * unit of the same kind, not inside its own ("… 24. Reform …\n\nIn particular, government should:" then
 * Recommendation 25). The lead-in introduces the next items, so quoting it as the end of this one attributes
 * words to the wrong place. A section's prose ending in a lead-in before its first item is not flagged.
 */
function trailingLeadIns(passages: readonly Passage[]): Finding[] {
  const out: Finding[] = [];
  for (const [i, passage] of passages.entries()) {
    const next = passages[i + 1];
    if (!next || next.docId !== passage.docId) continue;
    const paragraphs = passage.text.trimEnd().split(/\n\n+/);
    const last = paragraphs.at(-1)!.trim();
    if (paragraphs.length < 2 || !/:["”’]?$/.test(last)) continue;
    const inside = next.path.length > passage.path.length && passage.path.every((s, k) => next.path[k] === s);
    if (inside || next.path.join('/') === passage.path.join('/') || shape(next.path) !== shape(passage.path))
      continue;
    out.push({
      check: 'trailing-lead-in',
      passageId: passage.id,
      excerpt: `${excerptAt(last, Math.max(0, last.length - 60), last.length)} → ${next.locator}`,
    });
  }
  return out;
}

/**
 * Duplicate locators: two passages of one document that name the same place, where the later one does not
 * continue the earlier one's paragraph (`continued`). A reference to that place would quote either; the
 * splitter names the second after the document's own fashion ("Art. 50(4), second subparagraph").
 */
function duplicateLocators(passages: readonly Passage[]): Finding[] {
  const seen = new Map<string, Passage>();
  const out: Finding[] = [];
  for (const passage of passages) {
    // Headings and pages (a report's "“Heading”, p. 12", a preamble) name a stretch of text, not one
    // provision: several passages under one of them are how that style cites.
    if (passage.path.some((s) => /^(?:h|p|pdfpage):/.test(s))) continue;
    const key = `${passage.docId}\u0000${passage.locator}`;
    const first = seen.get(key);
    if (!first) seen.set(key, passage);
    else if (!passage.continued)
      out.push({
        check: 'duplicate-locator',
        passageId: passage.id,
        excerpt: `${passage.locator} is also ${first.id}: ${excerptAt(passage.text, 0, 0)}`,
      });
  }
  return out;
}
