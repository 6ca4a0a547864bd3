// The contract between search and everything that shows results (CLI, Discord). Search never formats.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import type { MissingName } from './missing.js';
import type { Topicality } from './offtopic.js';

export type { MissingName } from './missing.js';

export interface SearchOptions {
  /** Only these document ids. */
  docs?: string[];
  /** Only documents of these jurisdictions (catalog `jurisdiction`, case-insensitive). */
  jurisdictions?: string[];
  /** How many hits (after merging adjacent passages). Default 5. */
  limit?: number;
  /** Skip this many hits (for "More"). */
  offset?: number;
  /**
   * A facet: also list, in `SearchResponse.documents`, the documents of the first this-many hits over ALL
   * documents (ignoring `docs`, `jurisdictions` and `offset`) — what narrowing to one document can offer —
   * without a second search.
   */
  documentFacets?: number;
}

export interface SearchHit {
  /** The passages shown together: usually one; adjacent passages of one unit merged for display. */
  passages: Passage[];
  score: number;
  /** Terms of the question as they occur in the text, for highlighting. */
  terms: string[];
}

/**
 * What a search measured about its own hits. Search reports; the answer core decides whether an answer is
 * weak or missing (src/answer/judge.ts).
 */
export interface SearchEvidence {
  /** Whether the question had any word to search for (false: nothing was searched, there are no hits). */
  searched: boolean;
  /** Documents the question names, in order, including any outside the documents searched. */
  named: string[];
  /** The question asks when something applies: answered by an entry into force, not by its own words. */
  asksWhen: boolean;
  /** How many of the best hits (at most `EVIDENCE_DEPTH`, from the first, whatever the offset) were weighed. */
  considered: number;
  /**
   * The largest share (0–1) of the question's own words, weighted by rarity, that one of those hits holds;
   * 0 when nothing was searched or found; null when the question has no typed word to weigh.
   */
  coverage: number | null;
  /** Jurisdictions the question names that Charter holds documents of ("US-IL" for "Illinois", "EU"). */
  places?: string[];
  /** How governance-specific the question's words are (offtopic.ts): what tells an off-topic message. */
  topicality?: Topicality;
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  /** Documents the question named ("under the AI Act"), which steered the ranking. */
  namedDocs: string[];
  /** What the question names that Charter does not hold (`missing.ts`); empty when nothing is missing. */
  missing?: MissingName[];
  /** How well the hits hold the question, for the answer core to judge (src/answer/judge.ts). */
  evidence?: SearchEvidence;
  /** With `documentFacets`: the documents of the first hits over all documents, best first, each once. */
  documents?: string[];
}

/**
 * Why a typed reference names no place, as facts (never a sentence: src/answer/wording.ts words them).
 * Locators are in the document's own citation style ("Art. 99", "s. 7").
 */
export type ReferenceFailure =
  /** Words left over name no document ("GDPR Recital 12" with no GDPR): `words` are those words. */
  | { reason: 'unknown-document'; words: string }
  /** A place several documents (or none) have, and no document named ("Recital 71"). */
  | { reason: 'which-document' }
  /** Neither a document nor a place could be read. */
  | { reason: 'no-document' }
  /** A document and no place ("the AI Act please"): its first top-level places, as examples. */
  | { reason: 'which-part'; doc: CatalogDocument; examples: string[] }
  /** No such unit: the units it has (`units` "Articles", `range` "1–113") and the closest one. */
  | { reason: 'no-such-unit'; doc: CatalogDocument; units: string; range: string; suggestion: string }
  /** The document has no unit of that type at all ("Recital 3" of an executive order). */
  | { reason: 'not-cited-that-way'; doc: CatalogDocument; examples: string[] }
  /** The unit exists but has no such point: `within` has no `asked`. */
  | { reason: 'no-such-point'; doc: CatalogDocument; within: string; asked: string }
  /**
   * The word before the number is no unit word of the document ("Reciatl 27"): `typed` as written, `units`
   * the units it has ("Articles"), `reading` the unit it is probably a misspelling of ("Recital 27"), if any.
   * Refused rather than read: a bare number would otherwise be quoted as an article.
   */
  | { reason: 'unknown-unit'; doc: CatalogDocument; typed: string; units: string[]; reading?: string }
  /** The reference names catalog documents this installation has not synced yet (their short titles). */
  | { reason: 'not-synced'; titles: string[] };

/**
 * Why a quote shows a place other than exactly the one asked for, said with it: the place asked is deeper
 * than the passages ("Annex VII, point 3.2"), so the passage that holds it is `shown`; or words of the
 * reference after the place were not read as any place ("Art. 5(1), second subparagraph": `words`), so
 * the whole of the place read, `shown`, is quoted — never a wider place silently.
 */
export type QuoteNote =
  | { reason: 'containing'; asked: string; shown: string }
  | { reason: 'unread'; words: string; shown: string };

export type QuoteResponse =
  | {
      ok: true;
      reference: string;
      doc: CatalogDocument;
      locator: string;
      passages: Passage[];
      note?: QuoteNote;
    }
  | { ok: false; reference: string; failure: ReferenceFailure; suggestions: string[] };
