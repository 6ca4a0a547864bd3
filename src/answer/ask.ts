// Answering what someone asked. ONE policy for every front end (/ask, its buttons, Find sources, `charter
// ask`): a question that reads like a reference ("article 5 ai act") is quoted; when that reference names
// no place, the passages that share its words are shown with a note saying the quote failed, so they are
// never taken for the place asked for; when nothing shares them either, the reason alone.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import type { MissingName, SearchHit } from '../search/types.js';
import { documentPrefix, namesDocument } from './documents.js';
import { isWeak, missingToSay } from './judge.js';
import type { Ambiguous, AskOutcome, Found, Missing, NotFound, Shortfall, Weak } from './outcome.js';
import { quote } from './quote.js';
import type { Services } from './services.js';
import { asAsked } from './unheld.js';

export interface AskRequest {
  query: string;
  /** Only these documents. */
  docs?: readonly CatalogDocument[];
  /** How many hits to show, and how many to skip (paging). */
  limit: number;
  offset?: number;
  /** Also list up to this many documents that have passages on the question (for narrowing). */
  facets?: number;
  /** Search only; never quote (buttons paging a question's results). */
  searchOnly?: boolean;
}

/** What a search for passages found, before it is judged (`classify`). */
export interface Passages {
  kind: 'passages';
  /** Distinct hits, at most `limit`; empty when nothing matches. */
  hits: SearchHit[];
  /** Whether more hits follow these. */
  more: boolean;
  /** What the question names that Charter does not hold (said first, in the asker's words). */
  missing: MissingName[];
  /** Nothing matches well (judge.ts): the hits are the nearest passages, not an answer. */
  weak: boolean;
  /** With `facets`: the documents with passages on the question, best first. */
  documents?: string[];
  /** Fewer hits than `limit` (and at least one): why. */
  shortfall?: Shortfall;
}

/** The best passages on a question, each passage once; with several documents chosen, theirs in turn. */
export async function findPassages(services: Services, request: AskRequest): Promise<Passages> {
  if ((request.docs?.length ?? 0) > 1) return inTurn(services, request);
  const offset = request.offset ?? 0;
  // A few results more than asked for: results folded into one that contains them leave room.
  const fetched = request.limit + FOLD_SPARE + 1;
  const response = await services.search(request.query, {
    limit: fetched,
    offset,
    ...(request.facets ? { documentFacets: request.facets } : {}),
    ...(request.docs && request.docs.length > 0 ? { docs: request.docs.map((d) => d.id) } : {}),
  });
  const matched = response.hits.filter((hit) => hit.passages.length > 0);
  const folded = foldNested(matched.map((hit) => withItems(services, hit)));
  const hits = folded.slice(0, request.limit);
  const found: Passages = {
    kind: 'passages',
    hits,
    more: folded.length > request.limit,
    missing: asAsked(missingToSay(response), request.query),
    weak: isWeak(response),
  };
  if (hits.length > 0 && hits.length < request.limit)
    found.shortfall = {
      asked: request.limit,
      shown: hits.length,
      exhausted: response.hits.length < fetched,
      folded: matched.length - folded.length,
    };
  if (request.facets && hits.length > 0) {
    found.documents = response.documents
      ? [...response.documents]
      : await documentsOn(services, request.query, request.facets);
  }
  return found;
}

/**
 * Several documents chosen (`charter ask --doc GDPR --doc BIPA`): each document's best passages in turn, so
 * one document never fills the list because its passages score higher (or the question names it) — the
 * asker chose them all. A document with no more matches gives its turn to the others. Judged weak only when
 * every document's passages are; missing is the question's, the same for each.
 */
async function inTurn(services: Services, request: AskRequest): Promise<Passages> {
  const offset = request.offset ?? 0;
  const wanted = offset + request.limit;
  const { facets: _facets, ...each } = request;
  const per = await Promise.all(
    (request.docs ?? []).map((doc) =>
      findPassages(services, { ...each, docs: [doc], offset: 0, limit: wanted }),
    ),
  );
  const all: SearchHit[] = [];
  for (let rank = 0; all.length <= wanted && per.some((p) => rank < p.hits.length); rank++)
    for (const p of per) if (p.hits[rank]) all.push(p.hits[rank]!);
  const hits = all.slice(offset, wanted);
  const found: Passages = {
    kind: 'passages',
    hits,
    more: all.length > wanted || per.some((p) => p.more),
    missing: per[0]?.missing ?? [],
    weak: per.every((p) => p.weak),
  };
  if (hits.length > 0 && hits.length < request.limit)
    found.shortfall = {
      asked: request.limit,
      shown: hits.length,
      exhausted: per.every((p) => !p.shortfall || p.shortfall.exhausted),
      folded: per.reduce((n, p) => n + (p.shortfall?.folded ?? 0), 0),
    };
  if (request.facets && hits.length > 0)
    found.documents = await documentsOn(services, request.query, request.facets);
  return found;
}

/** How many results beyond the asked-for ones are fetched, to fill the places of folded ones. */
const FOLD_SPARE = 10;

/**
 * Each passage once per answer. A result whose passages a higher-ranked one already shows (Art. 5(1)(c)(ii)
 * after Art. 5(1)(c) with its points) is dropped; a result that shows all of a higher-ranked one's passages
 * and more (Sec. 20(a) after Sec. 20(a)(1)) takes the place of the first such one and the rest go. Ranking
 * is search's; only repetition is removed.
 */
export function foldNested(hits: readonly SearchHit[]): SearchHit[] {
  const kept: SearchHit[] = [];
  // The ids of every passage `kept` shows, kept up to date as it changes (rebuilt per hit, with a set of each
  // hit's ids, this was a tenth of an /ask's garbage): a fold only adds passages, except a point taking a long
  // list's place (rebuilt then). Plain loops below, no closures: they were most of what was left.
  const shown = new Set<string>();
  let stale = false;
  for (const hit of hits) {
    if (stale) {
      shown.clear();
      for (const k of kept) for (const p of k.passages) shown.add(p.id);
      stale = false;
    }
    if (allShown(hit, shown)) {
      // Inside a list too long to show whole (Art. 3's 68 definitions), the point itself is the answer: it
      // takes the list's place rather than being cut from it.
      let long = -1;
      for (let i = 0; i < kept.length && long < 0; i++)
        if (tooLongToFold(kept[i]!) && contains(kept[i]!, hit)) long = i;
      if (long >= 0 && !tooLongToFold(hit)) {
        kept[long] = { ...hit, score: Math.max(hit.score, kept[long]!.score) };
        stale = true;
      }
      continue;
    }
    const inside: SearchHit[] = [];
    for (const k of kept) if (contains(hit, k)) inside.push(k);
    if (inside.length === 0) {
      kept.push(hit);
      for (const p of hit.passages) shown.add(p.id);
      continue;
    }
    // A list too long to show whole never takes the place of the points already found in it.
    if (tooLongToFold(hit)) continue;
    const at = kept.indexOf(inside[0]!);
    const terms = [...new Set([...inside.flatMap((k) => k.terms), ...hit.terms])];
    const score = Math.max(hit.score, ...inside.map((k) => k.score));
    kept[at] = { ...hit, terms, score };
    for (const gone of inside.slice(1)) kept.splice(kept.indexOf(gone), 1);
    for (const p of hit.passages) shown.add(p.id);
  }
  return kept;
}

function allShown(hit: SearchHit, shown: ReadonlySet<string>): boolean {
  for (const p of hit.passages) if (!shown.has(p.id)) return false;
  return true;
}

/**
 * Whether `outer` shows every passage of `inner`, by scanning (a set of `outer`'s ids per call cost more):
 * most results share no passage with the others, which the first one scanned already shows.
 */
function contains(outer: SearchHit, inner: SearchHit): boolean {
  for (const p of inner.passages) {
    let found = false;
    for (const q of outer.passages)
      if (q.id === p.id) {
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

/**
 * The most passages a result that contains others may have and still replace them: a lead-in with a short list
 * (BIPA Sec. 20(a) and its four points) is shown whole; a longer one (a definitions article) would be cut by the
 * reply before the point that answered.
 */
const MAX_FOLDED_PASSAGES = 12;

const tooLongToFold = (hit: SearchHit) => hit.passages.length > MAX_FOLDED_PASSAGES;

/**
 * A list's lead-in is never an answer alone: its items (and theirs) travel with it; the reply cuts to fit.
 * An item the hit already shows still brings its own items: a hit of § 6-1-1706(3), (3)(a) and (3)(a)(I)
 * once showed (b) and its points but not (a)(II) and (a)(III), so the quote read as complete without them.
 */
function withItems(services: Services, hit: SearchHit): SearchHit {
  const leadIn = hit.passages.find((p) => p.items && p.items.length > 0);
  if (!leadIn?.items) return hit;
  const all = services.passagesOf(leadIn.docId);
  const shown = new Set(hit.passages.map((p) => p.id));
  const expanded = new Set<string>();
  const items: Passage[] = [];
  const add = (ids: readonly string[]) => {
    for (const id of ids) {
      const item = all.find((p) => p.id === id);
      if (!item) continue;
      if (!shown.has(id)) {
        shown.add(id);
        items.push(item);
      }
      if (item.items && !expanded.has(id)) {
        expanded.add(id);
        add(item.items);
      }
    }
  };
  add(leadIn.items);
  if (items.length === 0) return hit;
  // In document order, so a sub-list stays under its item.
  const passages = [...hit.passages, ...items].sort((a, b) => a.seq - b.seq);
  return { ...hit, passages };
}

/** The documents of the first hits over all documents (when search did not list them itself). */
async function documentsOn(services: Services, query: string, limit: number): Promise<string[]> {
  const { hits } = await services.search(query, { limit });
  return [...new Set(hits.map((hit) => hit.passages[0]?.docId).filter((id): id is string => !!id))];
}

/** The documents suggested places are in ("AI Act Recital 71; GDPR Recital 71": two). */
const documentsOf = (catalog: readonly CatalogDocument[], suggestions: readonly string[]) =>
  new Set(suggestions.map((s) => documentPrefix(catalog, s)?.doc.id).filter(Boolean));

/**
 * Judges a page of passages, in this order: nothing found (past the end when paging); the question names
 * what Charter lacks; nothing matches well; found. Missing and weak are said on the first page only.
 */
export function classify(
  request: AskRequest,
  found: Passages,
  unquoted?: Ambiguous | NotFound,
): Found | Missing | Weak | NotFound {
  const offset = request.offset ?? 0;
  const scope = request.docs ?? [];
  if (found.hits.length === 0)
    return {
      kind: 'not-found',
      why:
        offset > 0
          ? { reason: 'no-more', query: request.query }
          : { reason: 'no-match', query: request.query, scope, missing: found.missing },
      suggestions: [],
    };
  const page = {
    query: request.query,
    hits: found.hits,
    offset,
    more: found.more,
    scope,
    ...(found.documents ? { documents: found.documents } : {}),
    ...(found.shortfall ? { shortfall: found.shortfall } : {}),
  };
  if (offset === 0 && found.missing.length > 0)
    return { kind: 'missing', ...page, missing: found.missing, ...(unquoted ? { unquoted } : {}) };
  if (offset === 0 && found.weak) return { kind: 'weak', ...page };
  return { kind: 'found', ...page, ...(unquoted ? { unquoted } : {}) };
}

/** Searches (never quotes) and judges one page of passages: paging, narrowing, Find sources. */
export async function search(services: Services, request: AskRequest): Promise<AskOutcome> {
  return classify(request, await findPassages(services, request));
}

/** A reference is quoted; anything else, or a reference naming no place, is searched. */
export async function ask(services: Services, request: AskRequest): Promise<AskOutcome> {
  if (request.searchOnly || !services.isReference(request.query)) return search(services, request);
  const { query, docs = [] } = request;
  // A reference typed with one document chosen apart ("Art. 7", document: deep synthesis) names it too.
  const quoted = await quote(services, docs.length === 1 ? `${query} ${docs[0]!.shortTitle}` : query);
  if (quoted.kind === 'quoted') return quoted;
  // One fallback policy with quote: a reference naming no document whose place several documents have
  // ("Recital 71", "Art. 5(1)(c)") asks which document, with the places it may mean, exactly as quote
  // does; passages sharing its words would be taken for an answer.
  if (
    docs.length === 0 &&
    !namesDocument(services.catalog, query) &&
    documentsOf(services.catalog, quoted.suggestions).size > 1
  )
    return quoted;
  // A reference to a document Charter holds, at a place that document does not have ("article 120 of the
  // AI Act", "recital 200 of the GDPR"): quote's own sentence ("AI Act has Articles 1–113") is the answer.
  // Passages sharing the question's words were shown under "Could not quote", with no reason, and taken for
  // one.
  if (quoted.kind === 'not-found' && NO_SUCH_PLACE.has(quoted.why.reason)) return quoted;
  const found = await findPassages(services, request);
  // A reference into an instrument Charter lacks ("what does the Data Act article 9 say?") was refused for what
  // search reports as missing: the note names it and where to read it, not "could not quote".
  const lacked =
    quoted.kind === 'not-found' && quoted.why.reason === 'no-such-document' && found.missing.length > 0;
  return found.hits.length > 0 ? classify(request, found, lacked ? undefined : quoted) : quoted;
}

/** Failures of a reference that named a held document and a place it does not have. */
const NO_SUCH_PLACE: ReadonlySet<string> = new Set(['no-such-unit', 'no-such-point', 'not-cited-that-way']);
