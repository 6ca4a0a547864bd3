// Document routing (routing.ts) and the learned fusion's features and weights (learned.ts), on invented passages.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { FUSION_WEIGHTS } from '../../src/search/fusion-weights.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';
import { applyWeights, FUSION_FEATURES, fusionFeatures } from '../../src/search/learned.js';
import { Provisions } from '../../src/search/provisions.js';
import { type AnalyzedQuery, analyzeQuery } from '../../src/search/query.js';
import { DocumentRouter } from '../../src/search/routing.js';
import { docs } from './search-fixture.js';

const catalog = new Map(docs.map((doc) => [doc.id, doc]));
const make = (docId: string, path: string[], text: string, heading = ''): Passage => ({
  id: `${docId}#${path.join('/')}`,
  docId,
  locator: path.join(' '),
  path,
  headingPath: heading ? [heading] : [],
  text,
  seq: 0,
});
const passages: Passage[] = [
  make(
    'eu-gdpr-2016',
    ['art:33', '1'],
    '1. The controller shall notify the breach to the supervisory authority within 72 hours.',
    'Article 33 Notification of a personal data breach',
  ),
  make(
    'eu-gdpr-2016',
    ['art:4', '12'],
    "(12) 'personal data breach' means a breach of security leading to disclosure;",
    'Article 4 Definitions',
  ),
  make(
    'us-nist-ai-rmf-1-0-2023',
    ['sec:1'],
    'Organizations should notify stakeholders about incidents and breach of trust.',
    'Guidance',
  ),
  make(
    'us-il-bipa-2008',
    ['sec:15', 'a'],
    '(a) A private entity in possession of biometric identifiers must develop a written policy:',
    'Sec. 15',
  ),
];
const query = (text: string): AnalyzedQuery => analyzeQuery(text, { findExact: () => [] } as never, {});

describe('document routing', () => {
  const router = new DocumentRouter(passages, catalog);

  it('scores the best document 0 and the others below it, per unit of the question weight', () => {
    const relative = router.relative(query('biometric identifiers written policy').terms, 100)!;
    const bipa = router.docIds.indexOf('us-il-bipa-2008');
    expect(relative[bipa]).toBe(0);
    for (let d = 0; d < relative.length; d++) if (d !== bipa) expect(relative[d]).toBeLessThan(0);
  });

  it("counts the catalog's names: 'illinois' routes to BIPA though no passage says it", () => {
    const relative = router.relative(query('illinois').terms, 100)!;
    expect(router.docIds[relative.indexOf(0)]).toBe('us-il-bipa-2008');
  });

  it('has nothing to say about words no document uses', () => {
    expect(router.relative(query('zebra giraffe').terms, 100)).toBeUndefined();
  });
});

describe('learned fusion', () => {
  const context = (text: string) => ({
    passages,
    docs: catalog,
    query: query(text),
    provisions: () => new Provisions(passages),
    router: () => new DocumentRouter(passages, catalog),
    priorMu: 100,
  });
  const ids = Int32Array.from(passages.keys());
  const feature = (text: string, name: (typeof FUSION_FEATURES)[number]) => {
    const features = fusionFeatures(ids, context(text));
    const f = FUSION_FEATURES.indexOf(name);
    return [...ids].map((k) => features[k * FUSION_FEATURES.length + f]!);
  };

  it('marks guidance only in a question of what one must or may do, and definitions by what is asked', () => {
    expect(feature('do we have to notify a breach', 'nonBindingDuty')).toEqual([0, 0, 1, 0]);
    expect(feature('notify a breach', 'nonBindingDuty')).toEqual([0, 0, 0, 0]);
    expect(feature('what does personal data breach mean', 'definitionAsked')[1]).toBe(1);
    expect(feature('what does personal data breach mean', 'definition')[1]).toBe(0);
    expect(feature('breach of security', 'definition')[1]).toBe(1);
  });

  it('multiplies each score by exp of the weighted features, and leaves them alone with all weights 0', () => {
    const scores = Float64Array.from([1, 1, 1, 1]);
    applyWeights(
      ids,
      scores,
      context('notify a breach'),
      FUSION_FEATURES.map(() => 0),
    );
    expect([...scores]).toEqual([1, 1, 1, 1]);
    const weights = FUSION_FEATURES.map((name) => (name === 'nonBinding' ? -1 : 0));
    applyWeights(ids, scores, context('notify a breach'), weights);
    expect(scores[2]).toBeCloseTo(Math.exp(-1));
    expect(scores[0]).toBe(1);
  });

  it('has one weight per feature, and is a switch', () => {
    expect(FUSION_WEIGHTS).toHaveLength(FUSION_FEATURES.length);
    const off = CorpusIndex.build(docs, passages, {
      bridge: null,
      signals: { ...DEFAULT_SIGNALS, learnedFusion: false },
    });
    const on = CorpusIndex.build(docs, passages, {
      bridge: null,
      fusionWeights: FUSION_FEATURES.map(() => 0),
    });
    const ranked = (index: CorpusIndex) =>
      index
        .search('notify the supervisory authority', { limit: 5 })
        .hits.map((hit) => [hit.passages[0]!.id, hit.score]);
    expect(ranked(on)).toEqual(ranked(off));
  });
});
