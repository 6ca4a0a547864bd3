// What the commands need from the rest of Charter. The lead wires the real search index behind this;
// tests use fixture passages and a fake.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { LinkTable } from '../corpus/links.js';
import type { Passage } from '../corpus/types.js';
import type { MissingName, QuoteResponse, SearchOptions, SearchResponse } from '../search/types.js';

export interface Services {
  catalog: readonly CatalogDocument[];
  search(query: string, options?: SearchOptions): SearchResponse | Promise<SearchResponse>;
  /** Resolves a typed reference ("Art. 5(1)(c) AI Act", "article 5 ai act") to the passages it names. */
  quote(reference: string): QuoteResponse | Promise<QuoteResponse>;
  /**
   * What a text names that Charter does not hold, as `search` reports it in `missing` (the same detector): a
   * quoted reference is checked with it, so "Digital Services Act Art. 27" is never the AI Act's Art. 27.
   * Without it (fixtures), references are not checked.
   */
  missingIn?(text: string): readonly MissingName[];
  /** Whether a message reads as a reference to quote ("article 5 ai act") rather than a question to search. */
  isReference(text: string): boolean;
  /** All passages of a document in document order; [] for an unknown id. */
  passagesOf(docId: string): readonly Passage[];
  /**
   * The corpus's link table over `catalog`, when the index can give it (saved with it at sync); without it,
   * answer/links.ts builds one from the passages on first use.
   */
  linkTable?(): LinkTable;
  /** Milliseconds clock (cooldowns); Date.now by default. */
  now?(): number;
}
