// `charter ask` and `charter quote`, over the same answer core as /ask and /quote: the same reference-or-
// question decision, the same note when a reference names no place. Text is for a person at a terminal
// (src/cli/terminal.ts); --json gives the fields other tools need.
import { readFileSync } from 'node:fs';
import { ask } from '../answer/ask.js';
import { isQuoteLanguage } from '../answer/languages.js';
import { citingLabel, linkLabel, linksOf, type PlaceLinks } from '../answer/links.js';
import type { AskOutcome, Quoted } from '../answer/outcome.js';
import { leadInsShown, locatorOf, sourceUrl } from '../answer/places.js';
import { clampQuery } from '../answer/query.js';
import { quote } from '../answer/quote.js';
import { missingJson } from '../answer/unheld.js';
import {
  asSentence,
  notFoundWording,
  PLAIN,
  passagesNote,
  quotedNote,
  shortfallLine,
  weakWording,
} from '../answer/wording.js';
import type { Charter } from '../app.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import type { SearchHit } from '../search/types.js';
import { parseCommandArgs, UsageError } from './args.js';
import { selectDocuments } from './docs.js';
import { EXIT, exitCodeOf } from './exit.js';
import { LIMIT } from './help.js';
import { type CliIo, processIo, terminalIo } from './io.js';
import { renderQuote, styleFor, wrap } from './terminal.js';

export const DEFAULT_LIMIT = LIMIT.default;
export const MAX_LIMIT = LIMIT.max;

interface JsonPassage {
  id: string;
  docId: string;
  locator: string;
  headingPath: string[];
  page: number | null;
  /**
   * A list item's lead-in ("… shall not do any of the following: […]") when the text does not hold it:
   * the text output and Discord show it above the item, so JSON carries it too.
   */
  context?: string;
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

export function jsonPassage(doc: CatalogDocument | undefined, passage: Passage): JsonPassage {
  return {
    id: passage.id,
    docId: passage.docId,
    locator: passage.locator,
    headingPath: passage.headingPath,
    page: passage.page ?? null,
    ...(passage.context && !passage.text.startsWith(passage.context) ? { context: passage.context } : {}),
    text: passage.text,
    url: (doc && sourceUrl(doc, passage)) ?? null,
  };
}

export function jsonResult(charter: Charter, hit: SearchHit, locator = locatorOf(hit.passages)): JsonResult {
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

/** An outcome that shows nothing, as one paragraph for the terminal. */
function noAnswerText(outcome: Exclude<AskOutcome, { kind: 'quoted' | 'found' | 'missing' }>): string {
  return asSentence(
    outcome.kind === 'weak'
      ? weakWording(outcome.query, outcome.scope, PLAIN)
      : notFoundWording(outcome, PLAIN),
  );
}

function askJson(charter: Charter, query: string, result: AskOutcome) {
  const base = { query, outcome: result.kind };
  if (result.kind === 'quoted')
    return {
      ...base,
      missing: [],
      weak: false,
      ...(quotedNote(result) ? { note: quotedNote(result) } : {}),
      results: [jsonResult(charter, { passages: result.passages, score: 1, terms: [] }, result.locator)],
    };
  if (result.kind === 'found' || result.kind === 'missing') {
    // The same sentence the text form and /ask show above the passages.
    const note = passagesNote(result, charter.docs);
    return {
      ...base,
      ...(note ? { note } : {}),
      missing: result.kind === 'missing' ? missingJson(result.missing) : [],
      weak: false,
      results: result.hits.map((hit) => jsonResult(charter, hit)),
      shortfall: result.shortfall ? { ...result.shortfall, note: shortfallLine(result)! } : null,
    };
  }
  return {
    ...base,
    note: noAnswerText(result),
    missing:
      result.kind === 'not-found' && result.why.reason === 'no-match' ? missingJson(result.why.missing) : [],
    weak: result.kind === 'weak',
    results: [],
  };
}

export async function runAsk(args: string[], given: CliIo = processIo()): Promise<number> {
  const io = terminalIo(given);
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
  // The question as /ask takes it (src/answer/query.ts): plain text, controls gone, at most 300 characters.
  const question = clampQuery(positionals.join(' '));
  if (file && !values.json) throw new UsageError('--queries-file prints JSON lines; add --json.');
  if (!file && question === '')
    throw new UsageError('Give a question, e.g. charter ask "does the EU ban social scoring?".');
  // An unknown --doc is refused before the index loads (seconds on a cold start).
  const named = values.doc ? selectDocuments(io.catalog(), values.doc) : [];
  const charter = await io.open();
  const docs = named.map((doc) => charter.docs.find((d) => d.id === doc.id) ?? doc);
  const answer = (query: string) =>
    ask(charter.services, { query, limit, ...(docs.length > 0 ? { docs } : {}) });
  if (file) {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => clampQuery(line))
      .filter((line) => line !== '');
    // A batch: each line's outcome is in its JSON; the command answered once every line has one.
    for (const line of lines)
      io.stdout.write(`${JSON.stringify(askJson(charter, line, await answer(line)))}\n`);
    return EXIT.answered;
  }
  const result = await answer(question);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(askJson(charter, question, result))}\n`);
    return exitCodeOf(result);
  }
  const style = styleFor(io.stdout, io.env);
  if (result.kind === 'quoted') {
    const note = quotedNote(result);
    io.stdout.write(
      `${note ? `${wrap(note, style.width)}\n\n` : ''}${renderQuote(result.doc, result.passages, [], style, result.locator)}`,
    );
    return exitCodeOf(result);
  }
  if (result.kind !== 'found' && result.kind !== 'missing') {
    io.stderr.write(`${noAnswerText(result)}\n`);
    return exitCodeOf(result);
  }
  const byId = new Map(charter.docs.map((d) => [d.id, d]));
  // Two points of one paragraph show its lead-in once, as on Discord.
  const leadIns = leadInsShown(result.hits);
  const blocks = result.hits.map((hit, i) =>
    renderQuote(byId.get(hit.passages[0]!.docId)!, hit.passages, hit.terms, style, undefined, leadIns[i]),
  );
  const note = passagesNote(result, charter.docs);
  const short = shortfallLine(result);
  io.stdout.write(
    `${note ? `${note}\n\n` : ''}${blocks.join('\n')}${short ? `\n${wrap(short, style.width)}\n` : ''}`,
  );
  return exitCodeOf(result);
}

export async function runQuote(args: string[], given: CliIo = processIo()): Promise<number> {
  const io = terminalIo(given);
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
  const reference = clampQuery(positionals.join(' '));
  const lang = values.lang as string | undefined;
  if (lang !== undefined && !isQuoteLanguage(lang))
    throw new UsageError(`--lang must be zh, en or both, not "${lang}".`);
  if (reference === '') throw new UsageError('Give a reference, e.g. charter quote "AI Act Art. 5(1)(c)".');
  const charter = await io.open();
  const quoted = await quote(charter.services, reference, lang);
  if (quoted.kind !== 'quoted') {
    // With --json the refusal is a JSON object on stdout, as `ask --json` always prints one (the exit code
    // still follows the outcome); a JSON reader got nothing at all before.
    if (values.json)
      io.stdout.write(
        `${JSON.stringify({ reference, outcome: quoted.kind, note: noAnswerText(quoted), results: [] })}\n`,
      );
    else io.stderr.write(`${noAnswerText(quoted)}\n`);
    return exitCodeOf(quoted);
  }
  const links = linksOf(charter.services, quoted.doc, quoted.passages);
  if (values['cited-by']) return printCitedBy(io, reference, quoted, links, values.json);
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({
        reference,
        outcome: quoted.kind,
        docId: quoted.doc.id,
        locator: quoted.locator,
        ...(quotedNote(quoted) ? { note: quotedNote(quoted) } : {}),
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
    return exitCodeOf(quoted);
  }
  const style = styleFor(io.stdout, io.env);
  const note = quotedNote(quoted);
  if (note) io.stdout.write(`${wrap(note, style.width)}\n\n`);
  io.stdout.write(renderQuote(quoted.doc, quoted.passages, [], style, quoted.locator));
  if (quoted.alongside) {
    const { doc, passages, locator } = quoted.alongside;
    io.stdout.write(`\n${renderQuote(doc, passages, [], style, locator)}`);
  }
  io.stdout.write(linkLines(links, style.width));
  return exitCodeOf(quoted);
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
    citedBy: links.citedBy.map((c) => ({
      locator: c.locator,
      id: c.id,
      docId: c.docId,
      ...(c.cites ? { cites: { id: c.cites.id, locator: c.cites.locator } } : {}),
    })),
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
  if (links.citedBy.length > 0)
    lines.push(`Cited by: ${listed([...new Set(links.citedBy.map(citingLabel))])}`);
  return lines.length > 0 ? `\n${lines.map((line) => wrap(line, width, '')).join('\n')}\n` : '';
}

/** `charter quote --cited-by REF`: the places that cite a place. */
function printCitedBy(
  io: CliIo,
  reference: string,
  quoted: Quoted,
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
  // The places as the documents cite them (internal ids are for --json); two passages of one place (a long
  // recital cut in parts) are one place.
  const places = [...new Set(links.citedBy.map(citingLabel))];
  // A citation of the article around a point is listed with what it cites, and said so above the list.
  const around = links.citedBy.some((c) => c.cites?.around);
  const inside = links.citedBy.some((c) => c.cites && !c.cites.around);
  const what =
    around || inside
      ? `${where}, or ${around && inside ? 'a place around or inside it' : around ? 'a place around it' : 'a place inside it'},`
      : where;
  io.stdout.write(`${what} is cited by ${places.length} ${places.length === 1 ? 'place' : 'places'}:\n`);
  for (const place of places) io.stdout.write(`  ${place}\n`);
  return 0;
}
