// A provision whose title narrows its subject to someone ("Administrative fines on Union institutions …")
// answers a question on the subject alone ("fines under the AI Act") only after the general rule (titleScope).
// Invented passages under the AI Act's real titles, real catalog.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { formatLocator, passageId } from '../../src/corpus/citation.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';

const docs = loadCatalog();
const AI_ACT = 'eu-ai-act-2024';
let seq = 0;
function passage(path: string[], title: string, text: string): Passage {
  const doc = docs.find((d) => d.id === AI_ACT)!;
  const locator = formatLocator(doc.citation.style, path, { unitLabel: doc.citation.unitLabel });
  const headingPath = ['Chapter XII Penalties', title];
  return { id: passageId(AI_ACT, path), docId: AI_ACT, locator, path, headingPath, text, seq: seq++ };
}

const passages: Passage[] = [
  passage(
    ['art:99', '3'],
    'Article 99 Penalties',
    '3. Non-compliance shall be subject to administrative fines of up to a large sum.',
  ),
  passage(
    ['art:100', '2'],
    'Article 100 Administrative fines on Union institutions, bodies, offices and agencies',
    '2. The sums imposed shall not exceed a small amount.',
  ),
  passage(
    ['art:113'],
    'Article 113 Entry into force and application',
    'This Regulation shall enter into force.',
  ),
];

const build = (titleScope: boolean) =>
  CorpusIndex.build(docs, passages, { bridge: null, signals: { ...DEFAULT_SIGNALS, titleScope } });
const first = (index: CorpusIndex, query: string) =>
  index.search(query, { limit: 3 }).hits[0]!.passages[0]!.id;

describe('titleScope', () => {
  const on = build(true);
  const off = build(false);

  it('lowers the provision whose title narrows the subject the question asks about', () => {
    const query = 'fines under the AI Act';
    const score = (index: CorpusIndex, id: string) =>
      index.search(query, { limit: 3 }).hits.find((hit) => hit.passages[0]!.id === id)!.score;
    const scoped = `${AI_ACT}#art:100/2`;
    // Off, the title's "fines" brings Art. 100 level with the general rule; on, it falls behind.
    expect(score(on, scoped)).toBeLessThan(score(off, scoped) * 0.9);
    expect(first(on, query)).toBe(`${AI_ACT}#art:99/3`);
    expect(score(on, `${AI_ACT}#art:99/3`)).toBe(score(off, `${AI_ACT}#art:99/3`));
  });

  it('leaves the scoped provision first when the question takes up its scope', () => {
    expect(first(on, 'fines on Union institutions under the AI Act')).toBe(`${AI_ACT}#art:100/2`);
  });
});
