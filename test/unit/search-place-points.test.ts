// A place named inside a question ("art 5 AI act - who signs off …") is what the asker wants to read: its points
// are not held to the unit cap (`placePoints`), so a fourth or fifth point of the named article is still shown
// before other documents' passages. Invented passages, real catalog.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';
import { docs, passage } from './search-fixture.js';

const AIACT = 'eu-ai-act-2024';
const GDPR = 'eu-gdpr-2016';
const passages: Passage[] = [
  ...[1, 2, 3, 4, 5].map((k) =>
    passage(AIACT, ['art:5', String(k)], `Point ${k}: police cameras in public places, rule number ${k}.`),
  ),
  ...[10, 11, 12, 13, 14].map((k) =>
    passage(AIACT, [`art:${k}`, '1'], `Police cameras and public places again, article ${k}.`),
  ),
  // Enough other passages that the question's words are rare (a word in a fifth of them is left out).
  ...Array.from({ length: 50 }, (_, k) =>
    passage(GDPR, [`art:${20 + k}`, '1'], `Nothing to do with it, article ${20 + k}.`),
  ),
];

const build = (placePoints: boolean) =>
  CorpusIndex.build(docs, passages, {
    bridge: null,
    asks: null,
    signals: { ...DEFAULT_SIGNALS, placePoints },
  });
const ids = (index: CorpusIndex, query: string) =>
  index.search(query, { limit: 5 }).hits.map((hit) => hit.passages[0]!.id);

describe('placePoints', () => {
  const query = 'art 5 AI act - can police use cameras in public places?';

  it('shows the named article’s points before anything else, beyond the unit cap', () => {
    const on = ids(build(true), query);
    expect(on).toHaveLength(5);
    expect(on.every((id) => id.startsWith(`${AIACT}#art:5/`))).toBe(true);
  });

  it('without it, the unit cap lets other articles in after three points', () => {
    const off = ids(build(false), query);
    expect(off.filter((id) => id.startsWith(`${AIACT}#art:5/`))).toHaveLength(3);
  });

  it('leaves a question that names no place to the unit cap', () => {
    const plain = ids(build(true), 'can police use cameras in public places under the AI Act');
    expect(plain.filter((id) => id.startsWith(`${AIACT}#art:5/`)).length).toBeLessThanOrEqual(3);
  });
});
