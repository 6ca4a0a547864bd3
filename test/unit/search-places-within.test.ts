// A city or an EU member state named in a question stands for the jurisdiction it lies in (`placesWithin`,
// corpus/cities.json, places.ts): "our AI product in montreal" steers to Canada's document as "in canada" does.
// Invented passages, real catalog.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CITIES_PATH, generateCities } from '../../scripts/cities.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';
import { loadCities, loadPlaces, placesWithin } from '../../src/search/places.js';
import { docs, passage } from './search-fixture.js';

const AIDA = 'ca-aida-2022';
const GDPR = 'eu-gdpr-2016';
const UK = 'uk-ai-opportunities-action-plan-2025';
const passages: Passage[] = [
  passage(UK, ['rec:33'], 'The government will tell each AI product team when trust in a product falls.'),
  passage(UK, ['rec:34'], 'The government will fund AI products that help the public.'),
  passage(AIDA, ['sec:12'], 'A person must notify the Minister if the product hurt a person.'),
  passage(
    GDPR,
    ['art:77', '1'],
    'Every data subject has the right to lodge a complaint with a supervisory authority.',
  ),
  passage(GDPR, ['art:78', '1'], 'Every person has the right to an effective judicial remedy.'),
  passage(UK, ['rec:35'], 'Where to complain about public services will be made clear.'),
  ...[
    'Agencies shall publish guidance on hiring tools.',
    'Each agency shall name a chief officer.',
    'The board shall meet twice a year.',
    'The secretary shall report to the president.',
  ].map((text, k) => passage('us-eo-14110-2023', [`sec:${k + 2}`], text)),
];

// inForce and documentFocus off: AIDA died on the order paper, and one passage of it against three of the UK's
// plan would be weighed down by both; each stage is measured alone.
const build = (placesWithin: boolean) =>
  CorpusIndex.build(docs, passages, {
    bridge: null,
    asks: null,
    signals: { ...DEFAULT_SIGNALS, inForce: false, documentFocus: false, placesWithin },
  });
const docOfFirst = (index: CorpusIndex, query: string) =>
  index.search(query, { limit: 3 }).hits[0]!.passages[0]!.docId;

describe('placesWithin', () => {
  const on = build(true);
  const off = build(false);

  it('reads a city as the jurisdiction it lies in', () => {
    const query = 'our AI product in montreal hurt someone, do we have to tell the government?';
    expect(docOfFirst(off, query)).toBe(UK);
    expect(docOfFirst(on, query)).toBe(AIDA);
    expect(on.search(query, { limit: 3 }).hits[0]!.passages[0]!.id).toBe(`${AIDA}#sec:12`);
  });

  it('reads an EU member state, by name or adjective, as the EU', () => {
    const query = 'i live in the netherlands and a polish company lost my data, where do i complain';
    expect(docOfFirst(off, query)).toBe(UK);
    expect(docOfFirst(on, query)).toBe(GDPR);
  });

  it('steers the ranking only: the judge is not told the question names a held place', () => {
    const query = 'road trip from lisbon to seville, where do we stop';
    expect(on.search(query, { limit: 3 }).evidence?.places ?? []).toEqual([]);
    expect(on.search('data lost in the eu, where do i complain', { limit: 3 }).evidence?.places).toEqual([
      'EU',
    ]);
  });
});

describe('the places inside the held jurisdictions', () => {
  const held = new Set(docs.map((doc) => doc.jurisdiction));
  const names = placesWithin(
    loadPlaces(),
    loadCities(),
    held,
    docs.flatMap((doc) => [doc.title, doc.shortTitle, ...doc.aliases]),
  );
  const where = (name: string) => names.filter((n) => n.tokens.join(' ') === name).map((n) => n.jurisdiction);

  it('lie in the jurisdiction Charter holds documents of: a state, a country, or the EU for its members', () => {
    expect(where('chicago')).toEqual(['US-IL']);
    expect(where('colorado springs')).toEqual(['US-CO']);
    expect(where('toronto')).toEqual(['CA']);
    expect(where('munich')).toEqual(['EU']);
    expect(where('germany')).toEqual(['EU']);
    expect(where('dutch')).toEqual(['EU']);
    expect(where('osaka')).toEqual(['JP']);
    // A city of a place Charter holds nothing from, or of a US state it holds no law of, is not read.
    expect(where('houston')).toEqual([]);
    expect(where('seoul')).toEqual([]);
  });

  it('leave out common words, names a held document is called by, and places read already', () => {
    // WordNet writes "reading" and "nice" in lower case: words, not only cities.
    expect(where('reading')).toEqual([]);
    expect(where('nice')).toEqual([]);
    // Hiroshima is in the names of the G7's code and principles: there it names them.
    expect(where('hiroshima')).toEqual([]);
    // Singapore and Illinois are read by `placeNames` already.
    expect(where('singapore')).toEqual([]);
  });

  it('come from corpus/cities.json, which is what scripts/cities.ts writes from the installed packages', () => {
    expect(JSON.parse(readFileSync(CITIES_PATH, 'utf8'))).toEqual(generateCities());
  });
});
