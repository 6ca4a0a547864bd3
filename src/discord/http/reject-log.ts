// Refused requests are logged without letting a flood of them flood the log.
import type { Logger } from '../../log.js';

/**
 * Logs the first rejection of each kind at once, then at most one line per interval saying how many more
 * there were: a flood of bad requests cannot flood the log.
 */
export class RejectLog {
  private readonly counts = new Map<string, { status: number; reason: string; since: number; n: number }>();
  private timer: NodeJS.Timeout | undefined;
  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly intervalMs: number,
  ) {}
  note(status: number, reason: string): void {
    const key = `${status} ${reason}`;
    const seen = this.counts.get(key);
    if (seen) {
      seen.n++;
      return;
    }
    this.logger.warn('request refused', { status, reason });
    this.counts.set(key, { status, reason, since: Date.now(), n: 0 });
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const { status, reason, since, n } of this.counts.values())
      if (n > 0)
        this.logger.warn('requests refused', { status, reason, count: n, sinceMs: Date.now() - since });
    this.counts.clear();
  }
}
