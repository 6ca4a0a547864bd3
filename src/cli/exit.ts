// The exit codes of the commands that answer, in one place (main.ts uses `usage` for every UsageError).
import type { Outcome } from '../answer/outcome.js';

/**
 * Exit codes, the same for every command that answers (ask, quote, compare, sources) and the same with or
 * without --json (the code follows the outcome, never the output format): 0 when an answer was printed (a
 * quote; passages, also when the question names something Charter lacks; a compare row with a passage; a
 * document or the catalog); 1 when there is none (nothing matches well, no passage, no such place, which
 * document or part is meant, a reference or `sources NAME` naming no document, no compared document with a
 * passage: what was asked has no answer); 2 when the command was typed wrong (`UsageError`), and that
 * includes an option naming no document (`--doc Magna`): options are checked against the catalog before
 * the index loads, like every other option.
 */
export const EXIT = { answered: 0, noAnswer: 1, usage: 2 } as const;

/** The exit code of an outcome: every command returns this, in text and in JSON. */
export function exitCodeOf(outcome: Outcome): number {
  switch (outcome.kind) {
    case 'quoted':
    case 'found':
    case 'missing':
    case 'catalog':
    case 'document':
      return EXIT.answered;
    case 'compared':
      return outcome.rows.some((row) => row.hit) ? EXIT.answered : EXIT.noAnswer;
    default:
      return EXIT.noAnswer;
  }
}
