import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { parseInteraction } from '../../src/discord/interaction.js';
import { commandViolations, LIMITS, messageViolations } from '../../src/discord/limits.js';
import { type ComponentState, decodeState, encodeState, queryHash } from '../../src/discord/ui/state.js';
import { click, messageCommand, slash } from '../fixtures/discord/interactions.js';

describe('command definitions', () => {
  it('fit every Discord limit and are installable in servers, DMs and group DMs', () => {
    const definitions = commandDefinitions();
    expect(definitions.map((d) => d.name)).toEqual([
      'ask',
      'quote',
      'compare',
      'sources',
      'help',
      'Find sources',
    ]);
    for (const definition of definitions) {
      expect(commandViolations(definition)).toEqual([]);
      expect(definition.integration_types).toEqual([0, 1]);
      expect(definition.contexts).toEqual([0, 1, 2]);
    }
  });

  it('the limit checker catches what Discord would reject', () => {
    expect(commandViolations({ name: 'Ask', description: '' })).toHaveLength(2);
    expect(
      commandViolations({
        name: 'x',
        description: 'x',
        options: [
          { type: 3, name: 'a', description: 'a' },
          { type: 3, name: 'b', description: 'b', required: true },
        ],
      }),
    ).toEqual(['/x required option "b" after an optional one']);
    expect(messageViolations({ content: 'x'.repeat(2001) })).toEqual(['content is 2001 > 2000']);
    const embeds = Array.from({ length: 2 }, () => ({ description: 'y'.repeat(3001) }));
    expect(messageViolations({ embeds })).toEqual(['embeds total 6002 > 6000']);
    expect(messageViolations({ content: 'x', components: [{ type: 1, components: [] }] })).toEqual([
      'row 0 is empty',
    ]);
  });
});

describe('custom_id state', () => {
  const owner = '111111111111111111';
  it('round-trips every kind of state within 100 characters', () => {
    const states: ComponentState[] = [
      { action: 'more', owner, offset: 3, doc: '*', queryHash: queryHash('q') },
      {
        action: 'more',
        owner,
        offset: 999,
        doc: 'news-global-times-china-ai-governance-action-plan-2025',
        queryHash: 'deadbeef',
      },
      { action: 'narrow', owner, queryHash: 'deadbeef' },
      { action: 'full', unit: 'eu-ai-act-2024#annex:iii', page: 12 },
      { action: 'page', unit: 'us-nist-ai-rmf-1-0-2023#govern:1.1', page: 0 },
      { action: 'cite', passageId: 'eu-ai-act-2024#art:5/1/c~2', count: 2 },
      { action: 'cite', passageId: 'eu-ai-act-2024#art:5', count: 0 },
    ];
    for (const state of states) {
      const id = encodeState(state)!;
      expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect(decodeState(id)).toEqual(state);
    }
    expect(encodeState({ action: 'cite', passageId: `d#h:${'x'.repeat(100)}`, count: 1 })).toBeUndefined();
  });

  it('never throws on tampered input and accepts only what it wrote', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('c1|more|1|2|3|4', 'c1|cite|0|a#b', 'c1|full|1|a#b|x'),
          fc.anything(),
        ),
        (input) => {
          const state = decodeState(input);
          if (state) expect(decodeState(encodeState(state))).toEqual(state);
        },
      ),
    );
    expect(decodeState(`c1|more|${owner}|3|*|deadbeef|extra`)).toBeNull();
    expect(decodeState(`c1|more|<@1>|3|*|deadbeef`)).toBeNull();
    expect(decodeState('c1|full|0|EU#Art:5')).toBeNull();
  });
});

describe('parseInteraction: the one parse at the transport edge', () => {
  const request = (raw: unknown) => {
    const result = parseInteraction(raw);
    if (!result.ok) throw new Error(result.reason);
    return result.interaction.request;
  };

  it('reads options, the user, the selected message and component state', () => {
    expect(request(slash('ask', { question: 'q', hide: true }))).toMatchObject({
      kind: 'command',
      command: 'ask',
      options: { question: 'q', hide: true },
      user: { id: '111111111111111111' },
    });
    expect(request(messageCommand('hello'))).toMatchObject({ kind: 'command', target: { content: 'hello' } });
    expect(request(click('c1|x', { footer: 'Q: a', ephemeral: true }))).toMatchObject({
      kind: 'component',
      customId: 'c1|x',
      message: { ephemeral: true, firstFooter: 'Q: a' },
    });
    const parsed = parseInteraction(slash('help'));
    expect(parsed.ok && parsed.interaction.token).toMatch(/^interaction-token-/);
  });

  it('refuses missing and mistyped fields with a reason, and never throws', () => {
    const reason = (raw: unknown) => {
      const result = parseInteraction(raw);
      return result.ok ? 'parsed' : result.reason;
    };
    expect(reason(null)).toBe('not an object');
    expect(reason({ ...slash('ask'), type: 99 })).toBe('unknown interaction type');
    expect(reason({ ...slash('ask'), data: { name: 'ask', options: 'nope' } })).toMatch(/^data\.options: /);
    expect(
      reason({ ...slash('ask'), data: { name: 'ask', options: [{ name: 'question', value: { evil: 1 } }] } }),
    ).toMatch(/^data\.options\.0\.value: /);
    expect(reason({ ...click('c1|x'), data: { custom_id: 7 } })).toMatch(/^data\.custom_id: /);
    expect(reason({ ...slash('help'), token: undefined })).toMatch(/^token: /);
    fc.assert(fc.property(fc.anything(), (raw) => void parseInteraction(raw)));
  });

  it('caps every string at Discord’s documented maximum before any work (issue 21, W23)', () => {
    const at = (n: number) => parseInteraction(slash('ask', { question: 'q', document: 'x'.repeat(n) }));
    expect(at(LIMITS.optionValue).ok).toBe(true);
    expect(at(LIMITS.optionValue + 1)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^data\.options\.1\.value: /),
    });
    expect(parseInteraction(click('c'.repeat(LIMITS.customId + 1))).ok).toBe(false);
    expect(parseInteraction(messageCommand('m'.repeat(LIMITS.messageContent + 1))).ok).toBe(false);
    expect(parseInteraction(slash('a'.repeat(LIMITS.commandName + 1))).ok).toBe(false);
  });
});

describe('cooldowns', () => {
  it('limits per channel as well as per user', () => {
    let now = 0;
    const cooldowns = new Cooldowns(
      { user: { limit: 10, windowMs: 1000 }, channel: { limit: 2, windowMs: 5000 } },
      () => now,
    );
    expect(cooldowns.take('a', 'c').ok).toBe(true);
    expect(cooldowns.take('b', 'c').ok).toBe(true);
    expect(cooldowns.take('d', 'c')).toEqual({ ok: false, scope: 'channel', retryAfterSeconds: 5 });
    expect(cooldowns.take('d', 'other').ok).toBe(true);
    now = 5001;
    expect(cooldowns.take('d', 'c').ok).toBe(true);
  });
});
