// Shared by the fuzz suites: the fixed seed, the case counters they export, and the checks every reply to
// bad input must pass (Discord limits, nobody pinged, user markdown inert, quote blocks whole, a short
// sentence saying what went wrong).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  APIApplicationCommandOptionChoice,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type fc from 'fast-check';
import { expect } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import type { DispatchResult } from '../../src/discord/contract.js';
import { LIMITS, messageViolations } from '../../src/discord/limits.js';
import { dataOf } from '../fixtures/discord/harness.js';
import { catalog } from '../fixtures/discord/services.js';

/** One seed for every fuzz run, printed by fast-check on failure; FUZZ_SEED replays another. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20_250_601);

export const runParams = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns });

/** Where the suites write how many cases they ran (docs/reliability.md is written from these files). */
export const COUNTS_DIR = join(tmpdir(), 'charter-fuzz-counts');

/**
 * Counts cases per category (`add`) and records observations that are not cases (`note`: replies of a kind,
 * a maximum); `write` saves both as `<suite>.json` and prints one summary line.
 */
export function caseCounter(suite: string) {
  const counts: Record<string, number> = {};
  const notes: Record<string, number> = {};
  return {
    counts,
    add(category: string, n = 1) {
      counts[category] = (counts[category] ?? 0) + n;
    },
    note(what: string, n = 1) {
      notes[what] = (notes[what] ?? 0) + n;
    },
    write() {
      mkdirSync(COUNTS_DIR, { recursive: true });
      writeFileSync(
        join(COUNTS_DIR, `${suite}.json`),
        `${JSON.stringify({ suite, seed: SEED, counts, notes }, null, 2)}\n`,
      );
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const parts = Object.entries({ ...counts, ...notes }).map(([k, v]) => `${k}=${v}`);
      console.log(`[fuzz] ${suite}: ${total} cases (seed ${SEED}) ${parts.join(' ')}`);
    },
  };
}

/** Everything Discord renders as markdown in a message (the leading mention of the addressed user left out). */
export function rendered(data: APIInteractionResponseCallbackData, mention?: string): string {
  const content =
    mention && data.content
      ? data.content.replace(new RegExp(`^<@${mention}>\\s?`), '')
      : (data.content ?? '');
  return [
    content,
    ...(data.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.author?.name ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join('\n');
}

/** Labels, placeholders and option texts of a message's components. */
function componentTexts(data: APIInteractionResponseCallbackData): string[] {
  const out: string[] = [];
  for (const row of data.components ?? []) {
    for (const c of 'components' in row ? (row.components as unknown as Record<string, unknown>[]) : []) {
      for (const key of ['label', 'placeholder']) if (typeof c[key] === 'string') out.push(c[key] as string);
      for (const o of (c.options as { label: string; description?: string }[] | undefined) ?? [])
        out.push(o.label, o.description ?? '');
    }
  }
  return out;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI_OR_ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** The user's markdown stays inert: no pings, no live mentions, no foreign masked links, no hidden controls. */
export function expectInert(text: string): void {
  expect(text).not.toMatch(/@(everyone|here)/i);
  expect(text).not.toMatch(/(^|[^\\])<[@#:/at]/m);
  for (const [, target] of text.matchAll(/(?<!\\)\]\((\S+?)\)/g))
    expect(catalog.some((d) => d.officialUrl?.startsWith(target!.slice(0, 20)))).toBe(true);
  // A zero-width space after "@" (the @everyone defuse) is the one invisible character allowed.
  expect(text.replace(/@\u200b/g, '@')).not.toMatch(BIDI_OR_ZERO_WIDTH);
}

/**
 * Each passage embed is `status line`, blank line, then a quote block: every line of it starts with ">",
 * bold runs open and close on the same line and no unescaped backtick can open a code span or fence.
 */
export function expectQuoteBlocksWhole(data: APIInteractionResponseCallbackData): number {
  let blocks = 0;
  for (const embed of data.embeds ?? []) {
    const description = embed.description ?? '';
    const start = description.indexOf('\n\n');
    if (start < 0 || !/^>/m.test(description)) continue;
    blocks++;
    // Blocks are separated by blank lines; the full-text view heads a block with its **locator**.
    for (const block of description.slice(start + 2).split('\n\n')) {
      const lines = block.split('\n').filter((line, i) => !(i === 0 && /^\*\*[^*]+\*\*$/.test(line)));
      if (!lines.some((line) => line.startsWith('>'))) continue;
      for (const line of lines) {
        expect(line.startsWith('>'), `quote line ${JSON.stringify(line)}`).toBe(true);
        const bare = line.replace(/\\./g, '');
        expect(bare.split('**').length % 2, `unbalanced bold in ${JSON.stringify(line)}`).toBe(1);
        expect(bare, `live backtick in ${JSON.stringify(line)}`).not.toContain('`');
      }
    }
  }
  return blocks;
}

/** The sentence a notice starts with, user text in “…” left out. */
function firstSentence(description: string): string {
  const paragraph = description.replace(/“[^”]*”/g, '“…”').split('\n\n')[0]!;
  const match = /^.*?[.?!](?=\s|$|`)|^.*?$/s.exec(paragraph);
  return (match?.[0] ?? '').trim();
}

/**
 * A notice says what went wrong up front: a short title and a first sentence a person can act on, with no
 * programmer's text (stack frames, "undefined", "[object Object]", NaN).
 */
export function expectClearNotice(data: APIInteractionResponseCallbackData): void {
  expect(data.flags, 'notices are private').toBe(64);
  expect(data.embeds).toHaveLength(1);
  const embed = data.embeds![0]!;
  expect(embed.title?.trim().length).toBeGreaterThan(0);
  expect(embed.title!.length).toBeLessThanOrEqual(60);
  expect(embed.title).not.toContain('\n');
  const sentence = firstSentence(embed.description ?? '');
  expect(sentence.length, `first sentence of ${JSON.stringify(embed.description)}`).toBeGreaterThan(3);
  expect(sentence.length).toBeLessThanOrEqual(300);
  expect(`${embed.title}\n${embed.description}`).not.toMatch(
    /\bundefined\b|\[object Object\]|\bNaN\b|\n\s+at \S+ \(|TypeError|ReferenceError/,
  );
}

export interface ReplyCheck {
  /** The one user the reply may ping (the `mention` option), if one was requested (or any of these). */
  mention?: string | readonly string[];
  /** Handler failures are a bug for these inputs: expect none. */
  noErrors?: boolean;
}

/** Every check that applies to one dispatch result; returns what kind of reply it was. */
export function checkResult(
  result: DispatchResult,
  check: ReplyCheck = {},
): 'message' | 'notice' | 'choices' | 'pong' {
  const { response, log } = result;
  if (check.noErrors !== false)
    expect(log.outcome, `handler failed: ${JSON.stringify(log)}`).not.toBe('error');
  if (response.type === 1) return 'pong';
  if (response.type === 8) {
    const choices = (response.data?.choices ?? []) as APIApplicationCommandOptionChoice<string>[];
    expect(choices.length).toBeLessThanOrEqual(LIMITS.autocompleteChoices);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(String(c.value).length).toBeLessThanOrEqual(LIMITS.choiceValue);
      expect(c.name).not.toMatch(BIDI_OR_ZERO_WIDTH);
    }
    return 'choices';
  }
  expect([4, 7]).toContain(response.type);
  const data = dataOf(response);
  expect(messageViolations(data)).toEqual([]);
  // A cut never leaves half a surrogate pair (Discord would show garbage or refuse the payload).
  expect(
    `${rendered(data)}${componentTexts(data).join('\n')}${data.embeds?.map((e) => e.footer?.text).join('')}`,
  ).not.toMatch(LONE_SURROGATE);
  const mentions = typeof check.mention === 'string' ? [check.mention] : (check.mention ?? []);
  expect([{ parse: [] }, ...mentions.map((id) => ({ parse: [], users: [id] }))]).toContainEqual(
    data.allowed_mentions,
  );
  const pinged = data.allowed_mentions?.users?.[0];
  expectInert(rendered(data, pinged));
  expectQuoteBlocksWhole(data);
  if (log.outcome === 'user-error' || log.outcome === 'refused') {
    expectClearNotice(data);
    return 'notice';
  }
  return 'message';
}

const INVISIBLE_CHARS = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** A corpus's words as one string, for checking that every quoted line is really in it. */
export function haystackOf(passages: readonly Passage[]): string {
  return passages
    .flatMap((p) => [p.text, p.context ?? ''])
    .join('\n')
    .replace(INVISIBLE_CHARS, '')
    .replace(/\s+/g, ' ');
}

/**
 * Never paraphrase or invent: every line inside a quote block, unescaped and without highlighting, the
 * lead-in marker "[…]" and a closing "…", occurs word for word in the corpus. Returns the lines checked.
 */
export function expectVerbatim(data: APIInteractionResponseCallbackData, haystack: string): number {
  let checked = 0;
  for (const embed of data.embeds ?? []) {
    for (const line of (embed.description ?? '').split('\n')) {
      if (!line.startsWith('> ')) continue;
      const words = line
        .slice(2)
        .replace(/\*\*/g, '')
        .replace(/\\(.)/g, '$1')
        .replace(/@\u200b/g, '@')
        .replace(/ ?…$/, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (words === '' || words === '[…]' || words === '…') continue;
      expect(haystack.includes(words), `not in the corpus: ${JSON.stringify(words.slice(0, 200))}`).toBe(
        true,
      );
      checked++;
    }
  }
  return checked;
}
