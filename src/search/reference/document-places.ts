// The places each document has: its passages in order, the unit types its paths use, and how a parsed place
// ("art:5", or a bare "?:27") maps onto this document's own paths ("sec:5" in a statute cited by sections).
// Also how a place is written back in the document's citation style. Knows no reference text.
import type { CatalogDocument } from '../../corpus/catalog.js';
import { locatorInCase, segmentType, segmentValue } from '../../corpus/citation.js';
import type { Passage, RefPath } from '../../corpus/types.js';

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
export const EQUIVALENT_TYPES: Record<string, string[]> = {
  item: ['item', 'action', 'rec'],
  rec: ['rec', 'item'],
  sec: ['sec', 'billsec', 'art'],
  para: ['para', 'pp'],
  art: ['art', 'sec'],
};

/** True when `path` contains `wanted` as a run of segments starting at a typed segment. */
export function locate(path: RefPath, wanted: readonly string[]): boolean {
  for (let start = 0; start + wanted.length <= path.length; start++) {
    if (wanted.every((segment, k) => path[start + k] === segment)) return true;
  }
  return false;
}

export class DocumentPlaces {
  private readonly docs: Map<string, CatalogDocument>;
  private readonly byDoc = new Map<string, Passage[]>();
  /** The unit types each document's paths use, worked out on first use. */
  private readonly types = new Map<string, Set<string>>();

  constructor(docs: readonly CatalogDocument[], passages: readonly Passage[]) {
    this.docs = new Map(docs.map((doc) => [doc.id, doc]));
    for (const passage of passages) {
      const list = this.byDoc.get(passage.docId) ?? [];
      list.push(passage);
      this.byDoc.set(passage.docId, list);
    }
    for (const list of this.byDoc.values()) list.sort((a, b) => a.seq - b.seq);
  }

  doc(id: string): CatalogDocument | undefined {
    return this.docs.get(id);
  }

  allDocs(): CatalogDocument[] {
    return [...this.docs.values()];
  }

  /** A document's passages in document order. */
  passagesOf(docId: string): readonly Passage[] {
    return this.byDoc.get(docId) ?? [];
  }

  typesOf(docId: string): Set<string> {
    const cached = this.types.get(docId);
    if (cached) return cached;
    const types = new Set<string>();
    for (const passage of this.passagesOf(docId))
      for (const segment of passage.path) types.add(segmentType(segment));
    this.types.set(docId, types);
    return types;
  }

  /** The paths a parsed place may take in this document, most likely first. */
  candidatePaths(doc: CatalogDocument, path: readonly string[]): string[][] {
    const head = path[0]!;
    const type = segmentType(head);
    const value = segmentValue(head);
    const present = this.typesOf(doc.id);
    const types = type === '?' ? (BARE_TYPES[doc.citation.style] ?? []) : (EQUIVALENT_TYPES[type] ?? [type]);
    const ordered = [...types.filter((t) => present.has(t)), ...types.filter((t) => !present.has(t))];
    return ordered.map((t) => [`${t}:${value}`, ...path.slice(1)]);
  }

  /** The passages of a place in one document, or of the unit that holds it when not split that far. */
  passagesAt(doc: CatalogDocument, path: readonly string[]): Passage[] | undefined {
    const passages = this.passagesOf(doc.id);
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

  /** Documents that have this place ("Recital 27": only the AI Act). */
  docsWithPlace(path: readonly string[]): CatalogDocument[] {
    return this.allDocs().filter((doc) => {
      const passages = this.passagesOf(doc.id);
      return this.candidatePaths(doc, path).some((candidate) =>
        passages.some((passage) => locate(passage.path, candidate)),
      );
    });
  }

  /** A path written in the document's citation style; a bare number as the style's first unit. */
  format(doc: CatalogDocument, path: readonly string[]): string {
    const clean = path.map((segment) =>
      segment.startsWith('?:')
        ? `${BARE_TYPES[doc.citation.style]?.[0] ?? 'sec'}:${segment.slice(2)}`
        : segment,
    );
    return locatorInCase(doc.citation.style, clean, this.passagesOf(doc.id), {
      unitLabel: doc.citation.unitLabel,
    });
  }

  /** The locator of the passages found at `path`: theirs when they share one, else the place's own. */
  locatorOf(doc: CatalogDocument, path: readonly string[], found: readonly Passage[]): string {
    const first = found[0]!;
    if (found.every((passage) => passage.locator === first.locator)) return first.locator;
    const heading = first.headingPath.at(-1);
    return locatorInCase(doc.citation.style, path, this.passagesOf(doc.id), {
      unitLabel: doc.citation.unitLabel,
      ...(heading ? { heading } : {}),
    });
  }

  /** The document's first top-level places (locators). */
  examples(doc: CatalogDocument, count: number): string[] {
    const seen: string[] = [];
    for (const passage of this.passagesOf(doc.id)) {
      const text = this.format(doc, passage.path.slice(0, 1));
      if (!seen.includes(text)) seen.push(text);
      if (seen.length >= count) break;
    }
    return seen;
  }
}
