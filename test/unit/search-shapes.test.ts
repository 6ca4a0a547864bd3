// Question shapes ("when does … apply", "what does … mean", "what's the fine for …") and the provisions they
// lift, on small invented passages (not corpus text).
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { formatLocator, passageId } from '../../src/corpus/citation.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex } from '../../src/search/index.js';
import {
  Asks,
  consequenceShape,
  definedTermKeys,
  ProvisionKind,
  provisionKinds,
  questionAsks,
  questionShape,
  timeLimitShape,
  topicKeys,
} from '../../src/search/query.js';

const { start, definition, penalty, timeLimit } = ProvisionKind;

describe('consequenceShape', () => {
  // "what happens if … doesn't …" asks what the law does to whoever breaks it (trial finding 7).
  it.each([
    "what happens if a big widget lab doesn't report a gadget incident",
    'what happens to a company that ignores my widget request',
    'what happens to a shop that scans fingerprints without asking',
    'what if a gadget app lies to the regulator',
    'what are the consequences of breaking the widget rules',
  ])('asks for the penalty: %s', (question) => {
    expect(consequenceShape(question)).toBe(penalty);
  });

  it.each([
    'what happens if a widget model is classified as risky',
    "what happens if i don't consent to the widget profiling",
    'does a widget lab have to report an incident',
  ])('asks no penalty: %s', (question) => {
    expect(consequenceShape(question)).toBe(0);
  });
});

describe('timeLimitShape', () => {
  it.each([
    'how long does a widget maker have to tell the regulator',
    'how soon must gadget customers be told',
    'how many days does a lab get to report',
    'what is the deadline for answering a widget request',
  ])('asks for a time limit: %s', (question) => {
    expect(timeLimitShape(question)).toBe(timeLimit);
  });

  // When something starts to apply is the start shape's question.
  it.each(['how soon does the widget act apply', 'what are the widget rules'])(
    'asks none: %s',
    (question) => {
      expect(timeLimitShape(question)).toBe(0);
    },
  );
});

describe('questionAsks', () => {
  // "the rules for", "the requirements", "duties" ask what one must do as "do we have to" does (trial finding
  // 9: "what are the rules for GPAI models with systemic risk" opened with the definition Art. 3(63)).
  it.each([
    'what are the rules for widget models with systemic risk',
    'requirements for gadget makers',
    'what duties does a widget deployer have',
    'who is responsible when a gadget fails',
  ])('asks a duty: %s', (question) => {
    expect(questionAsks(question) & Asks.duty).toBe(Asks.duty);
  });

  it.each(['what is a widget model', 'tell me about gadget labels'])('asks none: %s', (question) => {
    expect(questionAsks(question)).toBe(0);
  });
});

describe('questionShape', () => {
  it.each([
    ['when does the widget regulation apply', start],
    ['when do the gadget rules take effect', start],
    ['what date does the gadget law kick in', start],
    ['is the widget act in force yet', start],
    ['from when are the bans applicable', start],
    ['what is a widget operator', definition],
    ["what's a gadget model", definition],
    ['whats a frontier gizmo', definition],
    ['what does operator mean', definition],
    ['define widget', definition],
    ['definition of substantial tinkering', definition],
    ['who counts as a gadget provider', definition],
    ["what's the fine for breaking the widget act", penalty],
    ['penalties under the gadget rules', penalty],
    ['how much can they be fined', penalty],
    ['what sanctions apply to gadget makers', penalty],
    ['is a widget maker liable for harm', penalty],
    ["who's liable if the gadget lies", penalty],
    ['who is a widget deployer', definition],
  ])('%s', (question, shape) => {
    expect(questionShape(question)).toBe(shape);
  });

  it.each([
    'is it fine to use a widget at work',
    'what are the obligations of widget operators',
    'what is required before selling a gadget',
    'when must operators report incidents',
    'does the widget act force companies to label gadgets',
    'how do I start a risk assessment',
    // A what/who-is question whose next word is one of duty asks for the rule, not a meaning (trial finding 6).
    'what if a widget in a hospital makes a mistake who is responsible',
    "who's allowed to sell gadgets",
  ])('asks for no kind of provision: %s', (question) => {
    expect(questionShape(question)).toBe(0);
  });
});

describe('provisionKinds', () => {
  const kinds = (text: string, headingPath: string[] = []) => provisionKinds({ text, headingPath });

  it('finds entry into force by heading or wording', () => {
    expect(kinds('This Widget Act shall enter into force on the day after its publication.')).toBe(start);
    expect(kinds('Article 40: These gadget rules take effect on May 5, 2031.')).toBe(start);
    expect(kinds('(a) Chapter II shall apply from 1 March 2031;')).toBe(start);
    expect(kinds('(1) ON AND AFTER MARCH 1, 2031, AN OPERATOR SHALL TEST ITS WIDGET.')).toBe(start);
    expect(kinds('1. Some text.', ['Article 90 Entry into force and application'])).toBe(start);
    expect(kinds('Operators shall take effective measures against gadget misuse.')).toBe(0);
  });

  it('finds definitions by heading, quoted defined terms or a lead-in', () => {
    expect(kinds("(4) 'operator' means a person running a widget;")).toBe(definition);
    expect(kinds('(k) The term “gadget model” means a model that is a gadget.')).toBe(definition);
    expect(kinds('(6) "OPERATOR" MEANS A PERSON DOING BUSINESS WITH WIDGETS.')).toBe(definition);
    expect(kinds('(2) "Gadget services" refers to services built on gadgets.')).toBe(definition);
    expect(kinds('Article 30: The meaning of the following terms as used in these rules:')).toBe(definition);
    expect(kinds('Some text.', ['Chapter I General', 'Article 2 Definitions'])).toBe(definition);
    expect(kinds('The widget, as defined in Article 2, means well.')).toBe(0);
  });

  it('finds penalty provisions by heading or wording', () => {
    expect(kinds('3. Breaches shall be subject to administrative fines of up to EUR 5 000 000.')).toBe(
      penalty,
    );
    expect(kinds('(a) An operator shall be subject to a civil penalty of up to $10.')).toBe(penalty);
    expect(kinds('give a fine of between 1,000 and 9,000 RMB.')).toBe(penalty);
    expect(kinds('Some text.', ['Chapter V: Legal Responsibility', 'Article 31'])).toBe(penalty);
    expect(kinds('Some text.', ['SEC. 1.', '§ 1-2-3 Enforcement by attorney general.'])).toBe(penalty);
    expect(kinds('Some text.', ['Chapter IX Enforcement', 'Article 70 Market surveillance'])).toBe(0);
    // Damages a court awards for each violation are the consequence a private right of action sets.
    expect(
      kinds('(1) against an operator that violates this Act, liquidated damages of $9 or actual damages;'),
    ).toBe(penalty);
    expect(kinds('(b) statutory damages of not less than $5 per violation.')).toBe(penalty);
    expect(kinds('(c) the operator shall pay for any damage caused by its widget.')).toBe(0);
  });

  it('finds a period stated as a limit', () => {
    expect(kinds('3. The operator shall answer within one month of receipt of the request.')).toBe(timeLimit);
    expect(kinds('1. … not later than 72 hours after having become aware of it.')).toBe(timeLimit);
    expect(kinds('(7) … BUT NO LATER THAN NINETY DAYS AFTER THE DATE OF THE DISCOVERY.')).toBe(timeLimit);
    expect(kinds('logs shall be kept for a period of at least six months.')).toBe(timeLimit);
    expect(kinds('within period of up to eight weeks of receipt of the request')).toBe(timeLimit);
    expect(kinds('Article 24: Within 10 working days of beginning to provide services, …')).toBe(timeLimit);
    expect(kinds('The operator shall answer without undue delay.')).toBe(0);
    expect(kinds('Member States shall report every two years.')).toBe(0);
  });
});

describe('defined terms', () => {
  it('keys the term a definition defines, "artificial intelligence" also as "ai"', () => {
    expect(definedTermKeys("(4) 'operator' means a person running a widget;")).toEqual(['oper']);
    expect(definedTermKeys('(2) "ARTIFICIAL INTELLIGENCE SYSTEM" MEANS ANY SYSTEM.')).toEqual([
      'artifici intellig system',
      'ai system',
    ]);
    expect(definedTermKeys('Operators shall test widgets.')).toEqual([]);
  });

  it('looks them up by runs of the topic terms', () => {
    expect(topicKeys(['gadget', 'model', 'eu'])).toEqual([
      'gadget',
      'gadget model',
      'gadget model eu',
      'model',
      'model eu',
      'eu',
    ]);
  });
});

describe('CorpusIndex.search lifts the provision a question shape asks for', () => {
  const docs = loadCatalog();
  const EU = 'eu-ai-act-2024';
  const CN = 'cn-deep-synthesis-provisions-2022';
  const IL = 'us-il-bipa-2008';
  let seq = 0;
  const passage = (docId: string, path: string[], text: string, headingPath: string[] = []): Passage => {
    const doc = docs.find((d) => d.id === docId)!;
    const locator = formatLocator(doc.citation.style, path, { unitLabel: doc.citation.unitLabel });
    return { id: passageId(docId, path), docId, locator, path, headingPath, text, seq: seq++ };
  };
  const passages = [
    passage(EU, ['art:2', '1'], '1. Widget operators shall register each widget and its gadget model.', [
      'Article 2 Registration of widget operators',
    ]),
    passage(EU, ['art:2', '2'], '2. A widget operator shall keep the widget register of its gadget model.', [
      'Article 2 Registration of widget operators',
    ]),
    passage(EU, ['art:3', '1'], "(1) 'gadget model' means a model built to run widgets;", [
      'Article 3 Definitions',
    ]),
    passage(EU, ['art:3', '2'], "(2) 'widget operator' means a person running a gadget model;", [
      'Article 3 Definitions',
    ]),
    passage(
      EU,
      ['art:4', '1'],
      '1. Breaches of Article 2 shall be subject to administrative fines of up to EUR 9 000.',
      ['Article 4 Breaches'],
    ),
    passage(EU, ['art:9'], 'This Regulation shall enter into force on the twentieth day after publication.', [
      'Article 9 Entry into force',
    ]),
    passage(CN, ['art:5'], 'Article 5: Gadget service providers shall label gadget content conspicuously.'),
    passage(CN, ['art:6'], 'Article 6: Gadget service providers shall keep logs of gadget content.'),
    passage(CN, ['art:25'], 'Article 25: These provisions shall take effect on March 3, 2031.'),
    passage(
      IL,
      ['sec:15', 'a'],
      '(a) A private entity in possession of widget scans shall keep a widget policy.',
      ['Sec. 15. Retention of widget scans.'],
    ),
    passage(
      IL,
      ['sec:20', 'a', '1'],
      '(1) against a private entity that violates this Act, liquidated damages of $9 or actual damages;',
      ['Sec. 20. Right of action.'],
    ),
  ];
  // Without the WordNet bridge: in this tiny corpus "rules" is a word no passage uses, and its synonym
  // "regulation" would be the EU fixture's word, which is not what these tests are about.
  const index = CorpusIndex.build(docs, passages, { bridge: null });
  const unshaped = CorpusIndex.build(docs, passages, {
    bridge: null,
    shapeBoost: 1,
    shapeDocShare: 0,
    definedTermBoost: 1,
  });
  const first = (engine: CorpusIndex, question: string) => engine.search(question).hits[0]?.passages[0]?.id;

  it('brings the entry into force of the document the topic words pick, though it repeats none of them', () => {
    expect(first(unshaped, 'when do the gadget labelling rules take effect')).not.toBe(`${CN}#art:25`);
    expect(first(index, 'when do the gadget labelling rules take effect')).toBe(`${CN}#art:25`);
    expect(first(index, 'when does the AI Act apply')).toBe(`${EU}#art:9`);
  });

  it('ranks the definition of exactly the words asked about first', () => {
    expect(first(index, 'what is a widget operator')).toBe(`${EU}#art:3/2`);
    expect(first(index, 'define gadget model')).toBe(`${EU}#art:3/1`);
  });

  it('ranks the penalty provision first for a penalty question', () => {
    expect(first(index, 'what is the penalty for not registering a widget')).toBe(`${EU}#art:4/1`);
  });

  it("asks for the named document's provision of the kind, whatever it calls the consequence", () => {
    // BIPA never writes "penalty": its damages were ranked below the AI Act's fines, lifted by the shape.
    expect(first(index, 'what is the penalty under BIPA')).toBe(`${IL}#sec:20/a/1`);
    // Limited to the one document (--doc BIPA), the same passage, and it answers: the penalty words are held
    // by a provision of the penalty kind.
    const only = index.search('what is the penalty', { docs: [IL] });
    expect(only.hits[0]?.passages[0]?.id).toBe(`${IL}#sec:20/a/1`);
    expect(only.evidence?.coverage).toBe(1);
    // A document not named is not lifted by the shape.
    expect(first(index, 'what are the fines under the AI Act')).toBe(`${EU}#art:4/1`);
  });

  it('ranks the penalty provision first for "what happens if … doesn\'t …" (consequence)', () => {
    const question = "what happens if widget operators don't register";
    expect(first(index, question)).toBe(`${EU}#art:4/1`);
    const off = CorpusIndex.build(docs, passages, {
      bridge: null,
      signals: { ...index.options.signals, consequence: false },
    });
    expect(first(off, question)).not.toBe(`${EU}#art:4/1`);
  });

  it('leaves questions of no shape as they were', () => {
    for (const question of ['do widget operators have to register', 'gadget content labels in china'])
      expect(index.search(question).hits).toEqual(unshaped.search(question).hits);
  });

  it('never answers with a provision of the asked kind in a document nothing matched', () => {
    const hits = index.search('when does the zebra crossing law take effect').hits;
    expect(hits).toEqual([]);
  });
});
