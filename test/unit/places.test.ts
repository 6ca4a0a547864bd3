// corpus/places.json is generated from maintained packages: it must be exactly what the script makes of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePlaces, PLACES_PATH } from '../../scripts/places.js';
import { loadPlaces } from '../../src/search/places.js';

describe('places', () => {
  it('is what scripts/places.ts writes from the installed world-countries and states-us', () => {
    expect(JSON.parse(readFileSync(PLACES_PATH, 'utf8'))).toEqual(generatePlaces());
  });

  it('knows countries by name, short name and demonym, and US states', () => {
    const codes = (name: string) =>
      loadPlaces()
        .filter((place) => place.names.includes(name))
        .map((place) => place.code);
    expect(codes('Korea')).toEqual(['KP', 'KR']);
    expect(codes('South Korean')).toEqual(['KR']);
    expect(codes('British')).toEqual(['UK']);
    expect(codes('Texas')).toEqual(['US-TX']);
    expect(codes('Georgia').sort()).toEqual(['GE', 'US-GA']);
  });
});
