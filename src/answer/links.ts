// The law's own links of a quoted place, for /quote, /ask and `charter quote`: what it refers to, the defined
// terms it uses (each with the place that defines it) and what cites it. The table itself is derived from the
// whole corpus (src/corpus/links.ts), saved with the search index at sync and read once per set of services on
// first use (built from the passages when the services have no saved one).
import type { CatalogDocument } from '../corpus/catalog.js';
import { placeId } from '../corpus/citation.js';
import { LinkTable, type ReferenceStatus } from '../corpus/links.js';
import type { Passage } from '../corpus/types.js';
import { commonPrefix, startsWithPath } from './places.js';
import type { Services } from './services.js';

export interface LinkedReference {
  /** The citation as the passage words it ("paragraphs 3 and 6"). */
  text: string;
  status: ReferenceStatus;
  /** The cited place (quotable), when resolved. */
  id?: string;
  /** Its locator in its own document's style, when resolved; the document's short title for a whole document. */
  locator?: string;
  docId?: string;
  /** The cited document's short title, when it is not the quoted one. */
  document?: string;
}

export interface LinkedTerm {
  term: string;
  /** The passage that defines it. */
  id: string;
  locator: string;
}

export interface LinkedPlace {
  id: string;
  docId: string;
  locator: string;
  /** The citing document's short title, when it is not the quoted one. */
  document?: string;
  /**
   * The place the citing text names, when it is not the quoted place: the article around a quoted point
   * ("Art. 17" for Art. 11(2) under Art. 17(3)(b); `around`), or a point inside a quoted unit.
   */
  cites?: { id: string; locator: string; around: boolean };
}

export interface PlaceLinks {
  references: LinkedReference[];
  terms: LinkedTerm[];
  citedBy: LinkedPlace[];
}

const tables = new WeakMap<Services, LinkTable>();

/** The corpus's link table for these services (built on first use, then kept). */
export function linkTable(services: Services): LinkTable {
  let table = tables.get(services);
  if (!table) {
    table =
      services.linkTable?.() ??
      new LinkTable(
        services.catalog,
        services.catalog.flatMap((doc) => [...services.passagesOf(doc.id)]),
      );
    tables.set(services, table);
  }
  return table;
}

/**
 * The links of the passages shown for one place: their references and terms in text order, once each, and
 * the places citing it. Links inside the place itself (Art. 26(1) citing Art. 26(3) when all of Art. 26 is
 * shown) are left out: the reader has them in front of them.
 */
export function linksOf(services: Services, doc: CatalogDocument, passages: readonly Passage[]): PlaceLinks {
  const table = linkTable(services);
  const path = commonPrefix(passages);
  const place = placeId(doc.id, path);
  const inside = (id: string | undefined) => {
    if (!id || path.length === 0 || !id.startsWith(`${doc.id}#`)) return false;
    const target = id
      .slice(doc.id.length + 1)
      .replace(/~\d+$/, '')
      .split('/');
    return passages.length > 1 && startsWithPath(target, path);
  };
  const shortTitle = (docId: string | undefined) =>
    docId && docId !== doc.id ? services.catalog.find((d) => d.id === docId)?.shortTitle : undefined;

  const references: LinkedReference[] = [];
  const seenRefs = new Set<string>();
  const terms: LinkedTerm[] = [];
  const seenTerms = new Set<string>();
  for (const passage of passages) {
    for (const ref of table.referencesOf(passage.id)) {
      const key = ref.id ?? `${ref.status}:${ref.text}`;
      if (seenRefs.has(key) || inside(ref.id)) continue;
      seenRefs.add(key);
      const document = shortTitle(ref.docId);
      references.push({
        text: ref.text,
        status: ref.status,
        ...(ref.id ? { id: ref.id } : {}),
        ...(ref.locator ? { locator: ref.locator } : {}),
        ...(ref.docId ? { docId: ref.docId } : {}),
        ...(document ? { document } : {}),
      });
    }
    for (const term of table.termsOf(passage.id)) {
      if (seenTerms.has(term.term.toLowerCase()) || inside(term.id)) continue;
      seenTerms.add(term.term.toLowerCase());
      terms.push({ ...term });
    }
  }
  const citedBy = table
    .citedBy(passages.length === 1 ? passages[0]!.id : place)
    .filter((c) => !(c.docId === doc.id && inside(c.id)))
    .map((c) => {
      const document = shortTitle(c.docId);
      return {
        id: c.id,
        docId: c.docId,
        locator: c.locator,
        ...(document ? { document } : {}),
        ...(c.cites ? { cites: { ...c.cites, around: place.startsWith(`${c.cites.id}/`) } } : {}),
      };
    });
  return { references, terms, citedBy };
}

/** A citing place and what its text cites, when that is not the quoted place: "Art. 11(2) (cites Art. 17)". */
export function citingLabel(link: LinkedPlace): string {
  return link.cites ? `${linkLabel(link)} (cites ${link.cites.locator})` : linkLabel(link);
}

/** How a linked place is named next to a quote: "Art. 3(4)", or "GDPR Art. 35" in another document. */
export function linkLabel(link: { locator?: string; document?: string; text?: string }): string {
  if (!link.locator) return link.text ?? '';
  return link.document && link.document !== link.locator ? `${link.document} ${link.locator}` : link.locator;
}
