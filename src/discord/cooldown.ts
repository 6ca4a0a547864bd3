// Per-user and per-channel rate limits with a sliding window, answering "try again in N s".

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

export class Cooldowns {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly rules: { user: CooldownRule; channel: CooldownRule } = DEFAULT_RULES,
    private readonly now: () => number = Date.now,
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
        const retryAfterSeconds = Math.max(1, Math.ceil((recent[0]! + rule.windowMs - at) / 1000));
        return { ok: false, scope, retryAfterSeconds };
      }
    }
    for (const [, key, rule] of checks) this.hits.set(key, [...this.recent(key, rule, at), at]);
    return { ok: true };
  }

  private recent(key: string, rule: CooldownRule, at: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > at - rule.windowMs);
  }

  private sweep(at: number): void {
    const longest = Math.max(this.rules.user.windowMs, this.rules.channel.windowMs);
    for (const [key, times] of this.hits)
      if ((times[times.length - 1] ?? 0) <= at - longest) this.hits.delete(key);
  }
}
