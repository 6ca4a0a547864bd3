// A question as search sees it: the documents and places it names, and its remaining words as weighted
// index terms.
import type { DocNameMatcher } from './docnames.js';
import { termOf, tokenize } from './text.js';
import { expandTerms, findJurisdictions, type WeightedTerm } from './thesaurus.js';

/** Longest question looked at; anything beyond is ignored so a pasted essay costs no more than a question. */
export const MAX_QUERY_CHARS = 600;
/** Most distinct typed terms searched; beyond it the cost of a query would grow with its length. */
export const MAX_QUERY_TERMS = 24;

export interface AnalyzedQuery {
  /** Documents named in the question, in order of appearance, without repeats. */
  namedDocs: string[];
  /** Jurisdictions named in the question ("in China" → CN), catalog codes. */
  jurisdictions: string[];
  /** Typed terms (weight 1) then synonyms (lower weight). */
  terms: WeightedTerm[];
}

// "US" written in capitals is the country; lower-case "us" is a pronoun and a stop word.
const COUNTRY_US = /\bU\.?S\.?A?\b\.?/g;

export interface AnalyzeOptions {
  synonymWeight?: number;
  /** Terms too common to search for when the question has others (see CorpusIndexOptions.commonTermShare). */
  commonTerms?: ReadonlySet<string>;
}

export function analyzeQuery(
  raw: string,
  names: DocNameMatcher,
  options: AnalyzeOptions = {},
): AnalyzedQuery {
  const query = raw.slice(0, MAX_QUERY_CHARS).replace(COUNTRY_US, ' united states ');
  const named = names.findExact(query);
  const tokens = tokenize(query);
  const taken = new Set(named.flatMap((name) => name.positions));
  const places = findJurisdictions(tokens, taken);
  for (const position of places.positions) taken.add(position);
  const typed: string[] = [];
  for (const [i, token] of tokens.entries()) {
    if (taken.has(i)) continue;
    const term = termOf(token);
    if (term !== null && !typed.includes(term)) typed.push(term);
    if (typed.length >= MAX_QUERY_TERMS) break;
  }
  // A question that is only a name ("the AI Act?", "China?") searches for the name itself.
  if (typed.length === 0) {
    for (const i of named.length > 0 ? named[0]!.positions : places.positions) {
      const term = termOf(tokens[i]!);
      if (term !== null && !typed.includes(term)) typed.push(term);
    }
  }
  const namedDocs = [...new Set(named.map((name) => name.docId))];
  return {
    namedDocs,
    jurisdictions: places.jurisdictions,
    terms: expandTerms(typed, options.synonymWeight, options.commonTerms),
  };
}
