// Per-user and per-channel rate limits with a sliding window, answering "try again in N s".
//
// Time is monotonic (performance.now): the wall clock can step back (NTP, a VM resumed, an operator fixing
// the date), and a window measured on it then lasted an hour ("Try again in 3615 s", issue 21, W22). An
// injected clock that goes back anyway is treated the same way: a hit "in the future" is forgotten, and a
// wait is never longer than the rule's window.

export interface CooldownRule {
  /** How many actions a window allows. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_RULES = {
  user: { limit: 5, windowMs: 15_000 },
  channel: { limit: 20, windowMs: 30_000 },
} satisfies Record<string, CooldownRule>;

export type CooldownVerdict =
  | { ok: true }
  | { ok: false; scope: 'user' | 'channel'; retryAfterSeconds: number };

/** Milliseconds that only ever go forward, whatever the wall clock does. */
export const monotonicNow = (): number => performance.now();

export class Cooldowns {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly rules: { user: CooldownRule; channel: CooldownRule } = DEFAULT_RULES,
    private readonly now: () => number = monotonicNow,
  ) {}

  /** Records an action unless a limit is reached; then says which and for how long. */
  take(userId: string, channelId?: string): CooldownVerdict {
    const at = this.now();
    if (this.hits.size > 10_000) this.sweep(at);
    const checks: ['user' | 'channel', string, CooldownRule][] = [['user', `u:${userId}`, this.rules.user]];
    if (channelId) checks.push(['channel', `c:${channelId}`, this.rules.channel]);
    for (const [scope, key, rule] of checks) {
      const recent = this.recent(key, rule, at);
      if (recent.length >= rule.limit) {
        const wait = Math.min(rule.windowMs, recent[0]! + rule.windowMs - at);
        const retryAfterSeconds = Math.max(1, Math.ceil(wait / 1000));
        return { ok: false, scope, retryAfterSeconds };
      }
    }
    for (const [, key, rule] of checks) this.hits.set(key, [...this.recent(key, rule, at), at]);
    return { ok: true };
  }

  private recent(key: string, rule: CooldownRule, at: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > at - rule.windowMs && t <= at);
  }

  private sweep(at: number): void {
    const longest = Math.max(this.rules.user.windowMs, this.rules.channel.windowMs);
    for (const [key, times] of this.hits)
      if ((times[times.length - 1] ?? 0) <= at - longest || (times[0] ?? 0) > at) this.hits.delete(key);
  }
}
