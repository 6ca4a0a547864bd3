import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForFingerprint, sha256Hex, textFingerprint } from '../../src/corpus/fingerprint.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('text fingerprint', () => {
  it('ignores invisible characters, line endings and composition, not words', () => {
    const base = textFingerprint(enc('Article 11\nThe provider shall act.\n'));
    expect(textFingerprint(enc('\uFEFFArticle 11\r\nThe pro\u200Bvider shall act.\u000C\n'))).toBe(base);
    expect(textFingerprint(enc('Article 11\nThe provider shall not act.\n'))).not.toBe(base);
    expect(normalizeForFingerprint('Cafe\u0301')).toBe('Café');
  });

  it('is stable under insertion of any zero-width or control characters (property)', () => {
    const invisible = fc.constantFrom(
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u00AD',
      '\u0000',
      '\u000C',
      '\u001F',
    );
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 5 }), (text, inserts) => {
        let noisy = normalizeForFingerprint(text);
        const clean = noisy;
        for (const [at, ch] of inserts) {
          const i = at % (noisy.length + 1);
          noisy = noisy.slice(0, i) + ch + noisy.slice(i);
        }
        expect(normalizeForFingerprint(noisy)).toBe(clean);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('sha256Hex matches a known vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
