// A progress bar on a terminal; plain lines in CI and pipes.
import { environment } from '../config/env.js';
import type { SyncEvent, SyncOutcome, SyncReport } from '../corpus/sync.js';
import { stripControls } from '../corpus/text.js';

function describe(outcome: SyncOutcome): string {
  switch (outcome.status) {
    case 'unchanged':
      return `${outcome.id}: unchanged`;
    case 'updated':
      return `${outcome.id}: ${outcome.passages} passages (verified by ${outcome.verifiedBy === 'bytes' ? 'sha256 of the bytes' : 'the normalized-text fingerprint'}, ${Math.round(outcome.ms)} ms)`;
    case 'failed':
      // A reader's or server's message may quote an operator's file: through the one sanitiser.
      return `${outcome.id}: FAILED — ${stripControls(outcome.error)}${outcome.keptPrevious ? ' (kept the previous good copy)' : ''}`;
  }
}

/**
 * The one sentence for documents that could not be downloaded because no network answered (issue 21: the
 * first run offline was 32 "are you offline?" lines over 49 s): the cause and the fix.
 */
export function offlineSentence(report: SyncReport): string | undefined {
  if (!report.offline) return undefined;
  const quiet = report.outcomes.filter((o) => o.status === 'failed' && o.offline);
  const local = quiet.filter(
    (o) => o.status === 'failed' && o.error.startsWith('it is a local document'),
  ).length;
  const count = quiet.length - local;
  const plural = (n: number) => (n === 1 ? 'document' : 'documents');
  const andLocal = local > 0 ? ` (and ${local} local ${plural(local)} only a mirror has)` : '';
  return `Could not download ${count} ${plural(count)}${andLocal}: ${report.offline}; pass --mirror DIR or set CHARTER_MIRROR to a folder of copies of the documents (see the README).`;
}

export function syncReporter(stream: NodeJS.WriteStream = process.stderr): (event: SyncEvent) => void {
  const tty = stream.isTTY === true && !environment().ci;
  return (event) => {
    if (event.type === 'start') return;
    if (event.type === 'end') {
      const sentence = offlineSentence(event.report);
      if (sentence) stream.write(`${sentence}\n`);
      return;
    }
    // Downloads that found no network are told once, at the end.
    const quiet = event.outcome.status === 'failed' && event.outcome.offline === true;
    const line = describe(event.outcome);
    if (!tty) {
      if (!quiet) stream.write(`${line}\n`);
      return;
    }
    const width = 24;
    const done = Math.round(((event.index + 1) / event.total) * width);
    const bar = `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${event.index + 1}/${event.total}`;
    // Failures stay on screen; other lines are overwritten by the bar.
    if (event.outcome.status === 'failed' && !quiet) stream.write(`\r\x1b[K${line}\n`);
    stream.write(`\r\x1b[K${bar} ${event.outcome.id}`);
    if (event.index + 1 === event.total) stream.write('\n');
  };
}
