// What a question names that Charter lacks, decided from the catalog and the generated places list alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { MissingDetector } from '../../src/search/missing.js';
import { loadPlaces } from '../../src/search/places.js';

const catalog = loadCatalog();
// The corpus vocabulary as far as these tests need it: "FTC" is a word the documents use, "CCPA" is not.
const vocabulary = new Set(['ftc', 'gpai']);

function detector(docs: readonly CatalogDocument[] = catalog) {
  return new MissingDetector({
    docs,
    names: new DocNameMatcher(docs),
    places: loadPlaces(),
    hasTerm: (term) => vocabulary.has(term),
  });
}

const detect = (question: string) => detector().detect(question);

describe('MissingDetector', () => {
  it('names a law of a country Charter holds nothing from, as the question wrote it', () => {
    expect(detect("what does Korea's AI Basic Act require from high-impact AI providers")).toEqual([
      { name: "Korea's AI Basic Act", kind: 'instrument' },
    ]);
  });

  it('names instruments by their own names, in capitals or not', () => {
    expect(detect('does the digital services act cover recommender systems')).toEqual([
      { name: 'digital services act', kind: 'instrument' },
    ]);
    expect(detect('What did the Bletchley Declaration say about frontier AI?')).toEqual([
      { name: 'Bletchley Declaration', kind: 'instrument' },
    ]);
    expect(detect('does the UK Online Safety Act apply to chatbots')).toEqual([
      { name: 'UK Online Safety Act', kind: 'instrument' },
    ]);
  });

  it('tells numbered bills and orders Charter holds from those it does not', () => {
    expect(detect('what does California SB 1047 say about kill switches')).toEqual([
      { name: 'SB 1047', kind: 'instrument' },
    ]);
    expect(detect('what does SB 53 require from frontier developers')).toEqual([]);
    expect(detect('Executive Order 13960 on trustworthy AI')).toEqual([
      { name: 'Executive Order 13960', kind: 'instrument' },
    ]);
    expect(detect('did EO 14110 make cloud companies check foreign customers')).toEqual([]);
  });

  it('names an unknown acronym only where a name stands', () => {
    expect(detect('does the CCPA give a right to opt out')).toEqual([{ name: 'CCPA', kind: 'body' }]);
    expect(detect('what does the FTC say about AI')).toEqual([]);
    expect(detect('are there rules for LLM providers on GPAI')).toEqual([]);
  });

  it('names a country or US state with no document, unless the question is about a document Charter has', () => {
    expect(detect('does texas have an AI law for state agencies')).toEqual([
      { name: 'texas', kind: 'place' },
    ]);
    expect(detect('what is the capital of France')).toEqual([{ name: 'France', kind: 'place' }]);
    expect(detect('does the AI Act apply to companies in France')).toEqual([]);
    expect(detect('is social scoring banned in the EU?')).toEqual([]);
    expect(detect('how does china regulate deepfakes compared to the US')).toEqual([]);
    expect(detect('what does colorado require from deployers')).toEqual([]);
  });

  it('says when the corpus holds only a report about the document named', () => {
    expect(detect("what is in China's Global AI Governance Action Plan about open source")).toEqual([
      {
        name: 'Global AI Governance Action Plan',
        kind: 'report',
        reportId: 'news-global-times-china-ai-governance-action-plan-2025',
      },
    ]);
    expect(detect('what did the Global Times report say about open source')).toEqual([]);
  });

  it('leaves questions about held documents alone', () => {
    for (const question of [
      'what does the January 2025 executive order revoke',
      'is the NIST AI RMF mandatory?',
      'what do the Hiroshima Principles say about watermarks',
      "what does the Council of Europe's framework convention say about democracy",
      "whats a frontier model in california's SB 53",
      'how do the Chinese deep synthesis rules treat face swaps',
      // A place search steers by counts in any case, even in a question written with capitals.
      "US vs China on open source AI: the chinese safety framework's view",
    ])
      expect(detect(question), question).toEqual([]);
  });

  it('follows the catalog: a document added there is no longer missing', () => {
    const korea: CatalogDocument = {
      ...catalog[0]!,
      id: 'kr-ai-basic-act-2025',
      title: 'Framework Act on the Development of Artificial Intelligence',
      shortTitle: 'AI Basic Act',
      aliases: ['Korea AI Basic Act'],
      jurisdiction: 'KR',
    };
    expect(detector([...catalog, korea]).detect("what does Korea's AI Basic Act require")).toEqual([]);
    expect(detector([...catalog, korea]).detect('does Korea ban social scoring')).toEqual([]);
  });

  it('never throws and only names words of the question', () => {
    const detect = detector();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (question) => {
        for (const missing of detect.detect(question)) expect(question).toContain(missing.name);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('the', 'Act', 'act', 'Korea', "'s", 'SB', '1047', 'CCPA', 'Texas', 'AI', ' ', 'of'),
          {
            maxLength: 12,
          },
        ),
        (words) => {
          const question = words.join(' ');
          for (const missing of detect.detect(question)) expect(question).toContain(missing.name);
        },
      ),
      { numRuns: 500 },
    );
  });
});
