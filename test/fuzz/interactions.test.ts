import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Charter } from '../../src/app.js';
import type { Dispatcher } from '../../src/discord/contract.js';
import { parseInteraction } from '../../src/discord/interaction.js';
import { encodeState, queryHash } from '../../src/discord/ui/state.js';
import { customIds, dataOf } from '../fixtures/discord/harness.js';
import { APP, ASKER, click, OTHER, slash } from '../fixtures/discord/interactions.js';
import { describeGolden } from '../support/corpus.js';
import { fixtureCharter, fuzzDispatcher, realCharter } from './charters.js';
import { INTERACTION_RUNS, REAL_INTERACTION_RUNS } from './runs.js';
import { caseCounter, checkResult, runParams } from './support.js';

const counter = caseCounter('interactions');
afterAll(() => counter.write());

const junk = fc.anything({
  maxDepth: 2,
  maxKeys: 4,
  withNullPrototype: true,
  withBigInt: true,
  withMap: true,
});
const snowflake = fc.oneof(
  fc.constantFrom(ASKER, OTHER, '0', '', '-1', '1'.repeat(40)),
  fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String),
);

const COMMANDS = [
  'ask',
  'quote',
  'compare',
  'sources',
  'help',
  'Find sources',
  'ASK',
  'ask ',
  'unknown',
  '',
  'sync',
  '__proto__',
];
const OPTION_NAMES = [
  'question',
  'reference',
  'topic',
  'document',
  'document1',
  'document2',
  'document3',
  'hide',
  'mention',
  'nope',
  '__proto__',
  'constructor',
];

const optionValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'AI Act',
    'eu-ai-act-2024',
    'AI Act Art. 5',
    'Art. 5(1)(c) AI Act',
    'eu-ai-act-2024#art:5',
    'social scoring',
    ASKER,
    OTHER,
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  junk,
);

const option: fc.Arbitrary<unknown> = fc.letrec<{ option: unknown }>((tie) => ({
  option: fc.oneof(
    { depthSize: 'small' },
    fc.record(
      {
        name: fc.oneof(fc.constantFrom(...OPTION_NAMES), junk),
        type: fc.oneof(fc.integer({ min: 0, max: 12 }), junk),
        value: optionValue,
        focused: fc.oneof(fc.boolean(), junk),
        options: fc.array(tie('option'), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    junk,
  ),
})).option;

const options = fc.oneof(fc.array(option, { maxLength: 6 }), junk);

/** /ask question + state ids the bot itself could have written, some pointing at places that do not exist. */
const customId = fc.oneof(
  fc
    .record({
      owner: fc.constantFrom(ASKER, OTHER),
      offset: fc.integer({ min: 0, max: 1000 }),
      doc: fc.constantFrom('*', 'eu-ai-act-2024', 'no-such-doc'),
      queryHash: fc.constantFrom(queryHash('social scoring'), '00000000'),
    })
    .map((s) => encodeState({ action: 'more', ...s })!),
  fc
    .constantFrom(ASKER, OTHER)
    .map((owner) => encodeState({ action: 'narrow', owner, queryHash: queryHash('social scoring') })!),
  fc
    .tuple(
      fc.constantFrom('full', 'page') as fc.Arbitrary<'full' | 'page'>,
      fc.constantFrom(
        'eu-ai-act-2024#art:5',
        'eu-ai-act-2024#art:99999',
        'gone-doc#art:1',
        'us-eo-14110-2023#sec:4.2',
      ),
      fc.integer({ min: 0, max: 1000 }),
    )
    .map(([action, unit, page]) => encodeState({ action, unit, page })!),
  fc
    .tuple(
      fc.constantFrom('eu-ai-act-2024#art:5/1/c', 'eu-ai-act-2024#art:5', 'eu-ai-act-2024#art:404/1', 'x#y'),
      fc.integer({ min: 0, max: 50 }),
    )
    .map(([passageId, count]) => encodeState({ action: 'cite', passageId, count })!),
);

/** A state id with one character changed, cut short, lengthened, or from another bot. */
const tampered = fc.oneof(
  fc.tuple(customId, fc.nat(), fc.string({ minLength: 1, maxLength: 2 })).map(([id, at, ch]) => {
    const i = at % id.length;
    return id.slice(0, i) + ch + id.slice(i + 1);
  }),
  fc.tuple(customId, fc.nat()).map(([id, at]) => id.slice(0, at % id.length)),
  fc.tuple(customId, fc.string({ maxLength: 60 })).map(([id, tail]) => id + tail),
  fc.constantFrom(
    'other-bot:button',
    'c2|more|1|0|*|00000000',
    'c1|more|111111111111111111|99999|*|00000000',
    'c1|cite|0|',
    'c1',
    '|||||',
    'c1|full|-1|eu-ai-act-2024#art:5',
    'c1|__proto__|1',
  ),
  fc.string({ maxLength: 100 }),
);

const footer = fc.oneof(
  fc.constant(`Q: social scoring`),
  fc.constant('Q: something else'),
  fc.string({ maxLength: 30 }),
  junk,
);

const member = fc.oneof(
  fc.record(
    {
      user: fc.record(
        {
          id: snowflake,
          username: fc.oneof(fc.string(), junk),
          global_name: fc.oneof(fc.string(), fc.constant(null), junk),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  junk,
);

const base = {
  id: snowflake,
  application_id: fc.constant(APP),
  token: fc.constant('interaction-token-fuzz'),
  channel_id: fc.oneof(fc.constant('444444444444444444'), junk),
  guild_id: fc.oneof(fc.constant('555555555555555555'), junk),
  member,
  user: member,
  locale: fc.oneof(fc.constant('en-US'), junk),
};

/** Payload shapes by category; every one is delivered as if Discord had sent it. */
const SHAPES = {
  command: fc.record(
    {
      ...base,
      type: fc.constant(2),
      data: fc.oneof(
        fc.record(
          {
            name: fc.oneof(fc.constantFrom(...COMMANDS), junk),
            type: fc.oneof(fc.constantFrom(1, 2, 3), junk),
            options,
          },
          { requiredKeys: [] },
        ),
        junk,
      ),
    },
    { requiredKeys: ['type'] },
  ),
  messageMenu: fc.record(
    {
      ...base,
      type: fc.constant(2),
      data: fc.record(
        {
          name: fc.constant('Find sources'),
          type: fc.constant(3),
          target_id: fc.oneof(fc.constant('666'), junk),
          resolved: fc.oneof(
            fc.record({
              messages: fc.oneof(
                fc.record({
                  '666': fc.record(
                    { content: fc.oneof(fc.string({ maxLength: 300 }), junk) },
                    { requiredKeys: [] },
                  ),
                }),
                junk,
              ),
            }),
            junk,
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['type'] },
  ),
  autocomplete: fc.record(
    {
      ...base,
      type: fc.constant(4),
      data: fc.oneof(
        fc.record({ name: fc.oneof(fc.constantFrom(...COMMANDS), junk), options }, { requiredKeys: [] }),
        junk,
      ),
    },
    { requiredKeys: ['type'] },
  ),
  component: fc.record(
    {
      ...base,
      type: fc.constant(3),
      data: fc.oneof(
        fc.record(
          {
            custom_id: fc.oneof(customId, tampered, junk),
            values: fc.oneof(
              fc.array(fc.oneof(fc.constantFrom('*', 'eu-ai-act-2024', 'nope'), junk), { maxLength: 3 }),
              junk,
            ),
          },
          { requiredKeys: [] },
        ),
        junk,
      ),
      message: fc.oneof(
        fc.record(
          {
            id: snowflake,
            flags: fc.oneof(fc.constantFrom(0, 64), junk),
            embeds: fc.oneof(
              fc.array(fc.record({ footer: fc.record({ text: footer }) }), { maxLength: 2 }),
              junk,
            ),
          },
          { requiredKeys: [] },
        ),
        junk,
      ),
    },
    { requiredKeys: ['type'] },
  ),
  anyType: fc.record(
    { ...base, type: fc.oneof(fc.integer({ min: -1, max: 12 }), junk), data: junk, message: junk },
    { requiredKeys: [] },
  ),
  notAnObject: fc.oneof(junk, fc.array(junk, { maxLength: 3 }), fc.constant(null), fc.constant(undefined)),
} satisfies Record<string, fc.Arbitrary<unknown>>;

function suite(name: string, make: () => Charter | Promise<Charter>, runs: number) {
  let dispatcher: Dispatcher;
  let errors: string[];
  beforeAll(async () => {
    ({ dispatcher, errors } = fuzzDispatcher(await make()));
  });

  for (const [category, arbitrary] of Object.entries(SHAPES)) {
    it(`${category}: never throws, never fails, always fits`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (payload) => {
          counter.add(`${name}:${category}`);
          // The transports parse first: a payload that does not parse is refused there (400), never run.
          const parsedPayload = parseInteraction(payload);
          if (!parsedPayload.ok) {
            expect(parsedPayload.reason).toMatch(/\S/);
            return;
          }
          const result = await dispatcher.dispatch(parsedPayload.interaction);
          checkResult(result, { mention: [ASKER, OTHER] });
        }),
        runParams(runs),
      );
    });
  }

  it('no handler failed', () => expect(errors).toEqual([]));
}

describe('raw interactions over fixture passages', () => {
  suite('fixture', fixtureCharter, INTERACTION_RUNS);

  it('a button from an answer the bot can no longer read back says so, and paging is only for the asker', async () => {
    const { dispatcher } = fuzzDispatcher(fixtureCharter());
    const first = dataOf(
      (await dispatcher.dispatch(slash('ask', { question: 'fixture artificial intelligence systems' })))
        .response,
    );
    const ids = customIds(first);
    const more = ids.find((id) => id.startsWith('c1|narrow|'))!;
    const footerText = first.embeds![0]!.footer!.text;
    const stale = await dispatcher.dispatch(click(more, { footer: 'Q: another question', values: ['*'] }));
    expect(dataOf(stale.response).embeds![0]!.title).toBe('This button no longer works');
    const foreign = await dispatcher.dispatch(
      click(more, { footer: footerText, values: ['*'], user: OTHER }),
    );
    expect(dataOf(foreign.response).embeds![0]!.title).toBe('Not your question');
    // The same full-text button against an index where the unit is gone (the document was removed).
    const full = ids.find((id) => id.startsWith('c1|full|'))!;
    const emptied = fuzzDispatcher({
      ...fixtureCharter(),
      services: { ...fixtureCharter().services, passagesOf: () => [] },
    });
    const gone = await emptied.dispatcher.dispatch(click(full));
    expect(checkResult(gone)).toBe('notice');
  });
});

describe.runIf(describeGolden)('raw interactions over real documents', () =>
  suite('real', realCharter, REAL_INTERACTION_RUNS),
);
