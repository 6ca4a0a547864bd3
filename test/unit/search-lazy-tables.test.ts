// The bridge tables a question may need (GloVe neighbours, the Chinese–English table) are read on the first
// question that needs them, never when an index is built or loaded: start-up and the heap after load do not
// pay for them (`npm run bench` reports both; README, Speed). General English frequencies are read when the
// index is made: the missing-name detector's place finder needs them then (clipped place names).
import { describe, expect, it } from 'vitest';
import { zhEnTableLoaded } from '../../src/search/bilingual.js';
import { gloveLoaded } from '../../src/search/glove.js';
import { CorpusIndex } from '../../src/search/index.js';
import { docs, passages } from './search-fixture.js';

describe('bridge tables', () => {
  it('are read on the first question that needs them, not at build or load', () => {
    const built = CorpusIndex.build(docs, passages);
    CorpusIndex.load(docs, JSON.parse(JSON.stringify(built.toJSON())));
    expect([gloveLoaded(), zhEnTableLoaded()]).toEqual([false, false]);
    built.search('we got hacked: may machines score people by their social behaviour');
    expect([gloveLoaded(), zhEnTableLoaded()]).toEqual([true, false]);
    built.search('深度合成服务提供者');
    expect(zhEnTableLoaded()).toBe(true);
  });
});
