// Score propagation along the documents' own links (`linkPropagation`, measured and not kept): a definition
// passes a share of its score to the passages using its term, a passage to the places it cites.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { formatLocator, passageId } from '../../src/corpus/citation.js';
import type { Passage } from '../../src/corpus/types.js';
import { LinkGraph, type PropagationOptions, propagate } from '../../src/search/propagation.js';

const docs = loadCatalog();
const GDPR = 'eu-gdpr-2016';
const doc = docs.find((d) => d.id === GDPR)!;
let seq = 0;
const passage = (path: string[], text: string): Passage => ({
  id: passageId(GDPR, path),
  docId: GDPR,
  locator: formatLocator(doc.citation.style, path, { unitLabel: doc.citation.unitLabel }),
  path,
  headingPath: [],
  text,
  seq: seq++,
});
// Invented text shaped like the GDPR's, not its words.
const passages = [
  passage(['recital:85'], '(85) A breach should be reported to the authority as referred to in Article 33.'),
  passage(
    ['art:4', '12'],
    '(12) ‘personal data breach’ means a breach of security leading to the loss of data;',
  ),
  passage(
    ['art:33', '1'],
    '1. In the case of a personal data breach, the controller shall notify the authority.',
  ),
  passage(['art:34', '1'], '1. The controller shall inform the person concerned.'),
];
const options: PropagationOptions = {
  share: 0.3,
  sources: 10,
  fanOut: 20,
  kinds: { cites: true, defines: true, citedBy: true },
  explanatoryOnly: true,
};
const candidates = (entries: [number, number][]) => ({
  ids: Int32Array.from(entries, ([i]) => i),
  scores: Float64Array.from(entries, ([, s]) => s),
  termsOf: () => [],
});

describe('link propagation', () => {
  const graph = new LinkGraph(docs, passages);

  it('links a definition to the passages using its term, and a recital to the article it cites', () => {
    expect(graph.targets(1, { cites: false, defines: true, citedBy: false })).toEqual([2]);
    expect(graph.targets(0, { cites: true, defines: false, citedBy: false })).toEqual([2]);
    expect(graph.targets(3, options.kinds)).toEqual([]);
  });

  it('passes a share of the best linking source’s score, adding passages no word matched', () => {
    const out = propagate(candidates([[1, 10]]), graph, options);
    expect([...out.ids]).toEqual([1, 2]);
    expect([...out.scores]).toEqual([10, 3]);
    const both = propagate(
      candidates([
        [0, 4],
        [1, 10],
        [2, 1],
      ]),
      graph,
      options,
    );
    expect([...both.scores]).toEqual([4, 10, 4]); // the best source's share (3), not the sum
  });

  it('passes nothing from an operative passage when only explanatory ones may, nor at share 0', () => {
    const source = candidates([[2, 10]]);
    expect(propagate(source, graph, options)).toBe(source);
    expect(propagate(source, graph, { ...options, explanatoryOnly: false }).ids.length).toBeGreaterThan(1);
    expect(propagate(candidates([[1, 10]]), graph, { ...options, share: 0 }).ids.length).toBe(1);
  });
});
