// Issue 21, W22: cooldowns measured on the wall clock stuck for an hour after the clock stepped back
// ("Try again in 3615 s"). They run on monotonic time now, and an injected clock that goes back anyway
// never makes a wait longer than the rule's window.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { Cooldowns, DEFAULT_RULES } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { dataOf } from '../fixtures/discord/harness.js';
import { slash } from '../fixtures/discord/interactions.js';
import { createRawDispatcher as createDispatcher } from '../fixtures/discord/parsed.js';
import { fakeServices } from '../fixtures/discord/services.js';

afterEach(() => vi.restoreAllMocks());

describe('cooldowns and a clock that steps back', () => {
  it('never asks to wait longer than the window, even when the injected clock goes back an hour', () => {
    let now = 10_000_000;
    const cooldowns = new Cooldowns(DEFAULT_RULES, () => now);
    for (let i = 0; i < DEFAULT_RULES.user.limit; i++) expect(cooldowns.take('u').ok).toBe(true);
    now -= 3_600_000;
    const verdict = cooldowns.take('u');
    if (!verdict.ok)
      expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(DEFAULT_RULES.user.windowMs / 1000);
  });

  it('the dispatcher does not read the wall clock: a step back of an hour changes nothing', async () => {
    let wall = Date.UTC(2026, 0, 1);
    vi.spyOn(Date, 'now').mockImplementation(() => wall);
    const { now: _injected, ...services } = fakeServices();
    const dispatcher = createDispatcher(services, COMMANDS, { logger: createLogger({ write: () => {} }) });
    for (let i = 0; i < DEFAULT_RULES.user.limit; i++)
      expect((await dispatcher.dispatch(slash('help'))).log.outcome).toBe('ok');
    wall -= 3_600_000;
    const refused = await dispatcher.dispatch(slash('help'));
    expect(refused.log.outcome).toBe('refused');
    const text = dataOf(refused.response).embeds![0]!.description!;
    const seconds = Number(/Try again in (\d+) s/.exec(text)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(DEFAULT_RULES.user.windowMs / 1000);
  });
});
