// The contract between search and everything that shows results (CLI, Discord). Search never formats.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import type { MissingName } from './missing.js';

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

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  /** Documents the question named ("under the AI Act"), which steered the ranking. */
  namedDocs: string[];
  /** What the question names that Charter does not hold (`missing.ts`); empty when nothing is missing. */
  missing?: MissingName[];
  /** Nothing matches the question well: its hits are the nearest passages, not an answer. */
  weak?: boolean;
  /** With `documentFacets`: the documents of the first hits over all documents, best first, each once. */
  documents?: string[];
}

export type QuoteResponse =
  | { ok: true; reference: string; doc: CatalogDocument; locator: string; passages: Passage[] }
  | { ok: false; reference: string; message: string; suggestions: string[] };
