import { describe, expect, it } from 'vitest';
import { copyDocId, growCorpus, perturbText, vocabularyOf } from '../../bench/grow.js';
import { addTypos, benchQuestions, truncate } from '../../bench/questions.js';
import { seededRandom } from '../../bench/stats.js';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import type { Passage } from '../../src/corpus/types.js';
import type { RelevanceQuestion } from '../../tools/eval/eval.js';

// Made-up fixture text (not corpus text).
const TEXTS = [
  'Operators shall keep a register of every robot they deploy. The register must be kept for five years.',
  'A supplier shall ensure that each system is tested before use; tests shall be documented.',
  'Members may ask the board for advice on data handling and risk measures at any time.',
];

function passage(docId: string, n: number, text: string): Passage {
  return {
    id: `${docId}#sec:${n}`,
    docId,
    locator: `Sec. ${n}`,
    path: [`sec:${n}`],
    headingPath: [`Section ${n} Duties`],
    text,
    seq: n,
  };
}

const passages = [
  passage('alpha', 1, TEXTS[0]!),
  passage('alpha', 2, TEXTS[1]!),
  passage('beta', 1, TEXTS[2]!),
];
const docs = [
  { id: 'alpha', title: 'Alpha Rules', shortTitle: 'Alpha', aliases: ['the alpha rules'] },
  { id: 'beta', title: 'Beta Code', shortTitle: 'Beta', aliases: [] },
] as unknown as CatalogDocument[];
const vocabulary = vocabularyOf(passages);
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('perturbText', () => {
  it('is deterministic for a seed, and changes the wording', () => {
    const once = perturbText(TEXTS[0]!, seededRandom(1), vocabulary);
    expect(perturbText(TEXTS[0]!, seededRandom(1), vocabulary)).toBe(once);
    expect(once).not.toBe(TEXTS[0]);
    expect(perturbText(TEXTS[0]!, seededRandom(2), vocabulary)).not.toBe(once);
  });

  it('keeps the length in words (swaps, never drops)', () => {
    for (let seed = 0; seed < 20; seed++) {
      for (const text of TEXTS)
        expect(words(perturbText(text, seededRandom(seed), vocabulary))).toHaveLength(words(text).length);
    }
  });

  it('changes term statistics: over many copies some words differ and new terms appear', () => {
    const original = new Set(words(TEXTS.join(' ')));
    const copies = Array.from({ length: 50 }, (_, seed) =>
      perturbText(TEXTS[1]!, seededRandom(seed), vocabulary),
    );
    const changed = copies.flatMap(words).filter((word) => !original.has(word));
    expect(changed.length).toBeGreaterThan(20);
  });
});

describe('growCorpus', () => {
  it('makes factor copies with new, unique ids and documents to match', () => {
    const grown = growCorpus(docs, passages, 3);
    expect(grown.passages).toHaveLength(9);
    expect(grown.docs.map((d) => d.id)).toEqual([
      'alpha',
      'beta',
      'alpha-x2',
      'beta-x2',
      'alpha-x3',
      'beta-x3',
    ]);
    expect(new Set(grown.passages.map((p) => p.id)).size).toBe(9);
    const docIds = new Set(grown.docs.map((d) => d.id));
    for (const p of grown.passages) {
      expect(docIds.has(p.docId)).toBe(true);
      expect(p.id.startsWith(`${p.docId}#`)).toBe(true);
    }
    expect(grown.passages.slice(0, 3)).toEqual(passages);
    expect(grown.docs.find((d) => d.id === copyDocId('alpha', 2))?.aliases).toEqual([]);
  });

  it('is the same corpus every run', () => {
    expect(growCorpus(docs, passages, 4)).toEqual(growCorpus(docs, passages, 4));
  });
});

describe('benchQuestions', () => {
  const relevance: RelevanceQuestion[] = [
    { q: 'how long must operators keep the robot register?', docId: 'alpha', snippet: 'kept for five years' },
    { q: 'can members ask the board for advice?', docId: 'beta', snippet: 'ask the board for advice' },
  ];

  it('fills up to the minimum and keeps each question relevant to its passage', () => {
    const questions = benchQuestions(relevance, docs, 40);
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => q.variant === 'original').map((q) => q.q)).toEqual(
      relevance.map((r) => r.q),
    );
    for (const q of questions)
      expect(relevance.some((r) => r.docId === q.docId && r.snippet === q.snippet)).toBe(true);
    expect(questions.find((q) => q.variant === 'doc-name')?.q).toBe(
      'how long must operators keep the robot register under the Alpha?',
    );
  });

  it('cuts and misspells as described', () => {
    expect(truncate('one two three four five six seven eight nine ten')).toBe('one two three four five six');
    const typed = addTypos('operators register documented obligations everywhere', seededRandom(4));
    expect(words(typed)).toHaveLength(5);
    expect(addTypos('operators register documented obligations everywhere', seededRandom(4))).toBe(typed);
  });
});
