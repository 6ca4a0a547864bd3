// `charter eval [--json]`: the relevance table over the synced corpus.
import { parseArgs } from 'node:util';
import { loadCorpus } from '../corpus/load.js';
import { formatEvalTable, runEval } from './eval.js';
import { syncReporter } from './progress.js';

export async function runEvalCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, questions: { type: 'string' } },
  });
  const corpus = await loadCorpus({ onProgress: syncReporter() });
  const report = runEval({
    docs: corpus.docs,
    passages: corpus.passages,
    ...(values.questions ? { questionsPath: values.questions } : {}),
  });
  if (values.json) console.log(JSON.stringify(report));
  else console.log(formatEvalTable(report));
  return 0;
}
