// The words the documents' definitions say what a term means with (the off-topic measure's `defining`).
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { DefinedInstances, definingTerms } from '../../src/search/definitions.js';

const passage = (id: string, path: string[], heading: string, text: string, seq: number): Passage => ({
  id: `doc#${id}`,
  docId: 'doc',
  locator: id,
  path,
  headingPath: [heading],
  text,
  seq,
});

describe('definingTerms', () => {
  it('reads what a definition says a term means, in a definitions section or by its wording', () => {
    const terms = definingTerms([
      passage(
        'sec:10',
        ['sec:10'],
        'Sec. 10. Definitions.',
        'In this Act: "Biometric identifier" means a retina or iris scan, fingerprint, voiceprint.',
        0,
      ),
      passage('sec:2', ['sec:2'], 'Sec. 2. Scope.', '"Operator" means a person who runs a gym.', 1),
      passage('sec:3', ['sec:3'], 'Sec. 3. Duties.', 'An operator shall keep the weather report.', 2),
    ]);
    expect([...terms]).toEqual(expect.arrayContaining(['fingerprint', 'retina', 'voiceprint', 'gym']));
    expect(terms.has('weather')).toBe(false);
  });

  it('leaves out what a term does not include, and the points listed under that', () => {
    const terms = definingTerms([
      passage(
        's/9',
        ['s', '9'],
        'Definitions.',
        '(9) "High-risk system" means a system that makes a decision.',
        0,
      ),
      passage(
        's/9/b',
        ['s', '9', 'b'],
        'Definitions.',
        '(b) "High-risk system" does not include: anti-fraud tools',
        1,
      ),
      passage('s/9/b/m', ['s', '9', 'b', 'm'], 'Definitions.', '(M) spam- and robocall-filtering;', 2),
    ]);
    expect(terms.has('decis')).toBe(true);
    expect(terms.has('fraud')).toBe(false);
    expect(terms.has('spam')).toBe(false);
  });
});

describe('DefinedInstances', () => {
  const bipa = passage(
    'sec:10',
    ['sec:10'],
    'Sec. 10. Definitions.',
    'In this Act: "Biometric identifier" means a retina or iris scan, fingerprint, voiceprint, or scan of hand or ' +
      'face geometry. Biometric identifiers do not include writing samples, written signatures, photographs.\n\n' +
      '"Biometric information" means any information based on an individual\'s biometric identifier.',
    0,
  );

  it('lists the one-word things a definition names one by one under its term', () => {
    const instances = new DefinedInstances([bipa]);
    expect(instances.definedBy('fingerprint')).toEqual([['biometr', 'identifi']]);
    expect(instances.definedBy('voiceprint')).toEqual([['biometr', 'identifi']]);
    expect(instances.definedBy('retina')).toEqual([['biometr', 'identifi']]);
  });

  it('leaves out what the term does not include, descriptions of several words, and short definitions', () => {
    const instances = new DefinedInstances([
      bipa,
      passage('sec:2', ['sec:2'], 'Sec. 2. Definitions.', '"Operator" means a person or a company.', 1),
    ]);
    expect(instances.definedBy('photograph')).toEqual([]);
    expect(instances.definedBy('scan')).toEqual([]);
    // "a person or a company" is two things, not an enumeration.
    expect(instances.definedBy('compani')).toEqual([]);
    // The next definition is a description, not a list.
    expect(instances.definedBy('inform')).toEqual([]);
  });

  it('reads no passage that is not a definition', () => {
    const rule = passage(
      'sec:15',
      ['sec:15'],
      'Sec. 15. Retention.',
      'Fingerprint, voiceprint, or retina scans are kept.',
      0,
    );
    expect(new DefinedInstances([rule]).definedBy('fingerprint')).toEqual([]);
  });
});
