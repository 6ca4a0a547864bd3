// Score propagation along the documents' own links (`linkPropagation`): a passage the question matches passes a
// share of its score to the places it is linked to — the places it cites (a recital or an article that says
// "referred to in Article 83"), the passages that use the term it defines ("'personal data breach' means …" →
// Art. 33, 34), and the places that cite it — so an operative provision worded in the law's terms is reached
// through a passage worded closer to the question. The links are the corpus's own (src/corpus/links.ts),
// turned once per index into passage-number edges, on the first question that needs them.
import type { CatalogDocument } from '../corpus/catalog.js';
import { LinkTable } from '../corpus/links.js';
import type { Passage } from '../corpus/types.js';
import type { Candidates } from './sources.js';
import { isNonOperative } from './units.js';

/** Which links carry score. */
export interface LinkKinds {
  /** From a passage to the places it cites. */
  cites: boolean;
  /** From a definition to the passages that use its term. */
  defines: boolean;
  /** From a passage to the passages that cite it. */
  citedBy: boolean;
}

export interface PropagationOptions {
  /** Share of a source's score a linked passage receives. */
  share: number;
  /** How many of the best candidates pass score on. */
  sources: number;
  /**
   * A source with more links than this passes score only to passages that matched the question themselves
   * (a definition of "personal data" is used everywhere: it says nothing about which of them is meant).
   */
  fanOut: number;
  kinds: LinkKinds;
  /**
   * Only explanatory passages pass score on — recitals, preambles, findings (units.ts) and definitions — and
   * only to operative ones: the law explains in plainer words than it provides.
   */
  explanatoryOnly: boolean;
}

/** The corpus's links as passage numbers: per passage, its targets by kind. */
export class LinkGraph {
  private readonly edges = new Map<number, { cites: number[]; defines: number[]; citedBy: number[] }>();
  /** 1 for a recital, preamble, finding, checklist or definition. */
  readonly explanatory: Uint8Array;

  constructor(docs: readonly CatalogDocument[], passages: readonly Passage[]) {
    const table = new LinkTable(docs, passages);
    table.reports; // links every document's defined terms
    const position = new Map<string, number>();
    for (const [i, passage] of passages.entries()) position.set(passage.id, i);
    // A whole unit ("Annex III", "Art. 83") is its passages.
    const under = (id: string): number[] => {
      const exact = position.get(id);
      if (exact !== undefined) return [exact];
      const prefix = `${id}/`;
      const out: number[] = [];
      for (const [i, passage] of passages.entries()) if (passage.id.startsWith(prefix)) out.push(i);
      return out;
    };
    const unitCache = new Map<string, number[]>();
    const edgesOf = (i: number) => {
      let e = this.edges.get(i);
      if (!e) {
        e = { cites: [], defines: [], citedBy: [] };
        this.edges.set(i, e);
      }
      return e;
    };
    for (const [i, passage] of passages.entries()) {
      for (const ref of table.referencesOf(passage.id)) {
        if (ref.status !== 'resolved' || !ref.id) continue;
        let targets = unitCache.get(ref.id);
        if (!targets) {
          targets = under(ref.id);
          unitCache.set(ref.id, targets);
        }
        for (const t of targets) {
          if (t === i) continue;
          edgesOf(i).cites.push(t);
          edgesOf(t).citedBy.push(i);
        }
      }
      for (const term of table.termsOf(passage.id)) {
        const d = position.get(term.id);
        if (d !== undefined && d !== i) edgesOf(d).defines.push(i);
      }
    }
    this.explanatory = Uint8Array.from(passages, (passage, i) =>
      isNonOperative(passage) || (this.edges.get(i)?.defines.length ?? 0) > 0 ? 1 : 0,
    );
    for (const e of this.edges.values()) {
      e.cites = [...new Set(e.cites)];
      e.defines = [...new Set(e.defines)];
      e.citedBy = [...new Set(e.citedBy)];
    }
  }

  targets(i: number, kinds: LinkKinds): number[] {
    const e = this.edges.get(i);
    if (!e) return [];
    return [
      ...(kinds.cites ? e.cites : []),
      ...(kinds.defines ? e.defines : []),
      ...(kinds.citedBy ? e.citedBy : []),
    ];
  }
}

/**
 * The candidates with score passed along the links from the best `sources` of them: each linked passage gains
 * `share` × the best linking source's score (the best one, not the sum, so a passage cited by many is not
 * lifted for being popular). A passage no source word matched joins the candidates this way only through a
 * source with at most `fanOut` links.
 */
export function propagate(candidates: Candidates, graph: LinkGraph, options: PropagationOptions): Candidates {
  const { ids, scores } = candidates;
  if (ids.length === 0 || options.share <= 0) return candidates;
  const order = Array.from(ids.keys())
    .filter((k) => scores[k]! > 0)
    .sort((a, b) => scores[b]! - scores[a]! || ids[a]! - ids[b]!)
    .slice(0, options.sources);
  const at = new Map<number, number>();
  for (let k = 0; k < ids.length; k++) at.set(ids[k]!, k);
  const gain = new Map<number, number>();
  for (const k of order) {
    const source = ids[k]!;
    if (options.explanatoryOnly && graph.explanatory[source] === 0) continue;
    const targets = graph.targets(source, options.kinds);
    if (targets.length === 0) continue;
    const wide = targets.length > options.fanOut;
    const amount = options.share * scores[k]!;
    for (const t of targets) {
      if (options.explanatoryOnly && graph.explanatory[t] === 1) continue;
      const known = at.get(t);
      if (wide && (known === undefined || scores[known]! <= 0)) continue;
      if (amount > (gain.get(t) ?? 0)) gain.set(t, amount);
    }
  }
  if (gain.size === 0) return candidates;
  const newIds = Array.from(ids);
  const newScores = Array.from(scores);
  for (const [t, amount] of gain) {
    const known = at.get(t);
    if (known === undefined) {
      newIds.push(t);
      newScores.push(amount);
    } else newScores[known]! += amount;
  }
  return { ids: Int32Array.from(newIds), scores: Float64Array.from(newScores), termsOf: candidates.termsOf };
}
