// How documents cite places in running text ("paragraphs 3 and 6", "point (a) or (g) of Article 9(2)",
// "subsection 4.2(c) of this section", "section 5 of Executive Order 14110"), one table of words per citation
// style. This is the reading side of citation.ts (which writes locators): a citation found here is a canonical
// path (see RefPath), absolute or relative to the citing passage, plus the instrument it names when it is not
// the citing document. Resolving it against passages is links.ts's work. Chinese citations (第十四条) are read
// here too, with citation-zh.ts's numerals: this module is not part of the splitting pipeline, so a change to
// how citations are read never re-splits a document.
import { type CitationStyle, fromRoman, toRoman } from './citation.js';
import { fromChineseNumber } from './citation-zh.js';

/** One place a citation names. */
export interface CitedPlace {
  /** Canonical segments ('art:9', '2', 'a'); relative ones ('3') are appended to the citing passage's path. */
  path: string[];
  /**
   * 0: `path` is absolute. n ≥ 1: keep the first n segments of the citing passage's path and append `path`
   * ("paragraph 3" in Art. 26(1) keeps 1: art:26 → art:26/3).
   */
  keep: number;
}

export interface Citation {
  /** The words cited, as written ("point (a) or (g) of Article 9(2)"). */
  text: string;
  start: number;
  end: number;
  places: CitedPlace[];
  /**
   * The instrument named when it is not the citing document ("Regulation (EU) 2016/679", "the Privacy Act");
   * undefined for the citing document itself ("of this Article", or nothing said).
   */
  instrument?: string;
}

/** The instrument of a citation that names one without saying which ("thereof"): never the citing document. */
export const UNNAMED = '(an instrument named before)';

/** What a word means in a style: an absolute unit, or a sub-unit at a level below the unit. */
type Word = { unit: string } | { level: number };

const EU_WORDS: Record<string, Word> = {
  article: { unit: 'art' },
  annex: { unit: 'annex' },
  recital: { unit: 'recital' },
  paragraph: { level: 1 },
  point: { level: 2 },
};

/** The words each style cites its own places with (lower case, singular; plurals are read too). */
const WORDS: Partial<Record<CitationStyle, Record<string, Word>>> = {
  'eu-act': EU_WORDS,
  articles: {
    article: { unit: 'art' },
    paragraph: { level: 1 },
    subparagraph: { level: 2 },
    'sub-paragraph': { level: 2 },
    item: { level: 2 },
  },
  'us-eo': { section: { unit: 'sec' }, subsection: { level: 1 } },
  'us-statute': {
    section: { unit: 'sec' },
    subdivision: { level: 1 },
    subsection: { level: 1 },
    paragraph: { level: 2 },
    subparagraph: { level: 3 },
  },
  'ca-act': { section: { unit: 'sec' }, subsection: { level: 1 }, paragraph: { level: 2 } },
  ilcs: { section: { unit: 'sec' }, subsection: { level: 1 }, paragraph: { level: 2 } },
  'un-resolution': { paragraph: { unit: 'para' } },
};

/** Styles whose documents are read for citations at all (plain reports and frameworks cite no places). */
export const CITING_STYLES: ReadonlySet<CitationStyle> = new Set([
  ...(Object.keys(WORDS) as CitationStyle[]),
  'cn-articles',
]);

/** Units whose number a word takes as an absolute place even under a sub-unit word ("subsection 10(1)"). */
const ABSOLUTE_UNDER_SUBWORD: Partial<Record<CitationStyle, string>> = {
  'us-eo': 'sec',
  'ca-act': 'sec',
  ilcs: 'sec',
};

const SUB = String.raw`\s?\(\s*[0-9a-zA-Z]{1,6}\s*\)`;
// A unit number: 9, 22757.12, 6-1-1703, III, 4.2; then its sub-points "(2)(a)", or a bare sub "a" (CoE).
const NUMBER = String.raw`(?:\d+(?:[.-]\d+)*[a-z]?|[IVXLC]+\b)`;
// A bare letter ("subparagraph a", CoE) only where a list goes on or ends: never the article "a" of a sentence.
const LETTER = String.raw`\b[a-z]\b(?=\s*(?:[,.;:)]|and\b|or\b|of\b|to\b|above\b|$))`;
const ITEM = `(?:${NUMBER}(?:${SUB})*|(?:${SUB})+|${LETTER})`;
const JOIN = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*-\s*)`;
const LIST = `${ITEM}(?:${JOIN}${ITEM})*`;
const ORDINAL = '(?:first|second|third|fourth|fifth|sixth)';

const EU_INSTRUMENT = String.raw`(?:Regulation|Directive|Decision|Framework Decision)\s+(?:\((?:EU|EC|EEC|Euratom)\)\s+)?(?:No\s+)?\d+\/\d+(?:\/[A-Za-z]+)?`;
const US_INSTRUMENT = String.raw`Executive Order\s+\d{5}|Public Law\s+\d+-\d+|\d+\s+U\.S\.C\.\s+\d+[a-z]?(?:\s?\([0-9a-zA-Z]+\))*|[Rr]esolution\s+\d+\/\d+`;
// A titled instrument: capitalized words and the small words between them ("the Provisions on the
// Administration of Deep Synthesis Internet Information Services", "the Privacy Act", "the PRC Cybersecurity Law").
const NAME_WORD = String.raw`(?:[\w’'-]|\.(?=\w))*`;
const NAMED_INSTRUMENT = String.raw`(?:the\s+)?[A-Z]${NAME_WORD}(?:\s+(?:(?:of|on|and|for|in|the|to)\s+)*[A-Z0-9]${NAME_WORD})*`;
/** Names of other instruments, as they follow "of" or stand alone (EU acts, executive orders, titled Acts). */
export const INSTRUMENT = new RegExp(`${EU_INSTRUMENT}|${US_INSTRUMENT}`, 'g');
const OF_INSTRUMENT = new RegExp(
  String.raw`^\s*,?\s*of\s+(${EU_INSTRUMENT}|${US_INSTRUMENT}|${NAMED_INSTRUMENT})`,
);
const OF_THIS = /^\s*,?\s*of\s+(?:this|these|the present)\s+[A-Za-z]+(?:\s+\d+)?|^\s+above\b/i;
const TREATY_ABBREVIATION = /^\s+(TFEU|TEU)\b/;
/** "of Chapter III", "of Title II": structure Charter does not cite by; the place is read no further. */
const OF_STRUCTURE =
  /^\s*,?\s*of\s+(?:the\s+)?(?:Chapter|Title|Part|Division|Subchapter|Article\s+\d+\s+of\s+Title)\b/i;
const OF_SECTION = /^\s*,?\s*of\s+(?:the\s+)?Section\b/i;
/** What may stand between citations that share the instrument named after the last ("Article 6(4) and Article 9(2) of …"). */
const SHARED_JOIN = /^\s*(?:,|;)?\s*(?:and|or|as well as)?\s*$/i;

function wordPattern(words: Record<string, Word>): string {
  const names = Object.keys(words).sort((a, b) => b.length - a.length);
  return String.raw`\b(${names.join('|')})(?:s|es)?\b\.?`;
}

interface StyleRegexes {
  /** A unit word and its list: "Articles 16 and 17". */
  component: RegExp;
  /** The same, anchored: the outer place after "of". */
  outer: RegExp;
}

const compiled = new Map<CitationStyle, StyleRegexes>();
function regexesOf(style: CitationStyle): StyleRegexes | undefined {
  const words = WORDS[style];
  if (!words) return undefined;
  let regexes = compiled.get(style);
  if (!regexes) {
    regexes = {
      component: new RegExp(String.raw`${wordPattern(words)}\s+(${LIST})`, 'gi'),
      outer: new RegExp(String.raw`^${wordPattern(words)}\s+(${LIST})`, 'i'),
    };
    compiled.set(style, regexes);
  }
  return regexes;
}

/**
 * Places written after a comma, inside the place before: "Article 5(1), first subparagraph, point (h)",
 * "Article 3, point (4)" (EU); "Article 25, paragraph 2", "Article 3, paragraph 1, sub-paragraphs a and b" (CoE).
 */
const SUFFIX_WORDS: Partial<Record<CitationStyle, Record<string, number>>> = {
  'eu-act': { point: 2 },
  articles: { paragraph: 1, subparagraph: 2, 'sub-paragraph': 2 },
};
const suffixRegex = new Map<CitationStyle, RegExp>();
function suffixOf(style: CitationStyle): RegExp | undefined {
  const words = SUFFIX_WORDS[style];
  if (!words) return undefined;
  let regex = suffixRegex.get(style);
  if (!regex) {
    const names = Object.keys(words)
      .sort((a, b) => b.length - a.length)
      .join('|');
    regex = new RegExp(String.raw`^(?:,\s*${ORDINAL}\s+subparagraph)?,\s*(${names})s?\s+(${LIST})`, 'i');
    suffixRegex.set(style, regex);
  }
  return regex;
}
const OF_OUTER = new RegExp(String.raw`^\s*,?\s*of\s+(?:the\s+${ORDINAL}\s+subparagraph\s+of\s+)?`, 'i');

const ROMAN = /^[ivxlc]+$/i;
interface Item {
  number?: string;
  subs: string[];
}

function parseItem(text: string): Item {
  const subs = [...text.matchAll(/\(\s*([0-9a-zA-Z]{1,6})\s*\)/g)].map((m) => m[1]!.toLowerCase());
  const head = /^\s*([0-9][0-9a-z.-]*|[IVXLC]+\b|[a-z]\b)/i.exec(text.replace(/\(.*$/s, ''));
  return head ? { number: head[1]!, subs } : { subs };
}

/** The items of a list with the joins between them: "3 and 6", "6 to 9", "4.2(c) and (d)". */
function parseList(list: string): { items: Item[]; joins: string[] } {
  const step = new RegExp(`(${ITEM})(${JOIN})?`, 'iy');
  const items: Item[] = [];
  const joins: string[] = [];
  for (let match = step.exec(list); match; match = step.exec(list)) {
    items.push(parseItem(match[1]!));
    if (match[2] === undefined) break;
    joins.push(match[2].trim().toLowerCase().replace(/^,\s*/, '') || ',');
  }
  return { items, joins };
}

/** Expands "6 to 9" into 6, 7, 8, 9 (whole-number units only, at most 30). */
function expandRanges(items: Item[], joins: string[]): Item[] {
  const out: Item[] = [items[0]!];
  for (let i = 1; i < items.length; i++) {
    const previous = items[i - 1]!;
    const item = items[i]!;
    const isRange = joins[i - 1] === 'to' || joins[i - 1] === '-';
    if (isRange && previous.number && item.number && previous.subs.length === 0 && item.subs.length === 0) {
      const roman = ROMAN.test(previous.number) && ROMAN.test(item.number);
      const from = roman ? fromRoman(previous.number) : Number(previous.number);
      const to = roman ? fromRoman(item.number) : Number(item.number);
      if (Number.isInteger(from) && Number.isInteger(to) && to > from && to - from <= 30)
        for (let n = from + 1; n < to; n++) out.push({ number: roman ? toRoman(n) : String(n), subs: [] });
    }
    out.push(item);
  }
  return out;
}

/** One word + list read as places: "Articles 16 and 17", "point (a) or (g)", "subsections 4.2(c) and (d)". */
function componentPlaces(style: CitationStyle, word: Word, list: string): CitedPlace[] | undefined {
  const { items: raw, joins } = parseList(list);
  const items = expandRanges(raw, joins);
  const places: CitedPlace[] = [];
  let lastAbsolute: string[] | undefined;
  let lastRelative: CitedPlace | undefined;
  for (const item of items) {
    if ('unit' in word) {
      if (item.number && /^[0-9IVXLC]/i.test(item.number)) {
        let value = item.number.toLowerCase();
        if (word.unit === 'annex' && !ROMAN.test(value)) value = toRoman(Number(value));
        if (word.unit !== 'annex' && ROMAN.test(value)) return undefined; // "Article IV": not this grammar
        lastAbsolute = [`${word.unit}:${value}`, ...item.subs];
        places.push({ path: lastAbsolute, keep: 0 });
      } else if (!item.number && item.subs.length > 0 && lastAbsolute) {
        // "Article 9(1) and (2)": the sub-points of the last unit named.
        const path = continueSubs(lastAbsolute, item.subs, 1);
        if (path) places.push({ path, keep: 0 });
      } else return undefined;
      continue;
    }
    const absoluteUnit = ABSOLUTE_UNDER_SUBWORD[style];
    if (
      item.number &&
      /^\d/.test(item.number) &&
      absoluteUnit &&
      (item.subs.length > 0 || /\./.test(item.number))
    ) {
      // "subsection 4.2(a)", "subsection 10(1)": the unit's number is written.
      lastAbsolute = [`${absoluteUnit}:${item.number.toLowerCase()}`, ...item.subs];
      places.push({ path: lastAbsolute, keep: 0 });
      continue;
    }
    if (!item.number && item.subs.length > 0 && lastAbsolute) {
      const path = continueSubs(lastAbsolute, item.subs, 1);
      if (path) places.push({ path, keep: 0 });
      continue;
    }
    if (!item.number && item.subs.length > 0 && lastRelative) {
      // "point (a) or (g)", "points 5(b) and (c)": (c) takes the place of (b).
      const path = continueSubs(lastRelative.path, item.subs, 0);
      if (path) places.push({ path, keep: lastRelative.keep });
      continue;
    }
    const values = item.number ? [item.number.toLowerCase(), ...item.subs] : item.subs;
    if (values.length === 0) return undefined;
    // Canadian "paragraph (2)(d)" names subsection (2), paragraph (d).
    const level =
      style === 'ca-act' && word.level === 2 && values.length >= 2 && /^\d/.test(values[0]!) ? 1 : word.level;
    lastRelative = { path: values, keep: level };
    places.push(lastRelative);
  }
  return places;
}

/** What kind of sub-point a segment is: a number, a letter, or a roman numeral (an "i" after a letter). */
function subKind(segment: string, previous: string | undefined): 'n' | 'a' | 'r' {
  if (/^\d+$/.test(segment)) return 'n';
  if (
    /^[ivxl]+$/.test(segment) &&
    (segment.length > 1 || (previous !== undefined && /^[a-z]$/.test(previous)))
  )
    return 'r';
  return 'a';
}

/**
 * The place a continued list item names: "(d)" after "4.2(c)" is 4.2(d); "(b)" after "4.1(a)(ii)" is 4.1(b).
 * The item takes the place of the last segment of its own kind (never of the first `fixed` segments);
 * undefined when there is none.
 */
function continueSubs(path: readonly string[], subs: string[], fixed: number): string[] | undefined {
  const first = subs[0]!;
  const last = path[path.length - 1];
  const kind =
    /^[ivxl]$/.test(first) && last !== undefined && subKind(last, path[path.length - 2]) === 'r'
      ? 'r'
      : subKind(first, undefined);
  for (let i = path.length - 1; i >= fixed; i--)
    if (subKind(path[i]!, path[i - 1]) === kind) return [...path.slice(0, i), ...subs];
  return undefined;
}

/** Joins an inner component to the outer one it is "of": point (a) of Article 9(2) → art:9/2/a. */
function attach(inner: CitedPlace[], outer: CitedPlace[]): CitedPlace[] {
  const out: CitedPlace[] = [];
  for (const o of outer)
    for (const i of inner) out.push(i.keep === 0 ? i : { path: [...o.path, ...i.path], keep: o.keep });
  return out;
}

/**
 * The citations in a passage's text, in the citation style of its document. Headings that open a passage
 * ("Article 1: …") are citations of itself; links.ts drops those.
 */
export function findCitations(text: string, style: CitationStyle): Citation[] {
  if (style === 'cn-articles') return findChineseCitations(text);
  const regexes = regexesOf(style);
  if (!regexes) return findInstruments(text, []);
  const regex = regexes.component;
  const words = WORDS[style]!;
  const found: Citation[] = [];
  const ownNamed = new Set<Citation>();
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const start = match.index;
    const word = words[match[1]!.toLowerCase()]!;
    let places = componentPlaces(style, word, match[2]!.replace(/[\s,]+$/, ''));
    let end = start + match[0].replace(/[\s,]+$/, '').length;
    if (!places) continue;
    const suffixes = suffixOf(style);
    // Only after one place: in "articles 7, 8, paragraph 1 of article 9" the paragraph is article 9's.
    for (
      let suffix = places.length === 1 ? suffixes?.exec(text.slice(end)) : undefined;
      suffix;
      suffix = suffixes?.exec(text.slice(end))
    ) {
      const inner = componentPlaces(style, { level: 9 }, suffix[2]!.replace(/[\s,]+$/, ''));
      if (!inner) break;
      places = attach(inner, places);
      end += suffix[0].replace(/[\s,]+$/, '').length;
    }
    // "of the first subparagraph of Article 5(1)", "of paragraph 1", "of Section 15": the outer place.
    for (;;) {
      const rest = text.slice(end);
      const of = OF_OUTER.exec(rest);
      if (!of) break;
      const outer = regexes.outer.exec(rest.slice(of[0].length));
      if (!outer) break;
      const outerWord = words[outer[1]!.toLowerCase()]!;
      const outerPlaces = componentPlaces(style, outerWord, outer[2]!.replace(/[\s,]+$/, ''));
      if (!outerPlaces) break;
      places = attach(places, outerPlaces);
      end += of[0].length + outer[0].replace(/[\s,]+$/, '').length;
    }
    const rest = text.slice(end);
    if (OF_STRUCTURE.test(rest) || (!words.section && OF_SECTION.test(rest))) continue;
    const citation: Citation = { text: text.slice(start, end), start, end, places };
    const ofThis = OF_THIS.exec(rest);
    if (ofThis) ownNamed.add(citation);
    // "Articles 16 and 114 thereof": of an instrument named before, which this grammar does not follow.
    const thereof =
      /^\s*,?\s*(?:thereof|of\s+(?:that|those|the\s+said|the\s+latter|the\s+former)\s+\w+)\b/i.exec(rest);
    if (thereof) {
      citation.instrument = UNNAMED;
      citation.end = end + thereof[0].length;
      citation.text = text.slice(start, citation.end);
      found.push(citation);
      regex.lastIndex = citation.end;
      continue;
    }
    const instrument = OF_INSTRUMENT.exec(rest) ?? TREATY_ABBREVIATION.exec(rest);
    if (!ofThis && instrument) {
      const name = instrument[1]!.replace(/(?:\s+(?:of|on|and|for|in|the|to))+$/, '');
      citation.instrument = name.replace(/^the\s+/, '').replace(/\s+/g, ' ');
      instrument[0] = instrument[0].slice(0, instrument[0].length - (instrument[1]!.length - name.length));
      citation.end = end + instrument[0].length;
      citation.text = text.slice(start, citation.end);
    } else if (ofThis) {
      citation.end = end + ofThis[0].length;
      citation.text = text.slice(start, citation.end);
    }
    found.push(citation);
    regex.lastIndex = citation.end;
  }
  for (let i = found.length - 2; i >= 0; i--) {
    const citation = found[i]!;
    const next = found[i + 1]!;
    if (!citation.instrument && !ownNamed.has(citation) && next.instrument)
      if (SHARED_JOIN.test(text.slice(citation.end, next.start))) citation.instrument = next.instrument;
  }
  return findInstruments(text, found);
}

/** Adds the instruments named on their own ("Regulation (EU) 2016/679", "Executive Order 14110"). */
function findInstruments(text: string, found: Citation[]): Citation[] {
  const covered = (start: number) => found.some((c) => start >= c.start && start < c.end);
  const out = [...found];
  INSTRUMENT.lastIndex = 0;
  for (let match = INSTRUMENT.exec(text); match; match = INSTRUMENT.exec(text)) {
    if (covered(match.index)) continue;
    out.push({
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
      places: [],
      instrument: match[0].replace(/\s+/g, ' '),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const NUMERAL = '[一二三四五六七八九十百零〇\\d]+';
// 《网络安全法》第十条, 本办法第十四条第二款第（三）项, 第十四条: an article, its paragraph (款) and item (项).
const ZH_CITATION = new RegExp(
  `(?:《([^》]{2,60})》|本(?:办法|规定|措施|条例|法))?第(${NUMERAL})条(?:第(${NUMERAL})款)?(?:第[（(](${NUMERAL})[）)]项)?|《([^》]{2,60})》`,
  'g',
);

/**
 * Citations in Chinese text (the Chinese originals' style, cn-articles). A paragraph (款) is kept in the path as `kuan:n`: Charter's passages are not cut
 * at 款, so such a citation stays unresolved rather than pointing at the whole article.
 */
export function findChineseCitations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(ZH_CITATION)) {
    const start = m.index;
    const citation: Citation = { text: m[0], start, end: start + m[0].length, places: [] };
    const instrument = m[1] ?? m[5];
    if (instrument) citation.instrument = instrument;
    if (m[2]) {
      const path = [`art:${fromChineseNumber(m[2]) ?? m[2]}`];
      if (m[3]) path.push(`kuan:${fromChineseNumber(m[3]) ?? m[3]}`);
      if (m[4]) path.push(String(fromChineseNumber(m[4]) ?? m[4]));
      citation.places.push({ path, keep: 0 });
    }
    out.push(citation);
  }
  return out;
}
