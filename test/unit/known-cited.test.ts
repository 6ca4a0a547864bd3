// Known instruments a held document cites by name (the NIST Privacy Framework in the AI RMF's Appendix B):
// named with their facts when asked about alone, left to the held document when the question is about it.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { loadKnownInstruments } from '../../src/corpus/instruments.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { MissingDetector } from '../../src/search/missing.js';
import { loadPlaces } from '../../src/search/places.js';

const catalog = loadCatalog();
const detector = new MissingDetector({
  docs: catalog,
  names: new DocNameMatcher(catalog),
  places: loadPlaces(),
  hasTerm: () => true,
  known: loadKnownInstruments(),
  // The AI RMF cites the NIST Privacy Framework; the AI Act cites the Market Surveillance Regulation.
  cites: (docId, phrases) =>
    (docId === 'us-nist-ai-rmf-1-0-2023' && phrases.includes('NIST Privacy Framework')) ||
    (docId === 'eu-ai-act-2024' && phrases.includes('Market Surveillance Regulation')),
});
const names = (q: string) => detector.detect(q).map((m) => [m.name, m.known?.id]);

describe('known instruments the held documents cite by name', () => {
  it('names one asked about alone, even when its own words describe a held document ("NIST … framework")', () => {
    expect(names('the nist privacy framework core functions for an ai product')).toEqual([
      ['NIST Privacy Framework', 'us-nist-privacy-framework-2020'],
    ]);
    expect(names('what is the oecd framework for classifying ai systems')).toEqual([
      ['OECD Framework for the Classification of AI Systems', 'oecd-classification-of-ai-systems-2022'],
    ]);
  });

  it('leaves it to a held document the question names or describes in words of its own', () => {
    expect(names('how does the AI RMF relate to the NIST Privacy Framework')).toEqual([]);
    // "EU … regulation" describes the AI Act with a word outside the known name.
    expect(names('does the eu market surveillance regulation apply to ai systems')).toEqual([]);
  });
});
