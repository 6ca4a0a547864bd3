// The one place that knows how each kind of document is cited. A passage's place is stored as a canonical
// path (see RefPath in types.ts); this module turns a path into the document's own citation style.

import { formatChineseLocator } from './citation-zh.js';
import type { RefPath } from './types.js';

export const CITATION_STYLES = [
  /** EU regulations: Recital 27, Art. 5(1)(c), Annex III, point 4. */
  'eu-act',
  /** Treaties and the Chinese measures: Art. 7, Art. 16(2)(a). */
  'articles',
  /** US executive orders: Sec. 4.2(a)(i). */
  'us-eo',
  /** UN resolutions, the Global Digital Compact, UNESCO: para. 6, para. 21(f), preambular para. 3. */
  'un-resolution',
  /** Numbered items with a label from the catalog: Action 7, Principle 7. */
  'numbered',
  /** NIST frameworks: GOVERN 1.1 (core subcategories), GV-1.1-001 (actions), Sec. 2.1 elsewhere. */
  'nist-core',
  /** Numbered sections of a framework: Sec. 6.1(a). */
  'sections',
  /** US state statutes: § 22757.12(a), SEC. 1(b) of the bill. */
  'us-statute',
  /** Plain reports: the heading plus the page. */
  'report',
  /** Canadian Acts in bill XML: s. 5(1)(a), cited by the Act's own sections (see split/styles/ca-act.ts). */
  'ca-act',
  /** Illinois Compiled Statutes: Sec. 15(b)(1), as each section heads itself. */
  'ilcs',
  /** The Chinese originals' articles: 第七条（一） (see citation-zh.ts). */
  'cn-articles',
  /** The Chinese originals' numbered sections: 3.1.1（a）. */
  'cn-sections',
  /** Japan's AI Guidelines for Business: Part 2 C 2)(3), Part 3 D-2) i. (see split/styles/jp-guidelines.ts). */
  'jp-guidelines',
] as const;

export type CitationStyle = (typeof CITATION_STYLES)[number];

/**
 * Each citation style as a person reads it, for `charter sources NAME` and /sources ("Cited as"): the style
 * ids above are internal (trial 7: "Cited as: eu-act").
 */
const STYLE_DESCRIPTIONS: Record<CitationStyle, string> = {
  'eu-act': 'articles, recitals and annexes (Art. 5(1)(c), Recital 27, Annex III point 4)',
  articles: 'articles (Art. 7, Art. 16(2)(a))',
  'us-eo': 'sections (Sec. 4.2(a)(i))',
  'un-resolution': 'paragraphs (para. 6, para. 21(f), preambular para. 3)',
  numbered: 'numbered items (7)',
  'nist-core': 'core subcategories, actions and sections (GOVERN 1.1, GV-1.1-001, Sec. 2.1)',
  sections: 'numbered sections (Sec. 6.1(a))',
  'us-statute': 'statute sections (§ 22757.12(a))',
  report: 'headings and pages (“Scope”, p. 12)',
  'ca-act': 'sections of the Act (s. 5(1)(a))',
  ilcs: 'sections (Sec. 15(b)(1))',
  'cn-articles': 'articles in Chinese (第七条（一）)',
  'cn-sections': 'numbered sections (3.1.1（a）)',
  'jp-guidelines': 'parts and items (Part 2 C 2)(3))',
};

/** How a document is cited, in words: "articles (Art. 7, Art. 16(2)(a))", "numbered Actions (Action 7)". */
export function describeCitation(citation: { style: CitationStyle; unitLabel?: string }): string {
  if (citation.style === 'numbered' && citation.unitLabel)
    return `numbered ${citation.unitLabel}s (${citation.unitLabel} 7)`;
  return STYLE_DESCRIPTIONS[citation.style];
}

const NIST_FUNCTIONS = new Set(['govern', 'map', 'measure', 'manage']);

/** A path segment's unit type and value: 'art:5' → art, 5; a bare sub-point '1' → '', 1. */
export function parseSegment(segment: string): { type: string; value: string } {
  const colon = segment.indexOf(':');
  return colon < 0
    ? { type: '', value: segment }
    : { type: segment.slice(0, colon), value: segment.slice(colon + 1) };
}

export const segmentType = (segment: string): string => parseSegment(segment).type;
export const segmentValue = (segment: string): string => parseSegment(segment).value;

/** Units whose numbers the documents print in capitals (Roman numerals, letters): Annex III, Section B, MAP 1.1. */
const CAPITALIZED_TYPES = new Set(['annex', 'part', 'annexsec', 'chapter', 'action', 'appendix']);

/** A unit's number as the document prints it ("iii" → "III" for an annex): in locators and in lists of units. */
export const shownValue = (type: string, value: string): string =>
  CAPITALIZED_TYPES.has(type) ? value.toUpperCase() : value;

const ROMAN_VALUES: readonly [number, string][] = [
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** A number as a lower-case Roman numeral, as place ids write annexes and parts (4 → "iv"; up to 399). */
export function toRoman(n: number): string {
  let out = '';
  for (const [value, numeral] of ROMAN_VALUES)
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  return out;
}

/** A Roman numeral's value, either case ("XIV" → 14). */
export function fromRoman(roman: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  const lower = roman.toLowerCase();
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const value = values[lower[i]!] ?? 0;
    const next = values[lower[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Formats a canonical path in the document's citation style.
 *   ['art:5', '1', 'c']        → "Art. 5(1)(c)"
 *   ['annex:iii', '4', 'a']    → "Annex III, point 4(a)"
 *   ['sec:22757.12', 'a']      → "§ 22757.12(a)" (us-statute)
 *   ['p:12'] with a heading    → "“Heading”, p. 12" (report)
 *   ['pdfpage:2'] with a heading → "“Heading”, unnumbered page (PDF page 2)" (a page printing no number)
 */
export function formatLocator(
  style: CitationStyle,
  path: RefPath,
  options: { unitLabel?: string; heading?: string } = {},
): string {
  if (style === 'cn-articles' || style === 'cn-sections') return formatChineseLocator(path);
  const parts: string[] = [];
  let lastTyped = '';
  for (const segment of path) {
    const { type, value } = parseSegment(segment);
    if (type === '') {
      // A sub-point of the last typed unit: (1), (c), (ii); after an annex it is a point number.
      if ((lastTyped === 'annex' || lastTyped === 'annexsec') && !parts[parts.length - 1]!.includes('point'))
        parts[parts.length - 1] += `, point ${value}`;
      else parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}(${value})`;
      continue;
    }
    lastTyped = type;
    parts.push(formatTyped(style, type, value, options));
  }
  return parts.join(', ');
}

/**
 * The locator of `path` as the document writes it. Paths keep sub-points in lower case ("sec:6-1-1703/2/a/i"),
 * but a document may print them in capitals (Colorado's "(I)", "(A)"), which only its passages' locators know.
 * So the formatted locator takes the case of the passage sharing the longest run of `path`'s first segments,
 * over the part of it that passage's own locator writes the same but for case: "§ 6-1-1703(2)(a)(I)" (from
 * the passage "§ 6-1-1703(2)(a)(I)(A)"), never "(i)". Segments past every passage (a place asked for that
 * the document lacks) stay as formatted.
 */
export function locatorInCase(
  style: CitationStyle,
  path: RefPath,
  passages: readonly { path: RefPath; locator: string }[],
  options: { unitLabel?: string; heading?: string } = {},
): string {
  const formatted = formatLocator(style, path, options);
  if (!/\([^)]*\p{L}[^)]*\)/u.test(formatted)) return formatted;
  let best: { path: RefPath; locator: string } | undefined;
  let bestLength = 0;
  for (const passage of passages) {
    let n = 0;
    while (n < path.length && passage.path[n] === path[n]) n++;
    if (n > bestLength) {
      best = passage;
      bestLength = n;
      if (n === path.length) break;
    }
  }
  if (!best) return formatted;
  const shared = formatLocator(style, path.slice(0, bestLength), options);
  const cased = best.locator.slice(0, shared.length);
  return formatted.startsWith(shared) && cased.toLowerCase() === shared.toLowerCase()
    ? cased + formatted.slice(shared.length)
    : formatted;
}

function formatTyped(
  style: CitationStyle,
  type: string,
  value: string,
  options: { unitLabel?: string; heading?: string },
): string {
  switch (type) {
    case 'recital':
      return `Recital ${value}`;
    case 'art':
      return `Art. ${value}`;
    case 'annex':
      return `Annex ${shownValue(type, value)}`;
    case 'part':
      return `Part ${shownValue(type, value)}`;
    case 'annexsec':
      return `Section ${shownValue(type, value)}`;
    case 'chapter':
      return `Chapter ${shownValue(type, value)}`;
    case 'sec':
      return style === 'us-statute' ? `§ ${value}` : style === 'ca-act' ? `s. ${value}` : `Sec. ${value}`;
    case 'billsec':
      return `SEC. ${value}`;
    case 'para':
      return `para. ${value}`;
    case 'pp':
      return `preambular para. ${value}`;
    case 'item':
      return `${options.unitLabel ?? 'Item'} ${value}`;
    case 'rec':
      return `Recommendation ${value}`;
    case 'action':
      return shownValue(type, value);
    case 'appendix':
      return `Appendix ${shownValue(type, value)}`;
    case 'def':
      return `“${value.replace(/-/g, ' ')}”`;
    case 'p':
      return options.heading ? `“${options.heading}”, p. ${value}` : `p. ${value}`;
    case 'pdfpage':
      // A page that prints no number while others do (a cover, an imprint): no "p. N" names it, so it is
      // cited by its place in the PDF, which is also where the link opens.
      return options.heading
        ? `“${options.heading}”, unnumbered page (PDF page ${value})`
        : `unnumbered page (PDF page ${value})`;
    case 'h':
      return options.heading ? `“${options.heading}”` : capitalize(value.replace(/-/g, ' '));
    default:
      if (NIST_FUNCTIONS.has(type)) return `${type.toUpperCase()} ${value}`;
      return `${capitalize(type)} ${value}`;
  }
}

/** The part of a path that names a whole citable unit (Art. 5, Recital 27, Annex III, Sec. 4): its first segment. */
export function unitOf(path: RefPath): RefPath {
  return path.slice(0, 1);
}

/** A stable passage id from its document and path. */
export function passageId(docId: string, path: RefPath, piece = 1): string {
  const base = placeId(docId, path);
  return piece > 1 ? `${base}~${piece}` : base;
}

/** A place in a document: `<docId>#<segments joined by '/'>` (a passage id without its piece number). */
export const placeId = (docId: string, path: RefPath): string => `${docId}#${path.join('/')}`;

/** The id of the whole unit a path lies in (`eu-ai-act-2024#art:5`). */
export const unitId = (docId: string, path: RefPath): string => placeId(docId, unitOf(path));

/** What ids look like, for reading them back from untrusted places (custom_ids, choice values). */
export const ID_PATTERNS = {
  doc: /^[a-z0-9][a-z0-9-]*$/,
  /** A passage or place id, with an optional `~n` piece number. */
  passage: /^[a-z0-9][a-z0-9-]*#[a-z0-9:.\-/]+(?:~\d+)?$/,
  /** A whole unit: one segment. */
  unit: /^[a-z0-9][a-z0-9-]*#[a-z0-9:.-]+$/,
} as const;

/** `<docId>#<path>` (a place or passage id) → its parts; undefined for anything else. */
export function parsePlaceId(value: string): { docId: string; path: string[] } | undefined {
  const match = /^([a-z0-9][a-z0-9-]*)#([a-z0-9:.\-/]+?)(?:~\d+)?$/.exec(value);
  if (!match) return undefined;
  return { docId: match[1]!, path: match[2]!.split('/') };
}

/**
 * What each kind of unit is called: singular and plural in running text ("113 articles"), and the plural
 * as a document's table of contents says it ("The AI Act has Articles 5–99").
 */
export const UNIT_NAMES: Readonly<Record<string, { one: string; many: string; range: string }>> = {
  art: { one: 'article', many: 'articles', range: 'Articles' },
  recital: { one: 'recital', many: 'recitals', range: 'Recitals' },
  annex: { one: 'annex', many: 'annexes', range: 'Annexes' },
  sec: { one: 'section', many: 'sections', range: 'Sections' },
  billsec: { one: 'bill section', many: 'bill sections', range: 'bill sections' },
  para: { one: 'paragraph', many: 'paragraphs', range: 'paragraphs' },
  pp: { one: 'preambular paragraph', many: 'preambular paragraphs', range: 'preambular paragraphs' },
  item: { one: 'numbered item', many: 'numbered items', range: 'Items' },
  rec: { one: 'recommendation', many: 'recommendations', range: 'Recommendations' },
  action: { one: 'action', many: 'actions', range: 'actions' },
  appendix: { one: 'appendix', many: 'appendices', range: 'Appendices' },
  chapter: { one: 'chapter', many: 'chapters', range: 'Chapters' },
  p: { one: 'page', many: 'pages', range: 'pages' },
  pdfpage: { one: 'unnumbered page', many: 'unnumbered pages', range: 'unnumbered pages' },
  h: { one: 'headed section', many: 'headed sections', range: 'headed sections' },
  govern: { one: 'GOVERN subcategory', many: 'GOVERN subcategories', range: 'GOVERN subcategories' },
  map: { one: 'MAP subcategory', many: 'MAP subcategories', range: 'MAP subcategories' },
  measure: { one: 'MEASURE subcategory', many: 'MEASURE subcategories', range: 'MEASURE subcategories' },
  manage: { one: 'MANAGE subcategory', many: 'MANAGE subcategories', range: 'MANAGE subcategories' },
};
