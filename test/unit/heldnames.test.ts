// What the corpus itself says about names: held documents described by the catalog's facts, and names the held
// texts use, so that neither is reported as something Charter lacks (issue 19, tuning-heldnames).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { loadInstruments } from '../../src/corpus/instruments.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { CorpusNames, SpelledOut, spelledByPattern, spelledInQuestion } from '../../src/search/heldnames.js';
import { MissingDetector } from '../../src/search/missing.js';
import { loadPlaces } from '../../src/search/places.js';

const catalog = loadCatalog();

describe('CorpusNames', () => {
  // Small texts of our own, written the way the held documents write names.
  const names = new CorpusNames(() => [
    'personal information has the meaning assigned by subsections 2(1) and (3) of the Consumer Privacy\nProtection Act.',
    'An act to add Chapter 6 to the Business and Professions Code, relating to bots.',
    'the new consumer protection act of a member state',
    'Korea’s Ministry of Science',
  ]);

  it('finds a name the texts write with capitals, whatever the case and spacing of the question', () => {
    expect(names.has('Consumer Privacy Protection Act')).toBe(true);
    expect(names.has('consumer privacy protection act')).toBe(true);
    expect(names.has('Professions Code')).toBe(true);
    expect(names.has('Business and Professions Code')).toBe(true);
    expect(names.has("Korea's Ministry")).toBe(true);
  });

  it('does not take words the texts write in lower case, or in another order, for a name', () => {
    expect(names.has('Consumer Protection Act')).toBe(false);
    expect(names.has('Privacy Consumer Protection Act')).toBe(false);
    expect(names.has('Digital Services Act')).toBe(false);
    expect(names.has('')).toBe(false);
  });
});

describe('MissingDetector with what the corpus says', () => {
  const texts = [
    // As AIDA, SB 1001, EO 14179, EO 14110 and the labelling measures write them (their text is not committed).
    'subsections 2(1) and (3) of the Consumer Privacy Protection Act',
    'Business and Professions Code, relating to bots',
    'President Trump has already reformed National Environmental Policy Act (NEPA) regulations',
    'shall revise OMB Memoranda M-24-10 and M-24-18',
    'in accordance with the Defense Production Act',
    'These Measures are drafted on the basis of the PRC Cybersecurity Law',
  ];
  const byDoc: Record<string, string> = {
    'us-eo-14179-2025': texts[3]!,
    'us-eo-14110-2023': texts[4]!,
    'cn-ai-content-labelling-measures-2025': texts[5]!,
  };
  const corpusNames = new CorpusNames(() => texts);
  const detector = new MissingDetector({
    docs: catalog,
    names: new DocNameMatcher(catalog),
    places: loadPlaces(),
    hasTerm: () => false,
    known: loadInstruments(),
    // The CoE convention is taken to cite everything, so that only the number tells Convention 108 from it.
    cites: (docId, phrases) =>
      docId === 'coe-framework-convention-ai-2024' ||
      phrases.some((phrase) => byDoc[docId]?.includes(phrase) ?? false),
    corpusNames: (name) => corpusNames.has(name),
  });
  const names = (question: string) => detector.detect(question).map((m) => m.name);

  it('does not report a name the held texts use as something Charter lacks', () => {
    expect(names('how does AIDA use the Consumer Privacy Protection Act for personal information')).toEqual(
      [],
    );
    expect(names("what does california's bot law add to the Business and Professions Code")).toEqual([]);
    // A name that runs on from one they use.
    expect(names('what does the plan say about National Environmental Policy Act regulations')).toEqual([]);
  });

  it('still reports a name in no held text, and a known instrument asked about on its own', () => {
    expect(names("what does Korea's AI Basic Act require")).toEqual(["Korea's AI Basic Act"]);
    expect(names('does the Defense Production Act cover AI')).toEqual(['Defense Production Act']);
  });

  it('knows a held document described by its issuer, date or jurisdiction and kind, and what it cites', () => {
    expect(names("What does Trump's January AI Order say about M-24-10?")).toEqual([]);
    expect(names("Biden's AI EO and the Defense Production Act")).toEqual([]);
    expect(names('What do the Chinese Labelling Rules say about the PRC Cybersecurity Law?')).toEqual([]);
  });

  it('does not report a place that a described held document merely mentions', () => {
    expect(names("does Biden's AI EO apply to companies in Mexico")).toEqual([]);
    expect(names('does the colorado AI law cover Texas companies')).toEqual([]);
    expect(names('does texas have an AI law')).toEqual(['Texas']);
  });

  it('takes a kind word with a number after it for another instrument', () => {
    expect(names("is emotion recognition banned under the Council of Europe's Convention 108")).toHaveLength(
      1,
    );
    expect(names("what does the Council of Europe's AI convention say about the GDPR")).toEqual([]);
  });
});

describe('SpelledOut', () => {
  const texts = [
    'review by the Committee on Foreign Investment in the United States (the Committee)',
    'a data protection impact assessment; In place to collect and consider',
  ];
  const spelled = new SpelledOut(() => texts);

  it('finds an acronym whose words the texts write in capitals, small joining words aside', () => {
    expect(spelled.has('CFIUS')).toBe(true);
    expect(spelled.has('cfius')).toBe(true);
  });

  it('does not take words in lower case, or a chance run of capitals, for an acronym', () => {
    expect(spelled.has('DPIA')).toBe(false);
    expect(spelled.has('IPCC')).toBe(false);
    expect(spelled.has('FERPA')).toBe(false);
    expect(spelled.has('A1')).toBe(false);
  });
});

describe('SpelledOut.hasTerm', () => {
  const term = 'a data protection impact assessment';
  const texts = [
    `${term}; ${term}. ${term}, ${term} and ${term}`,
    'the data subject already knows; the data subject already knows; the data subject already knows',
    'the data subject already knows; the data subject already knows',
    'AI system life AI system life AI system life AI system life AI system life',
    'a data protection authority and another data protection authority',
  ];
  const spelled = new SpelledOut(() => texts);

  it('finds an acronym whose words the texts use, in any case, as a term they repeat', () => {
    expect(spelled.hasTerm('DPIA')).toBe(true);
  });

  it('takes no chance run: a small word among them, "AI", or a phrase written fewer than five times', () => {
    expect(spelled.hasTerm('DSA')).toBe(false);
    expect(spelled.hasTerm('ASL')).toBe(false);
    expect(spelled.hasTerm('DPA')).toBe(false);
    expect(spelled.hasTerm('D1')).toBe(false);
  });
});

describe('spelledInQuestion', () => {
  it('finds words in a row of the question, small words aside, whose first letters spell the acronym', () => {
    const norms = ['iit', 'indian', 'institute', 'of', 'technology', 'students'];
    expect(spelledInQuestion('IIT', norms, 0)).toBe(true);
    expect(spelledInQuestion('IIT', ['iit', 'students', 'in', 'india'], 0)).toBe(false);
    // The acronym's own token is no word of its spelling.
    expect(spelledInQuestion('ITS', ['its', 'intelligent', 'transport'], 0)).toBe(false);
  });
});

describe('SpelledOut read on runs of letters and digits', () => {
  // Texts made of the pieces the pattern treats differently: capitals and lower-case letters, the small words it
  // skips (and near misses), apostrophes and hyphens that join words, other gaps, digits, letters outside ASCII
  // and outside the BMP, a lone surrogate; acronyms of the letters those texts use.
  const pieces = [
    'A',
    'B',
    'C',
    'D',
    'Ab',
    'Bc',
    'Cd',
    'Dab',
    'abc',
    'b',
    'c',
    'of',
    'Of',
    'OF',
    'on',
    'In',
    'in',
    'the',
    'The',
    'for',
    'And',
    'to',
    'With',
    'with',
    'Within',
    '&',
    ' ',
    ' ',
    '  ',
    "'",
    '’',
    '-',
    "'s",
    '.',
    ',',
    '(',
    ')',
    '\n',
    '1',
    '2B',
    'É',
    'é',
    'Ça',
    '中',
    '𝐀',
    'A𝐀',
    '\ud835',
    'ß',
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));
  const acronym = fc
    .array(fc.constantFrom('a', 'b', 'c', 'o', 't', 'é', 'ß'), { minLength: 1, maxLength: 3 })
    .map((letters) => letters.join(''));

  it('says what the pattern over the joined texts says, for every acronym', () => {
    // Few acronyms, so that V8's regular-expression cache spares compiling each pattern's Unicode classes anew.
    const byPattern = (joined: string, letters: string) =>
      spelledByPattern(
        joined,
        [...letters].map((letter) => letter.toUpperCase()),
      );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), acronym, (texts, letters) => {
        const expected = /^\p{L}{2,8}$/u.test(letters) && byPattern(texts.join('\n'), letters);
        expect(new SpelledOut(() => texts).has(letters)).toBe(expected);
      }),
      { numRuns: 600 },
    );
  });

  it('runs a word on through apostrophes and hyphens, skips small words, reads the texts as joined by line breaks', () => {
    const spelled = new SpelledOut(() => ["the Board's-Review of The Data", 'Trade', 'Act']);
    expect(spelled.has('brd')).toBe(true);
    // "Board's-Review" may be one word; "of" is skipped, "The" may be a capital or skipped.
    expect(spelled.has('bd')).toBe(true);
    expect(spelled.has('btd')).toBe(true);
    expect(spelled.has('dta')).toBe(true);
    expect(spelled.has('bo')).toBe(false);
    expect(spelled.has('rr')).toBe(false);
    expect(spelled.has('da')).toBe(false);
  });
});
