// Ranking in stages: fusion, named signals that can be switched off one at a time, and the evidence a search
// reports for the answer core to judge (search itself never decides that an answer is weak).
import { describe, expect, it } from 'vitest';
import { isFlagged, isWeak, WEAK_COVERAGE } from '../../src/answer/judge.js';
import { fuse } from '../../src/search/fusion.js';
import { CorpusIndex, DEFAULT_SIGNALS, SIGNAL_NAMES } from '../../src/search/index.js';
import { focusDocuments } from '../../src/search/signals.js';
import type { SearchEvidence } from '../../src/search/types.js';
import { docs, passages } from './search-fixture.js';

const ids = (index: CorpusIndex, query: string) =>
  index.search(query, { limit: 10 }).hits.map((hit) => hit.passages.map((p) => p.id).join('+'));

describe('fusion', () => {
  it('keeps one source as it is and sums a passage proposed by several', () => {
    const one = { ids: Int32Array.of(3, 1), scores: Float64Array.of(2, 5), termsOf: () => ['a'] };
    expect(fuse([one], 10)).toBe(one);
    const other = { ids: Int32Array.of(1, 7), scores: Float64Array.of(0, 4), termsOf: () => [] };
    const fused = fuse([one, other], 10);
    expect([...fused.ids]).toEqual([3, 1, 7]);
    expect([...fused.scores]).toEqual([2, 5, 4]);
    expect(fused.termsOf(1)).toEqual(['a']);
  });
});

describe('signals', () => {
  const index = CorpusIndex.build(docs, passages, { bridge: null });

  it('are all on by default but the ones measured and not kept, and each has a name', () => {
    // Issue 18 measured these and did not keep them (README, "What each stage brought", "Chinese questions",
    // "A meaning source", "Chinese questions, third round", "Everyday words, fourth round", "Document routing
    // and a learned fusion", "Situations in everyday words": definedInstances; issue 18 seventh round: compoundLock).
    const notKept = [
      'compoundLock',
      'definitionBridge',
      'definedInstances',
      'feedback',
      'zhEnBridge',
      'zhSharedSense',
      'linkPropagation',
      'derivations',
      'everydayBridge',
      'documentPrior',
      'timeLimit',
    ];
    expect(SIGNAL_NAMES.filter((name) => !DEFAULT_SIGNALS[name])).toEqual(notKept);
    expect(index.options.signals).toEqual(DEFAULT_SIGNALS);
  });

  it('can be switched off one at a time, changing only what they do', () => {
    const query = 'social scoring';
    const without = (name: (typeof SIGNAL_NAMES)[number]) =>
      CorpusIndex.build(docs, passages, { bridge: null, signals: { ...DEFAULT_SIGNALS, [name]: false } });
    // Recitals are demoted by nonOperative: without it, the recital scores as its words say.
    const on = index.search(query, { limit: 10 }).hits;
    const off = without('nonOperative').search(query, { limit: 10 }).hits;
    const recital = (hits: typeof on) => hits.find((hit) => hit.passages[0]!.id.includes('recital'))!.score;
    expect(recital(off)).toBeCloseTo(recital(on) * 2);
    // A signal that does not bear on the question leaves its ranking exactly as it was.
    expect(ids(without('bothSides'), query)).toEqual(ids(index, query));
  });
});

describe('documentFocus', () => {
  const docOf = (docId: string) => ({ docId }) as (typeof passages)[number];
  it('lowers a passage that matches alone in its document below one whose document has more support', () => {
    // Passage 0 is the best single match, but its document has nothing else; document b has three.
    const corpus = [docOf('a'), docOf('b'), docOf('b'), docOf('b')];
    const ids = Int32Array.of(0, 1, 2, 3);
    const scores = Float64Array.of(10, 8, 6, 6);
    focusDocuments(ids, scores, corpus, 3, 0.5);
    expect(scores[1]).toBe(8);
    expect(scores[0]).toBeCloseTo(10 * Math.sqrt(10 / 20));
    expect(scores[0]!).toBeLessThan(scores[1]!);
  });

  it('leaves scores alone with an exponent of 0 and counts only the best `depth` passages', () => {
    const corpus = [docOf('a'), docOf('b'), docOf('b')];
    const scores = Float64Array.of(10, 6, 6);
    focusDocuments(Int32Array.of(0, 1, 2), scores, corpus, 1, 0);
    expect([...scores]).toEqual([10, 6, 6]);
    focusDocuments(Int32Array.of(0, 1, 2), scores, corpus, 1, 1);
    expect(scores[0]).toBe(10);
    expect(scores[1]).toBeCloseTo(3.6);
    expect(scores[2]).toBeCloseTo(3.6);
  });
});

describe('evidence and judging', () => {
  const evidence = (over: Partial<SearchEvidence>): { evidence: SearchEvidence } => ({
    evidence: { searched: true, named: [], asksWhen: false, considered: 3, coverage: 1, ...over },
  });

  it('search reports evidence, never a verdict', () => {
    const index = CorpusIndex.build(docs, passages, { bridge: null });
    const response = index.search('social scoring');
    expect(response.evidence?.searched).toBe(true);
    expect(response.evidence?.coverage).toBeGreaterThan(WEAK_COVERAGE);
    expect('weak' in response).toBe(false);
    expect(isWeak(index.search('xyzzy plugh'))).toBe(true);
  });

  it('judges weak from coverage unless the question names a document or asks when', () => {
    expect(isWeak(evidence({ coverage: WEAK_COVERAGE / 2 }))).toBe(true);
    expect(isWeak(evidence({ coverage: WEAK_COVERAGE }))).toBe(false);
    expect(isWeak(evidence({ coverage: 0, named: ['eu-ai-act-2024'] }))).toBe(false);
    expect(isWeak(evidence({ coverage: 0, asksWhen: true }))).toBe(false);
    expect(isWeak(evidence({ considered: 0, coverage: 0 }))).toBe(true);
    expect(isWeak(evidence({ coverage: null }))).toBe(false);
    expect(isWeak(evidence({ searched: false, named: ['eu-ai-act-2024'] }))).toBe(true);
    expect(isWeak({})).toBe(false);
  });

  it('flags a question naming what Charter lacks', () => {
    expect(isFlagged({ ...evidence({}), missing: [{ kind: 'place', name: 'Korea' } as never] })).toBe(true);
    expect(isFlagged(evidence({}))).toBe(false);
  });
});
