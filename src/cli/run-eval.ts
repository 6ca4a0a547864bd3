// `charter eval [--json] [--questions FILE]…`: the relevance tables over the synced corpus, one per set (every
// .jsonl file in test/relevance by default), with Charter's "missing" and "nothing matches well" flags.
import { loadCorpus } from '../corpus/load.js';
import { parseCommandArgs } from './args.js';
import { formatEvalSets, runEvalSets } from './eval.js';
import { syncReporter } from './progress.js';

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
