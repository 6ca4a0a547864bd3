// Byte-identity check for speed work: sha256 of every /ask reply payload, search response and link set of the
// questions of every relevance set that is not blind (the blind sets are never read), then of every
// passage's links and the link reports. Run it before and after a change and compare the two digests
// (with an output file, per question, to find the one that moved). The bench's own questions (the relevance
// questions reworded, cut short, with typos…: `bench/questions.ts`) are hashed too, as set "bench":
//   npm run build && node dist/bench/replies-hash.js [--index data/index.json] [--out hashes.json]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { linksOf, linkTable } from '../src/answer/links.js';
import { assemble } from '../src/app.js';
import { loadCatalog } from '../src/corpus/catalog.js';
import { answer } from '../src/discord/ui/answer.js';
import { dataDir, PROJECT_ROOT } from '../src/paths.js';
import { CorpusIndex, type SavedIndex } from '../src/search/index.js';
import { loadQuestions } from '../tools/eval/eval.js';
import { benchQuestions } from './questions.js';

const { values } = parseArgs({
  options: { index: { type: 'string' }, out: { type: 'string' } },
});
const docs = loadCatalog();
const saved = JSON.parse(readFileSync(values.index ?? join(dataDir(), 'index.json'), 'utf8')) as SavedIndex;
const index = CorpusIndex.load(docs, saved);
if (!index) throw new Error('The saved index was refused by CorpusIndex.load (another format version?).');
const { services } = assemble([...docs], index, 'bench');
const byId = new Map(docs.map((d) => [d.id, d]));
const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

const dir = join(PROJECT_ROOT, 'test', 'relevance');
const perQuestion: Record<string, string[]> = {};
const answers = createHash('sha256');
const sets = readdirSync(dir).filter((f) => f.endsWith('.jsonl') && !f.includes('blind'));
const questionsOf = (file: string): string[] =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q?: unknown }).q)
    .filter((q): q is string => typeof q === 'string');
const bench = benchQuestions(loadQuestions(), docs).map((q) => q.q);
for (const [file, questions] of [
  ...sets.sort().map((file) => [file, questionsOf(file)] as const),
  ['bench', bench] as const,
]) {
  for (const q of questions) {
    const reply = await answer(services, { query: q, owner: 'bench' });
    const response = await services.search(q, { limit: 5, documentFacets: 25 });
    const links = response.hits.map((hit) =>
      linksOf(services, byId.get(hit.passages[0]!.docId)!, hit.passages),
    );
    const key = `${file}:${q}`;
    perQuestion[key] = [digest(reply), digest(response), digest(links)];
    answers.update(`${key}\0${perQuestion[key].join(',')}\n`);
  }
}
const links = createHash('sha256');
for (const p of index.passages) links.update(JSON.stringify(linksOf(services, byId.get(p.docId)!, [p])));
links.update(JSON.stringify(linkTable(services).reports));
process.stdout.write(
  `${JSON.stringify({ questions: Object.keys(perQuestion).length, answers: answers.digest('hex'), passageLinks: links.digest('hex') })}\n`,
);
if (values.out) writeFileSync(values.out, JSON.stringify(perQuestion));
