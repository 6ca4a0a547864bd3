// Issue 19 on the real documents: off-topic messages answered weak, instruments Charter does not hold named
// properly, held titles and headings never reported missing. The tuning sets were written before any tuning.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import {
  DEFAULT_JUDGE_STAGES,
  isFlagged,
  isMissing,
  isOffTopic,
  isWeak,
  missingToSay,
  WEAK_COVERAGE,
} from '../../src/answer/judge.js';
import { OFFTOPIC_MODEL } from '../../src/answer/offtopic-model.js';
import { assemble } from '../../src/app.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex } from '../../src/search/index.js';
import { countFlags, loadSet } from '../../tools/eval/eval.js';
import { fitModel, fittingData } from '../../tools/fit-judge.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

const set = (name: string) => loadSet(join(import.meta.dirname, `${name}.jsonl`));

describe('the issue 19 tuning sets', () => {
  it('has at least 30 questions about instruments not held and 25 off-topic messages', () => {
    expect(set('tuning-unheld').missing.length).toBeGreaterThanOrEqual(30);
    expect(set('tuning-offtopic').offtopic.length).toBeGreaterThanOrEqual(25);
  });

  it('keeps the fourth-round sets whole, a third of each held out', () => {
    expect(set('tuning-offtopic-3').offtopic.length).toBe(40);
    expect(set('heldout-offtopic-3').offtopic.length).toBe(20);
    expect(set('tuning-unheld-3').missing.length).toBe(40);
    expect(set('heldout-unheld-3').missing.length).toBe(20);
    expect(set('tuning-heldnames-3').answerable.length).toBe(30);
    expect(set('heldout-heldnames-3').answerable.length).toBe(15);
  });

  it('keeps the fifth-round sets whole, half of each held out', () => {
    expect(set('tuning-offtopic-4').offtopic.length).toBe(20);
    expect(set('heldout-offtopic-4').offtopic.length).toBe(20);
    expect(set('tuning-unheld-4').missing.length).toBe(15);
    expect(set('heldout-unheld-4').missing.length).toBe(15);
  });

  it('keeps the sixth-round unheld sets whole, half held out', () => {
    expect(set('tuning-unheld-5').missing.length).toBe(46);
    expect(set('heldout-unheld-5').missing.length).toBe(46);
  });

  it('keeps the sixth-round off-topic sets whole, half held out', () => {
    expect(set('tuning-offtopic-5').offtopic.length).toBe(45);
    expect(set('heldout-offtopic-5').offtopic.length).toBe(45);
  });

  it('keeps the seventh-round sets whole, half of each held out', () => {
    expect(set('tuning-offtopic-6').offtopic.length).toBe(40);
    expect(set('heldout-offtopic-6').offtopic.length).toBe(39);
    expect(set('tuning-situations-plain-6').answerable.length).toBe(20);
    expect(set('heldout-situations-plain-6').answerable.length).toBe(20);
  });

  it('keeps the eighth-round sets whole, half of each held out, and the Chinese messages held out', () => {
    expect(set('tuning-offtopic-7').offtopic.length).toBe(40);
    expect(set('heldout-offtopic-7').offtopic.length).toBe(40);
    expect(set('tuning-short-7').answerable.length).toBe(15);
    expect(set('heldout-short-7').answerable.length).toBe(15);
    expect(set('heldout-offtopic-zh-7').offtopic.length).toBe(20);
  });

  it('keeps the eighth-round unheld sets whole, half held out', () => {
    for (const name of ['tuning-unheld-7', 'heldout-unheld-7']) {
      expect(set(name).missing.length, name).toBe(45);
      expect(set(name).answerable.length, name).toBe(13);
    }
  });

  it('keeps the eighth-round held-name sets whole, split alternately', () => {
    expect(set('tuning-heldnames-7').answerable.length).toBe(28);
    expect(set('heldout-heldnames-7').answerable.length).toBe(28);
    expect(set('tuning-heldnames-7b').answerable.length).toBe(15);
    expect(set('heldout-heldnames-7b').answerable.length).toBe(15);
  });

  it('keeps the second-round sets whole: 92 unheld questions and 65 off-topic messages, halved', () => {
    expect(set('tuning-unheld-2').missing.length + set('heldout-unheld-2').missing.length).toBe(92);
    expect(set('tuning-offtopic-2').offtopic.length + set('heldout-offtopic-2').offtopic.length).toBe(65);
  });
});

describe.runIf(describeGolden)('knowing what it does not know, on the real documents', () => {
  let index: CorpusIndex;
  beforeAll(async () => {
    const passages: Passage[] = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    index = CorpusIndex.build(catalog, passages);
  }, 120_000);
  const search = (q: string) => index.search(q, { limit: 3 });
  /** At least this share of a set's unheld questions flagged; failing lists the ones that were not. */
  const flagsAtLeast = (name: string, floor: number) => {
    const flags = countFlags(index, set(name));
    expect(flags.missingFlagged / flags.missingTotal, flags.unflagged.join('\n')).toBeGreaterThanOrEqual(
      floor,
    );
  };
  /** At least this share of a set's off-topic messages answered weak; failing lists the others. */
  const weakAtLeast = (name: string, floor: number) => {
    const flags = countFlags(index, set(name));
    expect(
      flags.offtopicWeak / flags.offtopicTotal,
      flags.offtopicAnswered.join('\n'),
    ).toBeGreaterThanOrEqual(floor);
  };

  it('answers off-topic messages weak, and governance questions not', () => {
    for (const q of [
      'weather in Berlin tomorrow',
      'best pizza toppings lol',
      'write me a poem about the ocean',
    ])
      expect(isWeak(search(q)), q).toBe(true);
    for (const q of [
      'does the EU ban social scoring?',
      'what is a deepfake',
      'who must comply with the rules',
    ])
      expect(isFlagged(search(q)), q).toBe(false);
  });

  it('answers a short question in a word the definitions use (BIPA Sec. 10: fingerprint), not weak', () => {
    for (const q of ['fingerprint', 'my gym wants my fingerprint', 'retina']) {
      expect(isWeak(search(q)), q).toBe(false);
      expect(
        search(q).hits.some((h) => h.passages.some((p) => p.id.startsWith('us-il-bipa-2008#'))),
        q,
      ).toBe(true);
    }
    expect(isWeak(index.search('fingerprint', { limit: 3, docs: ['eu-ai-act-2024'] })), '--doc AI Act').toBe(
      false,
    );
    // A word in what a definition leaves out (Colorado's "does not include … spam-filtering") is no sign.
    expect(isWeak(search('how do i block spam calls on android'))).toBe(true);
  });

  it('answers chatter that names a country weak, without "no document from Norway"', () => {
    const capital = search('what is the capital of norway');
    expect(capital.missing?.map((m) => m.name)).toEqual(['Norway']);
    expect(isWeak(capital)).toBe(true);
    expect(missingToSay(capital)).toEqual([]);
    expect(missingToSay(search('AI rules in norway')).map((m) => m.name)).toEqual(['Norway']);
  });

  it('says both through the answer core that the CLI and /ask share', async () => {
    const services = assemble(catalog, index, 'test').services;
    const aiAct = catalog.filter((doc) => doc.id === 'eu-ai-act-2024');
    const kind = async (query: string, docs = [] as typeof catalog) =>
      (await ask(services, { query, docs, limit: 3 })).kind;
    expect(await kind('fingerprint')).toBe('found');
    expect(await kind('my gym wants my fingerprint')).toBe('found');
    expect(await kind('fingerprint', aiAct)).toBe('found');
    expect(await kind('what is the capital of norway')).toBe('weak');
    expect(await kind('AI rules in norway')).toBe('missing');
  });

  it('names an instrument it lacks however the question is phrased', () => {
    for (const q of [
      'OECD AI principles on accountability',
      'does the OECD AI Principles require explainability?',
    ])
      expect(
        search(q).missing?.map((m) => m.known?.id),
        q,
      ).toEqual(['oecd-ai-principles-2019']);
    expect(search('does the bletchley declaration mention frontier AI').missing?.map((m) => m.name)).toEqual([
      'Bletchley Declaration',
    ]);
  });

  it('never reports a held title or heading missing', () => {
    for (const q of [
      'METI common guiding principles',
      'what does the Hiroshima Process say about watermarking',
      'Hiroshima Process International Guiding Principles on red teaming',
    ])
      expect(isMissing(search(q)), q).toBe(false);
  });

  // Levels reached when first tuned (33/35 flagged, 28/30 weak), minus a margin; failing lists the questions.
  it('flags at least 90 % of the tuning questions about instruments not held', () => {
    flagsAtLeast('tuning-unheld', 0.9);
  });

  it('answers at least 90 % of the off-topic tuning messages weak', () => {
    weakAtLeast('tuning-offtopic', 0.9);
  });

  it('takes a held name in common words after another place for another instrument, named properly', () => {
    expect(search('what does the korean ai act say about deepfakes').missing?.map((m) => m.name)).toEqual([
      'Korean AI Act',
    ]);
    expect(search("Canada's Voluntary Code of Conduct on generative AI").missing?.map((m) => m.name)).toEqual(
      ["Canada's Voluntary Code of Conduct"],
    );
    expect(
      search("is emotion recognition banned under the Council of Europe's Convention 108").missing?.map(
        (m) => m.known?.id,
      ),
    ).toEqual(['coe-convention-108-1981']);
    expect(isMissing(search('what does the Hiroshima code of conduct say about watermarks'))).toBe(false);
  });

  it('answers long everyday chatter weak, and a situation of rules told in everyday words not', () => {
    expect(
      isWeak(
        search(
          'my sourdough keeps coming out flat and dense even though the starter bubbles a lot, is it the flour or am I overproofing it',
        ),
      ),
    ).toBe(true);
    expect(
      isFlagged(search("our store camera guesses customers' feelings, do we have to let them know")),
    ).toBe(false);
  });

  // The second round's tuning halves at their levels when tuned (third round: 40/46, 22/33), minus a margin;
  // the held-out halves are read, not guarded, so that nobody tunes on them.
  it('flags at least 82 % of the second-round unheld questions and answers 60 % of its off-topic ones weak', () => {
    flagsAtLeast('tuning-unheld-2', 0.82);
    weakAtLeast('tuning-offtopic-2', 0.6);
  });

  // The eighth round's tuning half at its level when tuned (39/45: symbols, versions, rare words), minus a
  // margin, and none of its answerable controls (held documents named casually) flagged; the held-out half is
  // read, not guarded.
  it('flags the eighth-round unheld questions and none of their answerable controls', () => {
    flagsAtLeast('tuning-unheld-7', 0.84);
    const flags = countFlags(index, set('tuning-unheld-7'));
    expect(flags.wronglyFlagged, flags.wrong.join('\n')).toBe(0);
  });

  it('flags at most 3 % of the everyday-words situations, English and Chinese', () => {
    for (const name of [
      'tuning-situations',
      'tuning-situations-2',
      'tuning-situations-zh',
      'tuning-situations-zh-2',
    ]) {
      const flags = countFlags(index, set(name));
      expect(flags.wronglyFlagged / flags.answerableTotal, flags.wrong.join('\n')).toBeLessThanOrEqual(0.03);
    }
  });

  // Chinese messages are weighed by their words' English glosses (judge.ts OFFTOPIC_HAN_BEST): 15/16 when
  // tuned (关于 → 'concerning' weighs like a governance word), minus a margin.
  it('answers at least 85 % of the Chinese off-topic tuning messages weak', () => {
    weakAtLeast('tuning-offtopic-zh', 0.85);
  });

  it('has the learned off-topic model tools/fit-judge.ts makes of these tuning sets', () => {
    // Evidence moves with the ranking and the sets: after either changes, run `npx tsx tools/fit-judge.ts`.
    expect(OFFTOPIC_MODEL, 'src/answer/offtopic-model.ts is stale: npx tsx tools/fit-judge.ts').toEqual(
      fitModel(fittingData(index)),
    );
  }, 120_000);

  it('answers weak, with the learned stage, off-topic messages the hand-set bars let through', () => {
    for (const q of [
      'git rebase vs merge which one should i use',
      'my code throws a null pointer exception in java, help',
      'recommend me a good sci-fi movie',
    ]) {
      expect(isOffTopic(search(q), { ...DEFAULT_JUDGE_STAGES, learned: false }), q).toBe(false);
      expect(isWeak(search(q)), q).toBe(true);
    }
  });

  it('answers weak, with the learned stage fitted on what it judges, ML-engineering and everyday chatter', () => {
    // Fitted on every question, the model left these under its threshold (tuning-offtopic-5, -7).
    for (const q of [
      'my sklearn random forest has 99% training accuracy but 60% on test',
      'my github actions workflow keeps failing on the docker build step',
      'tips for a system design interview',
    ])
      expect(isWeak(search(q)), q).toBe(true);
  });

  // The eighth round's tuning sets at their levels when tuned (33/40 weak, 0/15 flagged), minus two messages for the
  // off-topic one (main before the round: 30/40, under the floor); the held-out halves are read, not guarded.
  it('answers at least 77.5 % of the eighth-round off-topic tuning messages weak, and flags none of its short questions', () => {
    weakAtLeast('tuning-offtopic-7', 0.775);
    const flags = countFlags(index, set('tuning-short-7'));
    expect(flags.wronglyFlagged, flags.wrong.join('\n')).toBe(0);
  });

  it('answers a short Chinese question a reader question holds, whatever its glosses weigh', () => {
    // 算力 has no CC-CEDICT entry and 恶意 → "malice" weighs under OFFTOPIC_HAN_BEST (tuning-short-7).
    const response = search('算力被恶意消耗');
    expect(isFlagged(response)).toBe(false);
    expect(response.hits[0]?.passages[0]?.docId).toMatch(/^cn-ai-safety-governance-framework-2024/);
  });

  it("counts a word held by its synonym toward coverage: an answer in the law's own words is no weak one", () => {
    // AIDA writes "administrative monetary penalty", never "fines".
    expect(
      isFlagged(search('how big can the fines get in canada for a company that breaks the AI rules')),
    ).toBe(false);
  });

  it('does not take informal names of held documents, or places in the EU, for missing ones', () => {
    for (const q of [
      'what are the four ethical principles',
      'the illinois biometrics act retention schedule',
      'a company broke the illinois face scan law by mistake, how much do i get',
      'what does the Cali bot law require',
      'what does the UNGA AI resolution say about developing countries',
      'does the ai act apply in germany',
      'does the AI act apply in france',
    ])
      expect(isMissing(search(q)), q).toBe(false);
  });

  // Issue 19's "no false 'doesn't have'", the eighth round: a held law's own code citation (`codeCitation`),
  // "european" before a held treaty (`placeInName`), acronyms the held texts write out (`spelledAcronym`).
  it("does not take a held law's code citation, a European treaty or a written-out acronym for a missing name", () => {
    for (const q of [
      'what does the labor code 1107.1 thing protect',
      'does Bus. & Prof. Code 17941 require bots to disclose',
      'what is the consortium in government code 11546.8 supposed to build',
      'does the european AI treaty apply to private companies',
      'my DPO says we need a DPIA before rolling out face recognition at the office, when is one actually required',
      'how long does the DPA have to answer my complaint',
      'what does the ITU do under the global digital compact',
    ])
      expect(isMissing(search(q)), q).toBe(false);
    // Another code's section, a treaty of a place whose name no held treaty has, an acronym nobody writes out.
    const names = (q: string) => search(q).missing?.map((m) => m.name);
    expect(names('what does penal code 502 say about hacking')).toEqual(['Penal Code 502']);
    expect(names('does the chinese AI treaty apply to companies')).toEqual(['Chinese AI Treaty']);
    expect(names('does the CCPA give a right to opt out of automated decisionmaking')).not.toEqual([]);
  });

  it('flags few of the eighth-round held-name tuning questions', () => {
    for (const name of ['tuning-heldnames-7', 'tuning-heldnames-7b']) {
      const flags = countFlags(index, set(name));
      expect(flags.wronglyFlagged, flags.wrong.join('\n')).toBeLessThanOrEqual(1);
    }
  });

  it('names unheld instruments by a copy host, an owner or a joining word, not the held document', () => {
    const names = (q: string) => search(q).missing?.map((m) => m.name);
    // "Toronto" is the BRICS statement's web host, no name of the statement.
    expect(names('toronto declaration on machine learning and equality')).toEqual(['Toronto Declaration']);
    expect(names("google's AI principles, what did they drop")).toEqual(["Google's AI Principles"]);
    expect(names('the americans with disabilities act and AI hiring tools')).toEqual([
      'Americans with Disabilities Act',
    ]);
    expect(names('EEOC guidance on AI in employment decisions')).toEqual(['EEOC Guidance']);
  });

  // The fourth round's tuning thirds at their levels when tuned, minus a margin; the held-out thirds are read
  // once, at the end, not guarded.
  it('flags the fourth-round unheld questions and answers its off-topic messages weak, not its held names', () => {
    flagsAtLeast('tuning-unheld-3', 0.85);
    weakAtLeast('tuning-offtopic-3', 0.8);
    const flags = countFlags(index, set('tuning-heldnames-3'));
    expect(flags.wronglyFlagged, flags.wrong.join('\n')).toBeLessThanOrEqual(1);
  });

  it('weighs an everyday compound the documents never write as everyday English (the compounds stage)', () => {
    for (const q of ["who's your role model and why", 'whats the speed limit on german autobahn'])
      expect(isWeak(search(q)), q).toBe(true);
    // Without the compounds' reading "role" and "model" are the documents' words and the message is answered.
    const roleModel = search("who's your role model and why");
    expect(isWeak(roleModel, WEAK_COVERAGE, { ...DEFAULT_JUDGE_STAGES, compounds: false })).toBe(false);
    // Compounds the documents never write, in questions about them: the other words still speak.
    for (const q of [
      "does GDPR article 22 mean a company can't auto-reject my job application?",
      'do i need to give my phone number to use a face swap app in china',
      'my boss keeps my sick notes and health info for the sick pay system, is that ok in the EU',
    ])
      expect(isFlagged(search(q)), q).toBe(false);
  });

  it('takes what someone else may do to one for a question of rules, however everyday its words', () => {
    const q = 'can a company make me pay to see what they have on me';
    expect(isFlagged(search(q)), q).toBe(false);
  });

  // 34/45 when tuned; 30 since the seventh round's everyday situations entered the fit (24 without `asked`).
  it('answers the sixth-round off-topic tuning messages weak', () => {
    weakAtLeast('tuning-offtopic-5', 0.65);
  });

  // Situations told in everyday words that name no AI read like chatter to every word-level feature; the
  // reader questions (corpus/asks) are told in those words (asked.ts, the learned stage's `asked` feature).
  // Each of these was answered weak by the learned stage before it.
  it('answers everyday situations told in the words readers ask in, not weak', () => {
    for (const q of [
      'my boss tracks every keystroke i type at work, is that even ok',
      'my period tracker shares what i log with advertisers',
      'the landlord wants three years of bank statements and my passport just to view a flat',
      'i want to take all my listening history with me to another music service',
      'the apartment building wants a face scanner on the front door',
    ])
      expect(isFlagged(search(q)), q).toBe(false);
  });

  // The seventh round's tuning halves at their levels when tuned (26/40 weak, 2/20 flagged), with a margin.
  it('answers the seventh-round off-topic tuning messages weak, and flags few of its plain situations', () => {
    weakAtLeast('tuning-offtopic-6', 0.6);
    const flags = countFlags(index, set('tuning-situations-plain-6'));
    expect(flags.wronglyFlagged, flags.wrong.join('\n')).toBeLessThanOrEqual(3);
  });
});
