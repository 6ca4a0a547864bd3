// sync, sources, passages.
import { statSync } from 'node:fs';
import { sourceRows } from '../answer/sources.js';
import { correctionsFor } from '../corpus/corrections.js';
import { defaultMirror } from '../corpus/load.js';
import { deploymentCatalog } from '../corpus/local.js';
import { Store } from '../corpus/store.js';
import { syncCorpus } from '../corpus/sync.js';
import { dataDir } from '../paths.js';
import { parseCommandArgs, UsageError } from './args.js';
import { currentCorpus } from './current.js';
import { selectDocuments } from './docs.js';
import { afterSync } from './hooks.js';
import { syncReporter } from './progress.js';
import { safeTerminal, sourceTable } from './terminal.js';

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

export async function runSources(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('sources', args, { json: { type: 'boolean', default: false } });
  const catalog = deploymentCatalog();
  const store = new Store(dataDir());
  const manifest = store.readManifest();
  // Documented corrections of the source copy (corpus/corrections.json), applied on every sync.
  const rows = sourceRows(catalog, (id) => manifest.documents[id]?.passages ?? null).map((row) => ({
    ...row,
    corrections: correctionsFor(row.id).map(({ find, replace, reason }) => ({ find, replace, reason })),
  }));
  // Catalog entries an operator added are untrusted words: written through the terminal edge.
  const out = safeTerminal(process.stdout);
  if (values.json) {
    out.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const line of sourceTable(rows)) out.write(`${line}\n`);
  return 0;
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
