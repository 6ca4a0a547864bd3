// `npm run eval [-- --json] [-- --questions FILE]… [-- --without SIGNAL]… [-- --with SIGNAL]…`: the relevance tables over the synced corpus, one per set
// (every .jsonl file in test/relevance by default), Charter next to the baselines, with Charter's "missing"
// and "nothing matches well" flags. Development tooling: the baselines (lunr, MiniSearch defaults) are devDependencies and
// the relevance sets live under test/, so this is not part of the `charter` command.

import { DEFAULT_JUDGE_STAGES, JUDGE_STAGE_NAMES } from '../../src/answer/judge.js';
import { parseCommandArgs, UsageError } from '../../src/cli/args.js';
import { syncReporter } from '../../src/cli/progress.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { DEFAULT_SIGNALS, isSignalName, SIGNAL_NAMES } from '../../src/search/index.js';
import { isMissingRuleName, MISSING_RULE_NAMES } from '../../src/search/missing-rules.js';
import { formatEvalSets, runEvalSets } from './eval.js';

export const EVAL_HELP = `npm run eval [-- OPTIONS]: Charter's relevance next to the baselines, one table per set.

  --questions FILE   only this set (repeatable); by default every .jsonl file in test/relevance,
                     e.g. --questions test/relevance/questions.jsonl
  --without NAME     rank with this signal off, judge with this judge stage off, or detect missing names
                     with this rule off (repeatable), to measure what it does alone:
                     ${[...SIGNAL_NAMES, ...JUDGE_STAGE_NAMES, ...MISSING_RULE_NAMES].join(', ')}
  --with SIGNAL      rank with this signal on (repeatable), for the ones measured and not kept
  --json             the report as JSON
  --help             this text`;

export async function runEvalCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('eval', args, {
    json: { type: 'boolean', default: false },
    questions: { type: 'string', multiple: true },
    without: { type: 'string', multiple: true },
    with: { type: 'string', multiple: true },
    help: { type: 'boolean', default: false },
  });
  if (values.help) {
    console.log(EVAL_HELP);
    return 0;
  }
  const off = values.without ?? [];
  const on = values.with ?? [];
  const isStage = (name: string) => (JUDGE_STAGE_NAMES as readonly string[]).includes(name);
  const unknown = off.find((name) => !isSignalName(name) && !isStage(name) && !isMissingRuleName(name));
  if (unknown !== undefined)
    throw new UsageError(
      `No signal, judge stage or missing-name rule is called "${unknown}"; the signals are ${SIGNAL_NAMES.join(', ')}, the judge stages ${JUDGE_STAGE_NAMES.join(', ')}, the rules ${MISSING_RULE_NAMES.join(', ')}.`,
    );
  const unknownOn = on.find((name) => !isSignalName(name));
  if (unknownOn !== undefined)
    throw new UsageError(`No signal is called "${unknownOn}"; the signals are ${SIGNAL_NAMES.join(', ')}.`);
  const signalsOff = off.filter(isSignalName);
  const signals = {
    ...DEFAULT_SIGNALS,
    ...Object.fromEntries(signalsOff.map((name) => [name, false])),
    ...Object.fromEntries(on.map((name) => [name, true])),
  };
  const judge = {
    ...DEFAULT_JUDGE_STAGES,
    ...Object.fromEntries(off.filter(isStage).map((name) => [name, false])),
  };
  const rulesOff = off.filter(isMissingRuleName);
  const missingRules = Object.fromEntries(rulesOff.map((name) => [name, false]));
  const corpus = await loadCorpus({ onProgress: syncReporter() });
  const report = runEvalSets({
    docs: corpus.docs,
    passages: corpus.passages,
    ...(signalsOff.length + on.length + rulesOff.length > 0
      ? { indexOptions: { signals, missingRules } }
      : {}),
    judge,
    ...(values.questions ? { paths: values.questions } : {}),
  });
  if (values.json) console.log(JSON.stringify(report));
  else console.log(formatEvalSets(report));
  return 0;
}

runEvalCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
