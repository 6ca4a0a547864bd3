// `charter compare "topic" --doc A --doc B [--doc C..E]`, over the same answer core as /compare: each
// document's best passage on the topic, or a line saying it has none. Exit codes as ask's (src/cli/exit.ts
// exitCodeOf): 0 when at least one document has a passage, 1 when none has, 2 when typed wrong — an unknown
// --doc or fewer than two (more than five) documents is refused before the index loads.
import { compare, MAX_COMPARED, MIN_COMPARED } from '../answer/compare.js';
import { clampQuery } from '../answer/query.js';
import { asSentence, comparedLine, noPassageOn, notFoundWording, PLAIN } from '../answer/wording.js';
import { jsonResult } from './answer.js';
import { parseCommandArgs, UsageError } from './args.js';
import { selectDocuments } from './docs.js';
import { exitCodeOf } from './exit.js';
import { type CliIo, processIo, terminalIo } from './io.js';
import { renderQuote, styleFor, wrap } from './terminal.js';

export async function runCompare(args: string[], given: CliIo = processIo()): Promise<number> {
  const io = terminalIo(given);
  const { values, positionals } = parseCommandArgs(
    'compare',
    args,
    { json: { type: 'boolean', default: false }, doc: { type: 'string', multiple: true } },
    true,
  );
  const topic = clampQuery(positionals.join(' '));
  if (topic === '')
    throw new UsageError('Give a topic, e.g. charter compare "transparency" --doc "AI Act" --doc GDPR.');
  const named = values.doc ? selectDocuments(io.catalog(), values.doc) : [];
  if (named.length < MIN_COMPARED || named.length > MAX_COMPARED)
    throw new UsageError(
      `Give ${MIN_COMPARED} to ${MAX_COMPARED} different documents with --doc (${named.length} given).`,
    );
  const charter = await io.open();
  const outcome = await compare(
    charter.services,
    topic,
    named.map((doc) => doc.id),
  );
  if (outcome.kind === 'not-found') {
    io.stderr.write(`${asSentence(notFoundWording(outcome, PLAIN))}\n`);
    return exitCodeOf(outcome);
  }
  const answered = exitCodeOf(outcome);
  if (values.json) {
    const documents = outcome.rows.map(({ doc, hit }) => ({
      docId: doc.id,
      shortTitle: doc.shortTitle,
      result: hit ? jsonResult(charter, hit) : null,
    }));
    io.stdout.write(`${JSON.stringify({ topic, outcome: outcome.kind, documents })}\n`);
    return answered;
  }
  const style = styleFor(io.stdout, io.env);
  const blocks = outcome.rows.map(({ doc, hit }) =>
    hit ? renderQuote(doc, hit.passages, hit.terms, style) : `${wrap(noPassageOn(doc), style.width)}\n`,
  );
  io.stdout.write(`${wrap(comparedLine(topic, outcome.rows.length), style.width)}\n\n${blocks.join('\n')}`);
  return answered;
}
