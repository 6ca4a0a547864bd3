// "Cited as" in `charter sources NAME` and /sources: each citation style as a person reads it, never its
// internal id (trial 7: `sources GDPR` printed "Cited as: eu-act").
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { CITATION_STYLES, describeCitation } from '../../src/corpus/citation.js';

describe('describeCitation', () => {
  it('describes every style in words with an example, never by its id', () => {
    for (const style of CITATION_STYLES) {
      const words = describeCitation({ style });
      expect(words, style).toMatch(/^[a-z].*\(.+\)$/);
      // No internal id shows (the ones that are not also English words: eu-act, us-eo, nist-core, …).
      if (/[-]/.test(style) || style === 'ilcs') expect(words, style).not.toContain(style);
    }
    expect(describeCitation({ style: 'numbered', unitLabel: 'Action' })).toBe('numbered Actions (Action 7)');
  });

  it('is what the GDPR is shown as', () => {
    const gdpr = loadCatalog().find((d) => d.id === 'eu-gdpr-2016')!;
    expect(describeCitation(gdpr.citation)).toBe(
      'articles, recitals and annexes (Art. 5(1)(c), Recital 27, Annex III point 4)',
    );
  });
});
