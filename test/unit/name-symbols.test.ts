// Instruments named by a document symbol ("S/RES/2250", "A/HRC/RES/48/4"): reported missing unless held.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { MissingDetector, type MissingDetectorOptions } from '../../src/search/missing.js';
import { isDocumentSymbol } from '../../src/search/name-symbols.js';
import { loadPlaces } from '../../src/search/places.js';

const catalog = loadCatalog();

const detector = (more: Partial<MissingDetectorOptions> = {}) =>
  new MissingDetector({
    docs: catalog,
    names: new DocNameMatcher(catalog),
    places: loadPlaces(),
    hasTerm: () => false,
    ...more,
  });

describe('document symbols', () => {
  it('reads the shape of a symbol: a body, slashes, a digit after the first', () => {
    for (const symbol of [
      'S/RES/2250',
      'A/HRC/RES/48/4',
      'A/73/348',
      'S/PV.9381',
      'CCW/GGE.1/2019/3',
      's/res/2250',
    ])
      expect(isDocumentSymbol(symbol), symbol).toBe(true);
    for (const other of ['ISO/IEC', 'AI/ML', '24/7', 'TCP/IP', 'GPT-4/Claude', 'a/b', 'and/or'])
      expect(isDocumentSymbol(other), other).toBe(false);
  });

  it('reports a symbol no held document has, as a name in capitals', () => {
    expect(detector().detect('S/RES/2250 youth peace and security, anything on online hate?')).toEqual([
      { name: 'S/RES/2250', kind: 'instrument' },
    ]);
    expect(detector().detect('what does a/hrc/48/31 say about ai and privacy')).toEqual([
      { name: 'A/HRC/48/31', kind: 'instrument' },
    ]);
  });

  it("leaves a held document's symbol alone, and one a held document the question names cites", () => {
    expect(detector().detect('what does A/RES/78/265 say about capacity building')).toEqual([]);
    expect(detector().detect('does A/RES/79/1 set up a scientific panel')).toEqual([]);
    const cites = detector({
      cites: (docId, phrases) => docId === 'eu-ai-act-2024' && phrases.includes('A/123/45'),
    });
    expect(cites.detect('how does the AI Act use A/123/45')).toEqual([]);
  });

  it('is switchable (`symbols`)', () => {
    expect(detector({ rules: { symbols: false } }).detect('S/RES/2250 youth peace and security')).toEqual([]);
  });
});
