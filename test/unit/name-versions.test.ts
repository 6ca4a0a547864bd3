// Drafts, proposals, revisions and other-numbered versions of a held document: texts Charter does not hold.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { englishFrequencies } from '../../src/search/frequencies.js';
import { MissingDetector, type MissingDetectorOptions } from '../../src/search/missing.js';
import { isDraftText, ownVersions } from '../../src/search/name-versions.js';
import { loadPlaces } from '../../src/search/places.js';

const catalog = loadCatalog();
const english = englishFrequencies();
const doc = (id: string) => catalog.find((d) => d.id === id)!;

const detector = (more: Partial<MissingDetectorOptions> = {}) =>
  new MissingDetector({
    docs: catalog,
    names: new DocNameMatcher(catalog),
    places: loadPlaces(),
    hasTerm: () => true,
    englishZipf: (term) => english.zipf(term),
    ...more,
  });
const detect = (q: string) => detector().detect(q);

describe('other versions of a held document', () => {
  it("reads a held document's own versions from its names, and whether it is itself a draft", () => {
    expect([...ownVersions(doc('us-nist-ai-rmf-1-0-2023'))]).toEqual(['1.0']);
    expect([...ownVersions(doc('cn-ai-safety-governance-framework-2024'))]).toContain('1.0');
    expect([...ownVersions(doc('jp-ai-guidelines-for-business-2025'))]).toEqual(['1.1']);
    expect(isDraftText(doc('ca-aida-2022'))).toBe(true);
    expect(isDraftText(doc('eu-ai-act-2024'))).toBe(false);
  });

  it('reports a draft, proposal or revision of a held document', () => {
    expect(detect('the april 2023 draft of the generative ai interim measures')).toEqual([
      { name: 'April 2023 Draft of the Generative AI Interim Measures', kind: 'instrument' },
    ]);
    expect(detect('the global digital compact zero draft from april 2024')).toEqual([
      { name: 'Global Digital Compact Zero Draft', kind: 'instrument' },
    ]);
    expect(detect('the 2023 zero draft of the council of europe ai convention')).toEqual([
      { name: '2023 Zero Draft of the Council of Europe AI Convention', kind: 'instrument' },
    ]);
    expect(detect('what did the ai act proposal say about foundation models')).toEqual([
      { name: 'AI Act Proposal', kind: 'instrument' },
    ]);
  });

  it('reports a version number its names never write, not its own', () => {
    expect(detect("tc260's ai safety governance framework 2.0")).toEqual([
      { name: 'AI Safety Governance Framework 2.0', kind: 'instrument' },
    ]);
    expect(detect('japan ai guidelines for business version 1.0')).toEqual([
      { name: 'AI Guidelines for Business Version 1.0', kind: 'instrument' },
    ]);
    expect(detect('nist ai rmf 1.0 govern function')).toEqual([]);
    expect(detect("tc260's ai safety governance framework v1.0 on poisoned training data")).toEqual([]);
    expect(detect('meti guidelines 1.1 on developers')).toEqual([]);
  });

  it('leaves the verb, a stage of something else, a generic name and a held draft alone', () => {
    expect(detect('how do i draft gdpr notices')).toEqual([]);
    expect(detect('draft the council of europe ai convention summary for me')).toEqual([]);
    expect(detect("the AI Act's draft codes of practice")).toEqual([]);
    expect(detect("our association's draft code of conduct and the data protection authority")).toEqual([]);
    expect(detect('the draft aida high-impact systems')).toEqual([]);
  });

  it('is switchable (`versions`)', () => {
    expect(
      detector({ rules: { versions: false } }).detect(
        'the april 2023 draft of the generative ai interim measures',
      ),
    ).toEqual([]);
  });
});
