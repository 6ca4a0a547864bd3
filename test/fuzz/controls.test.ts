// Control characters at the render edges (issue 20): whatever a person types (NUL, ESC[2J, OSC 8 links,
// backspace, BEL, bidi overrides, tag characters, mentions, markdown, any Unicode) and whatever a passage
// carries (one that skipped the readers' cleaning), no Discord payload and no terminal line carries a
// control, escape, bidi or tag character; no reply pings anyone it was not asked to; every payload fits
// Discord. The one sanitiser is src/corpus/text.ts `stripControls`.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble, type Charter } from '../../src/app.js';
import { runAsk, runQuote } from '../../src/cli/answer.js';
import { UsageError } from '../../src/cli/args.js';
import type { CliIo } from '../../src/cli/io.js';
import { syncReporter } from '../../src/cli/progress.js';
import { UNSAFE_CHARACTERS } from '../../src/corpus/text.js';
import type { Passage } from '../../src/corpus/types.js';
import { LIMITS, messageViolations } from '../../src/discord/limits.js';
import { CorpusIndex } from '../../src/search/index.js';
import { customIds, dataOf } from '../fixtures/discord/harness.js';
import { autocomplete, click, FRIEND, messageCommand, slash } from '../fixtures/discord/interactions.js';
import { passages as fixturePassages } from '../fixtures/discord/services.js';
import { catalog } from '../support/corpus.js';
import { fuzzDispatcher } from './charters.js';
import { caseCounter, checkResult, runParams } from './support.js';

const counter = caseCounter('controls');
afterAll(() => counter.write());

const ESC = '\u001b';
/** What a hostile string injects: escape sequences, single controls, bidi and tag characters. */
const CONTROLS = [
  '\u0000',
  '\u0007',
  '\b',
  '\r',
  '\u000b',
  '\f',
  '\u007f',
  '\u0085',
  '\u009b2J',
  `${ESC}[2J`,
  `${ESC}[31mred${ESC}[0m`,
  `${ESC}[1m`,
  `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`,
  `${ESC}]8;;https://evil.example\u0007click${ESC}]8;;\u0007`,
  `${ESC}c`,
  ESC,
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u061c',
  '\u{E0041}\u{E0042}',
  '\u{E007F}',
];
const MENTIONS = [
  '@everyone',
  '@here',
  '<@123>',
  '<@&456>',
  '<#789>',
  '[x](https://evil.example)',
  '@\u0000everyone',
];
const MARKDOWN = ['```', '**', '__', '||', '> ', '# ', '-# ', '`', '\\', '\n', '\t'];
const WORDS = ['social', 'scoring', 'AI Act', 'Art. 5', 'providers', 'shall', 'risk', 'EO 14110', 'Sec. 4.2'];

/** A hostile string: any Unicode with controls, mentions and markdown injected between words. */
const hostile = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...CONTROLS) },
      { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
      fc.constantFrom(...MENTIONS),
      fc.constantFrom(...MARKDOWN),
      fc.string({ unit: 'binary', maxLength: 12 }),
    ),
    { minLength: 1, maxLength: 16 },
  )
  .map((parts) => parts.join(' '));

/** Passages that skipped the readers' cleaning: controls in their words, heading path and lead-in. */
function dirty(p: Passage, i: number): Passage {
  const c = CONTROLS[i % CONTROLS.length]!;
  return {
    ...p,
    text: `${p.text.slice(0, 12)}${c}${p.text.slice(12)} ${CONTROLS[(i + 7) % CONTROLS.length]}`,
    headingPath: p.headingPath.map((h) => `${h}${c}`),
    ...(p.context ? { context: `${c}${p.context}` } : {}),
  };
}

function dirtyCharter(): Charter {
  const passages = fixturePassages.map(dirty);
  const docs = catalog.filter((d) => passages.some((p) => p.docId === d.id));
  return assemble(docs, CorpusIndex.build(docs, passages), 'dirty');
}

const UNSAFE = new RegExp(UNSAFE_CHARACTERS.source, 'u');

/** Every string anywhere in a JSON value. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

function expectNoUnsafe(value: unknown, where: string): void {
  for (const text of stringsOf(value))
    expect(UNSAFE.test(text), `${where}: ${JSON.stringify(text.slice(0, 300))}`).toBe(false);
}

const charter = dirtyCharter();
const { dispatcher, errors } = fuzzDispatcher(charter);

describe('Discord payloads carry no control characters', () => {
  it('whatever the question, options and passages hold (every command, autocomplete and button)', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile,
        hostile,
        fc.boolean(),
        fc.boolean(),
        async (question, option, hide, mention) => {
          counter.add('discord');
          const asked = mention ? { mention: FRIEND } : {};
          const requests = [
            slash('ask', { question, ...(hide ? { hide } : {}), ...(mention ? { mention: FRIEND } : {}) }),
            slash('ask', { question, document: option }),
            slash('ask', { question: `${question} social scoring`, document: 'AI Act' }),
            slash('quote', { reference: question }),
            slash('quote', { reference: `AI Act Art. 5(1)(c) ${option}` }),
            slash('compare', { topic: question, document1: 'AI Act', document2: option }),
            slash('sources', {}),
            slash('help', {}),
            messageCommand(`${question} ${option}`.slice(0, LIMITS.messageContent)),
            autocomplete('ask', 'document', option),
            autocomplete('quote', 'reference', question),
            autocomplete('compare', 'document2', option, { topic: question }),
          ];
          for (const [i, request] of requests.entries()) {
            const result = await dispatcher.dispatch(request);
            expectNoUnsafe(result.response, `request ${i}`);
            checkResult(result, i === 0 ? asked : {});
            if (result.response.type !== 4 && result.response.type !== 7) continue;
            const data = dataOf(result.response);
            expect(messageViolations(data)).toEqual([]);
            // The buttons and menus of an answer (pages, links, full text) render the same words.
            for (const id of customIds(data).slice(0, 4)) {
              const clicked = await dispatcher.dispatch(click(id, { values: [option.slice(0, 100)] }));
              expectNoUnsafe(clicked.response, `click ${id}`);
              checkResult(clicked);
            }
          }
        },
      ),
      runParams(60),
    );
  });

  it('no hostile input made a handler fail', () => expect(errors).toEqual([]));
});

function io(tty: boolean) {
  const out: string[] = [];
  const cli: CliIo = {
    stdout: { write: (t) => void out.push(t), isTTY: tty, columns: 72 },
    stderr: { write: (t) => void out.push(t), isTTY: tty },
    catalog: () => charter.docs,
    open: async () => charter,
    env: {},
  };
  return { cli, text: () => out.join('') };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the style codes Charter itself writes
const STYLE_CODES = /\u001b\[(?:1|2|22|33|39)m/g;

describe('terminal output carries no control characters', () => {
  it('ask and quote, text and JSON, plain and styled', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.boolean(), fc.boolean(), async (typed, tty, json) => {
        counter.add('terminal');
        for (const run of [runAsk, runQuote]) {
          for (const args of [[typed], [`${typed} social scoring`], ['AI Act Art. 5(1)(c)', typed]]) {
            const t = io(tty);
            // An empty question is a usage error, thrown to main (which prints it through the sanitiser).
            await run([...(json ? ['--json'] : []), '--', ...args], t.cli).catch((error: unknown) => {
              if (!(error instanceof UsageError)) throw error;
            });
            // A styled terminal gets Charter's own style codes and nothing else.
            expect(
              UNSAFE.test(t.text().replace(STYLE_CODES, '')),
              JSON.stringify(t.text().slice(0, 400)),
            ).toBe(false);
            if (!tty) expect(t.text()).not.toContain(ESC);
          }
        }
      }),
      runParams(40),
    );
  });
});

describe('sync progress carries no control characters', () => {
  it('a failure whose message quotes an operator’s file', () => {
    for (const tty of [false, true]) {
      const written: string[] = [];
      const stream = { isTTY: tty, write: (t: string) => void written.push(t) };
      syncReporter(stream as unknown as NodeJS.WriteStream)({
        type: 'done',
        index: 0,
        total: 1,
        outcome: {
          id: 'mine',
          status: 'failed',
          error: `bad \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u001b[2J\u202e`,
          keptPrevious: false,
        },
      });
      // The bar's own "\r ESC[K" aside.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress bar's own line reset
      const text = written.join('').replace(/\r\u001b\[K/g, '');
      expect(UNSAFE.test(text), JSON.stringify(text)).toBe(false);
      expect(text).toContain('FAILED — bad link');
    }
  });
});
