// A progress bar on a terminal; plain lines in CI and pipes.
import type { SyncEvent, SyncOutcome } from '../corpus/sync.js';

function describe(outcome: SyncOutcome): string {
  switch (outcome.status) {
    case 'unchanged':
      return `${outcome.id}: unchanged`;
    case 'updated':
      return `${outcome.id}: ${outcome.passages} passages (verified by ${outcome.verifiedBy === 'bytes' ? 'sha256 of the bytes' : 'the normalized-text fingerprint'}, ${Math.round(outcome.ms)} ms)`;
    case 'failed':
      return `${outcome.id}: FAILED — ${outcome.error}${outcome.keptPrevious ? ' (kept the previous good copy)' : ''}`;
  }
}

export function syncReporter(stream: NodeJS.WriteStream = process.stderr): (event: SyncEvent) => void {
  const tty = stream.isTTY === true && !process.env.CI;
  return (event) => {
    if (event.type === 'start') return;
    const line = describe(event.outcome);
    if (!tty) {
      stream.write(`${line}\n`);
      return;
    }
    const width = 24;
    const done = Math.round(((event.index + 1) / event.total) * width);
    const bar = `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${event.index + 1}/${event.total}`;
    // Failures stay on screen; other lines are overwritten by the bar.
    if (event.outcome.status === 'failed') stream.write(`\r\x1b[K${line}\n`);
    stream.write(`\r\x1b[K${bar} ${event.outcome.id}`);
    if (event.index + 1 === event.total) stream.write('\n');
  };
}
