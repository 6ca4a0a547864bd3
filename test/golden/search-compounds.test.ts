// Issue 18, compounds written closed or open (src/search/compounds.ts) on the real corpus: "deepfake" finds the
// AI Act's "'deep fake' means …", with or without the AI Act chosen, and is not judged weak.
import { beforeAll, describe, expect, it } from 'vitest';
import { isWeak } from '../../src/answer/judge.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('compounds written closed or open', () => {
  let index: CorpusIndex;
  let alone: CorpusIndex;
  let passages: Passage[];
  beforeAll(async () => {
    passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    index = CorpusIndex.build(catalog, passages);
    // The stage alone: reader questions (readerQuestions) that write "deepfake" or "chatbot" would find the
    // same passages by their own words.
    alone = CorpusIndex.build(catalog, passages, { signals: { ...DEFAULT_SIGNALS, readerQuestions: false } });
  }, 120_000);

  it('answers "what is a deepfake" with AI Act Art. 3(60), over all documents and in the AI Act', () => {
    for (const docs of [undefined, ['eu-ai-act-2024']]) {
      const response = index.search('what is a deepfake', { limit: 5, ...(docs ? { docs } : {}) });
      expect(response.hits[0]!.passages[0]!.id, String(docs)).toBe('eu-ai-act-2024#art:3/60');
      expect(isWeak(response), String(docs)).toBe(false);
    }
  });

  it('joins what the question writes open ("chat bot", "cyber security")', () => {
    // The top five: SB 1001's own "bot" sections rightly come first; the joined word matches the Singapore
    // framework's chatbot case study (fourth since its p. 62 is read in order).
    const terms = (query: string) => alone.search(query, { limit: 5 }).hits.flatMap((hit) => hit.terms);
    expect(terms('rules for a chat bot').map((t) => t.toLowerCase())).toContain('chatbot');
    expect(terms('AI cyber security code').map((t) => t.toLowerCase())).toContain('cybersecurity');
  });

  it("is a switch: off, the AI Act has no passage that holds the question's word", () => {
    const off = CorpusIndex.build(catalog, passages, {
      signals: { ...DEFAULT_SIGNALS, compounds: false, readerQuestions: false },
    });
    expect(isWeak(off.search('what is a deepfake', { limit: 5, docs: ['eu-ai-act-2024'] }))).toBe(true);
  });
});
