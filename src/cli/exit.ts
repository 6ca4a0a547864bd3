// The exit codes of the commands that answer, in one place (main.ts uses `usage` for every UsageError).
/**
 * Exit codes, the same for every command that answers (ask, quote, compare, sources): 0 when an answer was
 * printed (a quote; passages, also when the question names something Charter lacks); 1 when there is none
 * (nothing matches well, no passage, no such place, which document or part is meant, a reference or
 * `sources NAME` naming no document: what was asked has no answer); 2 when the command was typed wrong
 * (`UsageError`), and that includes an option naming no document (`--doc Magna`): options are checked
 * against the catalog before the index loads, like every other option.
 */
export const EXIT = { answered: 0, noAnswer: 1, usage: 2 } as const;
