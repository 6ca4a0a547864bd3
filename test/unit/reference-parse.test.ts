import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocator, locatorInCase } from '../../src/corpus/citation.js';
import { parsePlace } from '../../src/search/reference/place.js';
import { ReferenceResolver } from '../../src/search/reference/resolver.js';
import { docs, passages } from './search-fixture.js';

const resolver = new ReferenceResolver(docs, passages);
const path = (text: string) => parsePlace(text.toLowerCase())?.path;

describe('parsePlace', () => {
  it('reads each citation style into a canonical path', () => {
    expect(path('Art. 5(1)(c)')).toEqual(['art:5', '1', 'c']);
    expect(path('article 50')).toEqual(['art:50']);
    expect(path('Article 5 paragraph 1 point c')).toEqual(['art:5', '1', 'c']);
    expect(path('Recital 27')).toEqual(['recital:27']);
    expect(path('Annex III point 4')).toEqual(['annex:iii', '4']);
    expect(path('annex 3, point 4(a)')).toEqual(['annex:iii', '4', 'a']);
    // A lettered annex section numbers its points afresh (AI Act Annex VIII, Sections A–C).
    expect(path('Annex VIII, Section B, point 1')).toEqual(['annex:viii', 'annexsec:b', '1']);
    expect(path('annex viii section c')).toEqual(['annex:viii', 'annexsec:c']);
    expect(path('sec 4.2(a)(i)')).toEqual(['sec:4.2', 'a', 'i']);
    expect(path('§ 22757.12(a)')).toEqual(['sec:22757.12', 'a']);
    expect(path('section 6-1-1704')).toEqual(['sec:6-1-1704']);
    expect(path('para 6')).toEqual(['para:6']);
    expect(path('paragraph 21(f)')).toEqual(['para:21', 'f']);
    expect(path('preambular paragraph 3')).toEqual(['pp:3']);
    expect(path('GOVERN 1.1')).toEqual(['govern:1.1']);
    expect(path('GV-1.1-001')).toEqual(['action:gv-1.1-001']);
    expect(path('action 7')).toEqual(['item:7']);
    expect(path('Principle 7')).toEqual(['item:7']);
    expect(path('recommendation 7')).toEqual(['rec:7']);
    expect(path('p. 12')).toEqual(['p:12']);
    expect(path('what is this about')).toBeUndefined();
  });

  it('reads sub-points written without brackets where nothing else is meant', () => {
    expect(path('ai act article 5 1 c')).toEqual(['art:5', '1', 'c']);
    expect(path('gdpr art 6 1 f')).toEqual(['art:6', '1', 'f']);
    expect(path('art. 5.1.c')).toEqual(['art:5', '1', 'c']);
    expect(path('art. 5.1(c)')).toEqual(['art:5', '1', 'c']);
    expect(path('article 5(1) c')).toEqual(['art:5', '1', 'c']);
    expect(path('article 5 1?')).toEqual(['art:5', '1']);
    expect(path('art 5 1 h iii of the AI Act')).toEqual(['art:5', '1', 'h', 'iii']);
    expect(path('article 6 1 a of the GDPR')).toEqual(['art:6', '1', 'a']);
    expect(path('bipa section 15 a')).toEqual(['sec:15', 'a']);
    // A count, a year, a word, a list: never a point.
    expect(path('article 99 3 times')).toEqual(['art:99']);
    expect(path('article 6 2024')).toEqual(['art:6']);
    expect(path('article 6 1 a company')).toEqual(['art:6']);
    expect(path('article 22 1 what does it mean')).toEqual(['art:22']);
    expect(path('article 5 e.g. biometrics')).toEqual(['art:5']);
    expect(path('art 5 v art 6')).toEqual(['art:5']);
    expect(path('articles 15 16 17')).toEqual(['art:15']);
    expect(path('article 5.10.2024')).toEqual(['art:5']);
    // A section's number has its own dots and spaces: only letters follow bare ("Sec. 4.2", never 4(2)).
    expect(path('section 4 2')).toEqual(['sec:4']);
  });

  it('never throws on any input and gives typed, non-empty segments', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const place = parsePlace(text);
        if (place) {
          expect(place.path[0]).toMatch(/^[a-z]+:\S+$/);
          expect(place.start).toBeLessThanOrEqual(place.end);
        }
        expect(() => resolver.resolve(text)).not.toThrow();
        expect(typeof resolver.looksLikeReference(text)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('parses back what formatLocator writes for articles and sub-points', () => {
    const segment = fc.oneof(
      fc.integer({ min: 1, max: 30 }).map(String),
      fc.constantFrom('a', 'b', 'c', 'i', 'ii'),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.array(segment, { maxLength: 3 }), (n, subs) => {
        const written = `Art. ${n}${subs.map((s) => `(${s})`).join('')}`;
        expect(path(written)).toEqual([`art:${n}`, ...subs]);
      }),
    );
  });
});

describe('parsePlace, bare sub-points (property)', () => {
  const letter = fc.constantFrom('b', 'c', 'd', 'e', 'f', 'g', 'h');
  const number = fc.integer({ min: 1, max: 30 }).map(String);
  const points = fc.tuple(number, fc.option(letter, { nil: undefined }));
  const ending = fc.constantFrom('', '?', ' of the AI Act', ', what does it ban', ' in the GDPR', ' people');

  it('reads "art N M x" and "art. N.M.x" as Art. N(M)(x), whatever follows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), points, ending, (n, [m, x], end) => {
        const point = [`art:${n}`, m, ...(x ? [x] : [])];
        // A lone paragraph number before a word may be a count ("5 people"): a letter or a stop makes it a point.
        const spaced = x === undefined && end === ' people' ? [`art:${n}`] : point;
        expect(path(`article ${n} ${m}${x ? ` ${x}` : ''}${end}`)).toEqual(spaced);
        expect(path(`art. ${n}.${m}${x ? `.${x}` : ''}${end}`)).toEqual(point);
        expect(path(`Art. ${n}(${m})${x ? ` ${x}` : ''}${end}`)).toEqual(point);
      }),
    );
  });

  it('never swallows a year or a count after the article', () => {
    const noun = fc.constantFrom('times', 'fines', 'people', 'years', 'rules', 'a company');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1900, max: 2099 }),
        fc.integer({ min: 1, max: 99 }),
        noun,
        (n, year, count, word) => {
          expect(path(`article ${n} ${year}`)).toEqual([`art:${n}`]);
          expect(path(`article ${n} ${count} ${word}`)).toEqual([`art:${n}`]);
          expect(path(`gdpr article ${n} in ${year}`)).toEqual([`art:${n}`]);
        },
      ),
    );
  });
});

describe('ReferenceResolver', () => {
  it('returns the passages of a sub-point, a whole unit in order, and their locator', () => {
    const point = resolver.resolve('AI Act Art. 5(1)(c)');
    expect(point.ok && point.passages.map((p) => p.id)).toEqual(['eu-ai-act-2024#art:5/1/c']);
    expect(point.ok && point.locator).toBe('Art. 5(1)(c)');
    const unit = resolver.resolve('article 5 ai act');
    expect(unit.ok && unit.passages.map((p) => p.path.join('/'))).toEqual([
      'art:5/1',
      'art:5/1/a',
      'art:5/1/b',
      'art:5/1/c',
    ]);
    expect(unit.ok && unit.locator).toBe('Art. 5');
  });

  it('resolves the reference forms people type', () => {
    const cases: [string, string, string][] = [
      ['EO 14110 sec 4.2', 'us-eo-14110-2023', 'Sec. 4.2'],
      ['NIST GOVERN 1.1', 'us-nist-ai-rmf-1-0-2023', 'GOVERN 1.1'],
      ['Hiroshima code of conduct action 7', 'g7-hiroshima-code-of-conduct-2023', 'Action 7'],
      ['hiroshma code action 7', 'g7-hiroshima-code-of-conduct-2023', 'Action 7'],
      ['GDC paragraph 50', 'un-global-digital-compact-2024', 'para. 50'],
      ['Annex III point 4', 'eu-ai-act-2024', 'Annex III, point 4'],
      ['recital 2', 'eu-ai-act-2024', 'Recital 2'],
      ['deep synthesis art 7', 'cn-deep-synthesis-provisions-2022', 'Art. 7'],
    ];
    for (const [reference, docId, locator] of cases) {
      const result = resolver.resolve(reference);
      expect(result.ok, reference).toBe(true);
      if (result.ok) {
        expect(result.doc.id, reference).toBe(docId);
        expect(result.locator, reference).toBe(locator);
      }
    }
  });

  it('says what exists when the place does not, with the closest valid references', () => {
    const result = resolver.resolve('AI Act Art. 500');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure).toMatchObject({
        reason: 'no-such-unit',
        units: 'Articles',
        range: '5–99',
        suggestion: 'Art. 50',
      });
      expect(result.suggestions[0]).toBe('AI Act Art. 50');
    }
    const missingPoint = resolver.resolve('AI Act Art. 5(1)(z)');
    expect(missingPoint.ok).toBe(false);
    if (!missingPoint.ok) expect(missingPoint.suggestions).toContain('AI Act Art. 5(1)(a)');
  });

  it('asks for the document when the place fits several', () => {
    const result = resolver.resolve('art 7');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.reason).toBe('which-document');
      expect(result.suggestions).toEqual([
        'Deep Synthesis Provisions Art. 7',
        'Generative AI Interim Measures Art. 7',
      ]);
    }
    // A place only one document has needs no name.
    expect(resolver.resolve('para 6').ok).toBe(true);
  });

  it('tells a reference from a question', () => {
    expect(resolver.looksLikeReference('article 5 ai act')).toBe(true);
    expect(resolver.looksLikeReference('quote AI Act Art. 5(1)(c)')).toBe(true);
    expect(resolver.looksLikeReference('GA res 78/265 para 6')).toBe(true);
    expect(resolver.looksLikeReference('what does article 5 of the AI Act say about biometrics')).toBe(false);
    expect(resolver.looksLikeReference('is social scoring banned')).toBe(false);
  });
});

describe('locatorInCase', () => {
  // Colorado prints sub-points in capitals; paths keep them in lower case, so only a passage's locator knows.
  const style = 'us-statute' as const;
  const statute = [
    { path: ['sec:6-1-1703', '2', 'a', 'i', 'a'], locator: '§ 6-1-1703(2)(a)(I)(A)' },
    { path: ['sec:6-1-1703', '2', 'a', 'i', 'b'], locator: '§ 6-1-1703(2)(a)(I)(B)' },
    { path: ['sec:6-1-1703', '2', 'a', 'ii'], locator: '§ 6-1-1703(2)(a)(II)' },
    { path: ['sec:6-1-1704', '1'], locator: '§ 6-1-1704(1)' },
  ];

  it('writes a unit over several passages, and a place past them, in the case the passages print', () => {
    expect(locatorInCase(style, ['sec:6-1-1703', '2', 'a', 'i'], statute)).toBe('§ 6-1-1703(2)(a)(I)');
    expect(formatLocator(style, ['sec:6-1-1703', '2', 'a', 'i'])).toBe('§ 6-1-1703(2)(a)(i)');
    // A point the document lacks keeps the reader's segment as formatted; what the passages print keeps theirs.
    expect(locatorInCase(style, ['sec:6-1-1703', '2', 'a', 'ii', 'x'], statute)).toBe(
      '§ 6-1-1703(2)(a)(II)(x)',
    );
    expect(locatorInCase(style, ['sec:6-1-1704', '1'], statute)).toBe('§ 6-1-1704(1)');
    expect(locatorInCase(style, ['sec:6-1-1705', 'a'], statute)).toBe('§ 6-1-1705(a)');
  });
});
