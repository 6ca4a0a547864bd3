import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocNameMatcher } from '../../src/search/docnames.js';
import {
  CorpusIndex,
  corpusFingerprint,
  INDEX_FORMAT_VERSION,
  surfaceTerms,
} from '../../src/search/index.js';
import { analyzeQuery, MAX_QUERY_TERMS } from '../../src/search/query.js';
import { docs, passages } from './search-fixture.js';

const index = CorpusIndex.build(docs, passages);
const ids = (query: string, options = {}) =>
  index.search(query, options).hits.map((hit) => hit.passages.map((p) => p.id).join('+'));

describe('CorpusIndex.search', () => {
  it('finds the passage in other words than the question (thesaurus)', () => {
    expect(index.search('is social credit banned?').hits[0]!.passages.map((p) => p.id)).toContain(
      'eu-ai-act-2024#art:5/1/b',
    );
    expect(ids('do deepfakes need to be disclosed')[0]).toBe('eu-ai-act-2024#art:50/2');
  });

  it('steers toward a document named in the question and reports it', () => {
    const response = index.search("what do china's deep synthesis rules say about identity");
    expect(response.namedDocs).toEqual(['cn-deep-synthesis-provisions-2022']);
    expect(response.hits[0]!.passages[0]!.id).toBe('cn-deep-synthesis-provisions-2022#art:7');
    expect(index.search('identity checks under EO 14110').hits[0]!.passages[0]!.docId).toBe(
      'us-eo-14110-2023',
    );
  });

  it('merges a point with its adjacent lead-in, never two sibling points', () => {
    const hit = index.search('following practices prohibited manipulate subliminally').hits[0]!;
    expect(hit.passages.map((p) => p.id)).toEqual(['eu-ai-act-2024#art:5/1', 'eu-ai-act-2024#art:5/1/a']);
    for (const each of index.search('prohibited practices social scoring manipulate scraping', { limit: 10 })
      .hits) {
      const points = each.passages.map((p) => p.path.join('/'));
      for (const a of points)
        for (const b of points) if (a !== b) expect(a.startsWith(b) || b.startsWith(a)).toBe(true);
    }
  });

  it('returns the words as written for highlighting', () => {
    const hit = index.search('fines for prohibited practices').hits[0]!;
    expect(hit.terms).toEqual(expect.arrayContaining(['fines', 'prohibited', 'practices']));
    for (const term of hit.terms) expect(hit.passages.map((p) => p.text).join(' ')).toContain(term);
  });

  it('filters by document and jurisdiction, and pages with offset', () => {
    expect(
      index
        .search('providers', { docs: ['cn-deep-synthesis-provisions-2022'] })
        .hits.every((h) => h.passages[0]!.docId === 'cn-deep-synthesis-provisions-2022'),
    ).toBe(true);
    expect(
      index
        .search('providers identity', { jurisdictions: ['us'] })
        .hits.every((h) => h.passages[0]!.docId === 'us-eo-14110-2023'),
    ).toBe(true);
    const all = ids('providers', { limit: 6 });
    expect(ids('providers', { limit: 3, offset: 3 })).toEqual(all.slice(3, 6));
  });

  it('caps hits per document when the question names none', () => {
    const capped = CorpusIndex.build(docs, passages, { perDocCap: 1 });
    const top = capped
      .search('systems providers content', { limit: 3 })
      .hits.map((h) => h.passages[0]!.docId);
    expect(new Set(top).size).toBe(3);
  });

  it('answers nothing for an empty or stop-word-only question', () => {
    expect(index.search('').hits).toEqual([]);
    expect(index.search('what is the').hits).toEqual([]);
  });

  it('never throws, stays fast and bounded on any input', () => {
    const names = new DocNameMatcher(docs);
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.nat(20), fc.nat(20), (query, limit, offset) => {
        const start = performance.now();
        const response = index.search(query, { limit, offset });
        expect(performance.now() - start).toBeLessThan(500);
        expect(response.hits.length).toBeLessThanOrEqual(limit);
        const typed = analyzeQuery(query, names).terms.filter((t) => t.weight === 1);
        expect(typed.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the United States as written in any case with its dots, never the pronoun', () => {
    const names = new DocNameMatcher(docs);
    const places = (query: string) => analyzeQuery(query, names).jurisdictions;
    for (const query of [
      'can US companies sell face scans',
      'can u.s. companies sell face scans',
      'rules in the U.S.A.',
    ])
      expect(places(query), query).toEqual(['US']);
    for (const query of ['tell us about face scans', 'what can us citizens do', 'is it legal for us'])
      expect(places(query), query).toEqual([]);
  });

  it('cuts a query of hundreds of words to a bounded number of terms', () => {
    const words = Array.from({ length: 500 }, (_, i) => `word${i}x`).join(' ');
    const typed = analyzeQuery(words, new DocNameMatcher(docs)).terms.filter((t) => t.weight === 1);
    expect(typed.length).toBe(MAX_QUERY_TERMS);
  });
});

describe('per-term result cache', () => {
  const questions = [
    'fines for prohibited practices',
    'is social credit banned?',
    'providers identity deep synthesis',
    'prohibited practices social scoring manipulate scraping',
    'fines for providers',
  ];
  const answers = (of: CorpusIndex) =>
    questions.map((q) =>
      of.search(q, { limit: 10, documentFacets: 5 }).hits.map((hit) => ({
        ids: hit.passages.map((p) => p.id),
        score: hit.score,
        terms: hit.terms,
      })),
    );

  it('answers the same with no cache, a cache that keeps evicting, and the default, asked twice', () => {
    const uncached = answers(CorpusIndex.build(docs, passages, { termCacheEntries: 0 }));
    expect(uncached.flat().length).toBeGreaterThan(10);
    const tiny = CorpusIndex.build(docs, passages, { termCacheEntries: 3 });
    expect(answers(tiny)).toEqual(uncached);
    expect(answers(tiny)).toEqual(uncached);
    expect(answers(index)).toEqual(uncached);
    expect(answers(index)).toEqual(uncached);
  });
});

describe('save and load', () => {
  it('round-trips through JSON with the same answers', () => {
    const saved = JSON.parse(JSON.stringify(index));
    expect(saved.format).toBe(INDEX_FORMAT_VERSION);
    const loaded = CorpusIndex.load(docs, saved, corpusFingerprint(docs, passages))!;
    for (const query of ['social scoring', 'watermarking content', 'identity of a foreign person']) {
      expect(loaded.search(query)).toEqual(index.search(query));
    }
  });

  it('refuses an index of another format or corpus', () => {
    const saved = JSON.parse(JSON.stringify(index));
    expect(CorpusIndex.load(docs, { ...saved, format: INDEX_FORMAT_VERSION + 1 })).toBeUndefined();
    const changed = passages.map((p, i) => (i === 0 ? { ...p, text: `${p.text} (amended)` } : p));
    expect(CorpusIndex.load(docs, saved, corpusFingerprint(docs, changed))).toBeUndefined();
  });
});

describe('CorpusIndex.search for the /ask menu', () => {
  const questions = [
    'prohibited practices social scoring',
    "what do china's deep synthesis rules say about identity",
    'providers identity in the US',
    'risk',
  ];

  it('lists the documents of the first hits over all documents, whatever the filter and page', () => {
    for (const query of questions) {
      const broad = index.search(query, { limit: 25 });
      const expected = [...new Set(broad.hits.map((hit) => hit.passages[0]!.docId))];
      for (const options of [{}, { docs: ['cn-deep-synthesis-provisions-2022'] }, { offset: 2 }]) {
        const response = index.search(query, { ...options, documentFacets: 25 });
        expect(response.documents).toEqual(expected);
        // Asking for the menu changes nothing else.
        expect(ids(query, { ...options, documentFacets: 25 })).toEqual(ids(query, options));
      }
    }
  });

  it('ranks within documents as the same ranking over all documents, filtered', () => {
    for (const query of questions) {
      for (const docId of ['eu-ai-act-2024', 'cn-deep-synthesis-provisions-2022', 'us-eo-14110-2023']) {
        const within = index.search(query, { docs: [docId], limit: 50 }).hits;
        const all = index.search(query, { limit: 50 }).hits.filter((h) => h.passages[0]!.docId === docId);
        // Scores match passage by passage (hits may group differently under the per-document cap).
        const scores = new Map(all.map((h) => [h.passages[0]!.id, h.score]));
        for (const hit of within)
          if (scores.has(hit.passages[0]!.id)) expect(hit.score).toBe(scores.get(hit.passages[0]!.id));
      }
    }
  });

  it('looks highlight words up only when read, and the same as before', () => {
    const hit = index.search('fines for prohibited practices').hits[0]!;
    expect(JSON.parse(JSON.stringify(hit)).terms).toEqual(hit.terms);
    expect({ ...hit }.terms).toEqual(hit.terms);
  });
});

describe('surfaceTerms', () => {
  it('finds every written form of the matched stems, ids included', () => {
    const passage = {
      ...passages[0]!,
      text: 'Prohibited practices; the prohibition of Regulation 2024/1689 on general-purpose models.',
    };
    expect(surfaceTerms([passage], new Set(['prohibit', '2024/1689', 'purpos']))).toEqual([
      'Prohibited',
      'prohibition',
      '2024/1689',
      'purpose',
    ]);
  });

  it('finds words after "-", "/" and "." inside a run, in any case, in non-ASCII text too', () => {
    const passage = {
      ...passages[0]!,
      text: 'Non-Discrimination and/or RISK-based rules — “risks” of the système.',
    };
    expect(surfaceTerms([passage], new Set(['discrimin', 'risk', 'or', 'rule']))).toEqual([
      'Discrimination',
      'RISK',
      'rules',
      'risks',
    ]);
  });
});
