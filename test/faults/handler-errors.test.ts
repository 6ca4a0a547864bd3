// A handler that throws (search down, a resolver bug, a reply too big for Discord) becomes a private
// "Something went wrong (ref: …)" with a short correlation id; the same id is in the structured log with
// the stack, and the log carries neither the interaction token nor what the user typed.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import type { Services } from '../../src/answer/services.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { dataOf } from '../fixtures/discord/harness.js';
import { autocomplete, click, slash } from '../fixtures/discord/interactions.js';
import { createRawDispatcher as createDispatcher } from '../fixtures/discord/parsed.js';
import { fakeServices, passages } from '../fixtures/discord/services.js';
import { checkResult } from '../fuzz/support.js';

const SECRET_QUESTION = 'what about my private matter 7f3a';

function run(overrides: Partial<Services>) {
  const lines: string[] = [];
  const dispatcher = createDispatcher(fakeServices(overrides), COMMANDS, {
    logger: createLogger({ write: (line) => lines.push(line) }),
    cooldowns: new Cooldowns({ user: { limit: 1e9, windowMs: 1 }, channel: { limit: 1e9, windowMs: 1 } }),
  });
  return { dispatcher, lines };
}

const refOf = (text: string | undefined) => /\(ref: ([0-9a-f]+)\)/.exec(text ?? '')?.[1];

describe('handler failures', () => {
  const failures: [string, Partial<Services>][] = [
    [
      'search throws an Error',
      {
        search: () => {
          throw new Error('index exploded');
        },
      },
    ],
    [
      'search rejects',
      {
        search: async () => {
          throw new RangeError('async failure');
        },
      },
    ],
    [
      'search throws a string',
      {
        search: () => {
          throw 'not an Error';
        },
      },
    ],
    ['search returns garbage', { search: () => ({ hits: null }) as never }],
  ];

  for (const [what, overrides] of failures) {
    it(`${what}: a private note with a short ref, the same ref logged with the stack`, async () => {
      const { dispatcher, lines } = run(overrides);
      const interaction = slash('ask', { question: SECRET_QUESTION });
      const result = await dispatcher.dispatch(interaction);
      checkResult(result, { noErrors: false });
      const data = dataOf(result.response);
      expect(data.flags).toBe(64);
      expect(data.embeds![0]!.title).toBe('Something went wrong');
      const ref = refOf(data.embeds![0]!.description);
      expect(ref).toMatch(/^[0-9a-f]{6}$/);
      expect(result.log).toMatchObject({ outcome: 'error', correlationId: ref, command: 'ask' });
      const errors = lines.map((l) => JSON.parse(l)).filter((r) => r.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ msg: 'handler failed', ref, interactionId: interaction.id });
      if (typeof errors[0].error === 'object') expect(errors[0].error.stack).toMatch(/\n\s+at /);
      expect(lines.join('\n')).not.toContain(interaction.token);
      expect(lines.join('\n')).not.toContain(SECRET_QUESTION);
    });
  }

  it('a passage with a locator and headings longer than any embed allows is clipped, not a failure', async () => {
    const huge = { ...passages[0]!, locator: 'L'.repeat(9000), headingPath: ['H'.repeat(9000)] };
    const { dispatcher } = run({
      search: (query) => ({ query, namedDocs: [], hits: [{ passages: [huge], score: 1, terms: [] }] }),
    });
    expect(checkResult(await dispatcher.dispatch(slash('ask', { question: 'fixture' })))).toBe('message');
  });

  it('refs differ between failures, so each report points at one log line', async () => {
    const { dispatcher } = run({
      search: () => {
        throw new Error('x');
      },
    });
    const refs = new Set<string | undefined>();
    for (let i = 0; i < 50; i++)
      refs.add(
        refOf(
          dataOf((await dispatcher.dispatch(slash('ask', { question: 'q' }))).response).embeds![0]!
            .description,
        ),
      );
    expect(refs.size).toBe(50);
  });

  it('a failing button and a failing autocomplete are handled the same way', async () => {
    const { dispatcher, lines } = run({
      passagesOf: () => {
        throw new Error('store gone');
      },
    });
    const button = await dispatcher.dispatch(click('c1|full|0|eu-ai-act-2024#art:5'));
    expect(button.log.outcome).toBe('error');
    expect(dataOf(button.response).embeds![0]!.description).toMatch(/ref: [0-9a-f]{6}/);
    const choices = await dispatcher.dispatch(autocomplete('quote', 'reference', 'AI Act Art'));
    expect(choices.response).toEqual({ type: 8, data: { choices: [] } });
    expect(choices.log.outcome).toBe('error');
    expect(lines.filter((l) => l.includes('"level":"error"'))).toHaveLength(2);
  });
});
