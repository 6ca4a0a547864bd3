import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasTerms,
  normalizeText,
  STOP_WORDS,
  stem,
  termOf,
  termsOf,
  tokenize,
  tokens,
} from '../../src/search/text.js';

describe('normalizeText', () => {
  it('folds case, width, diacritics, typographic quotes and dashes', () => {
    expect(normalizeText('Ｒéglement – “Café” ’s')).toBe('reglement - "cafe" \'s');
  });
});

describe('tokenize', () => {
  it('keeps ids with digits whole', () => {
    expect(tokenize('Regulation (EU) 2024/1689, EO 14110, GV-1.1-001 and § 22757.12(a)')).toEqual([
      'regulation',
      'eu',
      '2024/1689',
      'eo',
      '14110',
      'gv-1.1-001',
      'and',
      '22757.12',
      'a',
    ]);
  });

  it('splits hyphenated words without digits into their parts', () => {
    expect(tokenize('general-purpose AI and/or high-risk')).toEqual([
      'general',
      'purpose',
      'ai',
      'and',
      'or',
      'high',
      'risk',
    ]);
  });

  it('reads non-ASCII letters as letters', () => {
    // Chinese runs are split into words (Intl.Segmenter): 人工智能 → 人工 智能.
    expect(tokenize('人工智能 Übermaß naïve')).toEqual(['人工', '智能', 'ubermaß', 'naive']);
  });
});

describe('terms', () => {
  it('drops stop words and merges spelling variants by stemming', () => {
    expect(termsOf('What does the law say about labelling?')).toEqual(['law', 'label']);
    expect(termOf('labeling')).toBe(termOf('labelling'));
    expect(termOf('prohibited')).toBe(termOf('prohibition'));
    expect(STOP_WORDS.has('the')).toBe(true);
  });

  it('leaves ids and short words unstemmed', () => {
    expect(stem('2024/1689')).toBe('2024/1689');
    expect(stem('ai')).toBe('ai');
  });

  it('never throws and yields lower-case terms for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const term of termsOf(text)) expect(term).toBe(term.toLowerCase());
      }),
    );
  });
});

describe('hasTerms', () => {
  it('says whether termsOf would find at least n terms, without reading further than it must', () => {
    const words = fc.constantFrom(
      'the',
      'of',
      'shall',
      'provider',
      'Article 5(1)',
      'general-purpose',
      'and/or',
      '2024/1689',
      'GV-1.1-001',
      '生成式人工智能',
      '（一）',
      'Café',
      "it's",
      '—',
      ' ',
      '\n',
      '(a)',
      'us',
      'US',
      '3.',
      'x',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.array(words, { maxLength: 16 }).map((w) => w.join(' ')),
        ),
        fc.integer({ min: -1, max: 8 }),
        (text, n) => {
          expect(hasTerms(text, n)).toBe(termsOf(text).length >= n);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('tokens of plain ASCII text, scanned by hand', () => {
  // The tokenizer as it was, with a regular expression for ASCII text: the reference the scan must equal.
  const ASCII_TOKEN = /[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*/g;
  function reference(text: string) {
    const out: { surface: string; norm: string; start: number }[] = [];
    for (const match of text.matchAll(ASCII_TOKEN)) {
      const surface = match[0];
      if (/\p{N}/u.test(surface) || !/[./-]/.test(surface)) {
        out.push({ surface, norm: surface.toLowerCase(), start: match.index });
        continue;
      }
      let offset = 0;
      for (const part of surface.split(/[./-]/)) {
        if (part.length > 0)
          out.push({ surface: part, norm: part.toLowerCase(), start: match.index + offset });
        offset += part.length + 1;
      }
    }
    return out;
  }

  it('gives the tokens the regular expression gave (ids, hyphens, slashes, dots, stray separators)', () => {
    const text = fc
      .array(fc.constantFrom('a', 'B', 'z', '0', '7', '.', '-', '/', ' ', "'", '\n', '(', 'ab', 'X1'), {
        maxLength: 60,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(tokens(t)).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
    expect(tokens('Art. 5(1)(c) of Regulation (EU) 2024/1689 and general-purpose GV-1.1-001')).toEqual(
      reference('Art. 5(1)(c) of Regulation (EU) 2024/1689 and general-purpose GV-1.1-001'),
    );
  });
});
