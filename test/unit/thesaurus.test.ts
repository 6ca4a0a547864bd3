import { describe, expect, it } from 'vitest';
import { termOf, termsOf, tokenize } from '../../src/search/text.js';
import {
  expandTerms,
  findJurisdictions,
  oneWordSynonyms,
  SYNONYM_GROUPS,
  SYNONYM_WEIGHT,
} from '../../src/search/thesaurus.js';

const weightOf = (terms: { term: string; weight: number }[], word: string) =>
  terms.find((t) => t.term === termOf(word))?.weight;

describe('expandTerms', () => {
  it('adds synonyms at a lower weight and keeps typed words at 1', () => {
    const terms = expandTerms(termsOf('is social credit banned'));
    expect(weightOf(terms, 'banned')).toBe(1);
    expect(weightOf(terms, 'prohibited')).toBe(SYNONYM_WEIGHT);
    // "social scoring" is a two-word synonym: its words share the weight.
    expect(weightOf(terms, 'scoring')).toBe(SYNONYM_WEIGHT / 2);
  });

  it('matches multi-word phrases and not their words alone', () => {
    expect(weightOf(expandTerms(termsOf('facial recognition in shops')), 'biometric')).toBeGreaterThan(0);
    expect(weightOf(expandTerms(termsOf('recognition of diplomas')), 'biometric')).toBeUndefined();
  });

  it('maps the everyday words of the brief', () => {
    const cases: [string, string][] = [
      ['deepfake', 'synthesis'],
      ['fines', 'penalty'],
      ['watermark', 'labelling'],
      ['GPAI', 'foundation'],
      ['kids', 'minors'],
      ['open source', 'weights'],
      ['chatbot', 'conversational'],
      // How people say it → how the documents say it.
      ['chatbot', 'directly'],
      ['systemic risk', 'capabilities'],
      ['red teaming', 'adversarial'],
      ['frontier model', 'dual'],
      ['take effect', 'applying'],
      ['predictive policing', 'criminal'],
      ['killer robots', 'lethal'],
      ['elderly', 'seniors'],
      ['security review', 'assessment'],
      ['copyright', 'mining'],
      ['DNA', 'nucleic'],
      ['nude images', 'intimate'],
    ];
    for (const [typed, expected] of cases)
      expect(weightOf(expandTerms(termsOf(typed)), expected), typed).toBeGreaterThan(0);
  });

  it('drops corpus-common terms and brings no synonyms for them', () => {
    const terms = expandTerms(termsOf('AI literacy'), SYNONYM_WEIGHT, new Set(['ai']));
    expect(terms.map((t) => t.term)).not.toContain('ai');
    expect(terms.map((t) => t.term)).not.toContain(termOf('artificial'));
    // Unless nothing else is left.
    expect(expandTerms(['ai'], SYNONYM_WEIGHT, new Set(['ai']))).toEqual([{ term: 'ai', weight: 1 }]);
  });

  it('has no empty or duplicate groups', () => {
    for (const group of SYNONYM_GROUPS) {
      expect(group.length).toBeGreaterThan(1);
      expect(new Set(group).size).toBe(group.length);
    }
  });
});

describe('oneWordSynonyms', () => {
  it('gives the one-word synonyms of a one-word term, which a passage may write for it', () => {
    expect(oneWordSynonyms('fine')).toEqual(expect.arrayContaining(['penalti', 'sanction']));
    expect(oneWordSynonyms('fine')).not.toContain('fine');
    expect(oneWordSynonyms('ai')).toEqual([]);
  });
});

describe('findJurisdictions', () => {
  it('finds places, longest name first', () => {
    expect(
      findJurisdictions(tokenize('what does the Council of Europe say'), new Set()).jurisdictions,
    ).toEqual(['CoE']);
    expect(
      findJurisdictions(tokenize('rules in China and the United Kingdom'), new Set()).jurisdictions.sort(),
    ).toEqual(['CN', 'UK']);
    expect(findJurisdictions(tokenize('tell us more'), new Set()).jurisdictions).toEqual([]);
  });
});
