// One answer shows each passage once: a result already shown inside a higher-ranked one is dropped, and a
// result containing higher-ranked ones takes the first one's place (src/answer/ask.ts foldNested).
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
});
