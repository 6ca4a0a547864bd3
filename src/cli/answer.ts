// `charter ask` and `charter quote`, over the same answer core as /ask and /quote: the same reference-or-
// question decision, the same note when a reference names no place. Text is for a person at a terminal
// (src/cli/terminal.ts); --json gives the fields other tools need.
import { readFileSync } from 'node:fs';
import { type AskResult, ask } from '../answer/ask.js';
import { isQuoteLanguage } from '../answer/languages.js';
import { linkLabel, linksOf, type PlaceLinks } from '../answer/links.js';
import { type QuoteResult, quote } from '../answer/quote.js';
import { missingJson } from '../answer/unheld.js';
import type { Charter } from '../app.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { locatorOf, sourceUrl } from '../reply/format.js';
import { missingLine, weakLine } from '../reply/honesty.js';
import type { SearchHit } from '../search/types.js';
import { parseCommandArgs, UsageError } from './args.js';
import { selectDocuments } from './docs.js';
import { LIMIT } from './help.js';
import { type CliIo, processIo } from './io.js';
import { renderQuote, styleFor, wrap } from './terminal.js';

export const DEFAULT_LIMIT = LIMIT.default;
export const MAX_LIMIT = LIMIT.max;

interface JsonPassage {
  id: string;
  docId: string;
  locator: string;
  headingPath: string[];
  page: number | null;
  text: string;
  url: string | null;
}

/** One result: a place and the passages shown for it (adjacent passages of one unit come together). */
interface JsonResult {
  docId: string;
  title: string | null;
  shortTitle: string | null;
  issuer: string | null;
  date: string | null;
  status: string | null;
  locator: string;
  score: number | null;
  url: string | null;
  passages: JsonPassage[];
}

function jsonPassage(doc: CatalogDocument | undefined, passage: Passage): JsonPassage {
  return {
    id: passage.id,
    docId: passage.docId,
    locator: passage.locator,
    headingPath: passage.headingPath,
    page: passage.page ?? null,
    text: passage.text,
    url: (doc && sourceUrl(doc, passage)) ?? null,
  };
}

function jsonResult(charter: Charter, hit: SearchHit, locator = locatorOf(hit.passages)): JsonResult {
  const first = hit.passages[0]!;
  const doc = charter.docs.find((d) => d.id === first.docId);
  return {
    docId: first.docId,
    title: doc?.title ?? null,
    shortTitle: doc?.shortTitle ?? null,
    issuer: doc?.issuer ?? null,
    date: doc?.date ?? null,
    status: doc?.status ?? null,
    locator,
    score: hit.score,
    url: (doc && sourceUrl(doc, first)) ?? null,
    passages: hit.passages.map((p) => jsonPassage(doc, p)),
  };
}

/** Why a reference gave no quote, as one or two sentences for the terminal. */
function unquotedMessage(result: Extract<QuoteResult, { kind: 'document' | 'not-found' }>): string {
  if (result.kind === 'document') {
    const examples = result.examples.length > 0 ? result.examples.join(', ') : 'Art. 1';
    return `Which part of ${result.doc.shortTitle}? Add a place after the document, e.g. ${examples}.`;
  }
  const suggestions =
    result.suggestions.length > 0 && !/did you mean/i.test(result.message)
      ? ` Did you mean: ${result.suggestions.join('; ')}?`
      : '';
  return `“${result.reference}”: ${result.message}${suggestions}`;
}

/** The note above passages shown for a reference that named no place: the same words as /ask. */
const couldNotQuote = (query: string) => `Could not quote “${query}”; passages that share its words:`;

function askJson(charter: Charter, query: string, result: AskResult) {
  if (result.kind === 'found')
    return {
      query,
      missing: [],
      weak: false,
      results: [jsonResult(charter, { passages: result.passages, score: 1, terms: [] }, result.locator)],
    };
  if (result.kind !== 'passages')
    return { query, note: unquotedMessage(result), missing: [], weak: false, results: [] };
  return {
    query,
    ...(result.unquoted ? { note: couldNotQuote(query) } : {}),
    missing: missingJson(result.missing),
    weak: result.weak,
    results: result.hits.map((hit) => jsonResult(charter, hit)),
  };
}

export async function runAsk(args: string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'ask',
    args,
    {
      json: { type: 'boolean', default: false },
      limit: { type: 'string', default: String(DEFAULT_LIMIT) },
      doc: { type: 'string', multiple: true },
      'queries-file': { type: 'string' },
    },
    true,
  );
  const limit = Number(values.limit);
  if (!/^\d+$/.test(values.limit) || limit < 1 || limit > MAX_LIMIT)
    throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}, not "${values.limit}".`);
  const file = values['queries-file'];
  const question = positionals.join(' ').trim();
  if (file && !values.json) throw new UsageError('--queries-file prints JSON lines; add --json.');
  if (!file && question === '')
    throw new UsageError('Give a question, e.g. charter ask "does the EU ban social scoring?".');
  const charter = await io.open();
  const docs = values.doc ? selectDocuments(charter.docs, values.doc) : [];
  const answer = (query: string) =>
    ask(charter.services, { query, limit, ...(docs.length > 0 ? { docs } : {}) });
  if (file) {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    for (const line of lines)
      io.stdout.write(`${JSON.stringify(askJson(charter, line, await answer(line)))}\n`);
    return 0;
  }
  const result = await answer(question);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(askJson(charter, question, result))}\n`);
    return 0;
  }
  const style = styleFor(io.stdout, io.env);
  if (result.kind === 'found') {
    io.stdout.write(renderQuote(result.doc, result.passages, [], style, result.locator));
    return 0;
  }
  if (result.kind !== 'passages') {
    io.stderr.write(`${unquotedMessage(result)}\n`);
    return 1;
  }
  const opening = missingLine(result.missing, charter.docs);
  if (result.weak && !opening) {
    io.stderr.write(
      `${weakLine(question)} Try other words, or see "charter sources" for what Charter holds.\n`,
    );
    return 1;
  }
  if (result.hits.length === 0) {
    io.stderr.write(
      'No passage matches that question. Try other words, fewer words, or name a document ("under the AI Act").\n',
    );
    return 1;
  }
  const byId = new Map(charter.docs.map((d) => [d.id, d]));
  const blocks = result.hits.map((hit) =>
    renderQuote(byId.get(hit.passages[0]!.docId)!, hit.passages, hit.terms, style),
  );
  const note = result.unquoted ? couldNotQuote(question) : opening;
  io.stdout.write(`${note ? `${note}\n\n` : ''}${blocks.join('\n')}`);
  return 0;
}

export async function runQuote(args: string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'quote',
    args,
    {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      'cited-by': { type: 'boolean', default: false },
    },
    true,
  );
  const reference = positionals.join(' ').trim();
  const lang = values.lang as string | undefined;
  if (lang !== undefined && !isQuoteLanguage(lang))
    throw new UsageError(`--lang must be zh, en or both, not "${lang}".`);
  if (reference === '') throw new UsageError('Give a reference, e.g. charter quote "AI Act Art. 5(1)(c)".');
  const charter = await io.open();
  const quoted = await quote(charter.services, reference, lang);
  if (quoted.kind !== 'found') {
    io.stderr.write(`${unquotedMessage(quoted)}\n`);
    return 2;
  }
  const links = linksOf(charter.services, quoted.doc, quoted.passages);
  if (values['cited-by']) return printCitedBy(io, reference, quoted, links, values.json);
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({
        reference,
        docId: quoted.doc.id,
        locator: quoted.locator,
        passages: quoted.passages.map((p) => jsonPassage(quoted.doc, p)),
        url: sourceUrl(quoted.doc, quoted.passages[0]) ?? null,
        ...jsonLinks(links),
        ...(quoted.alongside
          ? {
              alongside: {
                docId: quoted.alongside.doc.id,
                locator: quoted.alongside.locator,
                passages: quoted.alongside.passages.map((p) => jsonPassage(quoted.alongside!.doc, p)),
              },
            }
          : {}),
      })}\n`,
    );
    return 0;
  }
  const style = styleFor(io.stdout, io.env);
  io.stdout.write(renderQuote(quoted.doc, quoted.passages, [], style, quoted.locator));
  if (quoted.alongside) {
    const { doc, passages, locator } = quoted.alongside;
    io.stdout.write(`\n${renderQuote(doc, passages, [], style, locator)}`);
  }
  io.stdout.write(linkLines(links, style.width));
  return 0;
}

/** How many links of each kind the text output names before "and N more". */
const SHOWN_LINKS = 12;

function jsonLinks(links: PlaceLinks) {
  return {
    references: links.references.map((r) => ({
      text: r.text,
      locator: r.locator ?? null,
      id: r.id ?? null,
      status: r.status,
      docId: r.docId ?? null,
    })),
    terms: links.terms.map((t) => ({ term: t.term, locator: t.locator, id: t.id })),
    citedBy: links.citedBy.map((c) => ({ locator: c.locator, id: c.id, docId: c.docId })),
  };
}

const listed = (items: string[]) =>
  items.length > SHOWN_LINKS
    ? `${items.slice(0, SHOWN_LINKS).join(' · ')} and ${items.length - SHOWN_LINKS} more`
    : items.join(' · ');

const REFERENCE_NOTE: Record<string, string> = {
  resolved: '',
  document: '',
  unresolved: ' (not linked)',
  'not-held': ' (not in Charter)',
};

/** The links under a quote: what it refers to, its defined terms, what cites it. */
function linkLines(links: PlaceLinks, width: number): string {
  const lines: string[] = [];
  if (links.references.length > 0)
    lines.push(
      `Refers to: ${listed(links.references.map((r) => `${linkLabel(r)}${REFERENCE_NOTE[r.status]}`))}`,
    );
  if (links.terms.length > 0)
    lines.push(`Defined terms: ${listed(links.terms.map((t) => `${t.term} (${t.locator})`))}`);
  if (links.citedBy.length > 0) lines.push(`Cited by: ${listed(links.citedBy.map(linkLabel))}`);
  return lines.length > 0 ? `\n${lines.map((line) => wrap(line, width, '')).join('\n')}\n` : '';
}

/** `charter quote --cited-by REF`: the places that cite a place. */
function printCitedBy(
  io: CliIo,
  reference: string,
  quoted: Extract<QuoteResult, { kind: 'found' }>,
  links: PlaceLinks,
  json: boolean,
): number {
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ reference, docId: quoted.doc.id, locator: quoted.locator, citedBy: jsonLinks(links).citedBy })}\n`,
    );
    return 0;
  }
  const where = `${quoted.doc.shortTitle} ${quoted.locator}`;
  if (links.citedBy.length === 0) {
    io.stdout.write(`Nothing in Charter's documents cites ${where}.\n`);
    return 0;
  }
  io.stdout.write(`${where} is cited by ${links.citedBy.length} place(s):\n`);
  for (const c of links.citedBy) io.stdout.write(`  ${linkLabel(c)}  ${c.id}\n`);
  return 0;
}
