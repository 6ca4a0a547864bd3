// A word a passage uses only as the first word of a compound does not match a question that uses it on its own
// (`compoundLock`, src/search/locks.ts), on invented passages.
import { describe, expect, it } from 'vitest';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';
import { CompoundLocks } from '../../src/search/locks.js';
import { docs, passage } from './search-fixture.js';

const TEXTS = [
  'Providers may test systems in real world conditions outside a sandbox, with real-time monitoring.',
  'A person may ask for a real human to review the answer of a chatbot.',
  'The long-term effects are assessed; law enforcement authorities may use it.',
  'Data may be kept no longer than is necessary; the law applies.',
];

const isCompound = (first: string, second: string) =>
  (first === 'real' && second === 'world') || (first === 'law' && second === 'enforcement');

describe('compound locks', () => {
  const locks = new CompoundLocks(TEXTS.length, (i) => TEXTS[i]!, isCompound);

  it('locks a first word every use of which in the passage is inside a compound (hyphen or listed)', () => {
    expect([...(locks.lockedIn('real')?.keys() ?? [])]).toEqual([0]);
    expect([...(locks.lockedIn('real')?.get(0) ?? [])].sort()).toEqual(['time', 'world']);
    expect([...(locks.lockedIn('long')?.keys() ?? [])]).toEqual([2]);
    expect([...(locks.lockedIn('law')?.keys() ?? [])]).toEqual([2]);
  });

  it('never locks a head word, nor a word the passage also uses on its own', () => {
    expect(locks.lockedIn('world')).toBeUndefined();
    expect(locks.lockedIn('enforc')).toBeUndefined();
    expect(locks.lockedIn('term')).toBeUndefined();
  });

  it('skips a passage only when the question writes none of the compound second words', () => {
    expect([...(locks.skips(['real', 'human'], 'can i ask for a real human').get('real') ?? [])]).toEqual([
      0,
    ]);
    expect(locks.skips(['real'], 'testing in the real world').get('real')).toBeUndefined();
    // A word too common to be searched ("risk") still counts as written: the question's own words decide.
    expect(locks.skips(['long'], 'long term effects').size).toBe(0);
    expect([...(locks.skips(['long', 'kept'], 'how long can data be kept').get('long') ?? [])]).toEqual([2]);
  });
});

describe('compoundLock in the ranking', () => {
  const EU = 'eu-ai-act-2024';
  const passages = [
    passage(
      EU,
      ['art:60', '1'],
      '1. Providers may test machines in real world conditions, in real-time settings and on real-world data.',
    ),
    passage(
      EU,
      ['art:50', '1'],
      '1. Deployers shall tell a natural person that a machine is not a human being.',
    ),
    // Other passages, so that the question's words are not common to most of the corpus.
    ...[
      'fees',
      'notified bodies',
      'market surveillance',
      'penalties',
      'sandboxes',
      'standards',
      'codes',
      'logs',
    ].map((topic, k) =>
      passage(EU, [`art:${70 + k}`, '1'], `1. This fixture article is about ${topic} only.`),
    ),
  ];
  const question = 'can i get a real person to check what the machine said';
  const first = (compoundLock: boolean) =>
    CorpusIndex.build(docs, passages, { signals: { ...DEFAULT_SIGNALS, compoundLock } })
      .search(question, { limit: 2 })
      .hits.map((hit) => hit.passages[0]!.locator);

  it('stops "real world conditions" answering a question about a real person', () => {
    expect(first(false)[0]).toBe('Art. 60(1)');
    expect(first(true)[0]).toBe('Art. 50(1)');
  });
});
