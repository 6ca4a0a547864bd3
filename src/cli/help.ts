// What `charter help` and `charter <command> --help` print. Kept apart from the commands so help never
// loads the index, discord.js or pdfjs. Facts other code owns (the quote languages, the JSON shapes, the
// --limit range) are read from one place here, and test/unit/cli-help.test.ts checks the JSON shapes
// against what the commands print.
import { QUOTE_LANGUAGES } from '../answer/languages.js';

const LANG = `--lang ${QUOTE_LANGUAGES.join('|')}`;
const LIMIT = { default: 5, max: 50 } as const;

/** What `charter ask --json` prints (every key of src/cli/answer.ts askJson). */
export const ASK_JSON = `{query, outcome, note?, missing, weak, results: [{docId, title,
                       shortTitle, issuer, date, status, locator, score, url, passages: [{id,
                       docId, locator, headingPath, page, context?, text, url}]}], shortfall?:
                       null | {asked, shown, exhausted, folded, note}}`;
/** What `charter compare --json` prints (results as in ask --json). */
export const COMPARE_JSON = `{topic, outcome, documents: [{docId, shortTitle, result: null |
                   {docId, title, shortTitle, issuer, date, status, locator, score, url,
                   passages: [{id, docId, locator, headingPath, page, context?, text,
                   url}]}}]}`;
/** What `charter sources NAME --json` prints. */
export const SOURCE_JSON = `{id, shortTitle, issuer, date, status, kind, jurisdiction,
                   passages, url, notes?, addedLocally?, title, units: [{type, count}],
                   source: {url, format, bytes, sha256, textSha256}, corrections: [{find,
                   replace, reason}], license, citation: {style, unitLabel}}`;
/** What `charter quote --json` prints. */
export const QUOTE_JSON = `{reference, outcome, docId, locator, url, passages: [{id, docId, locator,
                      headingPath, page, text, url}], alongside?: {docId, locator, passages},
                      references: [{text, locator, id, status, docId}], terms: [{term,
                      locator, id}], citedBy: [{locator, id, docId, cites?}]}`;

export { LIMIT };

export const OVERVIEW = `Usage: charter <command> [options]      (charter <command> --help for one command)

Corpus
  sync [--mirror DIR] [--doc ID]... [--force]   fetch, verify and split the documents; build the index
  sources [--json] [NAME]                       the catalog with passage counts; or one document
  passages --json [--doc ID]...                 every passage as JSON lines
  lint [--json] [--doc ID]... [--links]         check every passage for text that is not the document's
  add FILE|URL --id ID --title T --issuer I --date YYYY-MM-DD   add your own document to this deployment
  remove ID                                     remove a document added with charter add

Answers
  ask [--json] [--limit N] [--doc NAME]... "question"
  quote [--json] [${LANG}] [--cited-by] "reference"  e.g. "AI Act Art. 5(1)(c)"
  compare [--json] --doc NAME --doc NAME... "topic"    each document's best passage on a topic

Discord
  start [--shards auto|N]                       the gateway bot
  serve [--port N] [--host H] [--workers N]     the HTTP interactions endpoint (workers: one per core)
  deploy [--guild ID]                           register the slash commands
  commands [--json] [--guild ID]                the commands JSON deploy would send

  --version                                     the version of Charter

Exit codes of ask, quote, compare and sources: 0 an answer was printed (a quote, passages, a
document); 1 no answer (nothing matches well, no passage, no such place or document asked about, or
which document or part is meant: said on stderr in one sentence); 2 the command was typed wrong,
including a --doc that names no document (checked before the index loads).

Environment: CHARTER_MIRROR (a folder of <id>.<ext> copies), CHARTER_DATA_DIR (default ./data),
DISCORD_* settings (see .env.example), NO_COLOR (plain terminal output).
Relevance against the baselines is development tooling: npm run eval [-- --json].`;

export const HELP: Record<string, string> = {
  add: `Usage: charter add FILE|URL --id ID --title T --issuer I --date YYYY-MM-DD [--jurisdiction J]
                  [--kind K] [--short-title S] [--alias A]... [--force]

Adds a document (md, txt, html, pdf or xml) to this deployment: reads the file or downloads the URL
(32 MiB at most; redirects into private networks refused), checks that it really is what its name says
(a PDF's signature; valid UTF-8 text), detects its structure (articles, sections, numbered paragraphs,
else headings and pages), runs charter lint on its passages and shows what it finds, records its
fingerprint, keeps the entry in the data directory (never the repository's catalog) and rebuilds the
index. Bad input changes nothing.

  --kind K         one of the catalog's kinds (default: policy)
  --alias A        a name people type for it (repeatable)
  --force          add it even when lint flags the text of more than one passage in ten (at least three)`,
  remove: `Usage: charter remove ID

Removes a document added with charter add: its entry, kept copy and passages; rebuilds the index.`,
  sync: `Usage: charter sync [--mirror DIR] [--doc ID]... [--force]

Fetches every document of the catalog (from the mirror folder when it has a copy, else from its pinned
URL), verifies it against the catalog's fingerprint, splits it into passages and builds the search index.
A document that fails keeps its previous good copy. Ends with one summary line.

  --mirror DIR   a folder of <id>.<ext> copies (default: CHARTER_MIRROR, then ../shared/corpus/raw)
  --doc ID       only this document (repeatable)
  --force        redo the work even when nothing changed`,
  sources: `Usage: charter sources [--json] [NAME]

The catalog: id, date, status, passage count and short title of every document. With NAME (an id, short
title or alias), that document as /sources shows it: title, status, structure (its units counted from
its passages), where its text came from and its fingerprint, corrections of the source copy, licence
and citation style. Exit 1 when NAME names no document.

  --json   the catalog as a JSON array; one document as ${SOURCE_JSON}`,
  passages: `Usage: charter passages --json [--doc ID]...

Every synced passage as one JSON line (id, docId, locator, headingPath, page, text).

  --doc ID   only this document (repeatable)`,
  lint: `Usage: charter lint [--json] [--doc ID]... [--links]

Checks every synced passage for text that is not the document's words (split words, private-use glyphs,
footnote debris, lost superscripts, page furniture, tables of contents, missing spaces).

  --doc ID   only this document (repeatable)
  --json     the findings as JSON
  --links    instead, the law's own links per document: references found, resolved to a place, naming a
             whole held document, unresolved, naming a document Charter lacks; defined terms and their uses`,
  ask: `Usage: charter ask [--json] [--limit N] [--doc NAME]... "question"
       charter ask --json [--limit N] --queries-file FILE

The passages that answer a question, quoted word for word with their place, status and link. A question
that reads like a reference ("AI Act Art. 5(1)(c)") is quoted instead; if it names no place, the passages
that share its words follow a note saying so.

  --limit N            how many results (1–${LIMIT.max}, default ${LIMIT.default}), in text and JSON alike;
                       fewer only when no other passage matches, and then a last line says so
  --doc NAME           only this document: its id, short title or an alias ("AI Act"); repeated, the
                       documents' best passages in turn
  --json               one JSON object: ${ASK_JSON}
  --queries-file FILE  one question per line, one JSON line per question (needs --json)`,
  compare: `Usage: charter compare [--json] --doc NAME --doc NAME [--doc NAME]... "topic"

What two to five documents each say on one topic, side by side, as /compare: the best passage of each,
or a line saying a document has none. Exit 0 when at least one has a passage, 1 when none has, 2 when
typed wrong (an unknown --doc, fewer than two or more than five documents).

  --doc NAME   a document: its id, short title or an alias ("AI Act") (2 to 5)
  --json       ${COMPARE_JSON}`,
  quote: `Usage: charter quote [--json] [${LANG}] [--cited-by] "reference"

One place in a document, word for word: "AI Act Art. 5(1)(c)", "EO 14110 Sec. 4.2", "GDC para. 6".
Under it, the law's own links: the places it refers to, the defined terms it uses (with the place that
defines each) and the places that cite it.

  --cited-by          only the places, in every document Charter holds, that cite this one
  ${LANG}   a Chinese document with an English translation: the original (zh), the
                      translation (en) or both
  --json              ${QUOTE_JSON}`,
  start: `Usage: charter start [--shards auto|N]

The gateway bot (DISCORD_TOKEN and DISCORD_APPLICATION_ID from the environment or .env). Runs until
SIGINT/SIGTERM. With --shards, one process per group of shards.`,
  serve: `Usage: charter serve [--port N] [--host H] [--workers N]

The HTTP interactions endpoint (DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID from the environment or
.env): POST /interactions with Ed25519-signed requests, GET /healthz (503 {"status":"loading"} while the
corpus is prepared in a worker thread, then 200 {"status":"ready",...}). Default port: PORT, then 8787.

  --workers N   answer in N worker threads, each with the index loaded once (default: one per core;
                0 answers on the HTTP thread)`,
  deploy: `Usage: charter deploy [--guild ID]

Registers the slash commands: in one server (instant; for testing) with --guild, else globally.`,
  commands: `Usage: charter commands [--json] [--guild ID]

The commands deploy would register: names and descriptions, or with --json exactly the JSON it sends.`,
};
