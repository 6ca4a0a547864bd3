// The learned fusion's weights (src/search/fusion-weights.ts) are what tools/fit-fusion.ts fits on the tuning
// sets over the real corpus: a change of corpus, features or sets that moves the fit fails here until the file is
// generated again (`npx tsx tools/fit-fusion.ts`) and its figures in the README are measured again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect, fitWeights, WEIGHTS_PATH, weightsFile } from '../../tools/fit-fusion.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('learned fusion weights', () => {
  it('are what the fit makes', async () => {
    const passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    const weights = fitWeights([...collect(catalog, passages).values()]);
    expect(readFileSync(WEIGHTS_PATH, 'utf8')).toBe(weightsFile(weights));
  }, 300_000);
});
