// Every instrument corpus/instruments.json takes from a held document is cited at the place it names.
import { describe, expect, it } from 'vitest';
import { loadInstruments } from '../../src/corpus/instruments.js';
import { describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('known instruments cited by the held documents', () => {
  it('names each at the cited place: its name, an alias or its number', async () => {
    for (const entry of loadInstruments()) {
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
