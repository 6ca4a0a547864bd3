// One answer shows each passage once: a result already shown inside a higher-ranked one is dropped, and a
// result containing higher-ranked ones takes the first one's place (src/answer/ask.ts foldNested).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ask, foldNested } from '../../src/answer/ask.js';
import type { Passage } from '../../src/corpus/types.js';
import type { SearchHit } from '../../src/search/types.js';
import { fixtureCharter } from '../fixtures/answers/corpus.js';

const passage = (id: string): Passage =>
  ({
    id: `doc#${id}`,
    docId: 'doc',
    locator: id,
    path: id.split('/'),
    headingPath: [],
    text: id,
    seq: 0,
  }) as Passage;
const hit = (score: number, ...ids: string[]): SearchHit => ({
  passages: ids.map(passage),
  score,
  terms: [ids[0]!],
});
const shown = (hits: SearchHit[]) => hits.map((h) => h.passages.map((p) => p.locator).join('+'));

/** foldNested as it was before its shown-set was kept up to date (rebuilt for every hit): the reference. */
function foldNestedReference(hits: readonly SearchHit[]): SearchHit[] {
  const kept: SearchHit[] = [];
  const ids = (hit: SearchHit) => new Set(hit.passages.map((p) => p.id));
  const tooLong = (hit: SearchHit) => hit.passages.length > 12;
  for (const hit of hits) {
    const mine = ids(hit);
    const shownIds = new Set(kept.flatMap((k) => k.passages.map((p) => p.id)));
    if ([...mine].every((id) => shownIds.has(id))) {
      const long = kept.findIndex((k) => tooLong(k) && [...mine].every((id) => ids(k).has(id)));
      if (long >= 0 && !tooLong(hit)) kept[long] = { ...hit, score: Math.max(hit.score, kept[long]!.score) };
      continue;
    }
    const inside = kept.filter((k) => k.passages.every((p) => mine.has(p.id)));
    if (inside.length === 0) {
      kept.push(hit);
      continue;
    }
    if (tooLong(hit)) continue;
    const at = kept.indexOf(inside[0]!);
    const terms = [...new Set([...inside.flatMap((k) => k.terms), ...hit.terms])];
    const score = Math.max(hit.score, ...inside.map((k) => k.score));
    kept[at] = { ...hit, terms, score };
    for (const gone of inside.slice(1)) kept.splice(kept.indexOf(gone), 1);
  }
  return kept;
}

describe('folding nested results', () => {
  it('drops a result a higher-ranked one already shows (Art. 5(1)(c) then 5(1)(c)(ii))', () => {
    const folded = foldNested([hit(9, '5/1/c', '5/1/c/i', '5/1/c/ii'), hit(8, '5/1/c/ii'), hit(7, 'r31')]);
    expect(shown(folded)).toEqual(['5/1/c+5/1/c/i+5/1/c/ii', 'r31']);
  });

  it('lets a containing result take the place of the ones it contains (Sec. 20(a)(1), 20(a)(2), 20(a))', () => {
    const folded = foldNested([
      hit(9, '20/a/1'),
      hit(8, 'other'),
      hit(7, '20/a/2'),
      hit(6, '20/a', '20/a/1', '20/a/2', '20/a/4'),
      hit(5, '20/a/4'),
    ]);
    expect(shown(folded)).toEqual(['20/a+20/a/1+20/a/2+20/a/4', 'other']);
    expect(folded[0]!.score).toBe(9);
    expect(folded[0]!.terms).toEqual(['20/a/1', '20/a/2', '20/a']);
  });

  it('keeps a point found inside a list too long to show whole, instead of the list (Art. 3(60) of 68)', () => {
    const definitions = ['3', ...Array.from({ length: 68 }, (_, i) => `3/${i + 1}`)];
    expect(shown(foldNested([hit(9, '3/60'), hit(8, 'other'), hit(7, ...definitions)]))).toEqual([
      '3/60',
      'other',
    ]);
    expect(shown(foldNested([hit(9, ...definitions), hit(8, 'other'), hit(7, '3/60')]))).toEqual([
      '3/60',
      'other',
    ]);
    const short = ['20/a', '20/a/1', '20/a/2'];
    expect(shown(foldNested([hit(9, '20/a/2'), hit(7, ...short)]))).toEqual([short.join('+')]);
  });

  it('never shows a passage twice in an answer, and still gives --limit results', async () => {
    const { services } = fixtureCharter();
    for (const query of [
      'providers shall',
      'prohibited practices',
      'deep synthesis',
      'risk management',
      'social scoring',
    ]) {
      const result = await ask(services, { query, limit: 5 });
      if (result.kind !== 'found' && result.kind !== 'missing' && result.kind !== 'weak') continue;
      const ids = result.hits.flatMap((h) => h.passages.map((p) => p.id));
      expect(new Set(ids).size, query).toBe(ids.length);
      if (result.more) expect(result.hits, query).toHaveLength(5);
    }
  });
  it('folds exactly as the reference that rebuilt its shown set for every hit (lists long and short)', () => {
    // Hits drawn from a list of 20 points and its lead-in, so containment, long lists (> 12) and a point
    // taking a long list's place all occur.
    const ids = ['l', ...Array.from({ length: 20 }, (_, i) => `l/${i + 1}`), 'x', 'y'];
    const picks = (minLength: number, maxLength: number) =>
      fc.uniqueArray(fc.constantFrom(...ids), { minLength, maxLength });
    const hitArb = fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.oneof(picks(1, 3), picks(13, 21)))
      .map(([score, picked]) => hit(score, ...picked));
    fc.assert(
      fc.property(fc.array(hitArb, { maxLength: 16 }), (hits) => {
        const form = (list: SearchHit[]) => list.map((h) => [shown([h])[0], h.score, h.terms]);
        expect(form(foldNested(hits))).toEqual(form(foldNestedReference(hits)));
      }),
      { numRuns: 2000 },
    );
  });
});
