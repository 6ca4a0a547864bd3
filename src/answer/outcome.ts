// What an answer came to: one complete, typed outcome per request, for every front end (Discord, the CLI,
// any later one). Outcomes carry facts, never sentences: src/answer/wording.ts turns them into words, and
// the front ends only render. The kinds:
//   quoted     a place quoted word for word (a reference, a place id)
//   found      passages on a question (perhaps after a reference that named no place: `unquoted`)
//   missing    the question names something Charter does not hold; the nearest passages in what it has
//   weak       nothing matches well; the nearest passages, which are not an answer
//   ambiguous  which document, or which part of a document, is meant: suggestions
//   not-found  no passage, no such place or document: a structured reason and suggestions
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import type { KnownFacts } from '../search/instruments.js';
import type { MissingName, QuoteNote, ReferenceFailure, SearchHit } from '../search/types.js';

/** One place in one language. */
export interface QuotedPlace {
  doc: CatalogDocument;
  locator: string;
  passages: Passage[];
}

export interface Quoted extends QuotedPlace {
  kind: 'quoted';
  /** The place asked is deeper than the passages: the one shown holds it (wording.ts quotedNote says so). */
  note?: QuoteNote;
  /** With `lang: both`: the same place in the other language (the authentic Chinese text comes first). */
  alongside?: QuotedPlace;
  /**
   * A reference written in Chinese ("深度合成 第十七条") to a document Charter holds only in English: the quote is
   * the translation, and quotedNote says the Chinese text is not held, so it is not taken for the original.
   */
  untranslated?: true;
}

/** A page of passages on a question. */
export interface PassagePage {
  query: string;
  /** Distinct hits, at most the limit asked for, each passage once. */
  hits: SearchHit[];
  /** How many were skipped (paging). */
  offset: number;
  /** Whether more hits follow these. */
  more: boolean;
  /** Only these documents were searched. */
  scope: readonly CatalogDocument[];
  /** With facets: the documents with passages on the question, best first. */
  documents?: string[];
  /** Fewer hits than the limit asked for, and why (`charter ask --limit 5` showing 3 says so). */
  shortfall?: Shortfall;
}

/**
 * Why a page holds fewer hits than asked for: `exhausted`, every passage of the documents searched that
 * matches the question is shown (search had no more); `folded`, how many further matches were parts of a
 * hit already shown (each passage once per answer, ask.ts foldNested).
 */
export interface Shortfall {
  asked: number;
  shown: number;
  exhausted: boolean;
  folded: number;
}

export interface Found extends PassagePage {
  kind: 'found';
  /** The question read as a reference that named no place: why; the passages only share its words. */
  unquoted?: Ambiguous | NotFound;
}

export interface Missing extends PassagePage {
  kind: 'missing';
  /** What the question names that Charter does not hold, in the asker's words. */
  missing: MissingName[];
  unquoted?: Ambiguous | NotFound;
}

export interface Weak extends PassagePage {
  kind: 'weak';
}

/** Why a reference quoted nothing: the resolver's reasons, and the quote's own. */
export type Unresolved =
  | ReferenceFailure
  /** The place exists but has no text. */
  | { reason: 'no-text' }
  /** The document has no text in the language asked for. */
  | { reason: 'no-language'; doc: CatalogDocument; lang: 'zh' | 'en' }
  /** The other language's text has no place at the quoted one's path. */
  | { reason: 'no-counterpart'; doc: CatalogDocument; other: CatalogDocument; locator: string };

/** Which of several things is meant. */
export type Ambiguity = Extract<ReferenceFailure, { reason: 'which-document' | 'which-part' }>;

export interface Ambiguous {
  kind: 'ambiguous';
  /** What was typed. */
  reference: string;
  why: Ambiguity;
  /** Places it may mean, each with its document ("AI Act Recital 71"). */
  suggestions: string[];
}

/** Why nothing was found. */
export type NotFoundReason =
  /** No passage matches the question (in the documents searched). */
  | { reason: 'no-match'; query: string; scope: readonly CatalogDocument[]; missing: MissingName[] }
  /** Paging past the last result. */
  | { reason: 'no-more'; query: string }
  /**
   * A document name that names none (an option, `--doc`, `sources NAME`); `known` when it names an
   * instrument Charter knows of but does not hold (corpus/instruments.json).
   */
  | { reason: 'no-such-document'; typed: string; known?: KnownFacts }
  /** A document name that is, or begins, the names of several held documents ("nist"): which one. */
  | { reason: 'which-named-document'; typed: string; docs: readonly CatalogDocument[] }
  /** /compare given fewer distinct documents than it compares, or more. */
  | { reason: 'document-count'; given: number; min: number; max: number }
  /** A reference that named no place. */
  | (Exclude<Unresolved, Ambiguity> & { reference: string });

export interface NotFound {
  kind: 'not-found';
  why: NotFoundReason;
  /** What was probably meant: references with their document ("AI Act Art. 99"). */
  suggestions: string[];
}

export type QuoteOutcome = Quoted | Ambiguous | NotFound;
export type AskOutcome = Quoted | Found | Missing | Weak | Ambiguous | NotFound;

/** /compare and `charter compare`: each document's best passage on the topic, or none. */
export interface Compared {
  kind: 'compared';
  topic: string;
  rows: { doc: CatalogDocument; hit?: SearchHit }[];
}
export type CompareOutcome = Compared | NotFound;

/** One row of `charter sources` / `/sources`: facts about a document and how many passages it has. */
export interface SourceRow {
  id: string;
  shortTitle: string;
  issuer: string;
  date: string;
  status: string;
  kind: string;
  jurisdiction: string;
  /** null when the document is not synced. */
  passages: number | null;
  url: string | null;
  /** What of the copy Charter does not quote, and why (catalog `notes`). */
  notes?: string;
  /** Added to this deployment with `charter add` (kept in the data directory, not the repository). */
  addedLocally?: true;
}

/** /sources and `charter sources`: the catalog, or one document. */
export type SourcesOutcome =
  | { kind: 'catalog'; rows: SourceRow[] }
  | { kind: 'document'; doc: CatalogDocument; passages: readonly Passage[] }
  | NotFound;

export type Outcome = AskOutcome | CompareOutcome | SourcesOutcome;

/** A reference failure as an outcome: asking which is meant, or saying there is no such place. */
export function unresolvedOutcome(
  reference: string,
  failure: Unresolved,
  suggestions: string[],
): Ambiguous | NotFound {
  if (failure.reason === 'which-document' || failure.reason === 'which-part')
    return { kind: 'ambiguous', reference, why: failure, suggestions };
  return { kind: 'not-found', why: { ...failure, reference }, suggestions };
}
