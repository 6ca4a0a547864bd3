// No reader question is a question of a relevance set we tune or measure on: the questions are indexed, so a
// set question written into them would be found by its own words (the blind sets are checked by the lead).
import { describe, expect, it } from 'vitest';
import { loadAsks } from '../../src/corpus/asks.js';
import { loadSet, relevanceSetPaths } from '../../tools/eval/eval.js';

const key = (q: string) => q.toLowerCase().replace(/\s+/g, ' ').trim();

describe('reader questions and the relevance sets', () => {
  it('share no question (case and white space aside)', () => {
    const asked = new Set(loadAsks().map((question) => key(question.q)));
    const shared: string[] = [];
    for (const path of relevanceSetPaths()) {
      const set = loadSet(path);
      for (const { q } of [...set.answerable, ...set.missing, ...set.offtopic])
        if (asked.has(key(q))) shared.push(`${set.name}: ${q}`);
    }
    expect(shared).toEqual([]);
  });
});
