import { describe, expect, it } from 'vitest';
import { median, percentile, seededRandom, seedOf, shuffled, summarize } from '../../bench/stats.js';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('reads the value at the nearest rank', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
  });

  it('takes the worst of ten for p99, not an interpolation', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 50], 99)).toBe(50);
  });

  it('is 0 for no samples', () => {
    expect(percentile([], 99)).toBe(0);
  });
});

describe('summarize', () => {
  it('does not depend on the order of the samples', () => {
    const times = [5, 1, 4, 2, 3];
    expect(summarize(times)).toEqual(summarize([...times].reverse()));
    expect(summarize(times)).toMatchObject({ n: 5, p50Ms: 3, p99Ms: 5, meanMs: 3 });
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const value of draw(3)) expect(value >= 0 && value < 1).toBe(true);
  });

  it('seeds from strings reproducibly', () => {
    expect(seedOf('a#1')).toBe(seedOf('a#1'));
    expect(seedOf('a#1')).not.toBe(seedOf('a#2'));
  });
});

describe('shuffled', () => {
  it('is a permutation that leaves the input alone', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const out = shuffled(items, seededRandom(9));
    expect(out).not.toEqual(items);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0);
  });
});
