// How much of a question one reader question holds (asked.ts): the off-topic judge's evidence that a question
// is told in the words readers ask about the documents in.
import { describe, expect, it } from 'vitest';
import { judgeFeatures } from '../../src/answer/learned-judge.js';
import { AskedIndex } from '../../src/search/asked.js';
import { englishFrequencies } from '../../src/search/frequencies.js';
import { topicality } from '../../src/search/offtopic.js';
import type { SearchEvidence } from '../../src/search/types.js';

const readers = new AskedIndex([
  'can my boss track what i type at work',
  'my boss reads my work email, is that allowed',
  'can a shop keep my fingerprint',
  'what does the law say about a boss at work',
]);

describe('AskedIndex', () => {
  it('is the largest share of the words, weighed by rarity, that one reader question holds', () => {
    // "boss", "track", "type", "work" are all in the first question: the whole of it.
    expect(readers.coverage('my boss tracks what i type at work')).toBeCloseTo(1, 6);
    // "boss" and "work" are in three of four questions and weigh little beside "keystroke", which none has.
    const keystroke = readers.coverage('my boss tracks every keystroke at work');
    expect(keystroke).toBeGreaterThan(0.3);
    expect(keystroke).toBeLessThan(0.9);
  });

  it('is low for chatter told in words no reader question uses, and 0 without words or questions', () => {
    expect(readers.coverage('anyone wanna queue ranked valorant tonight')).toBe(0);
    expect(readers.coverage('my model overfits after 3 epochs')).toBe(0);
    expect(readers.coverage('the and of 42')).toBe(0);
    expect(new AskedIndex([]).coverage('my boss tracks what i type')).toBe(0);
  });

  it('is what the learned judge reads as its last feature, when search measured it', () => {
    const options = { english: englishFrequencies(), passages: 6000, frequency: () => 10 };
    const asked = (q: string) => readers.coverage(q);
    const t = topicality('can my boss track what i type', { ...options, asked });
    expect(t.asked).toBeCloseTo(1, 6);
    expect(topicality('can my boss track what i type', options).asked).toBeUndefined();
    const evidence: SearchEvidence = {
      searched: true,
      named: [],
      asksWhen: false,
      considered: 3,
      coverage: 0.5,
      topicality: t,
    };
    expect(judgeFeatures(evidence)?.at(-1)).toBeCloseTo(1, 6);
  });
});
