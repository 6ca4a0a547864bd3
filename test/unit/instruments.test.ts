// corpus/instruments.json: facts about instruments Charter does not hold, each from a source one can check.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { INSTRUMENTS_PATH, loadInstruments, parseInstruments } from '../../src/corpus/instruments.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { tokens } from '../../src/search/text.js';

const MIRROR = process.env.CHARTER_MIRROR ?? '';

describe('known instruments', () => {
  const catalog = loadCatalog();
  const instruments = loadInstruments();

  it('validates, each entry with a name, an issuer, a date, a kind and a checkable source', () => {
    expect(instruments.length).toBeGreaterThanOrEqual(40);
    expect(parseInstruments(JSON.parse(readFileSync(INSTRUMENTS_PATH, 'utf8')))).toEqual(instruments);
    for (const entry of instruments) {
      if ('citedIn' in entry.source)
        expect(
          catalog.map((d) => d.id),
          entry.id,
        ).toContain(entry.source.citedIn);
      if (entry.url) expect(entry.url, entry.id).toMatch(/^https:\/\//);
    }
    // The examples are there, with their official pages.
    const byId = (id: string) => instruments.find((entry) => entry.id === id)!;
    expect(byId('uk-bletchley-declaration-2023')).toMatchObject({
      name: 'Bletchley Declaration',
      issuer: '28 countries and the EU',
      place: 'Bletchley Park',
      date: '2023-11-01',
    });
    for (const id of ['kr-seoul-declaration-2024', 'fr-paris-statement-2025', 'oecd-ai-principles-2019'])
      expect(byId(id).url).toBeDefined();
  });

  it('refuses a bad entry with one sentence naming it and the field', () => {
    const bad = { instruments: [{ ...instruments[0]!, date: '19 Oct 2022' }] };
    expect(() => parseInstruments(bad)).toThrow(
      /entry "eu-dsa-2022" has a bad field "date": must be a date written YYYY-MM-DD\./,
    );
    const twice = { instruments: [instruments[0]!, instruments[0]!] };
    expect(() => parseInstruments(twice)).toThrow(/listed twice/);
  });

  // An alias may run on from a held name ("NIST Privacy Framework": "NIST" is the AI RMF's alias; the detector
  // takes a known name that runs on from a held one for the known one), never be one whole.
  it('lists nothing Charter holds (a news report about an instrument is not the instrument)', () => {
    const names = new DocNameMatcher(catalog);
    const held = new Map(catalog.map((doc) => [doc.id, doc]));
    for (const entry of instruments)
      for (const alias of [entry.name, ...entry.aliases]) {
        const words = tokens(alias).length;
        const found = names
          .findExact(alias)
          .filter((name) => held.get(name.docId)?.kind !== 'news')
          .filter((name) => name.start === 0 && name.end >= words);
        expect(
          found.map((name) => name.docId),
          `${entry.id}: ${alias}`,
        ).toEqual([]);
      }
  });

  it.runIf(MIRROR)('takes the facts of mirror entries from the mirror’s records', () => {
    for (const entry of instruments) {
      if (!('mirror' in entry.source)) continue;
      const record = JSON.parse(readFileSync(`${MIRROR}/${entry.source.mirror}`, 'utf8'));
      expect(record.date, entry.id).toBe(entry.date);
      if (entry.url) expect(record.officialUrl, entry.id).toContain(entry.url.replace(/-the-leaders.*$/, ''));
    }
  });
});
