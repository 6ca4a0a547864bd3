// The ranking signals beyond BM25: what kind of unit a passage is, documents described rather than named.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { headingKinds, ProvisionKind } from '../../src/search/query.js';
import { isContentFree, isNonOperative } from '../../src/search/units.js';

describe('units', () => {
  it('tells recitals, preambles, findings and checklists from operative provisions', () => {
    expect(isNonOperative({ path: ['recital:58'], text: '(58) Whereas …' })).toBe(true);
    expect(isNonOperative({ path: ['pp:3'], text: 'Recalling its resolutions …' })).toBe(true);
    expect(isNonOperative({ path: ['billsec:1', 'm'], text: '(m) Timely reporting …' })).toBe(true);
    expect(isNonOperative({ path: ['p:26'], text: 'Did you assess risks? Did you consider attacks?' })).toBe(
      true,
    );
    expect(isNonOperative({ path: ['art:50', '1'], text: '1. Providers shall ensure that …' })).toBe(false);
    // One question in a paragraph is rhetoric, not a checklist.
    expect(isNonOperative({ path: ['para:3'], text: 'Is it true? Nobody knows.' })).toBe(false);
  });

  it('finds list items that say little beyond their lead-in', () => {
    const lead = 'The mechanism shall include all of the following:';
    expect(isContentFree({ context: lead, text: '(1) The date of the incident.' }, 4)).toBe(true);
    expect(
      isContentFree({ context: lead, text: '(3) A short and plain statement describing the incident.' }, 4),
    ).toBe(false);
    expect(isContentFree({ text: '(1) The date.' }, 4)).toBe(false);
  });

  it('reads the kind of provision from its own heading only', () => {
    expect(
      headingKinds({ headingPath: ['Chapter XIII', 'Article 113 Entry into force and application'] }),
    ).toBe(ProvisionKind.start);
    expect(
      headingKinds({ headingPath: ['Chapter XII Penalties', 'Article 97 Exercise of the delegation'] }),
    ).toBe(0);
  });
});

describe('documents described, not named', () => {
  const matcher = new DocNameMatcher(loadCatalog());

  it('finds a document by its kind with its issuer or its date', () => {
    expect(matcher.findDescribed('what is the policy in the January 2025 executive order on AI')).toEqual([
      'us-eo-14179-2025',
    ]);
    expect(matcher.findDescribed("what did trump's AI order revoke")).toEqual(['us-eo-14179-2025']);
    expect(matcher.findDescribed('the biden order on DNA synthesis')).toEqual(['us-eo-14110-2023']);
    expect(matcher.findDescribed('what does the 2024 convention say')).toEqual([
      'coe-framework-convention-ai-2024',
    ]);
  });

  it('finds nothing without a kind word, or with a kind word alone', () => {
    expect(matcher.findDescribed('what did trump say in january 2025')).toEqual([]);
    expect(matcher.findDescribed('which framework sets standards for AI')).toEqual([]);
    expect(matcher.findDescribed('is there an executive order on AI')).toEqual([]);
  });
});
