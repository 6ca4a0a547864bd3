// Names in words no one else uses ("the unicri toolkit", "cobit 2019"), told from misspellings and from common
// words English dictionaries list but the frequency table lacks.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { englishFrequencies } from '../../src/search/frequencies.js';
import { MissingDetector, type MissingDetectorOptions } from '../../src/search/missing.js';
import { oneEditAway } from '../../src/search/name-rare.js';
import { loadPlaces } from '../../src/search/places.js';
import { termOf } from '../../src/search/text.js';
import { WordNet } from '../../src/search/wordnet.js';

const catalog = loadCatalog();
const english = englishFrequencies();
// The corpus vocabulary as far as these tests need it.
const vocabulary = new Set(['toolkit', 'call', 'thing', 'content'].map((w) => termOf(w) ?? w));
const wordNet = WordNet.installed();

const detector = (more: Partial<MissingDetectorOptions> = {}) =>
  new MissingDetector({
    docs: catalog,
    names: new DocNameMatcher(catalog),
    places: loadPlaces(),
    hasTerm: (term) => vocabulary.has(term),
    englishZipf: (term) => english.zipf(term),
    commonWord: (word) => wordNet?.isCommonWord(word) ?? false,
    ...more,
  });
const detect = (q: string) => detector().detect(q);

describe('rare words in the place of a name', () => {
  it('lists the strings one edit away', () => {
    expect(oneEditAway('ab')).toEqual(expect.arrayContaining(['a', 'b', 'ba', 'abc', 'xb', 'cab']));
  });

  it('reports a word neither English, the documents nor the catalog use, after "the" or before a number', () => {
    expect(detect('the unicri toolkit for responsible ai innovation in law enforcement')).toEqual([
      { name: 'Unicri', kind: 'body' },
    ]);
    expect(detect('the christchurch call thing on terrorist content')).toEqual([
      { name: 'Christchurch', kind: 'body' },
    ]);
    expect(detect('cobit 2019 governance objectives applied to ai')).toEqual([
      { name: 'Cobit 2019', kind: 'body' },
    ]);
  });

  it('leaves misspellings, common words WordNet lists, acronyms the texts write out and owners alone', () => {
    // "regulaton" is one letter from "regulation"; WordNet writes "webcam" in lower case.
    expect(detect('what does the regulaton say about fines')).toEqual([]);
    expect(detect('can my boss watch me through the webcam at work')).toEqual([]);
    const spelled = detector({ spelledOut: (acronym) => acronym === 'edpb' });
    expect(spelled.detect('who sits on the edpb')).toEqual([]);
    expect(detect("does tiktok's algorithm in china have rules for kids")).not.toContainEqual(
      expect.objectContaining({ name: 'Tiktok' }),
    );
  });

  it('is switchable (`rareWords`)', () => {
    expect(
      detector({ rules: { rareWords: false } }).detect('the unicri toolkit for law enforcement'),
    ).toEqual([]);
  });
});
