// Abuse in a public channel: one user or one channel asking too fast, requests for more than a page, and
// questions built to be expensive (thousands of characters, hundreds of terms). Costs are bounded by
// construction; the assertions count work (search calls, terms searched), never time.
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import type { Charter } from '../../src/app.js';
import { Cooldowns, DEFAULT_RULES } from '../../src/discord/cooldown.js';
import { MAX_QUERY_CHARS, PAGE_SIZE } from '../../src/discord/ui/answer.js';
import { createLogger } from '../../src/log.js';
import { MAX_QUERY_TERMS } from '../../src/search/query.js';
import { dataOf } from '../fixtures/discord/harness.js';
import { autocomplete, click, FRIEND, OTHER, slash } from '../fixtures/discord/interactions.js';
import { createRawDispatcher as createDispatcher } from '../fixtures/discord/parsed.js';
import { fakeServices } from '../fixtures/discord/services.js';
import { fixtureCharter, fuzzDispatcher, realCharter } from '../fuzz/charters.js';
import { QUESTION_CATEGORIES } from '../fuzz/inputs.js';
import { EXPENSIVE_RUNS } from '../fuzz/runs.js';
import { caseCounter, checkResult, runParams } from '../fuzz/support.js';
import { describeGolden } from '../support/corpus.js';

const counter = caseCounter('abuse');
afterAll(() => counter.write());

describe('cooldowns (default rules, through the real dispatcher)', () => {
  function setup() {
    const services = fakeServices();
    const dispatcher = createDispatcher(services, COMMANDS, { logger: createLogger({ write: () => {} }) });
    return { services, dispatcher };
  }
  const user = (n: number) => String(700000000000000000n + BigInt(n));

  it(`a user gets ${DEFAULT_RULES.user.limit} requests per ${DEFAULT_RULES.user.windowMs / 1000} s, then is told when to retry`, async () => {
    const { services, dispatcher } = setup();
    for (let i = 0; i < DEFAULT_RULES.user.limit; i++)
      expect((await dispatcher.dispatch(slash('help'))).log.outcome).toBe('ok');
    const refused = await dispatcher.dispatch(slash('ask', { question: 'social scoring' }));
    expect(checkResult(refused)).toBe('notice');
    expect(dataOf(refused.response).embeds![0]!.description).toMatch(
      /^You are asking quickly\. Try again in (\d+) s\.$/,
    );
    // Buttons count too; autocomplete does not (it is typing, not asking).
    expect((await dispatcher.dispatch(click('c1|cite|0|eu-ai-act-2024#art:5'))).log.outcome).toBe('refused');
    expect((await dispatcher.dispatch(autocomplete('quote', 'reference', 'AI Act'))).log.outcome).toBe('ok');
    // Someone else in the same channel is not held up; the first user is, until the window has passed.
    expect((await dispatcher.dispatch(slash('help', {}, OTHER))).log.outcome).toBe('ok');
    services.clock.now += DEFAULT_RULES.user.windowMs + 1;
    expect((await dispatcher.dispatch(slash('help'))).log.outcome).toBe('ok');
  });

  it(`a channel gets ${DEFAULT_RULES.channel.limit} requests per ${DEFAULT_RULES.channel.windowMs / 1000} s across all its users`, async () => {
    const { dispatcher } = setup();
    for (let i = 0; i < DEFAULT_RULES.channel.limit; i++)
      expect((await dispatcher.dispatch(slash('help', {}, user(i)))).log.outcome).toBe('ok');
    const refused = await dispatcher.dispatch(slash('help', {}, user(999)));
    expect(dataOf(refused.response).embeds![0]!.description).toMatch(/^This channel is asking quickly\./);
    // Another channel is unaffected.
    const elsewhere = { ...slash('help', {}, user(999)), channel_id: '888888888888888888' };
    expect((await dispatcher.dispatch(elsewhere)).log.outcome).toBe('ok');
  });

  it('a flood of distinct users does not grow the cooldown table without bound', () => {
    let now = 0;
    const cooldowns = new Cooldowns(DEFAULT_RULES, () => now);
    for (let i = 0; i < 30_000; i++) {
      now += 10; // 30,000 users over 300 s: most have left the window
      cooldowns.take(user(i), `c${i % 50}`);
    }
    const size = (cooldowns as unknown as { hits: Map<string, number[]> }).hits.size;
    expect(size).toBeLessThanOrEqual(10_000 + 1 + 50);
  });
});

describe('caps on results and pages per request', () => {
  let charter: Charter;
  beforeAll(() => {
    charter = fixtureCharter();
  });
  it('every interaction asks search for at most one page plus the narrowing menu, never more than 25 hits', async () => {
    const calls: { limit: number; offset: number }[] = [];
    const search = charter.services.search;
    const spied = {
      ...charter,
      services: {
        ...charter.services,
        search: (q: string, o?: Parameters<typeof search>[1]) => {
          calls.push({ limit: o?.limit ?? 5, offset: o?.offset ?? 0 });
          return search(q, o);
        },
      },
    };
    const { dispatcher } = fuzzDispatcher(spied);
    const requests = [
      slash('ask', { question: 'fixture artificial intelligence systems' }),
      slash('compare', {
        topic: 'fixture',
        document1: 'AI Act',
        document2: 'EO 14110',
        document3: 'un-ga-res-78-265',
      }),
      click(`c1|more|111111111111111111|3|*|${'0'.repeat(8)}`, { footer: 'Q: x' }),
    ];
    for (const request of requests) {
      calls.length = 0;
      const result = await dispatcher.dispatch(request);
      checkResult(result);
      counter.add('caps:request');
      expect(calls.length).toBeLessThanOrEqual(5);
      for (const call of calls) expect(call.limit).toBeLessThanOrEqual(25);
      expect((dataOf(result.response).embeds ?? []).length).toBeLessThanOrEqual(Math.max(PAGE_SIZE, 5));
    }
  });

  it('a tampered "More" past offset 1000 or a page past 1000 is refused before any search', async () => {
    const { dispatcher } = fuzzDispatcher(charter);
    for (const id of [
      'c1|more|111111111111111111|5000|*|00000000',
      'c1|full|99999|eu-ai-act-2024#art:5',
      'c1|cite|51|eu-ai-act-2024#art:5/1/a',
    ]) {
      const result = await dispatcher.dispatch(click(id));
      expect(dataOf(result.response).embeds![0]!.title).toBe('This button no longer works');
    }
  });

  it('the index returns at most 50 hits whatever it is asked for', () => {
    expect(charter.index.search('fixture', { limit: 1e9 }).hits.length).toBeLessThanOrEqual(50);
    expect(charter.index.search('fixture', { limit: -5, offset: -5 }).hits).toEqual([]);
  });
});

describe.runIf(describeGolden)('expensive questions over the real index', () => {
  let charter: Charter;
  let termsPerSearch: number[] = [];
  beforeAll(async () => {
    charter = await realCharter();
    // Count the terms every search hands to the engine (MiniSearch) — the work a query costs.
    const original = MiniSearch.prototype.search;
    vi.spyOn(MiniSearch.prototype, 'search').mockImplementation(function (this: MiniSearch, query, options) {
      termsPerSearch.push(
        typeof query === 'object' && 'queries' in query ? (query.queries as unknown[]).length : 1,
      );
      return original.call(this, query, options);
    });
  });
  afterAll(() => vi.restoreAllMocks());

  /** Terms handed to MiniSearch by each search while `run` runs. */
  async function termsSearched(run: () => Promise<unknown>): Promise<number[]> {
    termsPerSearch = [];
    await run();
    return termsPerSearch;
  }

  it(`6,000 characters or hundreds of terms search at most ${MAX_QUERY_TERMS} typed terms (plus their synonyms), like a short question`, async () => {
    const { dispatcher, errors } = fuzzDispatcher(charter);
    const expensive = fc.oneof(QUESTION_CATEGORIES.long6000, QUESTION_CATEGORIES.manyTerms);
    let most = 0;
    await fc.assert(
      fc.asyncProperty(expensive, fc.boolean(), async (question, mention) => {
        counter.add('expensive:question');
        const counts = await termsSearched(async () => {
          checkResult(
            await dispatcher.dispatch(slash('ask', { question, ...(mention ? { mention: FRIEND } : {}) })),
            mention ? { mention: FRIEND } : {},
          );
        });
        expect(counts.length).toBeLessThanOrEqual(2); // the page and the narrowing menu
        for (const n of counts) expect(n).toBeLessThanOrEqual(MAX_QUERY_TERMS * 3);
        most = Math.max(most, ...counts, 0);
        // The tail beyond the first MAX_QUERY_CHARS characters costs nothing: same terms as the head alone.
        const head = await termsSearched(async () => {
          await dispatcher.dispatch(slash('ask', { question: question.slice(0, 2 * MAX_QUERY_CHARS) }));
        });
        expect(head).toEqual(counts);
        expect(errors).toEqual([]);
      }),
      runParams(EXPENSIVE_RUNS),
    );
    counter.note('expensive:mostTermsSearched', most);
  });
});
