// WordNet's synonyms read from the installed database files, and the bridge that uses them only for words the
// corpus never uses.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { analyzeQuery } from '../../src/search/query.js';
import { WordNet } from '../../src/search/wordnet.js';

describe('WordNet', () => {
  const wordNet = WordNet.installed()!;

  it('gives the words of the first sense, from the base form of an inflected word', () => {
    expect(wordNet.synonyms('boss')).toEqual(expect.arrayContaining(['foreman', 'chief']));
    expect(wordNet.synonyms('bosses')).toEqual(expect.arrayContaining(['foreman', 'chief']));
    expect(wordNet.synonyms('cities')).toEqual(expect.arrayContaining(['metropolis', 'urban center']));
    expect(wordNet.synonyms('ban')).toContain('prohibition');
  });

  it('gives nothing for words it does not know or cannot hold', () => {
    expect(wordNet.synonyms('chatbot')).toEqual([]);
    expect(wordNet.synonyms('zzzzq')).toEqual([]);
    expect(wordNet.synonyms("o'clock")).toEqual([]);
    expect(wordNet.synonyms('')).toEqual([]);
  });

  it('finds the first and the last lemma of an index file', () => {
    expect(wordNet.synonyms('aardvark')).toContain('anteater');
    expect(wordNet.synonyms('zymurgy')).toEqual(expect.arrayContaining(['zymology']));
  });
});

describe('vocabulary bridge', () => {
  const names = new DocNameMatcher(loadCatalog());
  const bridge = (word: string) =>
    word === 'boss' ? ['employer', 'chief'] : word === 'scoring' ? ['grading'] : [];
  const corpus = new Set(['employ', 'chief', 'grade', 'score']);

  it('adds the documents’ words for a word the corpus never uses, at the bridge weight', () => {
    const { terms } = analyzeQuery('can my boss read my emotions', names, {
      bridge,
      bridgeWeight: 0.6,
      hasTerm: (term) => corpus.has(term),
    });
    expect(terms).toEqual(
      expect.arrayContaining([
        { term: 'employ', weight: 0.6 },
        { term: 'chief', weight: 0.6 },
      ]),
    );
  });

  it('leaves a word the corpus uses alone', () => {
    const { terms } = analyzeQuery('is social scoring allowed', names, {
      bridge,
      bridgeWeight: 0.6,
      hasTerm: (term) => corpus.has(term),
    });
    expect(terms.map((t) => t.term)).not.toContain('grade');
  });
});
