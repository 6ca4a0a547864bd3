// Reading the place a reference names: "Art. 5(1)(c)" → ['art:5', '1', 'c'], "Annex VII point 3.2" →
// ['annex:vii', '3.2'], "第七条（一）" → ['art:7', '1'], or a bare number after a document's name ("GDC 50") →
// ['?:50'], which the document's citation style reads later (document-places.ts). Nothing here knows a
// document: the place is only parsed, never checked.
import { toRoman } from '../../corpus/citation.js';
import { fromChineseNumber } from '../../corpus/citation-zh.js';
import { normalizeText } from '../text.js';
import { type LooseKind, looseSubPoints } from './loose.js';

/** A place parsed from a reference, before it is checked against a document. */
export interface ParsedPlace {
  /** Canonical path, e.g. ['art:5', '1', 'c']. */
  path: string[];
  /** True when the unit type was written ("Art. 5"), false when only a number was ("SB 53 22757.12"). */
  typed: boolean;
  /** Character span of the place in the normalized reference. */
  start: number;
  end: number;
}

// Sub-points written as "(1)(c)(ii)", or in words: "paragraph 1, point c".
const SUB = String.raw`\(\s*[0-9a-z]{1,5}\s*\)|,?\s*(?:paragraph|para\.?|point|pt\.?|subparagraph)\s+\(?[0-9a-z]{1,5}\)?(?![0-9a-z])`;
const SUBS = String.raw`((?:\s*(?:${SUB}))*)`;
const ROMAN = /^[ivxlc]+$/;

interface Rule {
  pattern: RegExp;
  /** The pattern ends with SUBS: its last group holds "(1)(c)". */
  subs?: true;
  /** Chinese sub-points "(一)(二)" follow in the second group. */
  zh?: true;
  type: (match: RegExpExecArray) => string;
  value?: (match: RegExpExecArray) => string;
  /**
   * Sub-points written without brackets may follow (loose.ts): 'numbers' for articles ("art 5 1 c",
   * "art. 5.1.c"), 'letters' for sections, whose own numbers take dots and spaces ("section 15 a").
   */
  loose?: LooseKind;
}

const RULES: Rule[] = [
  { pattern: /\b((?:gv|mp|ms|mg)-\d+\.\d+-\d+)\b/, type: () => 'action', value: (m) => m[1]! },
  {
    subs: true,
    pattern: new RegExp(String.raw`\b(govern|map|measure|manage)\s*(\d+(?:\.\d+)?)\b${SUBS}`),
    type: (m) => m[1]!,
    value: (m) => m[2]!,
  },
  // Chinese: "第七条（一）", read after normalization ("第七条(一)": NFKC folds full-width brackets).
  {
    zh: true,
    pattern: /第([一二三四五六七八九十百零〇\d]+)条((?:\s*\([一二三四五六七八九十\d]{1,4}\))*)/,
    type: () => 'art',
    value: (m) => String(fromChineseNumber(m[1]!) ?? m[1]),
  },
  { subs: true, pattern: new RegExp(String.raw`\brecitals?\s*(\d+)${SUBS}`), type: () => 'recital' },
  {
    subs: true,
    pattern: new RegExp(
      // "Annex VIII, Section B, point 1": a lettered section numbers its points afresh (annexsec).
      String.raw`\bannex\s+([ivxlc]+|\d+)\b(?:\s*,?\s*section\s+([a-z])\b)?(?:\s*,?\s*(?:point|pt\.?|no\.?)\s*(\d+(?:\.\d+)*))?${SUBS}`,
    ),
    type: () => 'annex',
  },
  {
    subs: true,
    pattern: new RegExp(String.raw`\b(?:articles?|arts?\.?)\s*(\d+[a-z]?)\b${SUBS}`),
    type: () => 'art',
    loose: 'numbers',
  },
  {
    subs: true,
    pattern: new RegExp(String.raw`\bpreambular\s+(?:para(?:graph)?s?\.?|p)\s*(\d+)${SUBS}`),
    type: () => 'pp',
  },
  {
    subs: true,
    // "s. 5(1)", "ss. 6" as Canadian Acts are cited.
    pattern: new RegExp(String.raw`(?:\bsec(?:tion)?s?\.?|\bss?\.|§+)\s*(\d+(?:[.-]\d+)*)${SUBS}`),
    type: () => 'sec',
    loose: 'letters',
  },
  {
    subs: true,
    pattern: new RegExp(String.raw`(?:\bpara(?:graph)?s?\.?|¶)\s*(\d+)${SUBS}`),
    type: () => 'para',
  },
  {
    subs: true,
    pattern: new RegExp(String.raw`\b(?:actions?|principles?|items?)\s*(\d+)${SUBS}`),
    type: () => 'item',
  },
  {
    subs: true,
    pattern: new RegExp(String.raw`\b(?:recommendations?|recs?\.?)\s*(\d+)${SUBS}`),
    type: () => 'rec',
  },
  { pattern: /\b(?:chapter|ch\.)\s*([ivxlc]+|\d+)\b/, type: () => 'chapter' },
  // Japan's AI Guidelines for Business: the actor-specific items "D-2) i.", "P-4) ii.", "U-7) ii.".
  {
    pattern: /\b([dpu]-\d{1,2})\)?\s*([ivx]{1,5})\b\.?/,
    type: () => 'actor',
    value: (m) => m[1]!,
  },
  { pattern: /\bpart\s*(\d)\b/, type: () => 'part' },
  { pattern: /\b(?:pages?|pp?\.|pg\.?)\s*(\d+)\b/, type: () => 'p' },
];

// A bare number after the document's name: "SB 53 22757.12(a)", "GDC 50".
const BARE = new RegExp(String.raw`(?:^|\s)(\d+(?:[.-]\d+)*)${SUBS}(?=\s|$|[.,;:?!])`);

/** The text with [start, end) replaced by spaces, so offsets stay valid. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function subSegments(text: string | undefined): string[] {
  if (!text) return [];
  return [
    ...text.matchAll(
      /\(\s*([0-9a-z]{1,5})\s*\)|(?:paragraph|para\.?|point|pt\.?|subparagraph)\s+\(?([0-9a-z]{1,5})\)?/g,
    ),
  ].map((m) => (m[1] ?? m[2])!);
}

/** A reference as the rules read it: its first 300 characters, normalized like search text. */
export function normalizeReference(reference: string): string {
  return normalizeText(reference.slice(0, 300));
}

/** Parses the place a reference names ("Art. 5(1)(c)" → ['art:5','1','c']); undefined when it names none. */
export function parsePlace(normalized: string): ParsedPlace | undefined {
  for (const rule of RULES) {
    const match = rule.pattern.exec(normalized);
    if (!match) continue;
    const type = rule.type(match);
    let value = rule.value ? rule.value(match) : match[1]!;
    const path: string[] = [];
    if (type === 'annex' || type === 'chapter') {
      if (!ROMAN.test(value)) value = toRoman(Number(value));
      path.push(`${type}:${value}`);
      if (type === 'annex' && match[2]) path.push(`annexsec:${match[2]}`);
      if (type === 'annex' && match[3]) path.push(match[3]);
      path.push(...subSegments(type === 'annex' ? match[4] : undefined));
    } else {
      path.push(`${type}:${value}`);
      if (type === 'actor') path.push(match[2]!);
      if (rule.zh)
        for (const sub of (match[2] ?? '').matchAll(/\(([^)]+)\)/g))
          path.push(String(fromChineseNumber(sub[1]!) ?? sub[1]));
      if (rule.subs) path.push(...subSegments(match[match.length - 1]));
    }
    let end = match.index + match[0].length;
    // Singular only: "articles 15 16 17" lists articles, it names no point.
    if (rule.loose && !/^(?:articles|sections|secs|ss)\b/.test(match[0])) {
      const loose = looseSubPoints(normalized, end, rule.loose, match[match.length - 1] !== '');
      path.push(...loose.segments);
      end = loose.end;
    }
    return { path, typed: true, start: match.index, end };
  }
  return undefined;
}

/** A bare number after the document's name ("GDC 50"), read as `?:50` until the document says what it is. */
export function parseBare(normalized: string): ParsedPlace | undefined {
  const match = BARE.exec(normalized);
  if (!match) return undefined;
  const start = match.index + match[0].indexOf(match[1]!);
  return {
    path: [`?:${match[1]}`, ...subSegments(match[2])],
    typed: false,
    start,
    end: match.index + match[0].length,
  };
}
