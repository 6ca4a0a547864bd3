// The blind set (issue 11): written by a helper who saw only the documents — no code, no results, no other
// set — and committed with its sha256 before any tuning. It is never tuned on: these tests only keep its
// files unchanged and stop a later change from falling below the levels it was first measured at.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAsks } from '../../src/corpus/asks.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex } from '../../src/search/index.js';
import { countFlags, loadQuestions, loadSet } from '../../tools/eval/eval.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';
import { describeAgainstRealDocuments } from './checks.js';

const path = (name: string) => join(import.meta.dirname, name);

// The hashes printed in the README when the set was committed (before any tuning).
const COMMITTED: Record<string, string> = {
  'blind.jsonl': 'e8b0e58a6b66c17e02270686b1b4c083e80651ba66299874d69e18dcd34a99aa',
  'blind-missing.jsonl': '196e110cfd8796c6cf4f322b6834fe1d2b7725d0e1fe29343ba4155ad8a54380',
  'blind-zh.jsonl': '8dd6517fc23951801f3dd1323dbe218655f6617c87e3e8fa55c2cb1815a4f49d',
  // Issue 19, committed 2026-12-04 before any honesty work: instruments Charter does not hold, and off-topic chatter.
  'blind-unheld.jsonl': '49ae8bfa0e829429eb71414c413ed3633b5556b4fbbb7078bdf67e15753293b4',
  'blind-offtopic.jsonl': 'c6ab6eb2e05388e6871140f526a25f0e8f183c287be4dbd31f4c4cefcd259cb9',
  // Issue 18, committed 2026-12-04 before any relevance work: situations in everyday words, 302 English, 28 Chinese.
  'blind-situations.jsonl': 'da2f979ecf2c2cb058b30787b565dcf25e5a6e96bdfd382ec1e335431131f497',
  'blind-situations-zh.jsonl': '699eda248e6c8b20a6be76ee0e639b88d005d93956aa277ddfc9e3934ce329a7',
  // Second blind sets for issues 18 and 19, committed 2026-12-04 21:38 UTC before this session's tuning, written by
  // helpers who saw only the documents (situations) or only the list of held documents (unheld, off-topic).
  'blind2-situations.jsonl': 'c110b03909c3aaaa5c91dbc34b703ff61f8eba5a3ede4469f837cca5f7c2e293',
  'blind2-situations-zh.jsonl': '373441dd18a504e5dfc269ed5337bfda29d0ec080b831ca5458cdb20e4b919ab',
  'blind2-unheld.jsonl': '9f2554f664bef49665efa602a322ad0cb6503c56f96241be7943d91b26d31094',
  'blind2-offtopic.jsonl': '2db894714a394ce691011025b3c1d82023ce3be4b3185260308dae34d5659a20',
  // Written blind by 21:38 UTC, committed 21:39 before any tuning landed: brings AIDA, BIPA, SB 1001, the NSM and the METI
  // guidelines to at least 15 questions each across the two blind2 situation files, as issue 18 asks.
  'blind2-situations-more.jsonl': 'ed0d7f38304b48673412f387a6ad5168ae7fd87be5e3263111616f480043eca2',
  // Third blind sets for issues 18 and 19, committed 2026-12-05 00:17 UTC before this session's tuning landed: 377
  // English situations (two writers who saw only the documents; issue 18's per-document quotas), 30 Chinese, and 89
  // unheld + 50 off-topic questions (a writer who saw only the list of held documents).
  'blind3-situations.jsonl': '4cfaadb43e2d16ca4d116e8264d4d2df5d880a1121b914f303d5dedb36610ec4',
  'blind3-situations-zh.jsonl': '50f8f2e9b0a5d35908c8e97e6fd1f749f1902b6cc65b5553ecf6d8138a96f806',
  'blind3-unheld.jsonl': '327941edc9c0c8c84b21726d3eeef56e3713702a07e0a5b9a7bae086d02437d5',
  'blind3-offtopic.jsonl': '1aea8c66800fd9da6347aa10b9d2837cd7ccf1fe146467ff400703fbde54c098',
  // Fourth blind sets for issues 18 and 19, committed 2026-12-05 02:53 UTC before this session's tuning landed: 355
  // English situations (two writers who saw only the documents; issue 18's per-document quotas), 32 Chinese, and 55
  // unheld + 50 off-topic questions (a writer who saw only the documents' list). Three questions happen to repeat one
  // of an earlier blind set word for word; both are blind, so nothing was tuned on either.
  'blind4-situations.jsonl': 'fd3c996d32882fa0f705975fd5f853191f0f31200d755f864fe9e5ae421e7547',
  'blind4-situations-zh.jsonl': '32ccfb5a118c1c2e65aba4a1bf13fa2d993108b8de37331db5413e7a950de7aa',
  'blind4-unheld.jsonl': '2598e44845bb7ef66b1a90aea776d90654202da5c2a585c9f5ca99bc5df96844',
  'blind4-offtopic.jsonl': '25a2cab95084e00555b1362caa33b1ee92d6339131054213f4de26a6255e1271',
  // Fifth blind sets for issues 18 and 19, committed 2026-12-05 05:58 UTC before this session's tuning landed: 339
  // English situations (two writers who saw only the documents; issue 18's per-document quotas), 40 Chinese, and 60
  // unheld + 60 off-topic questions (a writer who saw only the documents' list). Three questions that equalled a
  // question of an earlier set were dropped before the commit, unread.
  'blind5-situations.jsonl': '68ad8182e7f996ee495a5886be7a129af435f7c9a9d3b775f84d24cf7475c94d',
  'blind5-situations-zh.jsonl': '35e36ca98d29fc7eb29f542ee469b8e1afc4115885467f4620f90b4d7f43d0f6',
  'blind5-unheld.jsonl': '4058aafff0a6056084a8bcf550fa56219173b3aef3ac8d864b1ecadf589b17dd',
  'blind5-offtopic.jsonl': 'a394724fcab133fa3bf7eee16a4cdb82c6b241aada23b8bd5a54605a468fbb32',
  // Sixth blind sets, committed 2026-12-05 08:30 UTC before that session's tuning landed: 297 English situations
  // (four writers who saw only the documents; issue 18's per-document quotas), 40 Chinese, 58 unheld and 59 off-topic
  // (a writer who saw only the documents' list). Five questions equal to one of an earlier set or a reader question
  // were dropped before the commit, unread.
  'blind6-situations.jsonl': 'd3315fc4dc85ea86e85d2c51910965202791fb849d78b05731bbb164e7b21abe',
  'blind6-situations-zh.jsonl': '58247ee5d40598299d7b453e26f846ca911bca5adba05edd82176355ba86db3d',
  'blind6-unheld.jsonl': 'aa49b75610e5e342ebcbfbbc25e21574a057940b60f5f04f6a8aa3472bc52b36',
  'blind6-offtopic.jsonl': 'd6a400363b41b8c4f5b7347c0f4bf1cb36cd1a6882542975078b617c9526a5f7',
  // Seventh blind sets, committed 2026-12-05 11:23 UTC before this session's tuning landed: 298 English situations
  // (four writers who saw only the documents, each drawing mainly on a different quarter of each document; issue 18's
  // per-document quotas), 40 Chinese, 59 unheld and 58 off-topic (a writer who saw only the documents' list). Five
  // questions equal to one of an earlier set or a reader question were dropped before the commit, unread.
  'blind7-situations.jsonl': '5932fa37943b902d8aa912400858e55a1dea2495dc51171212d3444daf888795',
  'blind7-situations-zh.jsonl': 'ec8a582a1af480fdf1a8b62402313bab1f6e4db2f471a2ac32a15a20716aa4b6',
  'blind7-unheld.jsonl': '3808791f3203d47e862950e364f235a5840f45c084564609ddc16f5469864cf1',
  'blind7-offtopic.jsonl': '2802d7e79cae25b3d9ea7599cd2cf93cbc0ef259699fc33beb4b73c970082b9c',
};

describe('blind relevance set', () => {
  it('is byte for byte the set committed before tuning', () => {
    for (const [name, sha256] of Object.entries(COMMITTED)) {
      expect(
        createHash('sha256')
          .update(readFileSync(path(name)))
          .digest('hex'),
        name,
      ).toBe(sha256);
    }
  });

  // The reader questions (corpus/asks) are indexed, so a blind question written into them would be found by its own
  // words. Four of the first writers' questions happened to equal a first-blind-set question; they were dropped.
  it('shares no question with the reader questions (case and white space aside)', () => {
    const key = (q: string) => q.toLowerCase().replace(/\s+/g, ' ').trim();
    const asked = new Set(loadAsks().map((question) => key(question.q)));
    const shared = Object.keys(COMMITTED).flatMap((name) =>
      readFileSync(path(name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() && asked.has(key(JSON.parse(line).q)))
        .map((line) => `${name}: ${JSON.parse(line).q}`),
    );
    expect(shared).toEqual([]);
  });

  it('asks about every English document of the catalog', () => {
    const english = catalog.filter((doc) => !doc.id.endsWith('.zh')).map((doc) => doc.id);
    expect(new Set(loadQuestions(path('blind.jsonl')).map((q) => q.docId))).toEqual(new Set(english));
  });

  // First (and only) measurement, 2026-11-30, 32 documents: R@5 0.750, MRR@10 0.601; minus a margin.
  describeAgainstRealDocuments(
    loadQuestions(path('blind.jsonl')),
    {
      questionsPath: path('blind.jsonl'),
      minRecallAt5: 0.72,
      minMrrAt10: 0.57,
      title: 'keeps the level first measured on questions written blind',
    },
    { exclusive: false },
  );

  // First measurement: R@5 1.000, MRR@10 0.917; minus a margin.
  describeAgainstRealDocuments(
    loadQuestions(path('blind-zh.jsonl')),
    {
      questionsPath: path('blind-zh.jsonl'),
      minRecallAt5: 0.9,
      minMrrAt10: 0.85,
      title: 'keeps the level first measured on Chinese questions written blind',
    },
    { exclusive: false },
  );

  // Issue 18's blind set, first (and only) measurement 2026-12-04 on 32 documents, 6,034 passages:
  // R@5 0.593, MRR@10 0.483 (English); R@5 0.714, MRR@10 0.580 (Chinese); minus a margin.
  describeAgainstRealDocuments(
    loadQuestions(path('blind-situations.jsonl')),
    {
      questionsPath: path('blind-situations.jsonl'),
      minRecallAt5: 0.56,
      minMrrAt10: 0.45,
      title: 'keeps the level first measured on situations in everyday words, written blind',
    },
    { exclusive: false },
  );

  describeAgainstRealDocuments(
    loadQuestions(path('blind-situations-zh.jsonl')),
    {
      questionsPath: path('blind-situations-zh.jsonl'),
      minRecallAt5: 0.67,
      minMrrAt10: 0.54,
      title: 'keeps the level first measured on Chinese situations, written blind',
    },
    { exclusive: false },
  );

  // The second blind sets (blind2-*), read once on the code as it landed (2026-12-04, 32 documents, 6,051
  // passages): R@5 0.593 / MRR@10 0.454 (English), 0.275 / 0.170 (the 40-question addendum), 0.778 / 0.685
  // (Chinese); minus a margin.
  for (const [name, minRecallAt5, minMrrAt10] of [
    ['blind2-situations.jsonl', 0.56, 0.42],
    ['blind2-situations-more.jsonl', 0.22, 0.14],
    ['blind2-situations-zh.jsonl', 0.72, 0.63],
    // The third blind sets (blind3-*), read once at the end of the session that committed them (2026-12-05, 6,051
    // passages): R@5 0.560 / MRR@10 0.476 (English, 377), 0.800 / 0.662 (Chinese, 30); minus a margin.
    ['blind3-situations.jsonl', 0.53, 0.44],
    ['blind3-situations-zh.jsonl', 0.73, 0.6],
    // The fourth blind sets (blind4-*), read before tuning (5a84b00) and once after (c3b8415, 2026-12-05, 6,051
    // passages): R@5 0.851 / MRR@10 0.769 (English, 355), 0.875 / 0.751 (Chinese, 32); the later reading minus a margin.
    ['blind4-situations.jsonl', 0.82, 0.73],
    ['blind4-situations-zh.jsonl', 0.81, 0.68],
    // The fifth blind sets (blind5-*), read before the session's tuning (c038546) and once after (2026-12-05, 6,051
    // passages): R@5 0.820 / MRR@10 0.712 (English, 339), 0.950 / 0.781 (Chinese, 40); the later reading minus a margin.
    ['blind5-situations.jsonl', 0.79, 0.68],
    ['blind5-situations-zh.jsonl', 0.88, 0.72],
    // The sixth blind sets (blind6-*), read before the session's tuning (ca4cd7c) and once after (322f13a,
    // 2026-12-05, 6,051 passages): R@5 0.734 / MRR@10 0.645 (English, 297), 0.925 / 0.849 (Chinese, 40); minus a margin.
    ['blind6-situations.jsonl', 0.7, 0.61],
    ['blind6-situations-zh.jsonl', 0.88, 0.8],
    // The seventh blind sets (blind7-*), read before the session's tuning (a0a9f60) and once after (d5879df,
    // 2026-12-05, 6,051 passages): R@5 0.782 / MRR@10 0.667 (English, 298), 0.875 / 0.777 (Chinese, 40); minus a margin.
    ['blind7-situations.jsonl', 0.75, 0.63],
    ['blind7-situations-zh.jsonl', 0.83, 0.72],
  ] as const)
    describeAgainstRealDocuments(
      loadQuestions(path(name)),
      {
        questionsPath: path(name),
        minRecallAt5,
        minMrrAt10,
        title: `keeps the level first measured on ${name}`,
      },
      { exclusive: false },
    );

  describe.runIf(describeGolden)('flags, against the real documents', () => {
    let index: CorpusIndex;
    beforeAll(async () => {
      const passages: Passage[] = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
      index = CorpusIndex.build(catalog, passages);
    }, 120_000);

    // First measurement: 13/20 flagged (65 %), 6/268 answerable flagged wrongly (2.2 %).
    it('flags what the corpus lacks at least as often as first measured', () => {
      const flags = countFlags(index, loadSet(path('blind-missing.jsonl')));
      expect(flags.missingFlagged / flags.missingTotal, flags.unflagged.join('\n')).toBeGreaterThanOrEqual(
        0.6,
      );
    });

    // Each unheld / off-topic pair at its first reading, minus a margin. Issue 19's blind sets (2026-12-04):
    // 47/83 unheld instruments flagged (56.6 %), 26/47 off-topic messages answered weak (55.3 %). The second
    // blind sets (blind2, first read on the landed code): 60/73 (82.2 %), 40/61 (65.6 %). The third (blind3, read
    // once at the end of their session): 65/89 (73.0 %), 29/50 (58.0 %). The fourth (blind4, read after the
    // session's tuning): 37/55 (67.3 %), 41/50 (82.0 %).
    for (const [unheldSet, minUnheld, offtopicSet, minOfftopic] of [
      ['blind-unheld.jsonl', 0.53, 'blind-offtopic.jsonl', 0.5],
      ['blind2-unheld.jsonl', 0.78, 'blind2-offtopic.jsonl', 0.6],
      ['blind3-unheld.jsonl', 0.7, 'blind3-offtopic.jsonl', 0.52],
      ['blind4-unheld.jsonl', 0.63, 'blind4-offtopic.jsonl', 0.76],
      // blind5 after the session's tuning: 48/60 (80.0 %), 48/60 (80.0 %). Its off-topic floor was lowered from 0.75
      // to 0.7 on 2026-12-05 (44/60, 73.3 %): the learned judge, refitted over that day's new answerable sets (written
      // to measure false flags), flags fewer answerable questions (blind6 17 → 12 of 337) and catches fewer
      // off-topic messages. A trade recorded in the README, not a regression nobody saw.
      ['blind5-unheld.jsonl', 0.75, 'blind5-offtopic.jsonl', 0.7],
      // blind6 after the session's tuning: 45/58 (77.6 %), 37/59 (62.7 %).
      ['blind6-unheld.jsonl', 0.72, 'blind6-offtopic.jsonl', 0.58],
      // blind7 after the session's tuning: 49/59 (83.1 %), 46/58 (79.3 %).
      ['blind7-unheld.jsonl', 0.78, 'blind7-offtopic.jsonl', 0.74],
    ] as const)
      it(`flags ${unheldSet} and answers ${offtopicSet} weak, as often as first measured`, () => {
        const unheld = countFlags(index, loadSet(path(unheldSet)));
        expect(
          unheld.missingFlagged / unheld.missingTotal,
          unheld.unflagged.join('\n'),
        ).toBeGreaterThanOrEqual(minUnheld);
        const offtopic = countFlags(index, loadSet(path(offtopicSet)));
        expect(
          offtopic.offtopicWeak / offtopic.offtopicTotal,
          offtopic.offtopicAnswered.join('\n'),
        ).toBeGreaterThanOrEqual(minOfftopic);
      });

    it('flags at most 3 % of the answerable blind questions', () => {
      const sets = [
        'blind.jsonl',
        'blind-zh.jsonl',
        'blind-situations.jsonl',
        'blind-situations-zh.jsonl',
      ].map((name) => countFlags(index, loadSet(path(name))));
      const wrong = sets.flatMap((flags) => flags.wrong);
      const total = sets.reduce((sum, flags) => sum + flags.answerableTotal, 0);
      expect(wrong.length / total, wrong.join('\n')).toBeLessThanOrEqual(0.03);
    });

    // blind3-situations at its first reading: 18/377 answerable questions flagged wrongly (4.8 %), above issue 18's
    // 3 %; this keeps it from growing (a margin of about four questions) until the flags are fixed.
    it('flags no more of the third blind set wrongly than first measured', () => {
      const flags = countFlags(index, loadSet(path('blind3-situations.jsonl')));
      expect(flags.wrong.length / flags.answerableTotal, flags.wrong.join('\n')).toBeLessThanOrEqual(0.06);
    });

    // blind4's English and Chinese situations after tuning: 12/387 flagged wrongly (3.1 %); a margin of about
    // four questions.
    // blind5's after tuning: 11/379 (2.9 %); about four questions of margin.
    for (const [names, max] of [
      [['blind4-situations.jsonl', 'blind4-situations-zh.jsonl'], 0.042],
      [['blind5-situations.jsonl', 'blind5-situations-zh.jsonl'], 0.04],
      // blind6's after tuning: 12/337 (3.6 %), above issue 18's 3 %; about four questions of margin.
      [['blind6-situations.jsonl', 'blind6-situations-zh.jsonl'], 0.048],
      // blind7's after tuning: 6/338 (1.8 %); issue 18's 3 % as the bar.
      [['blind7-situations.jsonl', 'blind7-situations-zh.jsonl'], 0.03],
    ] as const)
      it(`flags no more of ${names.join(' and ')} wrongly than measured after tuning`, () => {
        const sets = names.map((name) => countFlags(index, loadSet(path(name))));
        const wrong = sets.flatMap((flags) => flags.wrong);
        const total = sets.reduce((sum, flags) => sum + flags.answerableTotal, 0);
        expect(wrong.length / total, wrong.join('\n')).toBeLessThanOrEqual(max);
      });
  });
});
