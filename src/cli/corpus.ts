// sync, sources, passages.

import { statSync } from 'node:fs';
import { sourceRows, sources, structureSummary, textOrigin, unitCounts } from '../answer/sources.js';
import { asSentence, notFoundWording, PLAIN } from '../answer/wording.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import { describeCitation } from '../corpus/citation.js';
import { correctionsFor } from '../corpus/corrections.js';
import { defaultMirror } from '../corpus/load.js';
import { deploymentCatalog } from '../corpus/local.js';
import { Store } from '../corpus/store.js';
import { syncCorpus } from '../corpus/sync.js';
import type { Passage } from '../corpus/types.js';
import { dataDir } from '../paths.js';
import { parseCommandArgs, UsageError } from './args.js';
import { currentCorpus } from './current.js';
import { selectDocuments } from './docs.js';
import { exitCodeOf } from './exit.js';
import { afterSync } from './hooks.js';
import { syncReporter } from './progress.js';
import { plainStatus, safeTerminal, sourceTable, type Terminal } from './terminal.js';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/** The one summary line of a sync: documents, passages, time (sync and index together). */
export function syncSummary(s: {
  documents: number;
  passages: number;
  seconds: string;
  changed: number;
  failed: number;
  rebuilt: boolean;
}): string {
  const unchanged = s.documents - s.changed - s.failed;
  return (
    `Synced ${count(s.documents, 'document')} (${count(s.passages, 'passage')}) in ${s.seconds} s: ` +
    `${s.changed} updated, ${unchanged} unchanged, ${s.failed} failed${s.rebuilt ? '; search index rebuilt' : ''}.`
  );
}

/** A --mirror that is not a folder is refused before anything is fetched (it would silently download instead). */
export function checkMirror(mirror: string | undefined): void {
  if (mirror === undefined) return;
  let folder = false;
  try {
    folder = statSync(mirror).isDirectory();
  } catch {
    folder = false;
  }
  if (!folder)
    throw new UsageError(
      `--mirror ${mirror} is not a folder; give a folder of <id>.<ext> copies of the documents.`,
    );
}

export async function runSync(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('sync', args, {
    mirror: { type: 'string' },
    doc: { type: 'string', multiple: true },
    force: { type: 'boolean', default: false },
  });
  checkMirror(values.mirror);
  const catalog = deploymentCatalog();
  const docs = selectDocuments(catalog, values.doc);
  const mirror = values.mirror ?? defaultMirror();
  const started = performance.now();
  const report = await syncCorpus({
    docs,
    dataDir: dataDir(),
    ...(mirror ? { mirror } : {}),
    force: values.force,
    onProgress: syncReporter(),
  });
  const built = await afterSync(report.changed > 0 || values.force === true);
  const manifest = new Store(dataDir()).readManifest();
  const passages =
    built?.passages ?? docs.reduce((n, doc) => n + (manifest.documents[doc.id]?.passages ?? 0), 0);
  console.error(
    syncSummary({
      documents: docs.length,
      passages,
      seconds: seconds(started),
      changed: report.changed,
      failed: report.failed,
      rebuilt: built !== undefined,
    }),
  );
  return report.failed > 0 ? 1 : 0;
}

/** Documented corrections of the source copy (corpus/corrections.json), applied on every sync. */
const correctionsJson = (id: string) =>
  correctionsFor(id).map(({ find, replace, reason }) => ({ find, replace, reason }));

/**
 * `charter sources [NAME]`, over the same answer core as /sources: the catalog with passage counts, or one
 * document's structure and provenance. Reads the manifest and the saved passages, never the index. A NAME
 * that names no document is an answer-less outcome (exit 1), as for `quote`. Catalog entries an operator
 * added are untrusted words: everything is written through the terminal edge (`safeTerminal`).
 */
export async function runSources(
  args: string[],
  streams: { stdout: Terminal; stderr: Terminal } = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const stdout = safeTerminal(streams.stdout);
  const stderr = safeTerminal(streams.stderr);
  const out = {
    log: (line: string) => stdout.write(`${line}\n`),
    error: (line: string) => stderr.write(`${line}\n`),
  };
  const { values, positionals } = parseCommandArgs(
    'sources',
    args,
    { json: { type: 'boolean', default: false } },
    true,
  );
  const store = new Store(dataDir());
  const manifest = store.readManifest();
  const found = await sources(deploymentCatalog(), positionals.join(' ').trim() || undefined, {
    count: (id) => manifest.documents[id]?.passages ?? null,
    passages: (id) => store.readPassages(id) ?? [],
  });
  if (found.kind === 'not-found') {
    out.error(asSentence(notFoundWording(found, PLAIN)));
    return exitCodeOf(found);
  }
  if (found.kind === 'document') {
    const { doc, passages } = found;
    if (values.json) out.log(JSON.stringify(documentJson(doc, passages), null, 2));
    else for (const line of documentLines(doc, passages)) out.log(line);
    return exitCodeOf(found);
  }
  const rows = found.rows.map((row) => ({ ...row, corrections: correctionsJson(row.id) }));
  if (values.json) out.log(JSON.stringify(rows, null, 2));
  else for (const line of sourceTable(rows)) out.log(line);
  return exitCodeOf(found);
}

/** `charter sources NAME --json`: the facts /sources NAME shows. */
function documentJson(doc: CatalogDocument, passages: readonly Passage[]) {
  // The catalog row of the document (as `charter sources --json` lists it), and what /sources NAME adds.
  const [row] = sourceRows([doc], () => passages.length);
  return {
    ...row!,
    title: doc.title,
    units: unitCounts(passages),
    source: {
      url: doc.source.url ?? null,
      format: doc.source.format,
      bytes: doc.source.bytes,
      sha256: doc.source.sha256,
      textSha256: doc.source.textSha256 ?? null,
    },
    corrections: correctionsJson(doc.id),
    license: doc.license,
    citation: { style: doc.citation.style, unitLabel: doc.citation.unitLabel ?? null },
  };
}

/** `charter sources NAME`: one document, as /sources NAME shows it, in plain lines. */
function documentLines(doc: CatalogDocument, passages: readonly Passage[]): string[] {
  const source = doc.source;
  const origin = textOrigin(doc);
  return [
    doc.shortTitle === doc.title ? doc.title : `${doc.shortTitle} — ${doc.title}`,
    plainStatus(doc),
    `id: ${doc.id} · ${doc.kind} · ${doc.jurisdiction}`,
    `Structure: ${passages.length > 0 ? structureSummary(passages) : 'not indexed yet (run charter sync)'}`,
    `Text taken from: ${'url' in origin ? origin.url : origin.text}`,
    `Fingerprint: ${source.format}, ${source.bytes.toLocaleString('en')} bytes, sha256 ${source.sha256}`,
    ...(source.textSha256 && source.textSha256 !== source.sha256
      ? [`Text sha256: ${source.textSha256}`]
      : []),
    ...correctionsFor(doc.id).map((c) => `Correction: “${c.find}” → “${c.replace}”: ${c.reason}`),
    ...(doc.notes ? [`Notes: ${doc.notes}`] : []),
    `Licence: ${doc.license}`,
    `Cited as: ${describeCitation(doc.citation)}`,
    ...(doc.officialUrl ? [`Official: ${doc.officialUrl}`] : []),
  ];
}

export async function runPassages(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('passages', args, {
    json: { type: 'boolean', default: true },
    doc: { type: 'string', multiple: true },
  });
  const chosen = new Set(selectDocuments(deploymentCatalog(), values.doc).map((d) => d.id));
  const corpus = await currentCorpus();
  if (!corpus) return 1;
  const out = safeTerminal(process.stdout);
  for (const p of corpus.passages) {
    if (!chosen.has(p.docId)) continue;
    out.write(
      `${JSON.stringify({ id: p.id, docId: p.docId, locator: p.locator, headingPath: p.headingPath, page: p.page ?? null, text: p.text })}\n`,
    );
  }
  return 0;
}
