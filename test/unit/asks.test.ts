// Reader questions (corpus/asks.ts): validated lines, joined to their passage by snippet, reported by lint
// when they join none, and searched as the `asks` field only with `readerQuestions` on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AsksError,
  asksVersion,
  parseAsks,
  type ReaderQuestion,
  resolveAsks,
} from '../../src/corpus/asks.js';
import { lintAsks } from '../../src/corpus/lint/asks.js';
import { SnippetMatcher } from '../../src/corpus/snippet.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex, DEFAULT_SIGNALS } from '../../src/search/index.js';
import { docs, passages } from './search-fixture.js';

const EU = 'eu-ai-act-2024';
const line = (q: string, docId: string, snippet: string) => JSON.stringify({ q, docId, snippet });
const asks = (...lines: string[]) => parseAsks(lines.join('\n'), 'corpus/asks/test.jsonl');
const at = (id: string) => passages.findIndex((p) => p.id === id);

describe('parseAsks', () => {
  it('reads each line with its file and line number, skipping blank lines', () => {
    const read = asks(line('can they score me?', EU, 'Scoring people by their social'), '', '  ');
    expect(read).toEqual([
      {
        q: 'can they score me?',
        docId: EU,
        snippet: 'Scoring people by their social',
        file: 'corpus/asks/test.jsonl',
        line: 1,
      },
    ]);
  });

  it('refuses a malformed line with one sentence naming the file, the line and the field', () => {
    expect(() => asks(line('ok?', EU, 'long enough snippet'), '{"q": "x"')).toThrow(
      new AsksError(
        'corpus/asks/test.jsonl line 2 is not a JSON object: write {"q": …, "docId": …, "snippet": …}.',
      ),
    );
    expect(() => asks(line('what?', EU, 'short'))).toThrow(
      'corpus/asks/test.jsonl line 1 has a bad field "snippet": must be at least 10 characters.',
    );
    expect(() => asks(line('what?', 'EU AI Act', 'long enough snippet'))).toThrow(
      /line 1 has a bad field "docId"/,
    );
    expect(() =>
      asks(JSON.stringify({ q: 'what?', docId: EU, snippet: 'long enough snippet', a: 1 })),
    ).toThrow(/line 1 is malformed/);
  });
});

describe('resolveAsks', () => {
  const fixture: Passage[] = [
    {
      id: 'd#a',
      docId: 'd',
      locator: 'a',
      path: ['a'],
      headingPath: [],
      seq: 0,
      text: 'the provider shall\nappoint a representative',
    },
    {
      id: 'd#b',
      docId: 'd',
      locator: 'b',
      path: ['b'],
      headingPath: [],
      seq: 1,
      text: 'records are kept for ten years',
    },
    {
      id: 'd#c',
      docId: 'd',
      locator: 'c',
      path: ['c'],
      headingPath: [],
      seq: 2,
      text: 'fines up to a million',
    },
    {
      id: 'd#d',
      docId: 'd',
      locator: 'd',
      path: ['d'],
      headingPath: [],
      seq: 3,
      text: 'the provider shall appoint a representative too',
    },
  ];
  const q = (n: number, snippet: string, docId = 'd'): ReaderQuestion => ({
    q: `question ${n}`,
    docId,
    snippet,
    file: 'f.jsonl',
    line: n,
  });

  it('matches a snippet with white space squashed, as the relevance sets do', () => {
    const matcher = new SnippetMatcher(fixture);
    expect(matcher.find('d', 'provider  shall appoint')).toEqual([0, 3]);
    expect(matcher.find('d', 'kept for\tten')).toEqual([1]);
    expect(matcher.find('other', 'kept for ten')).toEqual([]);
  });

  it('gives a snippet found in several passages to the one nearest the line before it', () => {
    const near = resolveAsks([q(1, 'fines up to a'), q(2, 'provider shall appoint a')], fixture);
    expect(near.byPassage).toEqual(
      new Map([
        [2, ['question 1']],
        [3, ['question 2']],
      ]),
    );
    expect(near.ambiguous).toBe(1);
    // No line before it in the file: the closest line after it decides; none at all, the first candidate.
    expect(
      resolveAsks([q(1, 'provider shall appoint a'), q(2, 'records are kept')], fixture).byPassage.get(0),
    ).toEqual(['question 1']);
    expect(resolveAsks([q(1, 'provider shall appoint a')], fixture).byPassage).toEqual(
      new Map([[0, ['question 1']]]),
    );
  });

  it('leaves out a snippet in no passage and a document not held, and lint says which line and why', () => {
    const lines = [
      q(1, 'records are kept'),
      q(2, 'not in the text at all'),
      q(3, 'records are kept', 'gone'),
    ];
    const resolved = resolveAsks(lines, fixture);
    expect(resolved.byPassage).toEqual(new Map([[1, ['question 1']]]));
    expect(resolved.unresolved.map((u) => [u.question.line, u.reason])).toEqual([
      [2, 'no-passage'],
      [3, 'no-document'],
    ]);
    expect(lintAsks(lines, fixture)).toEqual([
      {
        check: 'reader-question',
        passageId: 'f.jsonl:2',
        excerpt:
          "f.jsonl line 2: no passage of d contains the snippet “not in the text at all”, so the reader question is not indexed; copy a piece of the passage's text exactly.",
      },
      {
        check: 'reader-question',
        passageId: 'f.jsonl:3',
        excerpt:
          'f.jsonl line 3: no document gone is held, so the reader question “question 3” is not indexed.',
      },
    ]);
    expect(lintAsks(lines, fixture, new Set(['d']))).toHaveLength(1);
  });
});

describe('the readerQuestions signal', () => {
  // "vending" and "snack" are in no fixture passage: only the question written for Art. 5(1)(a) has them.
  const written = asks(line('can a vending machine snack trick me?', EU, 'manipulate people subliminally'));
  const on = CorpusIndex.build(docs, passages, {
    asks: written,
    signals: { ...DEFAULT_SIGNALS, readerQuestions: true },
  });
  const off = CorpusIndex.build(docs, passages, {
    asks: written,
    signals: { ...DEFAULT_SIGNALS, readerQuestions: false },
  });
  const first = (index: CorpusIndex, q: string) => index.search(q).hits[0]?.passages.map((p) => p.id);

  it('finds the passage by the words of a question written for it, only when on', () => {
    expect(first(on, 'vending snack')).toContain('eu-ai-act-2024#art:5/1/a');
    expect(first(off, 'vending snack')).toBeUndefined();
  });

  it('never shows the question: the hit is the passage, its highlighted words are its own', () => {
    const hit = on.search('vending snack').hits[0]!;
    expect(hit.passages.map((p) => p.text).join(' ')).not.toContain('vending');
    for (const term of hit.terms) expect(hit.passages.map((p) => p.text).join(' ')).toContain(term);
  });

  it('changes the fingerprint, and survives a save and load', () => {
    const none = CorpusIndex.build(docs, passages, { asks: null });
    expect(on.fingerprint).not.toBe(none.fingerprint);
    expect(off.fingerprint).toBe(none.fingerprint);
    const withAsks = { signals: { ...DEFAULT_SIGNALS, readerQuestions: true } };
    const loaded = CorpusIndex.load(docs, JSON.parse(JSON.stringify(on)), on.fingerprint, withAsks)!;
    expect(first(loaded, 'vending snack')).toContain('eu-ai-act-2024#art:5/1/a');
    // An index saved without them answers as before when asked to search them.
    const older = CorpusIndex.load(docs, JSON.parse(JSON.stringify(none)), undefined, withAsks)!;
    expect(first(older, 'vending snack')).toBeUndefined();
  });

  it('leaves the ranking without reader questions exactly as before', () => {
    const none = CorpusIndex.build(docs, passages, { asks: null });
    for (const q of ['is social credit banned?', 'fines for prohibited practices', 'subliminal manipulation'])
      expect(off.search(q, { limit: 10 })).toEqual(none.search(q, { limit: 10 }));
    expect(at('eu-ai-act-2024#art:5/1/a')).toBeGreaterThanOrEqual(0);
  });
});

describe('asksVersion', () => {
  it('changes with the files of the folder and their bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-asks-'));
    const empty = asksVersion(dir);
    writeFileSync(join(dir, 'a.jsonl'), `${line('can they?', EU, 'long enough snippet')}\n`);
    const one = asksVersion(dir);
    expect(one).not.toBe(empty);
    writeFileSync(join(dir, 'a.jsonl'), `${line('can they not?', EU, 'long enough snippet')}\n`);
    expect(asksVersion(dir)).not.toBe(one);
    expect(asksVersion(join(dir, 'missing'))).toBe(empty);
  });
});
