// Fuzzed references ("Art. 99999", "Recital 0", "Annex XIV", nonsense, a real document with a place it
// does not have, mixtures) through /quote, /ask and /quote's autocomplete, over the real resolver and
// search: fixture passages for volume, then a few real documents. A quote always names the place it shows
// and shows only words of the corpus; a reference that cannot be resolved is told why in a sentence.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlaceId, placeLocator } from '../../src/answer/places.js';
import type { Charter } from '../../src/app.js';
import { customIds, dataOf } from '../fixtures/discord/harness.js';
import { autocomplete, FRIEND, slash } from '../fixtures/discord/interactions.js';
import type { RawDispatcher as Dispatcher } from '../fixtures/discord/parsed.js';
import { describeGolden } from '../support/corpus.js';
import { fixtureCharter, fuzzDispatcher, realCharter } from './charters.js';
import { REFERENCE_CATEGORIES } from './inputs.js';
import { REAL_REFERENCE_RUNS, REFERENCE_RUNS } from './runs.js';
import { caseCounter, checkResult, expectVerbatim, haystackOf, runParams } from './support.js';

const counter = caseCounter('references');
afterAll(() => counter.write());

/** A quote names exactly what it shows: its title ends in the locator of the place its Cite button cites. */
function expectTitleNamesPlace(charter: Charter, data: ReturnType<typeof dataOf>): void {
  const cite = customIds(data).find((id) => id.startsWith('c1|cite|0|'));
  if (!cite) return;
  const place = parsePlaceId(cite.split('|')[3]!)!;
  const doc = charter.docs.find((d) => d.id === place.docId)!;
  const locator = placeLocator(doc, charter.services.passagesOf(doc.id), place.path);
  expect(data.embeds![0]!.title!.endsWith(` · ${locator}`) || data.embeds![0]!.title!.endsWith('…')).toBe(
    true,
  );
}

async function oneCase(
  charter: Charter,
  dispatcher: Dispatcher,
  haystack: string,
  reference: string,
  mention: boolean,
) {
  const quote = await dispatcher.dispatch(
    slash('quote', { reference, ...(mention ? { mention: FRIEND } : {}) }),
  );
  const kind = checkResult(quote, mention ? { mention: FRIEND } : {});
  counter.note(`quote:${kind}`);
  if (kind === 'message') {
    expectVerbatim(dataOf(quote.response), haystack);
    expectTitleNamesPlace(charter, dataOf(quote.response));
  }
  const ask = await dispatcher.dispatch(slash('ask', { question: reference }));
  if (checkResult(ask) === 'message') expectVerbatim(dataOf(ask.response), haystack);
  // Autocomplete as the user types: a prefix, then the whole reference.
  for (const partial of [reference.slice(0, Math.ceil(reference.length / 2)), reference]) {
    checkResult(await dispatcher.dispatch(autocomplete('quote', 'reference', partial)));
  }
}

function suite(name: string, make: () => Charter | Promise<Charter>, runs: number) {
  let charter: Charter;
  let dispatcher: Dispatcher;
  let errors: string[];
  let haystack: string;
  beforeAll(async () => {
    charter = await make();
    ({ dispatcher, errors } = fuzzDispatcher(charter));
    haystack = haystackOf(charter.index.passages);
  });

  for (const [category, arbitrary] of Object.entries(REFERENCE_CATEGORIES)) {
    it(`${category}: answered with the place named, or a sentence saying why not`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, fc.boolean(), async (reference, mention) => {
          counter.add(`${name}:${category}`);
          await oneCase(charter, dispatcher, haystack, reference, mention);
        }),
        runParams(runs),
      );
    });
  }

  it('no handler failed', () => expect(errors).toEqual([]));
}

describe('fuzzed references over fixture passages', () => suite('fixture', fixtureCharter, REFERENCE_RUNS));

describe.runIf(describeGolden)('fuzzed references over real documents', () => {
  suite('real', realCharter, REAL_REFERENCE_RUNS);

  it('out-of-range places in a real document are refused with what the document has', async () => {
    const charter = await realCharter();
    const { dispatcher } = fuzzDispatcher(charter);
    const cases: [string, RegExp][] = [
      ['Art. 99999 AI Act', /Articles 1–113/],
      ['Recital 0 AI Act', /Recitals 1–180/],
      ['Recital 181 AI Act', /Recitals 1–180/],
      ['Annex XIV AI Act', /Did you mean: `AI Act Annex/],
      ['AI Act Art. 5(99)(z)', /has no Art\. 5\(99\)\(z\)/],
    ];
    for (const [reference, why] of cases) {
      const result = await dispatcher.dispatch(slash('quote', { reference }));
      expect(checkResult(result)).toBe('notice');
      expect(dataOf(result.response).embeds![0]!.description).toMatch(why);
      // /ask never passes other places off as the one asked for: it says it could not quote it first.
      const asked = await dispatcher.dispatch(slash('ask', { question: reference }));
      if (checkResult(asked) === 'message')
        expect(dataOf(asked.response).content).toMatch(/^Could not quote “/);
    }
  });
});
