// A place named inside a question ("… in illinois") steers to its documents as a name would, when they speak
// to the question (signals.ts `speaksTo`, the `placeDocuments` switch). Invented passages, real catalog.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { formatLocator, passageId } from '../../src/corpus/citation.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';

const docs = loadCatalog();
let seq = 0;
function passage(docId: string, path: string[], text: string): Passage {
  const doc = docs.find((d) => d.id === docId)!;
  const locator = formatLocator(doc.citation.style, path, { unitLabel: doc.citation.unitLabel });
  return { id: passageId(docId, path), docId, locator, path, headingPath: [], text, seq: seq++ };
}

const BIPA = 'us-il-bipa-2008';
const EO = 'us-eo-14110-2023';
const GDPR = 'eu-gdpr-2016';
const passages: Passage[] = [
  passage(
    EO,
    ['sec:2', 'c'],
    'Employers should support employers and workers; employers train workers for the tools they face.',
  ),
  passage(EO, ['sec:3'], 'Agencies shall report on the tools they use.'),
  passage(
    BIPA,
    ['sec:15', 'b'],
    'No private entity may collect a scan of face geometry without a written release.',
  ),
  passage(BIPA, ['sec:20'], 'A prevailing party may recover liquidated damages.'),
  passage(
    GDPR,
    ['art:17', '1'],
    'The data subject shall have the right to obtain the erasure of an apartment application record.',
  ),
];

// inForce off: the fixture's EO 14110 is revoked in the catalog, and inForce alone would already put it below BIPA
// in these must-questions; each stage is measured alone.
const build = (placeDocuments: boolean) =>
  CorpusIndex.build(docs, passages, {
    bridge: null,
    signals: { ...DEFAULT_SIGNALS, placeDocuments, inForce: false },
  });
const first = (index: CorpusIndex, query: string) =>
  index.search(query, { limit: 5 }).hits[0]!.passages[0]!.id;
const scoreOf = (index: CorpusIndex, query: string, id: string) =>
  index.search(query, { limit: 5 }).hits.find((hit) => hit.passages[0]!.id === id)?.score;

describe('placeDocuments', () => {
  const on = build(true);
  const off = build(false);

  it('puts the named place’s one document first when it holds the question’s words', () => {
    for (const query of [
      'what do employers have to do with face scans in illinois',
      'What do employers have to do with face scans in Illinois?',
      'illinois: what must employers do about face scans',
    ]) {
      expect(first(off, query), query).toBe(`${EO}#sec:2/c`);
      expect(first(on, query), query).toBe(`${BIPA}#sec:15/b`);
    }
  });

  it('leaves a place alone when its documents hold fewer of the question’s words than another', () => {
    const query = 'can i get my apartment application record erased in illinois';
    const id = `${BIPA}#sec:15/b`;
    expect(scoreOf(on, query, id)).toBe(scoreOf(off, query, id));
    expect(first(on, query)).toBe(`${GDPR}#art:17/1`);
  });

  it('does nothing when the question names a document', () => {
    const query = 'face scans by employers in illinois under the GDPR';
    expect(on.search(query, { limit: 5 }).hits.map((h) => h.score)).toEqual(
      off.search(query, { limit: 5 }).hits.map((h) => h.score),
    );
  });
});

describe('placeDocuments for a place with many documents', () => {
  const AIACT = 'eu-ai-act-2024';
  const ALGO = 'cn-algorithmic-recommendation-provisions-2021';
  const many: Passage[] = [
    passage(
      AIACT,
      ['art:49', '1'],
      'Register the gadget model with the government; the government keeps each registered gadget model.',
    ),
    passage(
      ALGO,
      ['art:24'],
      'Within ten working days of beginning to provide services, providers of gadget services shall register the name of the service, the form of the model, the field of application and the type of algorithm with the government through the filing system, and shall fill in the information of the algorithm self-assessment report and the content intended to be published. Providers shall also state the scope of the service, the people it reaches, the channels it uses, the ways users may complain, the persons responsible for safety, the measures taken to protect minors, the handling of personal information, and the steps taken to prevent harmful outcomes. Providers shall also state the scope of the service, the people it reaches, the channels it uses, the ways users may complain, the persons responsible for safety, the measures taken to protect minors, the handling of personal information, and the steps taken to prevent harmful outcomes. Providers shall also state the scope of the service, the people it reaches, the channels it uses, the ways users may complain, the persons responsible for safety, the measures taken to protect minors, the handling of personal information, and the steps taken to prevent harmful outcomes.',
    ),
    ...[
      'Agencies shall publish guidance on hiring tools.',
      'Each agency shall name a chief officer.',
      'The controller shall keep records of processing.',
      'The board shall meet twice a year.',
      'The secretary shall report to the president.',
    ].map((text, k) => passage(GDPR, [`art:${40 + k}`], text)),
  ];
  const index = (placeDocuments: boolean) =>
    CorpusIndex.build(docs, many, { bridge: null, signals: { ...DEFAULT_SIGNALS, placeDocuments } });

  it('boosts each of them as a name would (China’s six), not by a share of the name’s boost', () => {
    const query = 'do I have to register my gadget model with the government in china';
    const id = `${ALGO}#art:24`;
    const score = (on: boolean) =>
      index(on)
        .search(query, { limit: 5 })
        .hits.find((hit) => hit.passages[0]!.id === id)!.score;
    // × 8 (namedDocBoost) where the plain place gives × 3; a share of × 8 for each of China's six documents
    // (1.3) was below × 3, so "… register my AI model with the government in china" opened with the AI Act.
    expect(score(true) / score(false)).toBeCloseTo(8 / 3, 5);
  });
});
