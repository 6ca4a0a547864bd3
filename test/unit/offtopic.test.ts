// Off-topic questions: words weighed by how much more the corpus uses them than English at large.
import { describe, expect, it } from 'vitest';
import { isOffTopic, isWeak, OFFTOPIC_BEST } from '../../src/answer/judge.js';
import { englishFrequencies } from '../../src/search/frequencies.js';
import { topicality } from '../../src/search/offtopic.js';
import type { SearchEvidence } from '../../src/search/types.js';

// A corpus of 6,000 passages as far as these words go: governance words are frequent, everyday ones rare.
const passages = 6000;
const counts: Record<string, number> = {
  ban: 60,
  social: 300,
  score: 120,
  eu: 2000,
  deepfak: 25,
  weather: 2,
  tomorrow: 1,
  best: 140,
  top: 20,
  chain: 60,
};
const options = { english: englishFrequencies(), passages, frequency: (term: string) => counts[term] ?? 0 };

describe('topicality', () => {
  it('weighs a governance word far above everyday ones', () => {
    expect(topicality('does the EU ban social scoring?', options).best).toBeGreaterThan(2);
    expect(topicality('what is a deepfake', options).best).toBeGreaterThan(1.5);
    expect(topicality('weather in Berlin tomorrow', options)).toEqual({ words: 3, best: 0, total: 0 });
    // "toppings" is weighed as the index has it (the family of "top"), not as a rare word.
    expect(topicality('best pizza toppings lol', options).best).toBeLessThan(OFFTOPIC_BEST);
  });

  it('skips stop words, numbers and ids, and counts each word once', () => {
    expect(topicality('what is 2024/1689', options).words).toBe(0);
    expect(topicality('ban ban BAN', options).words).toBe(1);
  });
});

describe('judging off-topic questions', () => {
  const evidence = (over: Partial<SearchEvidence>): { evidence: SearchEvidence } => ({
    evidence: {
      searched: true,
      named: [],
      asksWhen: false,
      considered: 3,
      coverage: 1,
      places: [],
      topicality: { words: 3, best: 0, total: 0 },
      ...over,
    },
  });

  it('answers weak a question whose words the corpus does not speak, whatever its coverage', () => {
    expect(isOffTopic(evidence({}))).toBe(true);
    expect(isWeak(evidence({}))).toBe(true);
    expect(isWeak(evidence({ topicality: { words: 3, best: 2.5, total: 4 } }))).toBe(false);
    // Several mildly governance-flavoured words together make it a question about the documents.
    expect(isOffTopic(evidence({ topicality: { words: 4, best: 0.7, total: 2 } }))).toBe(false);
  });

  it('never calls off-topic a question that names a document, a held place, or has no word to weigh', () => {
    expect(isOffTopic(evidence({ named: ['eu-ai-act-2024'] }))).toBe(false);
    expect(isOffTopic(evidence({ places: ['US-IL'], topicality: { words: 5, best: 0.2, total: 0.3 } }))).toBe(
      false,
    );
    expect(isOffTopic(evidence({ places: ['US-IL'] }))).toBe(true);
    expect(isOffTopic(evidence({ topicality: { words: 0, best: 0, total: 0 } }))).toBe(false);
    expect(isOffTopic({})).toBe(false);
  });
});
