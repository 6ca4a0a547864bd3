// Compounds written closed or open meet the corpus's way of writing them (src/search/compounds.ts), on a
// small corpus of its own: no list of compounds, only what the corpus writes.
import { describe, expect, it } from 'vitest';
import { type CompoundCorpus, compoundTerms } from '../../src/search/compounds.js';
import { termsOf } from '../../src/search/text.js';
import type { WeightedTerm } from '../../src/search/thesaurus.js';

const TEXTS = [
  "'deep fake' means manipulated image, audio or video content",
  'providers of deep fakes shall disclose it',
  'the training dataset shall be documented',
  'each dataset is described, and the data set out in Annex IV',
  'a chatbot must say it is a bot',
  'set forth in the chatbot rules',
];

function corpus(texts: readonly string[]): CompoundCorpus {
  const postings = new Map<string, number[]>();
  texts.forEach((text, i) => {
    for (const term of new Set(termsOf(text))) postings.set(term, [...(postings.get(term) ?? []), i]);
  });
  return {
    frequency: (term) => postings.get(term)?.length ?? 0,
    passagesWith: (term) => postings.get(term) ?? [],
    text: (i) => texts[i]!,
  };
}

function expand(question: string, compoundWeight = 0.5) {
  const terms: WeightedTerm[] = termsOf(question).map((term) => ({ term, weight: 1 }));
  const topic = terms.map((t) => t.term);
  const found = compoundTerms(question, terms, topic, corpus(TEXTS), {
    compoundWeight,
    compoundMinPassages: 2,
  });
  return { terms: Object.fromEntries(terms.map((t) => [t.term, t.weight])), topic, found };
}

describe('compounds', () => {
  it('splits a word the corpus writes as two adjacent words, at full weight when it lacks the word', () => {
    const { terms, topic, found } = expand('what is a deepfake');
    expect(terms).toEqual({ deepfak: 1, deep: 1, fake: 1 });
    expect(topic).toEqual(['deepfak', 'deep', 'fake']);
    expect(found).toEqual([{ term: 'deepfak', other: ['deep', 'fake'] }]);
  });

  it('joins two typed words when the corpus writes them as one word', () => {
    const { terms } = expand('which data set is used');
    expect(terms.dataset).toBe(0.5);
    expect(expand('talking to a chat bot').terms.chatbot).toBe(1);
  });

  it('joins only words the corpus writes joined, never from a function word', () => {
    // "set forth" is written open; "for the" is not "forth" though they share a stem.
    expect(expand('rules for the deployer').terms.forth).toBeUndefined();
    expect(expand('a way out').terms.awai).toBeUndefined();
  });

  it('splits only into a pair the corpus writes next to each other often enough', () => {
    // "data" and "set" are both corpus words, but next to each other once only ("data set out").
    expect(expand('the dataset').found).toEqual([]);
    expect(expand('a dataset', 0).found).toEqual([]);
  });
});
