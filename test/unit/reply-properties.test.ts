// Whatever the passage text and whatever the user types, every payload fits Discord's limits, pings nobody
// but the addressed user, and echoes no live markdown, mention or masked link.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import type { Passage } from '../../src/corpus/types.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { LIMITS, messageViolations } from '../../src/discord/limits.js';
import { createLogger } from '../../src/log.js';
import { customIds, dataOf } from '../fixtures/discord/harness.js';
import { autocomplete, click, FRIEND, messageCommand, slash } from '../fixtures/discord/interactions.js';
import { createRawDispatcher as createDispatcher } from '../fixtures/discord/parsed.js';
import { catalog, fakeServices } from '../fixtures/discord/services.js';

const NASTY = [
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@&456456456456456456>',
  '<#789>',
  '</ask:1>',
  '<t:1:R>',
  '[click](https://evil.example)',
  '```',
  '`',
  '**',
  '__',
  '||',
  '~~',
  '> ',
  '>>> ',
  '# ',
  '-# ',
  '1. ',
  '- ',
  '\n',
  '\n\n',
  '\u200b',
  '\u202e',
  '\u2066',
  '\ufeff',
  'مرحبا بالعالم',
  'שלום',
  '😀',
  '👩‍👩‍👧',
  '. ',
  ': ',
  'A',
  'word ',
  'Art. 5(1)(c)',
  '\\',
  '*',
  '_',
  'https://example.org/a_(b)',
  ' ',
];

const nastyText = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...NASTY),
        fc.string({ maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 6 }),
      ),
      {
        maxLength,
      },
    )
    .map((parts) => parts.join(''));

const passageText = fc.oneof(
  nastyText(60),
  nastyText(400),
  fc.constantFrom(
    'x'.repeat(6000),
    `${'word '.repeat(1200)}end.`,
    `${'A sentence here. '.repeat(400)}`,
    '@everyone '.repeat(600),
  ),
);
const queryText = fc.oneof(
  nastyText(30),
  fc.constantFrom('@everyone '.repeat(600), '<@&1> '.repeat(1000), 'q'.repeat(6000)),
);

function servicesFor(text: string, context?: string) {
  const doc = catalog.find((d) => d.id === 'eu-ai-act-2024')!;
  const revoked = catalog.find((d) => d.id === 'us-eo-14110-2023')!;
  const passages: Passage[] = [
    {
      id: `${doc.id}#art:5/1/c`,
      docId: doc.id,
      path: ['art:5', '1', 'c'],
      locator: 'Art. 5(1)(c)',
      headingPath: [text.slice(0, 300)],
      text,
      seq: 0,
      ...(context ? { context } : {}),
    },
    {
      id: `${doc.id}#art:5/2`,
      docId: doc.id,
      path: ['art:5', '2'],
      locator: 'Art. 5(2)',
      headingPath: [],
      text: `${text} ${text}`,
      seq: 1,
    },
    {
      id: `${revoked.id}#sec:4.2/a`,
      docId: revoked.id,
      path: ['sec:4.2', 'a'],
      locator: 'Sec. 4.2(a)',
      headingPath: ['h'],
      text,
      seq: 0,
    },
  ];
  const terms = text
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .slice(0, 5);
  return fakeServices({
    search: (query, options = {}) => {
      const pool = passages.filter((p) => !options.docs || options.docs.includes(p.docId));
      const hits = [...pool, ...pool, ...pool].map((p) => ({
        passages: [p],
        score: 1,
        terms: [...terms, query.slice(0, 20)],
      }));
      return {
        query,
        hits: hits.slice(options.offset ?? 0, (options.offset ?? 0) + (options.limit ?? 5)),
        namedDocs: [],
      };
    },
    quote: (reference) => ({ ok: true, reference, doc, locator: 'Art. 5', passages: passages.slice(0, 2) }),
    passagesOf: (id) => passages.filter((p) => p.docId === id),
  });
}

/** Text of everything Discord renders as markdown in a message. */
function rendered(data: APIInteractionResponseCallbackData, mention?: string): string {
  const content =
    mention && data.content
      ? data.content.replace(new RegExp(`^<@${mention}>\\s?`), '')
      : (data.content ?? '');
  return [
    content,
    ...(data.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join('\n');
}

function assertSafe(data: APIInteractionResponseCallbackData, mention?: string) {
  expect(messageViolations(data)).toEqual([]);
  // Nobody, or only the addressed user (notices to the asker address nobody).
  expect([{ parse: [] }, ...(mention ? [{ parse: [], users: [mention] }] : [])]).toContainEqual(
    data.allowed_mentions,
  );
  const text = rendered(data, mention);
  expect(text).not.toMatch(/@(everyone|here)/i);
  // Every "<" that could open a mention, channel, emoji or timestamp is escaped.
  expect(text).not.toMatch(/(^|[^\\])<[@#:/at]/m);
  // No masked link from user or document text (catalog links are the only ones, and they point to the catalog).
  for (const [, target] of text.matchAll(/(?<!\\)\]\((\S+?)\)/g))
    expect(catalog.some((d) => d.officialUrl?.startsWith(target!.slice(0, 20)))).toBe(true);
  // Invisible direction overrides never survive.
  expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
}

function dispatcherFor(services: ReturnType<typeof fakeServices>) {
  return createDispatcher(services, COMMANDS, {
    logger: createLogger({ write: () => {} }),
    cooldowns: new Cooldowns({ user: { limit: 1e9, windowMs: 1 }, channel: { limit: 1e9, windowMs: 1 } }),
  });
}

describe('every payload fits and is safe', () => {
  it('/ask, its buttons and the select menu, for any passage text and any question', async () => {
    await fc.assert(
      fc.asyncProperty(
        passageText,
        queryText,
        fc.boolean(),
        fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
        async (text, question, mention, context) => {
          const dispatcher = dispatcherFor(servicesFor(text, context));
          const response = (
            await dispatcher.dispatch(slash('ask', { question, ...(mention ? { mention: FRIEND } : {}) }))
          ).response;
          const data = dataOf(response);
          assertSafe(data, mention ? FRIEND : undefined);
          if (data.flags === 64 && data.embeds?.[0]?.title !== undefined && !data.embeds[0].footer) return; // a notice
          const footer = data.embeds?.[0]?.footer?.text;
          for (const id of customIds(data)) {
            const next = await dispatcher.dispatch(
              click(id, {
                ...(footer ? { footer } : {}),
                values: id.includes('narrow') ? ['eu-ai-act-2024'] : (undefined as never),
              }),
            );
            assertSafe(dataOf(next.response));
            expect(next.log.outcome).not.toBe('error');
            for (const inner of customIds(dataOf(next.response)).filter((i) => i.includes('|page|'))) {
              assertSafe(dataOf((await dispatcher.dispatch(click(inner, { ephemeral: true }))).response));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('/quote, /compare, /sources and Find sources, for any text', async () => {
    await fc.assert(
      fc.asyncProperty(passageText, queryText, async (text, typed) => {
        const dispatcher = dispatcherFor(servicesFor(text));
        const requests = [
          slash('quote', { reference: typed }),
          slash('quote', { reference: 'eu-ai-act-2024#art:5' }),
          slash('compare', {
            topic: typed,
            document1: 'eu-ai-act-2024',
            document2: 'us-eo-14110-2023',
            document3: 'un-ga-res-78-265',
          }),
          slash('compare', { topic: typed, document1: typed, document2: 'AI Act' }),
          slash('sources', { document: typed }),
          slash('ask', { question: typed, document: typed }),
          // A message's content is at most 4,000 characters on Discord; the edge refuses more (W23).
          messageCommand(typed.slice(0, LIMITS.messageContent)),
        ];
        for (const request of requests) {
          const result = await dispatcher.dispatch(request);
          expect(result.log.outcome).not.toBe('error');
          assertSafe(dataOf(result.response));
        }
        const choices = await dispatcher.dispatch(autocomplete('quote', 'reference', typed));
        const list = dataOf(choices.response) as unknown as { choices: { name: string; value: string }[] };
        expect(list.choices.length).toBeLessThanOrEqual(25);
        for (const c of list.choices)
          expect(c.name.length > 0 && c.name.length <= 100 && c.value.length <= 100).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
