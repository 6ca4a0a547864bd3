// What a question names that Charter lacks, decided from the catalog and the generated places list alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { loadInstruments } from '../../src/corpus/instruments.js';
import { DocNameMatcher } from '../../src/search/docnames.js';
import { englishFrequencies } from '../../src/search/frequencies.js';
import { MissingDetector, type MissingDetectorOptions } from '../../src/search/missing.js';
import { loadPlaces } from '../../src/search/places.js';

const catalog = loadCatalog();
// The corpus vocabulary as far as these tests need it: "FTC" is a word the documents use, "CCPA" is not.
const vocabulary = new Set(['ftc', 'gpai']);

function detector(docs: readonly CatalogDocument[] = catalog, more: Partial<MissingDetectorOptions> = {}) {
  return new MissingDetector({
    docs,
    names: new DocNameMatcher(docs),
    places: loadPlaces(),
    hasTerm: (term) => vocabulary.has(term),
    ...more,
  });
}

const detect = (question: string) => detector().detect(question);

describe('MissingDetector', () => {
  it('names a law of a country Charter holds nothing from, as the question wrote it', () => {
    expect(detect("what does Korea's AI Basic Act require from high-impact AI providers")).toEqual([
      { name: "Korea's AI Basic Act", kind: 'instrument' },
    ]);
  });

  it('names instruments by their own names, in capitals or not', () => {
    expect(detect('does the digital services act cover recommender systems')).toEqual([
      { name: 'Digital Services Act', kind: 'instrument' },
    ]);
    expect(detect('What did the Bletchley Declaration say about frontier AI?')).toEqual([
      { name: 'Bletchley Declaration', kind: 'instrument' },
    ]);
    expect(detect('does the UK Online Safety Act apply to chatbots')).toEqual([
      { name: 'UK Online Safety Act', kind: 'instrument' },
    ]);
  });

  it('takes three lower-case words of their own before a head for a name, even of words the documents use', () => {
    const known = detector(catalog, { hasTerm: () => true });
    expect(known.detect('european health data space regulation secondary use for AI training')).toEqual([
      { name: 'European Health Data Space Regulation', kind: 'instrument' },
    ]);
    // Even when the documents of the place it names (the EU's regulations) use each of the three words: two
    // words a described document uses are a description ("the illinois face scan law"), three a name.
    const described = detector(catalog, { hasTerm: () => true, docUses: () => true });
    expect(described.detect('european health data space regulation secondary use for AI training')).toEqual([
      { name: 'European Health Data Space Regulation', kind: 'instrument' },
    ]);
    // Two are not enough, nor three that a place or "'s" parts from the head.
    expect(known.detect('data space regulation for AI training')).toEqual([]);
    expect(known.detect("how did western media compare china's ai plan to america's")).toEqual([]);
  });

  it('takes words of a held name under a head that cannot stand for that document for another instrument', () => {
    // "Human", "rights" and "council" are all words of the CoE Convention's names, but a convention is no
    // resolution: another body's resolution.
    expect(detect('human rights council resolution on new and emerging digital technologies')).toEqual([
      { name: 'Human Rights Council Resolution', kind: 'instrument' },
    ]);
    // Under a head that can ("the trustworthy AI guidelines", the HLEG's) or one word ("trump's AI plan"), a
    // held document's.
    expect(detect('what do the trustworthy AI ethics guidelines say about oversight')).toEqual([]);
    expect(detect("does trump's AI plan want to cut bureaucracy for AI companies")).toEqual([]);
  });

  it("takes a year before a held document's own, beside its name, for an earlier version it does not hold", () => {
    expect(detect('singapore model AI governance framework first edition 2019')).toEqual([
      { name: 'Singapore Model AI Governance Framework First Edition 2019', kind: 'instrument' },
    ]);
    expect(detect("the commission's 2021 proposal for the AI act, what was the high risk list")).toEqual([
      { name: '2021 Proposal for the AI Act', kind: 'instrument' },
    ]);
    // Its own year, a later one, or a year that says when, is the held document.
    expect(detect('the 2016 GDPR rules on consent')).toEqual([]);
    expect(detect('does the GDPR 2018 apply to AI training')).toEqual([]);
    expect(detect('what changed since 2020 per the UNESCO recommendation')).toEqual([]);
  });

  it("takes a rule, report, letter or best practices for another body's only after an acronym or capitals", () => {
    expect(detect('SEC predictive data analytics rule for brokers, was it withdrawn')).toEqual([
      { name: 'SEC Predictive Data Analytics Rule', kind: 'instrument' },
    ]);
    expect(detect('CISA AI data security best practices')).toEqual([
      { name: 'CISA AI Data Security Best Practices', kind: 'instrument' },
    ]);
    expect(detect('NYDFS circular letter 7 on AI in insurance underwriting')).toEqual([
      { name: 'NYDFS Circular Letter 7', kind: 'instrument' },
    ]);
    // In lower case these heads name what a held document asks for or holds, and a held place before them
    // says nothing of another instrument.
    expect(detect('what details go in a california critical safety incident report')).toEqual([]);
    expect(detect("does gdpr's kids consent rule change whether a contract with a child is valid")).toEqual(
      [],
    );
    expect(detect('does the california bot rule apply to a government agency running a bot')).toEqual([]);
  });

  it('takes a name the held texts write for another instrument when a version they never write follows it', () => {
    const writes = (phrase: string) => phrase.toLowerCase() === 'cybersecurity framework';
    const versions = detector(catalog, { writes, corpusNames: (name) => writes(name) });
    expect(versions.detect('NIST cybersecurity framework 2.0 govern function')).toEqual([
      { name: 'Cybersecurity Framework 2.0', kind: 'instrument' },
    ]);
    // Without a version it is what the held texts speak of.
    expect(versions.detect('what does the cybersecurity framework say about governance')).toEqual([]);
  });

  it('never counts the host of a copy as a name of the document', () => {
    // The BRICS statement's web copy is hosted by the University of Toronto (the issuer field says so after
    // a ";"): "Toronto" names no held document, so the Toronto Declaration is another instrument.
    expect(detect('what does the toronto declaration say about equality')).toEqual([
      { name: 'Toronto Declaration', kind: 'instrument' },
    ]);
    // Who issued the document still names it ("Biden's AI EO": the issuer's own part of the field).
    expect(detect("what does Biden's AI EO say about red-teaming")).toEqual([]);
  });

  it('does not report a held document named informally, or a phrase its text uses', () => {
    const texts = [
      'This section lists four ethical principles, rooted in fundamental rights.',
      'biometric identifiers means a retina or iris scan, fingerprint, voiceprint, or scan of hand or face geometry',
    ];
    const writes = (phrase: string) =>
      texts.some((text) => text.toLowerCase().includes(phrase.toLowerCase()));
    const used = new Set(['face', 'scan', 'retention', 'schedul']);
    const informal = detector(catalog, {
      hasTerm: () => true,
      writes,
      docUses: (docId, term) => docId === 'us-il-bipa-2008' && used.has(term),
    });
    // A phrase the documents write, in any case, is something they speak of (the HLEG guidelines).
    expect(informal.detect('what are the four ethical principles')).toEqual([]);
    // The name's words by their index terms: "biometrics" is BIPA's "Biometric".
    expect(informal.detect('the illinois biometrics act retention schedule')).toEqual([]);
    // A held place and a word of the kind describe BIPA, whose text uses "face" and "scan".
    expect(informal.detect('a company broke the illinois face scan law, how much do i get')).toEqual([]);
    // Words the described document does not use make another instrument.
    expect(informal.detect('the illinois consumer credit act')).toEqual([
      { name: 'Illinois Consumer Credit Act', kind: 'instrument' },
    ]);
  });

  it('reads a held name run together and a held place clipped as the held ones', () => {
    const informal = detector(catalog, { englishZipf: englishFrequencies().zipf });
    // "UNGA" is the catalog's "UN GA" run together (UN GA Res. 78/265).
    expect(informal.detect('what does the UNGA AI resolution say about developing countries')).toEqual([]);
    // "Cali" is California clipped, a word neither English nor the documents use: the California bot law.
    expect(informal.detect('what does the Cali bot law require')).toEqual([]);
    // Without the frequency table nothing is taken for a clipped place.
    expect(detect('what does the Cali bot law require')).toEqual([
      { name: 'Cali Bot Law', kind: 'instrument' },
    ]);
  });

  it('takes an owner\'s name rare in English, and a joining word after "the", for part of a name', () => {
    const named = detector(catalog, { hasTerm: () => true, englishZipf: englishFrequencies().zipf });
    expect(named.detect("google's AI principles, what did they drop")).toEqual([
      { name: "Google's AI Principles", kind: 'instrument' },
    ]);
    // An everyday owner is no name: "my company's AI policy" is no instrument.
    expect(named.detect("what should my company's AI policy say")).toEqual([]);
    expect(named.detect('the americans with disabilities act and AI hiring tools')).toEqual([
      { name: 'Americans with Disabilities Act', kind: 'instrument' },
    ]);
  });

  it('tells numbered bills and orders Charter holds from those it does not', () => {
    expect(detect('what does California SB 1047 say about kill switches')).toEqual([
      { name: 'SB 1047', kind: 'instrument' },
    ]);
    expect(detect('what does SB 53 require from frontier developers')).toEqual([]);
    expect(detect('Executive Order 13960 on trustworthy AI')).toEqual([
      { name: 'Executive Order 13960', kind: 'instrument' },
    ]);
    expect(detect('did EO 14110 make cloud companies check foreign customers')).toEqual([]);
  });

  it('names an unknown acronym only where a name stands', () => {
    expect(detect('does the CCPA give a right to opt out')).toEqual([{ name: 'CCPA', kind: 'body' }]);
    expect(detect('what does the FTC say about AI')).toEqual([]);
    expect(detect('are there rules for LLM providers on GPAI')).toEqual([]);
    // Before the word of what it asks of someone ("DORA requirements"), but not a word the documents use.
    expect(detect('DORA requirements for banks using AI vendors')).toEqual([{ name: 'DORA', kind: 'body' }]);
    expect(detect('GPAI obligations for providers')).toEqual([]);
  });

  it('names an acronym English and the documents never use standing alone, in a question naming no held document', () => {
    const english = englishFrequencies();
    const bare = detector(catalog, { englishZipf: (term) => english.zipf(term) });
    expect(bare.detect('FERPA and AI tutoring tools in schools')).toEqual([{ name: 'FERPA', kind: 'body' }]);
    // Not beside a held document, not three letters, not a word of English, not a modifier joined by a hyphen.
    expect(bare.detect('gdpr art 35 when do u need a DPIA')).toEqual([]);
    expect(bare.detect('KYC checks with AI at my bank')).toEqual([]);
    expect(bare.detect('NASA and AI safety research')).toEqual([]);
    expect(bare.detect('is the UN creating an IPCC-style scientific panel for AI')).toEqual([]);
    // Not one the held texts write out in capitals (the NSM's "Committee on Foreign Investment in the United States").
    const spelled = detector(catalog, {
      englishZipf: (term) => english.zipf(term),
      spelledOut: (acronym) => acronym === 'cfius',
    });
    expect(
      spelled.detect('a foreign investor wants to buy into our startup, will CFIUS look at that'),
    ).toEqual([]);
  });

  it("names an issuer's acronym with a code neither the catalog nor the corpus writes", () => {
    expect(detect('SAE J3016 levels of driving automation')).toEqual([
      { name: 'SAE J3016', kind: 'instrument' },
    ]);
    expect(detect('what does APRA CPS 230 say about AI vendors')).toEqual([
      { name: 'APRA CPS 230', kind: 'instrument' },
    ]);
    expect(detect('SR 11-7 model validation')).toEqual([{ name: 'SR 11-7', kind: 'instrument' }]);
    // A code the documents write is theirs ("GPT-4"), and a model's small version number is no code.
    const gpt = detector(catalog, { hasTerm: (term) => term === 'gpt-4' || vocabulary.has(term) });
    expect(gpt.detect('does GPT-4 count as systemic risk')).toEqual([]);
    expect(detect('is GPT 5 a general-purpose model')).toEqual([]);
  });

  it('takes a topic the documents write out for no name before a head of no title ("the GPAI rules")', () => {
    // GPAI means general-purpose AI (the thesaurus), which the AI Act writes: the rules are the AI Act's.
    const writing = detector(catalog, { writes: (phrase) => phrase === 'general-purpose ai' });
    expect(writing.detect('what are the GPAI rules')).toEqual([]);
    // A title runs on, or the documents do not write the topic out: a name.
    expect(writing.detect('the GPAI code of practice copyright chapter')).toEqual([
      { name: 'GPAI Code', kind: 'instrument' },
    ]);
    expect(detect('what are the GPAI rules')).toEqual([{ name: 'GPAI Rules', kind: 'instrument' }]);
  });

  it('takes a held place before a head of a kind none of its documents is for another instrument', () => {
    // AIDA is a law, the Japanese documents guidelines, the UK's a plan.
    expect(detect("canada's directive on automated decision-making")).toEqual([
      { name: "Canada's Directive", kind: 'instrument' },
    ]);
    expect(detect("what's in japan's AI promotion act")).toEqual([
      { name: "Japan's AI Promotion Act", kind: 'instrument' },
    ]);
    expect(detect('the beijing AI principles on harmony')).toEqual([
      { name: 'Beijing AI Principles', kind: 'instrument' },
    ]);
    // Words for binding texts stand for one another; a head word in a held name of the place is that document.
    for (const question of [
      'does the EU AI law cover the army',
      'is every day a company keeps breaking the canadian AI rules a new violation',
      "china's recommendation algorithm rules on user tags",
      "canada's AI bill on biased output",
    ])
      expect(detect(question), question).toEqual([]);
  });

  it('takes a bare section no held document has for another instrument ("section 230")', () => {
    const sections = new Set(['4', '15', '50']);
    const numbered = detector(catalog, { heldSection: (number) => sections.has(number.split('.')[0]!) });
    expect(numbered.detect('section 230 and generative AI outputs')).toEqual([
      { name: 'Section 230', kind: 'instrument' },
    ]);
    // A held document's section, one of a named document, or one whose instrument is named after it: no note.
    for (const question of [
      'section 4.2 red teaming',
      'what does section 15 say about selling biometrics',
      'section 230 of BIPA',
      'what does section 230 of the communications decency act say',
    ])
      expect(
        numbered.detect(question).filter((m) => m.name.startsWith('Section')),
        question,
      ).toEqual([]);
  });

  it('names a country or US state with no document, unless the question is about a document Charter has', () => {
    expect(detect('does texas have an AI law for state agencies')).toEqual([
      { name: 'Texas', kind: 'place' },
    ]);
    expect(detect('what is the capital of Norway')).toEqual([{ name: 'Norway', kind: 'place' }]);
    expect(detect('does the AI Act apply to companies in France')).toEqual([]);
    expect(detect('is social scoring banned in the EU?')).toEqual([]);
    expect(detect('how does china regulate deepfakes compared to the US')).toEqual([]);
    expect(detect('what does colorado require from deployers')).toEqual([]);
  });

  it('reports no place inside a held jurisdiction (withinHeld): an EU member state, a US state beside a held one', () => {
    const questions = [
      'i run a startup in germany, can we sell emotion recognition to schools',
      'our german clients want to score job applicants automatically',
      "i'm in texas but my employer is in illinois, can they scan my face",
    ];
    for (const question of questions) expect(detect(question), question).toEqual([]);
    // A place outside any held jurisdiction, or a state alone, is still reported; and with the rule off, all are.
    expect(detect('i run a startup in norway, can we sell emotion recognition to schools')).toEqual([
      { name: 'Norway', kind: 'place' },
    ]);
    expect(detect("i'm in texas, can my employer scan my face")).toEqual([{ name: 'Texas', kind: 'place' }]);
    const off = detector(catalog, { rules: { withinHeld: false } });
    expect(off.detect(questions[0]!)).toEqual([{ name: 'Germany', kind: 'place' }]);
    expect(off.detect(questions[2]!)).toEqual([{ name: 'Texas', kind: 'place' }]);
  });

  it("takes no held document's issuer or signer before 's for an unknown owner (heldOwner)", () => {
    const known = (rules = {}) => detector(catalog, { hasTerm: () => true, rules });
    for (const question of [
      "does trump's action plan say anything about open source models",
      "what did biden's earlier AI order say about watermarking",
    ])
      expect(known().detect(question), question).toEqual([]);
    // An owner the catalog does not name still makes a name; with the rule off, so do Trump and Biden.
    expect(known().detect("what do google's AI principles say about weapons")).toEqual([
      { name: "Google's AI Principles", kind: 'instrument' },
    ]);
    expect(
      known({ heldOwner: false }).detect("does trump's action plan say anything about open source models"),
    ).toEqual([{ name: "Trump's Action Plan", kind: 'instrument' }]);
  });

  it('takes lower-case words after "a" or "an" before a head for no name (indefinite)', () => {
    const known = (rules = {}) => detector(catalog, { hasTerm: () => true, rules });
    for (const question of [
      'can a single officer act on it',
      'can a market surveillance authority order a product off the market',
    ])
      expect(known().detect(question), question).toEqual([]);
    // "the" still makes a name, and with the rule off "a" does too.
    expect(known().detect('does the single officer act apply')).toEqual([
      { name: 'Single Officer Act', kind: 'instrument' },
    ]);
    expect(known({ indefinite: false }).detect('can a single officer act on it')).toEqual([
      { name: 'Single Officer Act', kind: 'instrument' },
    ]);
  });

  it('reads "guidance" after a held place as any of its documents that binds no one (guidanceWord)', () => {
    const known = (rules = {}) => detector(catalog, { hasTerm: () => true, rules });
    const question =
      "doesn't singapore's guidance suggest explaining how a decision could have gone the other way";
    expect(known().detect(question)).toEqual([]);
    expect(known({ guidanceWord: false }).detect(question)).not.toEqual([]);
  });

  it("reads a code's name with a section a held law has as its own for that law's citation (codeCitation)", () => {
    // SB 53 adds § 1107.1 to the Labor Code and SB 1001 § 17941 to the Business and Professions Code; the
    // index answers from the passages' "§" locators and the laws' texts (index.ts codeSections).
    const codeSection = (number: string, word: string) =>
      (number === '1107.1' && 'labor'.startsWith(word)) ||
      (number === '17941' && 'professions'.startsWith(word));
    const known = (rules = {}) => detector(catalog, { hasTerm: () => true, codeSection, rules });
    for (const question of [
      'what does the labor code 1107.1 thing protect',
      'does Bus. & Prof. Code 17941 require bots to disclose',
      'how does cal. labor code 1107.1 protect whistleblowers',
    ])
      expect(known().detect(question), question).toEqual([]);
    // Another code, or a section the law does not have, is another instrument; so it is with the rule off.
    expect(known().detect('what does penal code 502 say about hacking')).toEqual([
      { name: 'Penal Code 502', kind: 'instrument' },
    ]);
    expect(known().detect('what does the labor code 98.6 protect')).not.toEqual([]);
    expect(
      known({ codeCitation: false }).detect('what does the labor code 1107.1 thing protect'),
    ).not.toEqual([]);
  });

  it("reads a place's word that begins a held document's title word as that document (placeInName)", () => {
    const known = (rules = {}) => detector(catalog, { hasTerm: () => true, rules });
    // "european" before "treaty": the Council of Europe's convention, though no EU document is a treaty.
    const question = 'does the european AI treaty apply to private companies';
    expect(known().detect(question)).toEqual([]);
    expect(known({ placeInName: false }).detect(question)).toEqual([
      { name: 'European AI Treaty', kind: 'instrument' },
    ]);
    // No held treaty's title or issuer has China in it.
    expect(known().detect('does the chinese AI treaty apply to companies')).toEqual([
      { name: 'Chinese AI Treaty', kind: 'instrument' },
    ]);
  });

  it('takes no acronym the question or the held texts write out for a name (spelledAcronym)', () => {
    const spelledTerm = (acronym: string) => ['dpia', 'dpa', 'dpo'].includes(acronym);
    const spelledOut = (acronym: string) => acronym === 'itu';
    const known = (rules = {}) => detector(catalog, { spelledTerm, spelledOut, rules });
    // A term of the held texts ("data protection impact assessment"), in a question naming no document.
    expect(known().detect('my DPO says we need a DPIA before rolling out face recognition')).toEqual([]);
    expect(known().detect('how long does the DPA have to answer my complaint')).toEqual([]);
    expect(
      known({ spelledAcronym: false }).detect('how long does the DPA have to answer my complaint'),
    ).toEqual([{ name: 'DPA', kind: 'body' }]);
    // A body the held texts name in capitals, beside a held document; alone it is still a name.
    expect(known().detect('what does the ITU do under the global digital compact')).toEqual([]);
    expect(known().detect('what does the ITU say about AI standards')).toEqual([
      { name: 'ITU', kind: 'body' },
    ]);
    // Written out in the question itself.
    const written = 'does the GSA (general services administration) have to follow it';
    expect(known().detect(written)).toEqual([]);
    expect(known({ spelledAcronym: false }).detect(written)).toEqual([{ name: 'GSA', kind: 'body' }]);
    expect(known().detect('does the CCPA give a right to opt out of automated decisionmaking')).toEqual([
      { name: 'CCPA', kind: 'body' },
    ]);
  });

  it('makes no name of Chinese words before an English head in a Chinese question (sameScript)', () => {
    const known = (rules = {}) => detector(catalog, { hasTerm: () => false, rules });
    const question = '有人故意在输入里加扰动骗模型出错，framework里叫什么风险';
    expect(known().detect(question)).toEqual([]);
    expect(known({ sameScript: false }).detect(question)).not.toEqual([]);
  });

  it('says when the corpus holds only a report about the document named', () => {
    expect(detect("what is in China's Global AI Governance Action Plan about open source")).toEqual([
      {
        name: 'Global AI Governance Action Plan',
        kind: 'report',
        reportId: 'news-global-times-china-ai-governance-action-plan-2025',
      },
    ]);
    expect(detect('what did the Global Times report say about open source')).toEqual([]);
  });

  it('leaves questions about held documents alone', () => {
    for (const question of [
      'what does the January 2025 executive order revoke',
      'is the NIST AI RMF mandatory?',
      'what do the Hiroshima Principles say about watermarks',
      "what does the Council of Europe's framework convention say about democracy",
      "whats a frontier model in california's SB 53",
      'how do the Chinese deep synthesis rules treat face swaps',
      // A place search steers by counts in any case, even in a question written with capitals.
      "US vs China on open source AI: the chinese safety framework's view",
    ])
      expect(detect(question), question).toEqual([]);
  });

  it('follows the catalog: a document added there is no longer missing', () => {
    const korea: CatalogDocument = {
      ...catalog[0]!,
      id: 'kr-ai-basic-act-2025',
      title: 'Framework Act on the Development of Artificial Intelligence',
      shortTitle: 'AI Basic Act',
      aliases: ['Korea AI Basic Act'],
      jurisdiction: 'KR',
    };
    expect(detector([...catalog, korea]).detect("what does Korea's AI Basic Act require")).toEqual([]);
    expect(detector([...catalog, korea]).detect('does Korea ban social scoring')).toEqual([]);
  });

  it('never throws and only names words of the question (capitalized when it was written in lower case)', () => {
    const detect = detector();
    const lower = (text: string) => text.toLowerCase();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (question) => {
        for (const missing of detect.detect(question)) expect(lower(question)).toContain(lower(missing.name));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('the', 'Act', 'act', 'Korea', "'s", 'SB', '1047', 'CCPA', 'Texas', 'AI', ' ', 'of'),
          {
            maxLength: 12,
          },
        ),
        (words) => {
          const question = words.join(' ');
          for (const missing of detect.detect(question))
            expect(lower(question)).toContain(lower(missing.name));
        },
      ),
      { numRuns: 500 },
    );
  });

  describe('with the known instruments and the held headings', () => {
    // Headings as the held documents have them (METI's Part 2 C; the Hiroshima principles' title is in the catalog).
    const headings = ['C. Common Guiding Principles', 'Part 2 AI Governance'];
    const known = detector(catalog, {
      known: loadInstruments(),
      headings,
      cites: (docId, phrases) =>
        docId === 'eu-ai-act-2024' && phrases.includes('Charter of Fundamental Rights'),
    });
    const facts = (question: string) =>
      known.detect(question).map((m) => ({ name: m.name, kind: m.kind, known: m.known?.id }));

    it('names a known instrument as the list writes it, with its facts, whatever the question’s case', () => {
      for (const question of [
        'does the bletchley declaration mention frontier AI',
        'What did the Bletchley Declaration say about frontier AI?',
        'BLETCHLEY DECLARATION frontier risks',
      ])
        expect(facts(question), question).toEqual([
          { name: 'Bletchley Declaration', kind: 'instrument', known: 'uk-bletchley-declaration-2023' },
        ]);
      expect(known.detect('does the bletchley declaration mention frontier AI')[0]!.known).toMatchObject({
        name: 'Bletchley Declaration',
        the: true,
        kind: 'declaration',
        issuer: '28 countries and the EU',
        place: 'Bletchley Park',
        date: '2023-11-01',
        url: expect.stringMatching(/^https:\/\/www\.gov\.uk\//),
      });
    });

    it('flags the OECD principles however the question is phrased', () => {
      for (const question of [
        'OECD AI principles on accountability',
        'does the OECD AI Principles require explainability?',
        'what does the OECD Recommendation on Artificial Intelligence say about transparency',
      ])
        expect(facts(question), question).toEqual([
          { name: 'OECD AI Principles', kind: 'instrument', known: 'oecd-ai-principles-2019' },
        ]);
    });

    it('takes short acronyms only in capitals, and numbers and aliases whole', () => {
      expect(facts('does the DSA require risk assessments')[0]?.known).toBe('eu-dsa-2022');
      expect(facts('dsa rules')).toEqual([]);
      expect(facts('what does OMB memo M-24-10 require of chief AI officers')[0]?.known).toBe(
        'us-omb-m-24-10-2024',
      );
      expect(facts('executive order 14091 racial equity and algorithms')).toEqual([
        { name: 'Executive Order 14091', kind: 'instrument', known: 'us-eo-14091-2023' },
      ]);
    });

    it('finds a known instrument beside a held document’s name', () => {
      expect(facts('what does UN resolution 78/311 ask states to do')).toEqual([
        { name: 'UN General Assembly resolution 78/311', kind: 'instrument', known: 'un-ga-res-78-311' },
      ]);
    });

    it('never reports a title or a heading of a held document', () => {
      expect(facts('METI common guiding principles')).toEqual([]);
      expect(facts('what are the Common Guiding Principles for AI business actors')).toEqual([]);
      expect(facts('what does the Hiroshima Process say about watermarking')).toEqual([]);
      expect(facts('Hiroshima Process International Guiding Principles on red teaming')).toEqual([]);
    });

    it('does not report an instrument a held document the question names cites', () => {
      expect(facts('how does the AI Act protect the Charter of Fundamental Rights')).toEqual([]);
      expect(facts('does the Charter of Fundamental Rights protect against AI discrimination')).toEqual([
        {
          name: 'Charter of Fundamental Rights of the European Union',
          kind: 'instrument',
          known: 'eu-charter-fundamental-rights',
        },
      ]);
    });

    it('still flags an instrument in no list, and capitalizes a lower-case question’s name', () => {
      expect(facts("what does korea's ai basic act require")).toEqual([
        { name: "Korea's AI Basic Act", kind: 'instrument', known: undefined },
      ]);
      expect(facts('Texas Responsible AI Governance Act prohibited uses')).toEqual([
        { name: 'Texas Responsible AI Governance Act', kind: 'instrument', known: undefined },
      ]);
    });

    it('reads "AI" for a held name\'s "Artificial Intelligence", so a known name inside it is not reported', () => {
      // AIDA is the Artificial Intelligence and Data Act; the EU's Data Act is a known instrument.
      expect(facts("what does canada's AI and data act say about biased output")).toEqual([]);
      expect(facts('what does the data act say about connected cars').map((m) => m.known)).toEqual([
        'eu-data-act-2023',
      ]);
    });
  });

  describe('instruments by their shape, in any case (issue 19, second round)', () => {
    const english = englishFrequencies();
    const shaped = detector(catalog, { englishZipf: (term) => english.zipf(term) });
    const names = (question: string) => shaped.detect(question).map((m) => m.name);

    it('takes a held name in common words for another instrument when another place comes before it', () => {
      expect(names('what does the korean ai act say about deepfakes')).toEqual(['Korean AI Act']);
      expect(names("Canada's Voluntary Code of Conduct on generative AI")).toEqual([
        "Canada's Voluntary Code of Conduct",
      ]);
      // The document's own place, a name of its own, or no place: the held document.
      for (const question of [
        'does the EU AI Act ban social scoring',
        'what does the code of conduct say about watermarks',
        "Japan's Hiroshima code of conduct on red teaming",
        'the G7 code of conduct on incident reporting',
      ])
        expect(names(question), question).toEqual([]);
    });

    it('tells a number Charter does not hold after a head word, a prefix or a held name', () => {
      expect(names('directive 2024/2853 and software')).toEqual(['Directive 2024/2853']);
      expect(names('what does GA resolution 78/241 say')).toEqual(['GA Resolution 78/241']);
      expect(names('un res 68/167 right to privacy')).toEqual(['UN Res 68/167']);
      expect(names('colorado SB 21-169 insurance testing')).toEqual(['SB 21-169']);
      expect(names('NIST AI 100-2 adversarial ML taxonomy')).toEqual(['NIST AI 100-2']);
      expect(names('iso 22989 definitions')).toEqual(['ISO 22989']);
      for (const question of [
        'what does A/RES/78/265 say about capacity building',
        'what does NIST AI 100-1 say about governance',
        'Regulation 2024/1689 article 5',
        'does the AI Act cover the regulation 2024 changes',
      ])
        expect(names(question), question).toEqual([]);
    });

    it('reads a name in lower case or in capitals, and never lower-cases it', () => {
      expect(names('algorithmic accountability act impact assessments')).toEqual([
        'Algorithmic Accountability Act',
      ]);
      expect(names('does the TAKE IT DOWN act cover deepfakes')).toEqual(['TAKE IT DOWN Act']);
      expect(names("what does india's IT Rules amendment say")).toEqual(["India's IT Rules"]);
      expect(names('the new Machinery Regulation 2023/1230 and robots')).toEqual([
        'Machinery Regulation 2023/1230',
      ]);
    });
  });
});
