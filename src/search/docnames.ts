// THE document-name matcher: finds the documents a text names by their catalog ids, titles and aliases —
// exactly, by an alias, by a prefix while typing, or forgiving a typo. Search steering and the reference
// resolver find names inside questions ("under the AI Act", "NIST says", "china's deep synthesis rules");
// autocomplete, `--doc` and the commands' document options ask what a whole typed value names.
import type { CatalogDocument } from '../corpus/catalog.js';
import { normalizeText, tokenize, tokens } from './text.js';

/** A document name found in a text: which document, and which tokens of the text spell it. */
export interface NamedDoc {
  docId: string;
  /** Token range [start, end) in `tokenize(text)`. */
  start: number;
  end: number;
  /** The tokens that spell the name (a forgiving match may skip words in between). */
  positions: number[];
  /** How sure: 1 for an exact name, lower for a forgiving match. */
  confidence: number;
}

interface Name {
  docId: string;
  tokens: string[];
}

// Words that carry no identity in a name: "the AI plan" should not need "AI" to find "UK AI plan".
const GENERIC = new Set(['ai', 'the', 'of', 'on', 'for', 'and', 'in', 'artificial', 'intelligence']);

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Same word, allowing one typo in words of five letters or more ("hiroshma", "convension"). */
function sameWord(typed: string, name: string): boolean {
  if (typed === name) return true;
  if (typed.length >= 5 && name.length >= 5) return editDistanceAtMost1(typed, name);
  return false;
}

/** The words of a text that can spell a name (the possessive "s" of "America's" left out), with their token index. */
function nameWords(text: string): { words: string[]; at: number[] } {
  const words: string[] = [];
  const at: number[] = [];
  for (const [i, token] of tokenize(text).entries()) {
    if (token === 's') continue;
    words.push(token);
    at.push(i);
  }
  return { words, at };
}

/**
 * A name's tokens with "artificial intelligence" written "ai", or "ai" written out; undefined when the name
 * has neither.
 */
function otherAiSpelling(tokens: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'artificial' && tokens[i + 1] === 'intelligence') {
      out.push('ai');
      i++;
      changed = true;
    } else if (tokens[i] === 'ai') {
      out.push('artificial', 'intelligence');
      changed = true;
    } else out.push(tokens[i]!);
  }
  return changed ? out : undefined;
}

/** Folding for matching what is being typed against names: case, accents and punctuation away. */
const fold = (text: string) =>
  normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

// The words people use for a kind of document (catalog `kind`): "the Trump order", "the 2024 convention".
export const KIND_WORDS: Readonly<Record<string, readonly string[]>> = {
  law: ['law', 'act', 'statute', 'bill'],
  regulation: ['regulation', 'rules', 'measures', 'provisions', 'regs'],
  'executive order': ['order', 'eo'],
  resolution: ['resolution'],
  recommendation: ['recommendation'],
  treaty: ['treaty', 'convention'],
  declaration: ['declaration', 'statement'],
  framework: ['framework'],
  guidelines: ['guidelines', 'guidance'],
  principles: ['principles'],
  'code of conduct': ['code'],
  plan: ['plan'],
  news: ['report', 'article', 'news'],
  policy: ['policy'],
  // The catalog's kind of the NSM; "memo" is WordNet's other word for it ({memo, memorandum}).
  memorandum: ['memorandum', 'memo'],
};
/** Words for a binding text, which people use for one another ("the EU AI law", "california's AI rules"). */
export const BINDING_WORDS = new Set([
  ...KIND_WORDS.law!,
  ...KIND_WORDS.regulation!,
  'acts',
  'laws',
  'regulations',
  'statute',
  'ordinance',
]);

/** Month names, January first (also read by name-words.ts: a date is no name). */
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * A note in the catalog's issuer field on where the copy came from, after a ";" ("web copy by the BRICS
 * Information Centre, University of Toronto", "translation by China Law Translate", "PDF as published by the
 * European Commission"): the names of copy hosts and translators are no names of the document.
 */
const COPY_NOTE = /\b(copy|translation|translated|published)\b/i;

/** The issuer field without its notes on copies (`COPY_NOTE`): who issued the document and how. */
export const issuerOf = (doc: Pick<CatalogDocument, 'issuer'>): string =>
  doc.issuer
    .split(';')
    .filter((part, i) => i === 0 || !COPY_NOTE.test(part))
    .join(';');

/** How a document can be described: its kind's words, its issuer's distinctive words, its year and month. */
interface Description {
  docId: string;
  kind: ReadonlySet<string>;
  issuer: ReadonlySet<string>;
  year: string;
  month: string;
}

function descriptions(docs: readonly CatalogDocument[]): Description[] {
  const kindWords = new Set(Object.values(KIND_WORDS).flat());
  const issuerWords = docs.map(
    (doc) =>
      new Set(
        tokenize(issuerOf(doc)).filter(
          (word) => word.length >= 4 && !/\d/.test(word) && !kindWords.has(word),
        ),
      ),
  );
  // An issuer word names the document only if at most two documents' issuers use it ("trump", "biden").
  const uses = new Map<string, number>();
  for (const words of issuerWords) for (const word of words) uses.set(word, (uses.get(word) ?? 0) + 1);
  return docs.map((doc, i) => ({
    docId: doc.id,
    kind: new Set(KIND_WORDS[doc.kind] ?? []),
    issuer: new Set([...issuerWords[i]!].filter((word) => uses.get(word)! <= 2)),
    year: doc.date.slice(0, 4),
    month: MONTHS[Number(doc.date.slice(5, 7)) - 1] ?? '',
  }));
}

export class DocNameMatcher {
  /** Longest first, each with its tokens joined by spaces (`key`). */
  private readonly names: (Name & { key: string })[];
  private readonly descriptions: Description[];
  /** How many documents of each kind word and year ("order 2025"). */
  private readonly byKindYear = new Map<string, number>();
  private readonly ids: Set<string>;
  /** Per document, in catalog order: the folded names a partial value is matched against. */
  private readonly typed: { docId: string; names: string[]; more: string[] }[];

  constructor(docs: readonly CatalogDocument[]) {
    this.descriptions = descriptions(docs);
    for (const d of this.descriptions)
      for (const kind of d.kind) {
        const key = `${kind} ${d.year}`;
        this.byKindYear.set(key, (this.byKindYear.get(key) ?? 0) + 1);
      }
    this.ids = new Set(docs.map((doc) => doc.id));
    this.typed = docs.map((doc) => ({
      docId: doc.id,
      names: [doc.id, doc.shortTitle, ...doc.aliases].map(fold),
      more: [fold(doc.title), fold(doc.jurisdiction)],
    }));
    const names: Name[] = [];
    const shortened: Name[] = [];
    for (const doc of docs) {
      for (const name of [doc.shortTitle, ...doc.aliases, ...(doc.title.length <= 80 ? [doc.title] : [])]) {
        const tokens = tokenize(name).filter((token) => token !== 's');
        if (tokens.length === 0) continue;
        names.push({ docId: doc.id, tokens });
        // People write "AI" for the catalog's "Artificial Intelligence" and back: "canada's AI and data act" is
        // the Artificial Intelligence and Data Act, not the EU's Data Act inside it.
        const other = otherAiSpelling(tokens);
        if (other) names.push({ docId: doc.id, tokens: other });
        // People leave out the generic words: "Biden executive order" for "Biden AI executive order".
        const short = tokens.filter((token) => !GENERIC.has(token));
        if (short.length >= 2 && short.length < tokens.length)
          shortened.push({ docId: doc.id, tokens: short });
      }
    }
    // A shortened name must keep a word only this document's names use: "action plan" names no one document.
    const owners = new Map<string, Set<string>>();
    for (const name of names)
      for (const token of name.tokens) owners.set(token, (owners.get(token) ?? new Set()).add(name.docId));
    for (const name of shortened)
      if (name.tokens.some((token) => owners.get(token)?.size === 1)) names.push(name);
    const seen = new Set<string>();
    const unique = names.filter((name) => {
      const key = `${name.docId} ${name.tokens.join(' ')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    // Longest names first: "Colorado AI Act" must win over "AI Act".
    // A one-word name used by several documents' names ("NIST") names all of them.
    for (const name of [...unique]) {
      if (name.tokens.length !== 1) continue;
      for (const other of owners.get(name.tokens[0]!) ?? []) {
        if (
          other !== name.docId &&
          !unique.some((n) => n.docId === other && n.tokens.join(' ') === name.tokens[0])
        ) {
          unique.push({ docId: other, tokens: name.tokens });
        }
      }
    }
    this.names = unique
      .sort((a, b) => b.tokens.length - a.tokens.length)
      .map((name) => ({ ...name, key: name.tokens.join(' ') }));
  }

  /** Names spelled exactly (after normalization) in the text, non-overlapping, longest first. */
  findExact(text: string): NamedDoc[] {
    const { words, at } = nameWords(text);
    const taken = new Array<boolean>(words.length).fill(false);
    const found: NamedDoc[] = [];
    const claimed = new Map<number, string>();
    // Most names share no word with the text: they are passed over without looking at each position.
    const present = new Set(words);
    for (const name of this.names) {
      if (!present.has(name.tokens[0]!)) continue;
      const { key } = name;
      for (let i = 0; i + name.tokens.length <= words.length; i++) {
        let ok = true;
        // A span already taken by the very same name (shared by several documents) may be taken again.
        for (let k = 0; k < name.tokens.length && ok; k++)
          ok = (!taken[i + k] || claimed.get(i + k) === key) && words[i + k] === name.tokens[k];
        if (!ok) continue;
        for (let k = 0; k < name.tokens.length; k++) {
          taken[i + k] = true;
          claimed.set(i + k, key);
        }
        const positions = name.tokens.map((_, k) => at[i + k]!);
        found.push({
          docId: name.docId,
          start: positions[0]!,
          end: positions.at(-1)! + 1,
          positions,
          confidence: 1,
        });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /**
   * Documents a text describes without naming them: a word for the document's kind ("order", "convention")
   * with its issuer ("Trump's AI order") or its date ("the January 2025 executive order", "the 2024
   * convention" when only one document of that kind is from that year). The best-described ones; none when
   * nothing is described.
   */
  findDescribed(text: string): string[] {
    const tokens = tokenize(text);
    const words = new Set(tokens);
    let best = 0;
    let found: string[] = [];
    const byKindYear = this.byKindYear;
    for (const d of this.descriptions) {
      const kind = [...d.kind].find((word) => words.has(word));
      if (!kind) continue;
      // The issuer just before the kind's word: "Trump's AI order", "the Biden order".
      const at = tokens.indexOf(kind);
      const issuer = tokens.slice(Math.max(0, at - 4), at).some((word) => d.issuer.has(word));
      const year = words.has(d.year);
      const month = year && words.has(d.month);
      const onlyOfYear = year && byKindYear.get(`${kind} ${d.year}`) === 1;
      const score = (issuer ? 2 : 0) + (month ? 2 : 0) + (onlyOfYear ? 1 : 0);
      if (score === 0 || score < best) continue;
      if (score > best) found = [];
      best = score;
      found.push(d.docId);
    }
    return found;
  }

  /**
   * The document a reference most likely names, forgiving typos, word order and left-out generic words
   * ("UK plan", "hiroshma code"). Exact names win; otherwise the name whose distinctive words are all
   * present, preferring names with more such words. Undefined when nothing fits.
   */
  findBest(text: string): NamedDoc | undefined {
    const exact = this.findExact(text);
    if (exact.length > 0) return exact.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const { words, at } = nameWords(text);
    let best: { doc: NamedDoc; words: number } | undefined;
    for (const name of this.names) {
      const distinctive = name.tokens.filter((token) => !GENERIC.has(token));
      if (distinctive.length === 0) continue;
      const positions: number[] = [];
      for (const word of distinctive) {
        const index = words.findIndex((token, i) => !positions.includes(at[i]!) && sameWord(token, word));
        if (index < 0) break;
        positions.push(at[index]!);
      }
      if (positions.length !== distinctive.length) continue;
      if (best && best.words >= distinctive.length) continue;
      const start = Math.min(...positions);
      const end = Math.max(...positions) + 1;
      best = {
        doc: { docId: name.docId, start, end, positions, confidence: 0.7 },
        words: distinctive.length,
      };
    }
    return best?.doc;
  }

  /**
   * The document a whole typed value names: its id, one of its names exactly, or a name forgiving typos,
   * word order and generic words ("hiroshma code") when nothing else is in the value. Undefined otherwise.
   */
  named(text: string): string | undefined {
    const trimmed = text.trim();
    if (this.ids.has(trimmed)) return trimmed;
    const { words } = nameWords(trimmed);
    if (words.length === 0) return undefined;
    const whole = (found: NamedDoc) =>
      found.positions.length === words.length ||
      words.every((word, i) => found.positions.includes(nameWords(trimmed).at[i]!) || GENERIC.has(word));
    const exact = this.findExact(trimmed).find((found) => found.start === 0 && whole(found));
    if (exact) return exact.docId;
    const best = this.findBest(trimmed);
    if (best && whole(best)) return best.docId;
    return this.head(trimmed);
  }

  /**
   * The one document whose id, short title or alias begins with the typed whole words, as autocomplete
   * would offer it ("Colorado" for "Colorado AI Act"). Undefined when several documents would fit
   * ("EU") or the value is shorter than three letters.
   */
  private head(text: string): string | undefined {
    const key = fold(text);
    if (key.length < 3) return undefined;
    const owners = this.typed.filter(({ names }) => names.some((n) => n === key || n.startsWith(`${key} `)));
    return owners.length === 1 ? owners[0]!.docId : undefined;
  }

  /**
   * The documents whose id, short title or alias is the typed whole words or begins with them, in catalog
   * order ("nist" → NIST AI RMF 1.0 and NIST AI 600-1): the documents a whole typed name may mean.
   */
  startingWith(text: string): string[] {
    const key = fold(text);
    if (key === '') return [];
    return this.typed
      .filter(({ names }) => names.some((n) => n === key || n.startsWith(`${key} `)))
      .map(({ docId }) => docId);
  }

  /** The document whose id or exact name starts the text (longest name wins), and where the rest begins. */
  prefix(text: string): { docId: string; rest: string } | undefined {
    const all = tokens(text);
    const first = all[0];
    if (!first) return undefined;
    if (this.ids.has(first.norm))
      return { docId: first.norm, rest: text.slice(first.start + first.surface.length) };
    const { at } = nameWords(text);
    const found = this.findExact(text).find((name) => name.start === (at[0] ?? -1));
    if (!found) return undefined;
    const last = all[found.end - 1]!;
    return { docId: found.docId, rest: text.slice(last.start + last.surface.length) };
  }

  /** Documents a partial value may mean, for autocomplete: name prefixes first, then names containing it. */
  suggest(partial: string): string[] {
    const key = fold(partial);
    return this.typed
      .map(({ docId, names, more }, index) => {
        const all = [...names, ...more];
        const rank =
          key === '' ? 1 : all.some((n) => n.startsWith(key)) ? 0 : all.some((n) => n.includes(key)) ? 1 : 2;
        return { docId, rank, index };
      })
      .filter((s) => s.rank < 2)
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ docId }) => docId);
  }
}
