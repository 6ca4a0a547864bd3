// sync, sources, passages.
import { sourceRows } from '../answer/sources.js';
import { correctionsFor } from '../corpus/corrections.js';
import { defaultMirror } from '../corpus/load.js';
import { deploymentCatalog } from '../corpus/local.js';
import { Store } from '../corpus/store.js';
import { syncCorpus } from '../corpus/sync.js';
import { dataDir } from '../paths.js';
import { parseCommandArgs } from './args.js';
import { currentCorpus } from './current.js';
import { selectDocuments } from './docs.js';
import { afterSync } from './hooks.js';
import { syncReporter } from './progress.js';
import { sourceTable } from './terminal.js';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export async function runSync(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('sync', args, {
    mirror: { type: 'string' },
    doc: { type: 'string', multiple: true },
    force: { type: 'boolean', default: false },
  });
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
  // One summary line: documents, passages, time (sync and index together).
  console.error(
    `Synced ${docs.length} documents (${passages.toLocaleString('en')} passages) in ${seconds(started)} s: ` +
      `${report.changed} updated, ${docs.length - report.changed - report.failed} unchanged, ${report.failed} failed` +
      `${built ? '; search index rebuilt' : ''}.`,
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
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const line of sourceTable(rows)) console.log(line);
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
  for (const p of corpus.passages) {
    if (!chosen.has(p.docId)) continue;
    process.stdout.write(
      `${JSON.stringify({ id: p.id, docId: p.docId, locator: p.locator, headingPath: p.headingPath, page: p.page ?? null, text: p.text })}\n`,
    );
  }
  return 0;
}
