// `charter ask` and `charter quote`. Text output reads like the Discord reply (quote blocks, bold locator,
// source line); --json prints the fields other tools need.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Charter, openCharter } from '../app.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { quoteBlock, termSpans } from '../reply/escape.js';
import { locatorOf, sourceUrl, statusLine } from '../reply/format.js';
import { missingLine, weakLine } from '../reply/honesty.js';
import type { MissingName, SearchHit } from '../search/types.js';
import { UsageError } from './main.js';
import { syncReporter } from './progress.js';

const open = () => openCharter({ onProgress: syncReporter() });

interface JsonResult {
  id: string;
  docId: string;
  locator: string;
  headingPath: string[];
  page: number | null;
  text: string;
  score: number | null;
  url: string | null;
  title: string | null;
  shortTitle: string | null;
  issuer: string | null;
  date: string | null;
  status: string | null;
}

function jsonResult(charter: Charter, passage: Passage, score: number | null): JsonResult {
  const doc = charter.docs.find((d) => d.id === passage.docId);
  return {
    id: passage.id,
    docId: passage.docId,
    locator: passage.locator,
    headingPath: passage.headingPath,
    page: passage.page ?? null,
    text: passage.text,
    score,
    url: (doc && sourceUrl(doc, passage)) ?? null,
    title: doc?.title ?? null,
    shortTitle: doc?.shortTitle ?? null,
    issuer: doc?.issuer ?? null,
    date: doc?.date ?? null,
    status: doc?.status ?? null,
  };
}

/** Terminal text is not Discord markdown: words stay exactly as written, matched terms between ** **. */
function boldTerms(text: string, terms: readonly string[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of termSpans(text, terms)) {
    out += `${text.slice(at, start)}**${text.slice(start, end)}**`;
    at = end;
  }
  return out + text.slice(at);
}

function renderText(doc: CatalogDocument, passages: readonly Passage[], terms: readonly string[]): string {
  const first = passages[0]!;
  const heading = first.headingPath.length > 0 ? ` — ${first.headingPath.join(' › ')}` : '';
  const body = passages.map((p) => boldTerms(p.text, terms)).join('\n\n');
  const url = sourceUrl(doc, first);
  return `**${doc.shortTitle}, ${locatorOf(passages)}**${heading}\n${quoteBlock(body)}\n${statusLine(doc)}${url ? ` — <${url}>` : ''}\n`;
}

interface Answer {
  hits: SearchHit[];
  /** What the question names that Charter does not hold. */
  missing: MissingName[];
  /** Nothing matches well: the hits are the nearest passages, not an answer. */
  weak: boolean;
}

/** Answers one question: a reference is quoted, anything else searched. */
function answer(charter: Charter, query: string, limit: number, docs: string[] | undefined): Answer {
  if (charter.resolver.looksLikeReference(query)) {
    const quoted = charter.resolver.resolve(query);
    if (quoted.ok)
      return { hits: [{ passages: quoted.passages, score: 1, terms: [] }], missing: [], weak: false };
  }
  const response = charter.index.search(query, { limit, ...(docs ? { docs } : {}) });
  return { hits: response.hits, missing: response.missing ?? [], weak: response.weak ?? false };
}

export async function runAsk(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string', default: '5' },
      doc: { type: 'string', multiple: true },
      'queries-file': { type: 'string' },
    },
  });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50)
    throw new UsageError(`--limit must be a whole number from 1 to 50, not "${values.limit}".`);
  const file = values['queries-file'];
  const question = positionals.join(' ').trim();
  if (!file && question === '')
    throw new UsageError('Give a question, e.g. charter ask "does the EU ban social scoring?".');
  const charter = await open();
  for (const id of values.doc ?? []) {
    if (!charter.docs.some((d) => d.id === id))
      throw new UsageError(`There is no synced document "${id}" (try "charter sources").`);
  }
  const toJson = (query: string) => {
    const found = answer(charter, query, limit, values.doc);
    return {
      query,
      missing: found.missing,
      weak: found.weak,
      results: found.hits.flatMap((hit) => hit.passages.map((p) => jsonResult(charter, p, hit.score))),
    };
  };
  if (file) {
    if (!values.json) throw new UsageError('--queries-file prints JSON lines; add --json.');
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const line of lines) process.stdout.write(`${JSON.stringify(toJson(line.trim()))}\n`);
    return 0;
  }
  if (values.json) {
    console.log(JSON.stringify(toJson(question)));
    return 0;
  }
  const { hits, missing, weak } = answer(charter, question, limit, values.doc);
  const opening = missingLine(missing, charter.docs);
  if (weak && !opening) {
    console.error(`${weakLine(question)} Try other words, or see "charter sources" for what Charter holds.`);
    return 1;
  }
  if (hits.length === 0) {
    console.error(
      'No passage matches that question. Try other words, fewer words, or name a document ("under the AI Act").',
    );
    return 1;
  }
  const byId = new Map(charter.docs.map((d) => [d.id, d]));
  if (opening) console.log(`${opening}\n`);
  console.log(
    hits.map((hit) => renderText(byId.get(hit.passages[0]!.docId)!, hit.passages, hit.terms)).join('\n'),
  );
  return 0;
}

export async function runQuote(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const reference = positionals.join(' ').trim();
  if (reference === '') throw new UsageError('Give a reference, e.g. charter quote "AI Act Art. 5(1)(c)".');
  const charter = await open();
  const quoted = charter.resolver.resolve(reference);
  if (!quoted.ok) {
    const suggestions =
      quoted.suggestions.length > 0 ? ` Did you mean: ${quoted.suggestions.join('; ')}?` : '';
    console.error(`${quoted.message}${quoted.message.includes('did you mean') ? '' : suggestions}`);
    return 2;
  }
  if (values.json) {
    console.log(
      JSON.stringify({
        reference,
        docId: quoted.doc.id,
        locator: quoted.locator,
        passages: quoted.passages.map((p) => jsonResult(charter, p, null)),
        url: sourceUrl(quoted.doc, quoted.passages[0]) ?? null,
      }),
    );
    return 0;
  }
  console.log(renderText(quoted.doc, quoted.passages, []));
  return 0;
}
