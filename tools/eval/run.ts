// `npm run eval [-- --json] [-- --questions FILE]…`: the relevance tables over the synced corpus, one per set
// (every .jsonl file in test/relevance by default), Charter next to the baselines, with Charter's "missing"
// and "nothing matches well" flags. Development tooling: the baselines (lunr, MiniSearch defaults) are devDependencies and
// the relevance sets live under test/, so this is not part of the `charter` command.
import { parseCommandArgs, UsageError } from '../../src/cli/args.js';
import { syncReporter } from '../../src/cli/progress.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { formatEvalSets, runEvalSets } from './eval.js';

export async function runEvalCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('eval', args, {
    json: { type: 'boolean', default: false },
    questions: { type: 'string', multiple: true },
  });
  const corpus = await loadCorpus({ onProgress: syncReporter() });
  const report = runEvalSets({
    docs: corpus.docs,
    passages: corpus.passages,
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
