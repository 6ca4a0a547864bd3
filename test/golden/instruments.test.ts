// Every instrument corpus/instruments.json takes from a held document is cited at the place it names.
import { describe, expect, it } from 'vitest';
import { citedInstruments } from '../../scripts/cited-instruments.js';
import { loadCatalog } from '../../src/corpus/catalog.js';
import {
  CITED_INSTRUMENTS_PATH,
  loadInstruments,
  loadKnownInstruments,
} from '../../src/corpus/instruments.js';
import { describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('known instruments cited by the held documents', () => {
  it('names each at the cited place: its name, an alias or its number', async () => {
    for (const entry of loadKnownInstruments()) {
      if (!('citedIn' in entry.source)) continue;
      const { citedIn, locator } = entry.source;
      const at = (await realPassages(citedIn)).filter((passage) => passage.locator === locator);
      expect(at.length, `${entry.id}: ${citedIn} ${locator}`).toBeGreaterThan(0);
      const numbers = [entry.name, ...entry.aliases].flatMap((name) => name.match(/\d[\d/.-]{2,}\d/g) ?? []);
      const says = (text: string) =>
        [entry.name, ...entry.aliases, ...numbers].some((name) => text.includes(name));
      expect(
        at.some((passage) => says(passage.text)),
        `${entry.id} at ${citedIn} ${locator}`,
      ).toBe(true);
    }
  }, 120_000);
});

describe.runIf(describeGolden)('the generated list of instruments the held documents cite by number', () => {
  it('is what scripts/cited-instruments.ts writes from the synced corpus', async () => {
    const catalog = loadCatalog();
    const passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    const generated = citedInstruments(catalog, passages, loadInstruments());
    expect(loadInstruments(CITED_INSTRUMENTS_PATH)).toEqual(generated);
    // The EU acts the AI Act and the GDPR cite, the orders the US documents cite; none the hand list has.
    const ids = generated.map((entry) => entry.id);
    expect(ids).toEqual(expect.arrayContaining(['eu-reg-2008-765', 'us-eo-14074']));
    expect(ids).not.toContain('eu-dir-2016-680');
    expect(ids).not.toContain('eu-dir-1995-46');
    expect(generated.find((entry) => entry.id === 'us-eo-14074')).toMatchObject({
      date: '2022-05-25',
      title: expect.stringContaining('Advancing Effective, Accountable Policing'),
    });
    expect(generated.find((entry) => entry.id === 'eu-reg-2016-425')).toMatchObject({
      date: '2016-03-09',
      url: 'https://eur-lex.europa.eu/eli/reg/2016/425/oj',
    });
  }, 120_000);
});
