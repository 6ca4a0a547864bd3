// Stand-in for `charter ask` while the CLI does not answer yet: what the bot does at start — read the
// catalog and the saved index, load it — then answer one question with the /ask reply. Prints the time from
// process start (performance.timeOrigin) to the reply.
//   node dist/bench/first-answer.js <index.json> "question"
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../src/corpus/catalog.js';
import { answer } from '../src/discord/ui/answer.js';
import { CorpusIndex, type SavedIndex } from '../src/search/index.js';
import { charterServices } from './engines.js';

const [indexPath, question] = process.argv.slice(2);
if (!indexPath || !question) throw new Error('usage: first-answer.js <index.json> "question"');
const docs = loadCatalog();
const index = CorpusIndex.load(docs, JSON.parse(readFileSync(indexPath, 'utf8')) as SavedIndex);
if (!index) throw new Error('The saved index was refused by CorpusIndex.load.');
const reply = await answer(charterServices(index, docs), { query: question, owner: 'bench' });
process.stdout.write(
  `${JSON.stringify({ answerMs: performance.now(), embeds: reply.embeds?.length ?? 0 })}\n`,
);
