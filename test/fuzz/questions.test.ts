// Fuzzed questions through the real dispatcher and the real commands over fixture services: /ask (with a
// fuzzed document, hide and mention), /compare and the "Find sources" message menu. Whatever was typed, the
// reply fits Discord, pings nobody but the requested user, shows the user's markdown inert and, when it
// cannot answer, says why in a sentence.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { LIMITS } from '../../src/discord/limits.js';
import { clampQuery, MAX_QUERY_CHARS } from '../../src/discord/ui/answer.js';
import { createLogger } from '../../src/log.js';
import { dataOf } from '../fixtures/discord/harness.js';
import { FRIEND, messageCommand, slash } from '../fixtures/discord/interactions.js';
import { createRawDispatcher as createDispatcher } from '../fixtures/discord/parsed.js';
import { fakeServices } from '../fixtures/discord/services.js';
import { describeGolden } from '../support/corpus.js';
import { fuzzDispatcher, realCharter } from './charters.js';
import { QUESTION_CATEGORIES } from './inputs.js';
import { QUESTION_RUNS, REAL_QUESTION_RUNS } from './runs.js';
import { caseCounter, checkResult, expectVerbatim, haystackOf, runParams } from './support.js';

const counter = caseCounter('questions');
afterAll(() => counter.write());

const services = fakeServices();
const logLines: string[] = [];
const dispatcher = createDispatcher(services, COMMANDS, {
  logger: createLogger({ write: (line) => logLines.push(line) }),
  cooldowns: new Cooldowns({ user: { limit: 1e9, windowMs: 1 }, channel: { limit: 1e9, windowMs: 1 } }),
});

const documentArb = fc.option(
  fc.oneof(
    fc.constantFrom('AI Act', 'eu-ai-act-2024', 'Magna Carta', '<@&1>', '```'),
    fc.string({ maxLength: 20 }),
  ),
  {
    nil: undefined,
  },
);

describe('fuzzed questions', () => {
  for (const [category, arbitrary] of Object.entries(QUESTION_CATEGORIES)) {
    it(`${category}: /ask, /compare and Find sources answer safely`, async () => {
      await fc.assert(
        fc.asyncProperty(
          arbitrary,
          documentArb,
          fc.boolean(),
          fc.boolean(),
          async (typed, document, hide, mention) => {
            counter.add(`fixture:${category}`);
            // Discord caps what a user can type (an option at 6,000 characters, a message at 4,000); longer
            // payloads are refused at the edge (test/faults/endpoint-options.test.ts), before the dispatcher.
            const question = typed.slice(0, LIMITS.optionValue);
            const searchesBefore = services.calls.search.length;
            const ask = await dispatcher.dispatch(
              slash('ask', {
                question,
                ...(document !== undefined ? { document } : {}),
                ...(hide ? { hide } : {}),
                ...(mention ? { mention: FRIEND } : {}),
              }),
            );
            checkResult(ask, mention ? { mention: FRIEND } : {});
            const compare = await dispatcher.dispatch(
              slash('compare', { topic: question, document1: 'AI Act', document2: document ?? 'EO 14110' }),
            );
            checkResult(compare);
            checkResult(await dispatcher.dispatch(messageCommand(question.slice(0, LIMITS.messageContent))));
            // Whatever was typed, search sees at most MAX_QUERY_CHARS of plain text and asks for a bounded page.
            for (const call of services.calls.search.slice(searchesBefore)) {
              expect(call.query.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
              expect(call.query).toBe(clampQuery(call.query));
              expect(call.options?.limit ?? 5).toBeLessThanOrEqual(25);
            }
            services.calls.search.length = 0;
          },
        ),
        runParams(QUESTION_RUNS),
      );
    });
  }

  it('an empty or invisible question is told what to type, in a sentence', async () => {
    for (const question of ['', '   ', '\u200b\u202e', '\n\t']) {
      const result = await dispatcher.dispatch(slash('ask', { question }));
      expect(checkResult(result)).toBe('notice');
      expect(JSON.stringify(result.response)).toContain('Which question?');
    }
  });

  it('no fuzzed question made a handler fail (nothing logged at error level)', () => {
    expect(logLines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});

describe.runIf(describeGolden)('fuzzed questions over the real index', () => {
  let run: ReturnType<typeof fuzzDispatcher>;
  let haystack: string;
  beforeAll(async () => {
    const charter = await realCharter();
    run = fuzzDispatcher(charter);
    haystack = haystackOf(charter.index.passages);
  });

  for (const [category, arbitrary] of Object.entries(QUESTION_CATEGORIES)) {
    it(`${category}: /ask quotes only words of the documents, or says why not`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, fc.boolean(), async (typed, mention) => {
          counter.add(`real:${category}`);
          const question = typed.slice(0, LIMITS.optionValue);
          const result = await run.dispatcher.dispatch(
            slash('ask', { question, ...(mention ? { mention: FRIEND } : {}) }),
          );
          if (checkResult(result, mention ? { mention: FRIEND } : {}) === 'message') {
            counter.note('real:answeredWithPassages');
            expectVerbatim(dataOf(result.response), haystack);
          }
        }),
        runParams(REAL_QUESTION_RUNS),
      );
    });
  }

  it('no handler failed', () => expect(run.errors).toEqual([]));
});
