// The law's own links, over the whole corpus: what each passage cites (`references`), the defined terms of
// its document it uses (`terms`), and, inverted, what cites each place (`citedBy`).
//
// Decision: a derived, corpus-level table, built from the synced passages and the deployment catalog when a
// corpus is opened, never stored in the passages at split time. Why: a reference to another document resolves
// only against the documents this deployment holds, and `citedBy` is corpus-wide, so a document added later
// with `charter add` (or removed) changes the links of documents that were not re-split; keeping it out of
// the splitters also leaves the passages (and their pipeline fingerprint) untouched. It costs one pass over
// the passages (~1 s on a slow machine), so `charter sync` makes it with the search index and saves it there
// (`SavedLinks`, keyed by this code, the catalog and the passages: links-version.ts); an opened corpus whose
// saved table does not match builds it again, once, memoized by the caller.
//
// Never guessed: a citation resolves only to a place whose path exists in the target document's passages
// (exactly, or as the whole unit of passages under it: "Annex III"); anything else is kept as text,
// `unresolved`, and a document Charter lacks is named (`not-held`).
import type { CatalogDocument } from './catalog.js';
import { locatorInCase, parseSegment, placeId } from './citation.js';
import { CITING_STYLES, type Citation, findCitations, UNNAMED } from './citation-refs.js';
import { type Definition, findDefinitions, TermMatcher } from './definitions.js';
import type { Passage } from './types.js';

export type ReferenceStatus = 'resolved' | 'document' | 'unresolved' | 'not-held';

export interface Reference {
  /** The words of the citation as the passage writes them. */
  text: string;
  status: ReferenceStatus;
  /** The cited document, when Charter holds it. */
  docId?: string;
  /** The cited place: a passage id, or the id of a whole unit (`eu-ai-act-2024#annex:iii`). */
  id?: string;
  /** The cited place in its document's citation style ("Art. 9(2)(a)"); the title for a whole document. */
  locator?: string;
}

export interface TermLink {
  term: string;
  /** The passage that defines it. */
  id: string;
  locator: string;
}

export interface CitingPlace {
  id: string;
  docId: string;
  locator: string;
  /**
   * The place the citing text names, when it is not the one asked about (`citedBy`): a unit that contains it
   * ("Article 17" under Art. 17(3)(b)) or a point inside it. A citation of the whole article is not pinned
   * to one of its points.
   */
  cites?: { id: string; locator: string };
}

export interface DocumentLinkReport {
  docId: string;
  /** Citations found in the document's passages. */
  found: number;
  /** … resolved to a place Charter holds. */
  resolved: number;
  /** … naming a whole document Charter holds, no place ("Regulation (EU) 2016/679"). */
  document: number;
  /** … naming a place in a document Charter holds that does not resolve exactly. */
  unresolved: number;
  /** … naming a document Charter lacks. */
  notHeld: number;
  termsDefined: number;
  /** Passage → term links made. */
  termsLinked: number;
  /** Up to 8 unresolved citations, with their passage, to see why. */
  unresolvedExamples: { id: string; text: string }[];
}

const normalizeName = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[“”"'’‘]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A catalog title and the names inside it: "Provisions on … Services (互联网信息服务深度合成管理规定): China Law
 * Translate English translation" also answers to the English title alone and to the Chinese one.
 */
function titleNames(title: string): string[] {
  const names = [title];
  const head = title.split(/:\s/)[0]!;
  names.push(head, head.replace(/\s*\([^)]*\)/g, ''));
  for (const m of head.matchAll(/\(([^)]{4,})\)/g)) names.push(m[1]!);
  return names;
}

/** Catalog names (titles, short titles, aliases) → document, for instruments named in the text. */
class InstrumentNames {
  private readonly names = new Map<string, string | null>();
  /** Full titles of legal instruments (four words or more, lower case), found in running text as they are. */
  readonly titles: { name: string; docId: string }[] = [];

  constructor(docs: readonly CatalogDocument[]) {
    for (const doc of docs) {
      if (CITING_STYLES.has(doc.citation.style))
        for (const name of titleNames(doc.title).slice(1))
          if (name.split(/\s+/).length >= 4 && !/[:()]/.test(name))
            this.titles.push({ name: name.toLowerCase(), docId: doc.id });
      // A translation and its original are the same instrument: the original's text is cited first.
      for (const name of [...titleNames(doc.title), doc.shortTitle, ...doc.aliases]) {
        const key = normalizeName(name);
        const previous = this.names.get(key);
        if (previous === undefined) this.names.set(key, doc.id);
        else if (previous !== doc.id && !doc.id.endsWith('.zh') && !previous?.endsWith('.zh'))
          this.names.set(key, null); // two documents answer to it: ambiguous, never used
      }
    }
  }

  find(instrument: string): string | undefined {
    const key = normalizeName(instrument);
    const candidates = [
      key,
      key.replace(/\s+of\s+(?:\d{4}|[a-z ]+ \d{1,2}, \d{4})$/, ''),
      key.replace(/^prc\s+/, ''),
    ];
    for (const candidate of candidates) {
      const id = this.names.get(candidate);
      if (id) return id;
    }
    return undefined;
  }
}

/** Whether a document named in a citation is the citing one, or its original or translation. */
function sameInstrument(doc: CatalogDocument, named: string, places: Map<string, Places>): boolean {
  return named === doc.id || doc.originalOf === named || places.get(named)?.doc.originalOf === doc.id;
}

/** A document's places: path → the passages at or under it. */
class Places {
  private readonly exact = new Map<string, Passage>();
  private readonly units = new Set<string>();

  constructor(
    readonly doc: CatalogDocument,
    private readonly passages: readonly Passage[],
  ) {
    for (const p of passages) {
      const key = p.path.join('/');
      if (!this.exact.has(key)) this.exact.set(key, p);
      for (let n = 1; n < p.path.length; n++) this.units.add(p.path.slice(0, n).join('/'));
    }
  }

  resolve(path: readonly string[]): { id: string; locator: string } | undefined {
    const key = path.join('/');
    const passage = this.exact.get(key);
    if (passage) return { id: passage.id, locator: passage.locator };
    if (this.units.has(key))
      return {
        id: placeId(this.doc.id, path),
        locator: locatorInCase(this.doc.citation.style, path, this.passages, {
          ...(this.doc.citation.unitLabel ? { unitLabel: this.doc.citation.unitLabel } : {}),
        }),
      };
    return undefined;
  }
}

/** The citing passage's own structure, up to a segment that is not a sub-point (`def:`, `subpara:`). */
function structuralPrefix(path: readonly string[]): string[] {
  const out: string[] = [];
  for (const [i, segment] of path.entries()) {
    if (i > 0 && parseSegment(segment).type !== '') break;
    out.push(segment);
  }
  return out;
}

/** Unit types a relative citation ("paragraph 3", "point (a)") may be read under, by style. */
const RELATIVE_UNITS = new Set(['art', 'annex', 'sec']);

/**
 * The table in its saved form, written with the search index at sync (search/options.ts `SavedIndex.links`)
 * so that no answer pays for building it (~1 s over the whole corpus on a slow machine). `key` says what it
 * was made from (links-version.ts: this code, the catalog entries, the passages); a table whose key differs is
 * built again from the passages instead.
 */
export interface SavedLinks {
  key: string;
  /** Each passage that cites something: its id and its references, in corpus order. */
  references: [string, Reference[]][];
  /** Each passage that uses a defined term of its document: its id and the terms, in corpus order. */
  terms: [string, TermLink[]][];
  /** How many terms each document defines, by document id. */
  termsDefined: Record<string, number>;
}

export class LinkTable {
  private readonly references: Map<string, Reference[]>;
  private readonly terms = new Map<string, TermLink[]>();
  /** Cited place id → the passages citing it. */
  private readonly citing = new Map<string, CitingPlace[]>();
  /** Cited place id → its locator, as the references resolved it. */
  private readonly citedLocators = new Map<string, string>();
  private readonly reportsByDoc = new Map<string, DocumentLinkReport>();
  private readonly docs: readonly CatalogDocument[];
  private readonly byDoc = new Map<string, Passage[]>();
  /** Documents whose terms are linked (done on first use: a quote needs one document's, not all). */
  private readonly termsDone = new Set<string>();
  /** Milliseconds the references took (the terms are linked per document, on first use). */
  readonly ms: number;

  constructor(docs: readonly CatalogDocument[], passages: readonly Passage[], saved?: SavedLinks) {
    const started = performance.now();
    this.docs = docs;
    for (const p of passages) {
      const list = this.byDoc.get(p.docId) ?? [];
      list.push(p);
      this.byDoc.set(p.docId, list);
    }
    if (saved) {
      this.references = new Map(saved.references);
    } else {
      this.references = new Map();
      const places = new Map<string, Places>();
      for (const doc of docs) places.set(doc.id, new Places(doc, this.byDoc.get(doc.id) ?? []));
      const names = new InstrumentNames(docs);
      for (const doc of docs)
        for (const passage of this.byDoc.get(doc.id) ?? []) {
          const refs = this.referencesIn(doc, passage, places, names);
          if (refs.length > 0) this.references.set(passage.id, refs);
        }
    }
    this.countReferences();
    if (saved) {
      for (const [id, links] of saved.terms) this.terms.set(id, links);
      for (const doc of docs) {
        const report = this.reportsByDoc.get(doc.id)!;
        report.termsDefined = saved.termsDefined[doc.id] ?? 0;
        for (const passage of this.byDoc.get(doc.id) ?? [])
          report.termsLinked += this.terms.get(passage.id)?.length ?? 0;
        this.termsDone.add(doc.id);
      }
    }
    this.ms = performance.now() - started;
  }

  /** What cites each place, and the reports' counts, from the references (made or saved) in corpus order. */
  private countReferences(): void {
    for (const doc of this.docs) {
      const report: DocumentLinkReport = {
        docId: doc.id,
        found: 0,
        resolved: 0,
        document: 0,
        unresolved: 0,
        notHeld: 0,
        termsDefined: 0,
        termsLinked: 0,
        unresolvedExamples: [],
      };
      for (const passage of this.byDoc.get(doc.id) ?? []) {
        for (const ref of this.references.get(passage.id) ?? []) {
          report.found++;
          if (ref.status === 'resolved') report.resolved++;
          else if (ref.status === 'document') report.document++;
          else if (ref.status === 'not-held') report.notHeld++;
          else {
            report.unresolved++;
            if (report.unresolvedExamples.length < 8)
              report.unresolvedExamples.push({ id: passage.id, text: ref.text });
          }
          if (ref.id) {
            const list = this.citing.get(ref.id) ?? [];
            if (!list.some((c) => c.id === passage.id))
              list.push({ id: passage.id, docId: doc.id, locator: passage.locator });
            this.citing.set(ref.id, list);
            if (ref.locator) this.citedLocators.set(ref.id, ref.locator);
          }
        }
      }
      this.reportsByDoc.set(doc.id, report);
    }
  }

  /** The saved form (every document's terms linked first), for `new LinkTable(docs, passages, saved)`. */
  toJSON(key: string): SavedLinks {
    const termsDefined: Record<string, number> = {};
    for (const report of this.reports) termsDefined[report.docId] = report.termsDefined;
    const references: [string, Reference[]][] = [];
    const terms: [string, TermLink[]][] = [];
    for (const doc of this.docs)
      for (const passage of this.byDoc.get(doc.id) ?? []) {
        const refs = this.references.get(passage.id);
        if (refs) references.push([passage.id, refs]);
        const links = this.terms.get(passage.id);
        if (links) terms.push([passage.id, links]);
      }
    return { key, references, terms, termsDefined };
  }

  /** The report per document, in catalog order (links every document's terms first). */
  get reports(): DocumentLinkReport[] {
    for (const doc of this.docs) this.linkTerms(doc.id);
    return this.docs.map((doc) => this.reportsByDoc.get(doc.id)!);
  }

  private linkTerms(docId: string): void {
    if (this.termsDone.has(docId)) return;
    this.termsDone.add(docId);
    const doc = this.docs.find((d) => d.id === docId);
    const report = this.reportsByDoc.get(docId);
    if (!doc || !report) return;
    const own = this.byDoc.get(docId) ?? [];
    const definitions = findDefinitions(doc, own);
    const matcher = new TermMatcher(definitions, doc.language === 'zh');
    report.termsDefined = matcher.byTerm.size;
    for (const passage of own) {
      const used = matcher
        .termsIn(passage.text)
        .filter((t) => !t.definitions.some((d) => d.passageId === passage.id));
      if (used.length === 0) continue;
      const links = used.map((t) => {
        const d = this.pickDefinition(t.definitions, passage);
        return { term: t.term, id: d.passageId, locator: d.locator };
      });
      this.terms.set(passage.id, links);
      report.termsLinked += links.length;
    }
  }

  /** A term defined in several places: the definition in the passage's own unit, else the first. */
  private pickDefinition(definitions: Definition[], passage: Passage): Definition {
    const unit = `${passage.docId}#${passage.path[0]}`;
    return (
      definitions.find((d) => d.passageId === unit || d.passageId.startsWith(`${unit}/`)) ?? definitions[0]!
    );
  }

  private referencesIn(
    doc: CatalogDocument,
    passage: Passage,
    places: Map<string, Places>,
    names: InstrumentNames,
  ): Reference[] {
    const out: Reference[] = [];
    const seen = new Set<string>();
    const push = (ref: Reference) => {
      const key = `${ref.status}|${ref.id ?? ref.text}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(ref);
    };
    const citations = findCitations(passage.text, doc.citation.style);
    for (const citation of citations) {
      const named = citation.instrument ? names.find(citation.instrument) : doc.id;
      // The original and its translation are one instrument: naming it is naming the citing document.
      const targetId = named !== undefined && sameInstrument(doc, named, places) ? doc.id : named;
      if (citation.instrument === UNNAMED) {
        push({ text: citation.text, status: 'unresolved' });
        continue;
      }
      if (citation.instrument && !targetId) {
        push({ text: citation.text, status: 'not-held' });
        continue;
      }
      const target = places.get(targetId!)!;
      const otherDoc = targetId !== doc.id;
      if (citation.places.length === 0) {
        if (otherDoc)
          push({ text: citation.text, status: 'document', docId: targetId!, locator: target.doc.shortTitle });
        continue;
      }
      for (const place of citation.places) {
        const ref = this.resolvePlace(citation, place, passage, target, otherDoc);
        if (ref === 'self') continue;
        push(ref);
      }
    }
    // Held instruments named by their title without a citation form ("in accordance with the Provisions on
    // the Administration of Deep Synthesis Internet Information Services").
    const lower = passage.text.toLowerCase();
    for (const { name, docId } of names.titles) {
      if (sameInstrument(doc, docId, places)) continue;
      const at = lower.indexOf(name);
      if (at < 0 || citations.some((c) => at >= c.start && at < c.end)) continue;
      const target = places.get(docId)!;
      push({
        text: passage.text.slice(at, at + name.length),
        status: 'document',
        docId,
        locator: target.doc.shortTitle,
      });
    }
    return out;
  }

  private resolvePlace(
    citation: Citation,
    place: Citation['places'][number],
    passage: Passage,
    target: Places,
    otherDoc: boolean,
  ): Reference | 'self' {
    const unresolved: Reference = { text: citation.text, status: 'unresolved', docId: target.doc.id };
    let path = place.path;
    if (place.keep > 0) {
      const prefix = structuralPrefix(passage.path);
      if (otherDoc || prefix.length < place.keep || !RELATIVE_UNITS.has(parseSegment(prefix[0]!).type))
        return unresolved;
      path = [...prefix.slice(0, place.keep), ...place.path];
    }
    const found = target.resolve(path);
    if (!found) return unresolved;
    // A passage's own heading ("Article 1:", "第一条") or a citation of itself is not a link.
    if (
      !otherDoc &&
      (found.id === passage.id || (citation.start <= 1 && path.length === 1 && path[0] === passage.path[0]))
    )
      return 'self';
    return {
      text: citation.text,
      status: 'resolved',
      docId: target.doc.id,
      id: found.id,
      locator: found.locator,
    };
  }

  referencesOf(passageId: string): readonly Reference[] {
    return this.references.get(passageId) ?? [];
  }

  termsOf(passageId: string): readonly TermLink[] {
    this.linkTerms(passageId.slice(0, passageId.indexOf('#')));
    return this.terms.get(passageId) ?? [];
  }

  /**
   * The passages citing a place (a passage or place id): those citing it exactly first, then those citing a
   * place inside it, then those citing the unit it lies in ("Annex III" for Annex III, point 4); the last two
   * say which place they cite (`cites`).
   */
  citedBy(id: string): CitingPlace[] {
    const place = id.replace(/~\d+$/, '');
    const exact = this.citing.get(place) ?? [];
    const inside: CitingPlace[] = [];
    const around: CitingPlace[] = [];
    // Each names the place its text cites: "Article 17" is not a citation of Art. 17(3)(b).
    const naming = (list: readonly CitingPlace[], cited: string) =>
      list.map((c) => ({ ...c, cites: { id: cited, locator: this.citedLocators.get(cited) ?? cited } }));
    // Read on every place an answer shows for the first time (~765 cited places): no entry pair or joined
    // string is made per cited place, so the scan allocates only what it finds.
    const within = `${place}/`;
    this.citing.forEach((list, cited) => {
      if (cited.startsWith(within)) inside.push(...naming(list, cited));
      else if (
        place.length > cited.length &&
        place.charCodeAt(cited.length) === 0x2f &&
        place.startsWith(cited)
      )
        around.push(...naming(list, cited));
    });
    const out: CitingPlace[] = [];
    const seen = new Set<string>([id, place]);
    for (const c of [...exact, ...inside, ...around]) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
    }
    return out;
  }
}
