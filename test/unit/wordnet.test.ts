// WordNet's synonyms read from the installed database files, and the bridge that uses them only for words the
// corpus never uses.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { everydayTerms } from '../../src/search/expand.js';
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

  it('knows two words English writes as one noun, from the base form of the second', () => {
    expect(wordNet.isNounCompound('role', 'model')).toBe(true);
    expect(wordNet.isNounCompound('insurance', 'policies')).toBe(true);
    expect(wordNet.isNounCompound('world', 'cup')).toBe(true);
    expect(wordNet.isNounCompound('risk', 'model')).toBe(false);
    expect(wordNet.isNounCompound('Role', 'model')).toBe(false);
    expect(wordNet.isNounCompound('', 'model')).toBe(false);
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

describe('WordNet hypernyms and the everyday bridge (`everydayBridge`, measured and not kept)', () => {
  const wordNet = WordNet.installed()!;

  it('gives the words one step up from the first sense', () => {
    expect(wordNet.hypernyms('leaked')).toEqual(expect.arrayContaining(['disclose', 'reveal']));
    expect(wordNet.hypernyms('boss')).toContain('supervisor');
    expect(wordNet.hypernyms('zzzzq')).toEqual([]);
  });

  it('bridges only words more common in English than in the passages, to words the corpus writes', () => {
    const counts = new Map([
      ['disclos', 5],
      ['reveal', 50],
      ['boss', 0],
      ['supervisor', 4],
    ]);
    const stats = {
      passageCount: 1000,
      frequency: (t: string) => counts.get(t) ?? 0,
      common: new Set<string>(),
    };
    const english = (term: string) => (term === 'leak' || term === 'boss' ? 5 : 3);
    const options = { everydayGate: 1, everydayWeight: 0.3, everydayHypernyms: true };
    const terms = [
      { term: 'leak', weight: 1 },
      { term: 'boss', weight: 1 },
    ];
    everydayTerms('data leaked by my boss', terms, wordNet, stats, english, options);
    const added = Object.fromEntries(terms.slice(2).map((t) => [t.term, t.weight]));
    expect(added.disclos).toBe(0.3);
    expect(added.supervisor).toBe(0.3);
    expect(added.reveal).toBeUndefined(); // in 5 % of passages: too common to say anything
    // A word the corpus speaks as much as English does is not bridged.
    const plain = [{ term: 'leak', weight: 1 }];
    everydayTerms('leaked', plain, wordNet, stats, () => 2, options);
    expect(plain).toHaveLength(1);
  });
});
