// Issue 18's examples on the real corpus: a place named inside a longer question steers, the operative rule
// beats the definition and the passing mention, the right document wins, the points that carry the answer
// show, and two --doc filters search both documents.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { assemble } from '../../src/app.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('situations asked in everyday words', () => {
  let index: CorpusIndex;
  let passages: Passage[];
  const ids = (query: string, limit = 5, docs?: string[]) =>
    index.search(query, { limit, ...(docs ? { docs } : {}) }).hits.map((hit) => hit.passages[0]!.id);
  beforeAll(async () => {
    passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    index = CorpusIndex.build(catalog, passages);
  }, 120_000);

  it('puts a place named inside the question first, then the rest', () => {
    const cases: [string, RegExp][] = [
      ["does GDPR article 22 mean a company can't auto-reject my job application?", /^eu-gdpr-2016#art:22\//],
      ['gdpr art 35 when do u need a DPIA', /^eu-gdpr-2016#art:35\//],
      ['article 50 of the AI act do chatbots have to say they are bots', /^eu-ai-act-2024#art:50\//],
      ['section 15 of BIPA what does it say about selling data', /^us-il-bipa-2008#sec:15\//],
      ['s. 15(a) BIPA retention policy', /^us-il-bipa-2008#sec:15\/a/],
      ['s. 7 of AIDA who has to assess', /^ca-aida-2022#sec:7/],
      // A Roman numeral is a place too (the cheap test for one once looked for digits only).
      ['is recruitment AI listed in annex III of the AI act', /^eu-ai-act-2024#annex:iii/],
      // Points written without brackets (issue 18's "gdpr art 6 1 f"): the point itself, not Art. 6 whole.
      ['gdpr art 6 1 f can my landlord rely on legitimate interests', /^eu-gdpr-2016#art:6\/1\/f$/],
      ['does ai act article 5 1 c ban social scoring by companies', /^eu-ai-act-2024#art:5\/1\/c$/],
    ];
    for (const [query, place] of cases) {
      const found = ids(query);
      expect(found[0], query).toMatch(place);
      expect(found.length, query).toBe(5);
    }
    // Not the 22nd definition (Art. 4(22)) for "article 22", nor 22(4), which only the word "Article"
    // reaches ("referred to in Article 9(1)"): the article opens with the right it asks about, 22(1).
    expect(ids("does GDPR article 22 mean a company can't auto-reject my job application?")[0]).toBe(
      'eu-gdpr-2016#art:22/1',
    );
    // Point 4 (employment, recruitment) among the first two: Annex III's opening ("the AI systems listed in
    // any of the following areas") may come first, asked about by three reader questions ("where is the list
    // of high risk ai use cases").
    expect(ids('is recruitment AI listed in annex III of the AI act').slice(0, 2)).toContain(
      'eu-ai-act-2024#annex:iii/4',
    );
    // A point the question's own words reach still comes first: selling is Sec. 15(c).
    expect(ids('section 15 of BIPA what does it say about selling data')[0]).toBe('us-il-bipa-2008#sec:15/c');
    // Off, another article came first: the signal is what steers.
    const off = CorpusIndex.build(catalog, passages, { signals: { ...DEFAULT_SIGNALS, namedPlace: false } });
    const offFirst = off.search('gdpr art 35 when do u need a DPIA', { limit: 5 }).hits[0]!.passages[0]!.id;
    expect(offFirst).not.toMatch(/^eu-gdpr-2016#art:35\//);
  });

  it('answers with the operative rule before definitions and passing mentions', () => {
    // Art. 22 first, 22(1) among the first three: its exceptions, 22(2) and its points, were written reader
    // questions ("are there exceptions to the ban on purely automated decisions", readerQuestions) that rank
    // them beside 22(1).
    const profiling = ids('can a company make decisions about me only by automated profiling under GDPR');
    expect(profiling[0]).toMatch(/^eu-gdpr-2016#art:22\//);
    expect(profiling.slice(0, 3)).toContain('eu-gdpr-2016#art:22/1');
    expect(profiling.indexOf('eu-gdpr-2016#art:4/4')).not.toBe(0);
    // Colorado's deployer duties (§ 6-1-1703), not its definitions (§ 6-1-1701) of "risk".
    const colorado = ids('what do deployers of high-risk AI systems have to do in colorado', 3);
    expect(colorado[0]).toMatch(/^us-co-ai-act-2024#sec:6-1-1703\//);
    expect(colorado.some((id) => id.includes('#sec:6-1-1701'))).toBe(false);
  });

  it('reads "who is responsible" and "the rules for" as questions of duty, not of meaning (trial findings 6, 9)', async () => {
    // Was: EO 14110's definitions Sec. 3(b) and 3(e) first, since "who is …" read as "what does … mean" and
    // lifted them; now the operative stage lowers them as for any question of what one must do.
    const services = assemble(catalog, index, 'test').services;
    const outcome = await ask(services, {
      query: 'what if an ai system in a hospital makes a mistake who is responsible',
      limit: 3,
    });
    if (outcome.kind !== 'found') throw new Error(outcome.kind);
    const first = outcome.hits.map((hit) => hit.passages[0]!.id);
    expect(
      first.some((id) => id.startsWith('us-eo-14110-2023#sec:3/')),
      first.join(' '),
    ).toBe(false);
    // "the rules for" asks what one must do (trial finding 9): the definition Art. 3(63) opened; now the
    // obligations of Art. 55(1) are among the first two and no definition comes first.
    const gpai = await ask(services, {
      query: 'what are the rules for GPAI models with systemic risk',
      limit: 3,
    });
    if (gpai.kind !== 'found') throw new Error(gpai.kind);
    const rules = gpai.hits.map((hit) => hit.passages[0]!.id);
    expect(rules[0], rules.join(' ')).not.toMatch(/^eu-ai-act-2024#art:3\//);
    expect(
      rules.slice(0, 2).some((id) => id.startsWith('eu-ai-act-2024#art:55/1')),
      rules.join(' '),
    ).toBe(true);
  });

  it('meets the law’s words for a fake video: the AI Act’s deep fake disclosure, Art. 50(4)', () => {
    expect(ids('is it legal to make a fake video of a politician in the EU', 3)[0]).toMatch(
      /^eu-ai-act-2024#art:50\/4/,
    );
  });

  it('finds the right document: the NSM for its AI Safety Institute, BIPA for fingerprints in Illinois', () => {
    expect(ids('what does the NSM say the AI Safety Institute must do')[0]).toMatch(
      /^us-nsm-ai-2024#sec:3\.3/,
    );
    const bipa = ids('can my employer collect my fingerprints without written consent in illinois');
    expect(bipa.slice(0, 2).some((id) => id.startsWith('us-il-bipa-2008#sec:15/b'))).toBe(true);
  });

  it('reads "biden\'s AI memo" as the NSM, a document of the kind memorandum (describedDocs)', () => {
    // The catalog's kind "memorandum" had no words, so no question could describe the NSM by its kind.
    const top = ids("what does biden's AI memo say about chief AI officers", 3);
    expect(top.every((id) => id.startsWith('us-nsm-ai-2024#'))).toBe(true);
  });

  it('steers to the documents of a place named as the world writes it, in any case (placeDocuments)', () => {
    for (const query of [
      'what do employers have to do with face scans in illinois',
      'What Do Employers Have To Do With Face Scans In ILLINOIS?',
    ])
      expect(ids(query, 1)[0], query).toMatch(/^us-il-bipa-2008#/);
    expect(ids('do bots have to say they are bots in california', 1)[0]).toMatch(/^us-ca-sb-1001-2018#/);
    // Canada has one document: "canadian" inside the question stands for AIDA. Off, it counted × 3 like any
    // place and EO 14110's civil-rights section came first.
    const canada = 'under the canadian bill what counts as an AI being discriminatory';
    expect(ids(canada, 3).every((id) => id.startsWith('ca-aida-2022#'))).toBe(true);
    // (The stage alone: with the reader questions on, AIDA's own questions find it even without the stage.)
    const off = CorpusIndex.build(catalog, passages, {
      signals: { ...DEFAULT_SIGNALS, placeDocuments: false, readerQuestions: false },
    });
    expect(off.search(canada, { limit: 1 }).hits[0]!.passages[0]!.docId).not.toBe('ca-aida-2022');
  });

  it('answers what one must do with the law in force, not a revoked order (inForce)', () => {
    // EO 14110 (revoked) directs agencies about workers; the AI Act's Art. 26(7) binds the employer.
    const workers = 'do employers have to tell workers before using a high risk ai on them';
    const shop =
      'our shop has 20 employees, do we really need to keep a register of what we do with customer info';
    expect(ids(workers, 3)).toContain('eu-ai-act-2024#art:26/7');
    expect(ids(workers, 1)[0]).not.toMatch(/^us-eo-14110-2023#/);
    expect(ids(shop, 2)).toContain('eu-gdpr-2016#art:30/5');
    // Off, EO 14110's passages came first for both.
    const off = CorpusIndex.build(catalog, passages, { signals: { ...DEFAULT_SIGNALS, inForce: false } });
    for (const query of [workers, shop])
      expect(off.search(query, { limit: 1 }).hits[0]!.passages[0]!.docId, query).toBe('us-eo-14110-2023');
  });

  it('puts the general penalties before the fines on Union institutions for "fines under the AI Act" (titleScope)', () => {
    expect(ids('fines under the AI Act', 1)[0]).toMatch(/^eu-ai-act-2024#art:99\//);
    // The question that takes up Art. 100's scope still gets it.
    expect(ids('fines on Union institutions under the AI Act', 1)[0]).toMatch(/^eu-ai-act-2024#art:100\//);
    const off = CorpusIndex.build(catalog, passages, { signals: { ...DEFAULT_SIGNALS, titleScope: false } });
    expect(off.search('fines under the AI Act', { limit: 1 }).hits[0]!.passages[0]!.id).toMatch(/#art:100\//);
  });

  it('answers "what happens if … doesn\'t …" with the penalty, not an exemption (consequence; trial finding 7)', () => {
    // Was: SB 53's public-records exemption § 22757.13(f) first and no penalty provision in the first three.
    const question = "what happens if a big AI lab in california doesn't report a safety incident";
    const found = ids(question, 3);
    expect(found, found.join(' ')).toContain('us-ca-sb-53-2025#sec:22757.15/a');
    expect(found[0]).not.toBe('us-ca-sb-53-2025#sec:22757.13/f');
    const off = CorpusIndex.build(catalog, passages, { signals: { ...DEFAULT_SIGNALS, consequence: false } });
    const offFound = off.search(question, { limit: 3 }).hits.map((hit) => hit.passages[0]!.id);
    expect(offFound).not.toContain('us-ca-sb-53-2025#sec:22757.15/a');
  });

  it('answers "how long do they have to …" with the period only with timeLimit on (measured, not kept)', () => {
    // Trial finding 9: GDPR Art. 12(6) (identity checks) above 12(3) ("within one month of receipt of the
    // request"). The stage puts 12(3) first, but flagged one more answerable tuning question, so it is off.
    const question = 'how long do companies have to answer my data access request';
    const on = CorpusIndex.build(catalog, passages, { signals: { ...DEFAULT_SIGNALS, timeLimit: true } });
    expect(on.search(question, { limit: 1 }).hits[0]!.passages[0]!.id).toBe('eu-gdpr-2016#art:12/3');
    const found = ids(question, 5);
    expect(found.indexOf('eu-gdpr-2016#art:12/6')).toBeLessThan(found.indexOf('eu-gdpr-2016#art:12/3'));
  });

  it('shows the points that carry the answer: BIPA’s $1,000 and $5,000 damages', () => {
    // The negligent case's $1,000 first, the $5,000 among the first three: Sec. 20(c), on repeated disclosures
    // counted as one violation, answers a reader question on damages per disclosure (readerQuestions).
    const found = ids('how much can I get under BIPA if a company negligently violates it', 3);
    expect(found[0]).toBe('us-il-bipa-2008#sec:20/a/1');
    expect(found).toContain('us-il-bipa-2008#sec:20/a/2');
  });

  it('answers a penalty question with the named document’s damages, also inside a --doc filter', async () => {
    // BIPA never writes "penalty": AIDA's administrative monetary penalties and GDPR Art. 84 came first.
    expect(ids('what is the penalty under BIPA', 2)).toEqual([
      'us-il-bipa-2008#sec:20/a/1',
      'us-il-bipa-2008#sec:20/a/2',
    ]);
    // With --doc BIPA the answer core said nothing in BIPA matches well.
    const services = assemble(catalog, index, 'test').services;
    const bipa = catalog.find((doc) => doc.id === 'us-il-bipa-2008')!;
    const result = await ask(services, { query: 'what is the penalty', docs: [bipa], limit: 3 });
    expect(result.kind).toBe('found');
    if (result.kind === 'found') expect(result.hits[0]!.passages[0]!.id).toBe('us-il-bipa-2008#sec:20/a/1');
  });

  it('reads a city or an EU member state as the jurisdiction it lies in (placesWithin)', () => {
    // Off, the UK's action plan (a "product", the "government") and the UNESCO recommendation came first.
    expect(
      ids('our AI product in montreal hurt someone financially. do we have to tell the government?', 1)[0],
    ).toBe('ca-aida-2022#sec:12');
    expect(
      ids('our company in montreal has an AI system that caused harm, who do we have to tell?', 3).every(
        (id) => id.startsWith('ca-aida-2022#'),
      ),
    ).toBe(true);
    expect(
      ids('i live in the netherlands and a polish company messed up my data, where do i complain', 3),
    ).toContain('eu-gdpr-2016#art:77/1');
  });

  it('shows a named article’s points beyond the unit cap (placePoints)', () => {
    // Art. 5(3) (a judicial authority's prior authorisation) is the article's fourth point shown; capped at three
    // points of one unit it was not in the first ten.
    expect(
      ids('art 5 AI act - who has to sign off before police switch on live facial recognition in public?'),
    ).toContain('eu-ai-act-2024#art:5/3');
  });

  it('brings China’s documents for a question naming china, though it has six', () => {
    // A share of × 8 per document (1.3 for China's six) was below the plain × 3: AI Act Art. 49(3) came first.
    const found = ids('do I have to register my AI model with the government in china', 3);
    expect(found[0]).toMatch(/^cn-/);
    expect(found).toContain('cn-algorithmic-recommendation-provisions-2021#art:24');
  });

  it('searches every document of two --doc filters', () => {
    const docs = ['eu-gdpr-2016', 'us-il-bipa-2008'];
    const found = ids('consent before collecting biometric data', 5, docs);
    expect(new Set(found.map((id) => id.split('#')[0]))).toEqual(new Set(docs));
  });

  it('answers two --doc filters with each document in turn, through the answer core (CLI and /ask)', async () => {
    const services = assemble(catalog, index, 'test').services;
    const chosen = ['GDPR', 'BIPA'].map((name) => catalog.find((doc) => doc.shortTitle.includes(name))!);
    const result = await ask(services, {
      query: 'consent before collecting biometric data',
      docs: chosen,
      limit: 4,
    });
    expect(result.kind).toBe('found');
    const order = result.kind === 'found' ? result.hits.map((hit) => hit.passages[0]!.docId) : [];
    // Each document's best in turn: neither fills the list because its passages score higher.
    expect(order).toEqual(['eu-gdpr-2016', 'us-il-bipa-2008', 'eu-gdpr-2016', 'us-il-bipa-2008']);
  });
});
