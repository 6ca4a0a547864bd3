// Reference resolution: "AI Act Art. 5(1)(c)", "EO 14110 sec 4.2", "GDC paragraph 50" → the passages of
// exactly that place, in order. The document is found by its catalog names (forgiving typos); the place is
// parsed into a canonical path prefix (see RefPath in corpus/types.ts) and matched against passage paths.
import type { CatalogDocument } from '../corpus/catalog.js';
import { formatLocator, segmentType, segmentValue, toRoman, UNIT_NAMES } from '../corpus/citation.js';
import { fromChineseNumber } from '../corpus/citation-zh.js';
import type { Passage, RefPath } from '../corpus/types.js';
import { DocNameMatcher, type NamedDoc } from './docnames.js';
import { normalizeText, STOP_WORDS, tokenize, tokens } from './text.js';
import { findJurisdictions } from './thesaurus.js';
import type { QuoteNote, QuoteResponse, ReferenceFailure } from './types.js';

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
      String.raw`\bannex\s+([ivxlc]+|\d+)\b(?:\s*,?\s*(?:point|pt\.?|no\.?)\s*(\d+(?:\.\d+)*))?${SUBS}`,
    ),
    type: () => 'annex',
  },
  {
    subs: true,
    pattern: new RegExp(String.raw`\b(?:articles?|arts?\.?)\s*(\d+[a-z]?)\b${SUBS}`),
    type: () => 'art',
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
function blank(text: string, start: number, end: number): string {
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

function normalizeReference(reference: string): string {
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
      if (type === 'annex' && match[2]) path.push(match[2]);
      path.push(...subSegments(type === 'annex' ? match[3] : undefined));
    } else {
      path.push(`${type}:${value}`);
      if (type === 'actor') path.push(match[2]!);
      if (rule.zh)
        for (const sub of (match[2] ?? '').matchAll(/\(([^)]+)\)/g))
          path.push(String(fromChineseNumber(sub[1]!) ?? sub[1]));
      if (rule.subs) path.push(...subSegments(match[match.length - 1]));
    }
    return { path, typed: true, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

function parseBare(normalized: string): ParsedPlace | undefined {
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

/** What a bare number means in each citation style. */
const BARE_TYPES: Record<string, string[]> = {
  'eu-act': ['art'],
  articles: ['art'],
  'us-eo': ['sec'],
  'un-resolution': ['para'],
  numbered: ['item', 'action', 'rec'],
  'nist-core': ['sec'],
  sections: ['sec'],
  'us-statute': ['sec', 'billsec'],
  report: ['p', 'rec'],
  'ca-act': ['sec'],
  'cn-articles': ['art'],
  'cn-sections': ['sec'],
  ilcs: ['sec'],
};

/** Other keys the same kind of unit may carry in a document's paths. */
const EQUIVALENT_TYPES: Record<string, string[]> = {
  item: ['item', 'action', 'rec'],
  rec: ['rec', 'item'],
  sec: ['sec', 'billsec', 'art'],
  para: ['para', 'pp'],
  art: ['art', 'sec'],
};

// Words a person adds around a reference without asking anything more: "quote", "show me", "what does … say".
const FILLER = new Set([
  'quote',
  'show',
  'text',
  'full',
  'cite',
  'read',
  'give',
  'open',
  'wording',
  'exact',
  'verbatim',
  'point',
  'pt',
  'no',
  'number',
]);

export interface ParsedReference {
  doc?: CatalogDocument;
  place?: ParsedPlace;
  /** A word before a number that is no unit word ("reciatl 27"), and the place it probably misspells. */
  misread?: { typed: string; reading?: ParsedPlace };
  /** Content words left over after the document name and the place: a question, not a reference. */
  leftover: string[];
}

const typeOfSegment = segmentType;
const valueOfSegment = segmentValue;

/** True when `path` contains `wanted` as a run of segments starting at a typed segment. */
function locate(path: RefPath, wanted: readonly string[]): boolean {
  for (let start = 0; start + wanted.length <= path.length; start++) {
    if (wanted.every((segment, k) => path[start + k] === segment)) return true;
  }
  return false;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * The words that name each kind of unit (what RULES read), to tell a misspelled one ("Reciatl", "Anex",
 * "Secton"): a bare number after a word that is none of them is never read as the style's default unit.
 */
const UNIT_WORDS: Record<string, string[]> = {
  art: ['article'],
  recital: ['recital'],
  annex: ['annex'],
  sec: ['section'],
  para: ['paragraph', 'para'],
  pp: ['preambular'],
  chapter: ['chapter'],
  part: ['part'],
  p: ['page'],
  rec: ['recommendation'],
  item: ['action', 'principle', 'item'],
};

// A word, then a number ("reciatl 27", "secton 4.2") or a Roman numeral apart from it ("anex vii").
const WORD_THEN_NUMBER = /(?<![\p{L}\d])(\p{L}+)\.?(?:\s*(\d+(?:[.-]\d+)*)|\s+([ivxlc]{1,6})(?![\p{L}\d]))/gu;

/** The unit word a misspelled one is closest to, among `types`: at most 2 edits, and fewer than half its letters. */
function nearestUnitWord(word: string, types: ReadonlySet<string>): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const [type, words] of Object.entries(UNIT_WORDS)) {
    if (!types.has(type)) continue;
    for (const unit of words) {
      const distance = editDistance(word, unit);
      if (distance <= 2 && distance * 2 < word.length && (!best || distance < best.distance))
        best = { word: unit, distance };
    }
  }
  return best?.word;
}

/**
 * The labels a passage's text gives its points: "3.2." or "1." opening a line, "(a)", "(ii)", "（一）" (read
 * as 1), so a sub-point can be found inside the passage that holds it.
 */
function labelsIn(text: string): Set<string> {
  const labels = new Set<string>();
  const normalized = normalizeText(text);
  for (const m of normalized.matchAll(/(?:^|\n)\s*(\d+(?:\.\d+)*)\.?(?=\s)|\(([^()\s]{1,5})\)/g)) {
    const label = (m[1] ?? m[2])!;
    labels.add(label);
    const zh = fromChineseNumber(label);
    if (zh !== undefined) labels.add(String(zh));
  }
  return labels;
}

/** Whether a passage's text opens with the label ("3.2. The quality …", "(a) the name …"). */
function opensWith(text: string, label: string): boolean {
  const start = normalizeText(text.slice(0, 40)).trimStart();
  return start.startsWith(`${label}.`) || start.startsWith(`${label} `) || start.startsWith(`(${label})`);
}

export class ReferenceResolver {
  private readonly docs: Map<string, CatalogDocument>;
  private readonly names: DocNameMatcher;
  private readonly byDoc = new Map<string, Passage[]>();
  /** The unit types each document's paths use, worked out on first use. */
  private readonly types = new Map<string, Set<string>>();

  constructor(docs: readonly CatalogDocument[], passages: readonly Passage[]) {
    this.docs = new Map(docs.map((doc) => [doc.id, doc]));
    this.names = new DocNameMatcher(docs);
    for (const passage of passages) {
      const list = this.byDoc.get(passage.docId) ?? [];
      list.push(passage);
      this.byDoc.set(passage.docId, list);
    }
    for (const list of this.byDoc.values()) list.sort((a, b) => a.seq - b.seq);
  }

  /** Splits a reference into document, place and leftover words, without checking the place exists. */
  parse(reference: string): ParsedReference {
    const text = normalizeReference(reference);
    let place = parsePlace(text);
    let rest = place ? blank(text, place.start, place.end) : text;
    const named =
      this.preferDocWithPlace(this.names.findExact(rest), place) ??
      this.names.findBest(rest) ??
      this.onlyDocOfPlace(rest);
    const doc = named ? this.docs.get(named.docId) : undefined;
    if (named) {
      const spelled = tokens(rest);
      for (const i of named.positions)
        rest = blank(rest, spelled[i]!.start, spelled[i]!.start + spelled[i]!.surface.length);
    }
    let misread: ParsedReference['misread'];
    if (!place && doc) {
      place = parseBare(rest);
      misread = this.misreadUnit(rest, doc, place, reference);
      if (place) rest = blank(rest, place.start, place.end);
    }
    const leftover = tokenize(rest).filter((token) => !STOP_WORDS.has(token) && !FILLER.has(token));
    return { doc, place, leftover, ...(misread ? { misread } : {}) };
  }

  /**
   * A word before a number that names no unit ("Reciatl 27 AI Act"): with the place it probably misspells
   * (the nearest unit word of the document's units), or none; undefined when the word misspells no unit
   * word and does not stand right before the bare number read (a filler such as "quote" is no unit word).
   */
  private misreadUnit(
    rest: string,
    doc: CatalogDocument,
    bare: ParsedPlace | undefined,
    reference: string,
  ): ParsedReference['misread'] {
    const types = new Set<string>();
    for (const type of this.typesOf(doc.id))
      for (const [kind, equivalents] of Object.entries(EQUIVALENT_TYPES))
        if (equivalents.includes(type)) types.add(kind);
    for (const type of this.typesOf(doc.id)) types.add(type);
    const original = reference.slice(0, 300);
    const sameOffsets = original.length === rest.length;
    for (const m of rest.matchAll(WORD_THEN_NUMBER)) {
      const word = m[1]!;
      if (STOP_WORDS.has(word) || FILLER.has(word)) continue;
      const numberAt = m.index + m[0].length - (m[2] ?? m[3])!.length;
      const typed = (sameOffsets ? original : rest).slice(m.index, m.index + m[0].length).trim();
      const unit = nearestUnitWord(word, types);
      if (unit) {
        const corrected = rest.slice(0, m.index) + rest.slice(m.index).replace(word, unit);
        const reading = parsePlace(corrected);
        if (reading?.start === m.index) return { typed, reading };
      }
      if (bare && numberAt === bare.start) return { typed };
    }
    return undefined;
  }

  /** Of the longest names found, the one whose document has the place ("NIST GOVERN 1.1" names two documents). */
  private preferDocWithPlace(found: NamedDoc[], place: ParsedPlace | undefined): NamedDoc | undefined {
    if (found.length === 0) return undefined;
    const longest = Math.max(...found.map((name) => name.positions.length));
    const candidates = found.filter((name) => name.positions.length === longest);
    if (place) {
      const owners = new Set(this.docsWithPlace(place.path).map((doc) => doc.id));
      const withPlace = candidates.find((name) => owners.has(name.docId));
      if (withPlace) return withPlace;
    }
    return candidates[0];
  }

  /** "colorado § 6-1-1704": a place with a single document stands for it. */
  private onlyDocOfPlace(text: string): NamedDoc | undefined {
    const words = tokenize(text);
    const { jurisdictions, positions } = findJurisdictions(words, new Set());
    if (jurisdictions.length !== 1) return undefined;
    const code = jurisdictions[0]!.toLowerCase();
    const docs = [...this.docs.values()].filter((doc) => doc.jurisdiction.toLowerCase() === code);
    if (docs.length !== 1) return undefined;
    return {
      docId: docs[0]!.id,
      start: Math.min(...positions),
      end: Math.max(...positions) + 1,
      positions,
      confidence: 0.6,
    };
  }

  /** Whether a message is a reference to quote rather than a question to search ("article 5 ai act"). */
  looksLikeReference(message: string): boolean {
    const parsed = this.parse(message);
    if (!parsed.place || parsed.leftover.length > 0) return false;
    if (parsed.doc) return true;
    const type = typeOfSegment(parsed.place.path[0]!);
    return parsed.place.typed && [...this.docs.values()].some((doc) => this.typesOf(doc.id).has(type));
  }

  resolve(reference: string): QuoteResponse {
    const parsed = this.parse(reference);
    const { place } = parsed;
    let doc = parsed.doc;
    // Words left over that name no document ("GDPR Recital 12"): never answer from another document.
    if (!doc && place && parsed.leftover.length > 0) {
      return this.fail(
        reference,
        { reason: 'unknown-document', words: parsed.leftover.join(' ') },
        this.placesIn(this.docsWithPlace(place.path), place.path, reference),
      );
    }
    if (!doc && place?.typed) {
      const owners = this.docsWithPlace(place.path);
      const withType = [...this.docs.values()].filter((d) =>
        this.typesOf(d.id).has(typeOfSegment(place.path[0]!)),
      );
      if (owners.length === 1) doc = owners[0];
      // "Recital 500": no document has it, but only one has recitals at all.
      else if (owners.length === 0 && withType.length === 1)
        return this.notFound(reference, withType[0]!, place.path);
      else
        return this.fail(
          reference,
          { reason: 'which-document' },
          this.placesIn(owners, place.path, reference),
        );
    }
    if (!doc) {
      return this.fail(reference, { reason: 'no-document' }, []);
    }
    // "Reciatl 27": never quoted as Art. 27; refused, with the reading it probably meant.
    if (parsed.misread) return this.misread(reference, doc, parsed.misread);
    if (!place) {
      return this.fail(
        reference,
        { reason: 'which-part', doc, examples: this.examples(doc, 3) },
        this.examples(doc, 3).map((locator) => `${doc.shortTitle} ${locator}`),
      );
    }
    const passages = this.byDoc.get(doc.id) ?? [];
    const candidates = this.candidatePaths(doc, place.path);
    for (const path of candidates) {
      const found = passages.filter((passage) => locate(passage.path, path));
      if (found.length > 0)
        return { ok: true, reference, doc, locator: this.locatorOf(doc, path, found), passages: found };
    }
    // Deeper than the passages go ("Annex VII, point 3.2", "Art. 6(1)(a)" in a paragraph kept whole): the
    // passage that opens with the sub-point, or else holds it, with a note saying it is not a passage of its
    // own; no passage of the unit has it, no such point.
    for (const path of candidates) {
      for (let length = path.length - 1; length >= 1; length--) {
        const parent = path.slice(0, length);
        const found = passages.filter((passage) => locate(passage.path, parent));
        if (found.length === 0) continue;
        const holding = this.holding(doc, found, path.slice(length), length);
        // A passage of the sub-point itself under another parent (['annex:vii', '3', '3.2']) needs no note.
        if (holding && holding.passages[0]?.path.at(-1) === path.at(-1))
          return { ok: true, reference, doc, locator: holding.locator, passages: holding.passages };
        if (holding)
          return { ok: true, reference, doc, ...holding, note: this.containing(doc, path, holding.locator) };
        return this.fail(
          reference,
          { reason: 'no-such-point', doc, within: this.format(doc, parent), asked: this.format(doc, path) },
          this.childSuggestions(doc, found, parent, path),
        );
      }
    }
    return this.notFound(reference, doc, candidates[0] ?? place.path);
  }

  /**
   * The place a question names anywhere in it ("does GDPR article 22 mean …", "gdpr art 35 when do u need a
   * DPIA", "s. 15(a) BIPA", "section 3.3 of the NSM"), with its passages in document order: the place written
   * as a unit ("article 22", "s. 15(a)") in a document the question names exactly (no fuzzy names in a long
   * question), or in the one document among `among` that has it. Undefined when the question names no place,
   * or names it in no document that has it.
   */
  placeInQuestion(
    question: string,
    among?: ReadonlySet<string>,
  ): { doc: CatalogDocument; passages: Passage[] } | undefined {
    const text = normalizeReference(question);
    const place = parsePlace(text);
    if (!place) return undefined;
    const rest = blank(text, place.start, place.end);
    const named = [...new Set(this.names.findExact(rest).map((name) => name.docId))];
    const pool = named.length > 0 ? named : [...(among ?? [])];
    const found: { doc: CatalogDocument; passages: Passage[] }[] = [];
    for (const id of pool) {
      const doc = this.docs.get(id);
      const passages = doc && this.passagesAt(doc, place.path);
      if (doc && passages) found.push({ doc, passages });
    }
    // Several named documents with the place ("article 5 of the AI Act and the GDPR"): the first named.
    return named.length > 0 || found.length === 1 ? found[0] : undefined;
  }

  /**
   * The passage that holds sub-points `below` a place the document splits no further: the one that opens
   * with the last of them ("3.2. The quality …"), or else the first whose text labels them all.
   */
  private holding(
    doc: CatalogDocument,
    found: readonly Passage[],
    below: readonly string[],
    depth: number,
  ): { locator: string; passages: Passage[] } | undefined {
    const last = valueOfSegment(below.at(-1)!);
    // Only passages on the way to the sub-point: below the parent, each segment is one asked, a dotted
    // point's own point ('3' for '3.2'), or a typed one (a subparagraph); never Art. 5(2)(a) for Art. 5(1)(a).
    const dotted = last.includes('.') ? last.slice(0, last.lastIndexOf('.')) : undefined;
    const onTheWay = found.filter((passage) =>
      passage.path
        .slice(depth)
        .every((segment, i) => segment === below[i] || segment === dotted || typeOfSegment(segment) !== ''),
    );
    const shown =
      onTheWay.find((passage) => opensWith(passage.text, last)) ??
      onTheWay.find((passage) => {
        const labels = labelsIn(passage.text);
        return below.every((segment) => labels.has(valueOfSegment(segment)));
      });
    if (!shown) return undefined;
    // The passage with the points split below it ("(a)" … under the sub-point it opens with).
    const passages = found.filter(
      (passage) =>
        passage === shown ||
        (passage.path.length > shown.path.length && shown.path.every((s, i) => passage.path[i] === s)),
    );
    return { locator: this.locatorOf(doc, shown.path, [shown]), passages };
  }

  private containing(doc: CatalogDocument, asked: readonly string[], shown: string): QuoteNote {
    return { reason: 'containing', asked: this.format(doc, asked), shown };
  }

  private misread(
    reference: string,
    doc: CatalogDocument,
    misread: NonNullable<ParsedReference['misread']>,
  ): QuoteResponse {
    // The units cited by number ('h', a headed section, is not).
    const units = [...this.typesOf(doc.id)]
      .filter((type) => type !== 'h')
      .map((type) => UNIT_NAMES[type]?.range)
      .filter((name): name is string => !!name);
    const reading = misread.reading && this.format(doc, misread.reading.path);
    return this.fail(
      reference,
      { reason: 'unknown-unit', doc, typed: misread.typed, units, ...(reading ? { reading } : {}) },
      reading ? [`${doc.shortTitle} ${reading}`] : this.examples(doc, 3).map((l) => `${doc.shortTitle} ${l}`),
    );
  }

  /** The passages of a place in one document, or of the unit that holds it when not split that far. */
  private passagesAt(doc: CatalogDocument, path: readonly string[]): Passage[] | undefined {
    const passages = this.byDoc.get(doc.id) ?? [];
    const candidates = this.candidatePaths(doc, path);
    for (const candidate of candidates) {
      const found = passages.filter((passage) => locate(passage.path, candidate));
      if (found.length > 0) return found;
    }
    // Asked below what the document splits ("Art. 6(1)(a)" in a unit kept whole): the unit that holds it.
    for (const candidate of candidates)
      for (let length = candidate.length - 1; length >= 1; length--) {
        const found = passages.filter((passage) => locate(passage.path, candidate.slice(0, length)));
        if (found.length > 0 && found.every((passage) => passage.path.length <= length)) return found;
      }
    return undefined;
  }

  /** The paths a parsed place may take in this document, most likely first. */
  private candidatePaths(doc: CatalogDocument, path: readonly string[]): string[][] {
    const head = path[0]!;
    const type = typeOfSegment(head);
    const value = valueOfSegment(head);
    const present = this.typesOf(doc.id);
    const types = type === '?' ? (BARE_TYPES[doc.citation.style] ?? []) : (EQUIVALENT_TYPES[type] ?? [type]);
    const ordered = [...types.filter((t) => present.has(t)), ...types.filter((t) => !present.has(t))];
    return ordered.map((t) => [`${t}:${value}`, ...path.slice(1)]);
  }

  private typesOf(docId: string): Set<string> {
    const cached = this.types.get(docId);
    if (cached) return cached;
    const types = new Set<string>();
    for (const passage of this.byDoc.get(docId) ?? [])
      for (const segment of passage.path) types.add(typeOfSegment(segment));
    this.types.set(docId, types);
    return types;
  }

  /** Documents that have this place ("Recital 27": only the AI Act). */
  private docsWithPlace(path: readonly string[]): CatalogDocument[] {
    return [...this.docs.values()].filter((doc) => {
      const passages = this.byDoc.get(doc.id) ?? [];
      return this.candidatePaths(doc, path).some((candidate) =>
        passages.some((passage) => locate(passage.path, candidate)),
      );
    });
  }

  /**
   * The place in each document, named in that document's own units (AIDA "s. 7", not "Art. 7"); for a
   * reference written in Chinese (第七条), the Chinese documents first, then the other Chinese ones'.
   */
  private placesIn(docs: readonly CatalogDocument[], path: readonly string[], reference: string): string[] {
    const rank = (doc: CatalogDocument) =>
      !/\p{Script=Han}/u.test(reference) ? 0 : doc.language === 'zh' ? 0 : doc.jurisdiction === 'CN' ? 1 : 2;
    return [...docs]
      .sort((a, b) => rank(a) - rank(b))
      .map((doc) => {
        const passages = this.byDoc.get(doc.id) ?? [];
        const own = this.candidatePaths(doc, path).find((candidate) =>
          passages.some((passage) => locate(passage.path, candidate)),
        );
        return `${doc.shortTitle} ${this.format(doc, own ?? path)}`;
      });
  }

  private format(doc: CatalogDocument, path: readonly string[]): string {
    const clean = path.map((segment) =>
      segment.startsWith('?:')
        ? `${BARE_TYPES[doc.citation.style]?.[0] ?? 'sec'}:${segment.slice(2)}`
        : segment,
    );
    return formatLocator(doc.citation.style, clean, { unitLabel: doc.citation.unitLabel });
  }

  private locatorOf(doc: CatalogDocument, path: readonly string[], found: Passage[]): string {
    const first = found[0]!;
    if (found.every((passage) => passage.locator === first.locator)) return first.locator;
    const heading = first.headingPath.at(-1);
    return formatLocator(doc.citation.style, path, {
      unitLabel: doc.citation.unitLabel,
      ...(heading ? { heading } : {}),
    });
  }

  /** The AI Act has Articles 1–113, and Art. 50 is the closest to what was asked. */
  private notFound(reference: string, doc: CatalogDocument, path: readonly string[]): QuoteResponse {
    const type = typeOfSegment(path[0]!);
    const value = valueOfSegment(path[0]!);
    const values: string[] = [];
    for (const passage of this.byDoc.get(doc.id) ?? []) {
      const segment = passage.path.find((s) => typeOfSegment(s) === type);
      if (segment && !values.includes(valueOfSegment(segment))) values.push(valueOfSegment(segment));
    }
    if (values.length === 0) {
      return this.fail(
        reference,
        { reason: 'not-cited-that-way', doc, examples: this.examples(doc, 3) },
        this.examples(doc, 3).map((locator) => `${doc.shortTitle} ${locator}`),
      );
    }
    const closest = [...values]
      .sort(
        (a, b) =>
          editDistance(value, a) - editDistance(value, b) ||
          Math.abs(Number(a) - Number(value)) - Math.abs(Number(b) - Number(value)),
      )
      .slice(0, 3);
    const numeric = values.every((v) => /^\d+$/.test(v));
    const range = numeric
      ? `${values[0]}–${values.at(-1)}`
      : values.slice(0, 6).join(', ') + (values.length > 6 ? ', …' : '');
    const unitName =
      type === 'item' ? `${doc.citation.unitLabel ?? 'Item'}s` : (UNIT_NAMES[type]?.range ?? `${type} units`);
    const suggestions = closest.map((v) => `${doc.shortTitle} ${this.format(doc, [`${type}:${v}`])}`);
    const suggestion = this.format(doc, [`${type}:${closest[0]}`]);
    return this.fail(
      reference,
      { reason: 'no-such-unit', doc, units: unitName, range, suggestion },
      suggestions,
    );
  }

  private childSuggestions(
    doc: CatalogDocument,
    found: Passage[],
    parent: readonly string[],
    asked: readonly string[],
  ): string[] {
    const children = [...new Set(found.map((p) => p.path.slice(0, parent.length + 1).join('/')))].map((key) =>
      key.split('/'),
    );
    const last = asked[parent.length] ?? '';
    return children
      .sort((a, b) => editDistance(last, a.at(-1)!) - editDistance(last, b.at(-1)!))
      .slice(0, 3)
      .map((path) => `${doc.shortTitle} ${this.format(doc, path)}`);
  }

  /** The document's first top-level places (locators). */
  private examples(doc: CatalogDocument, count: number): string[] {
    const seen: string[] = [];
    for (const passage of this.byDoc.get(doc.id) ?? []) {
      const unit = passage.path.slice(0, 1);
      const text = this.format(doc, unit);
      if (!seen.includes(text)) seen.push(text);
      if (seen.length >= count) break;
    }
    return seen;
  }

  private fail(reference: string, failure: ReferenceFailure, suggestions: string[]): QuoteResponse {
    return { ok: false, reference, failure, suggestions };
  }
}
