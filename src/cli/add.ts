// `charter add FILE|URL --id ID --title T --issuer I --date YYYY-MM-DD [--jurisdiction J] [--kind K]
// [--short-title S] [--alias A]…` and `charter remove ID`: an operator's own documents for this deployment.
// The file (or the page at the URL) must be readable by one of the readers; its structure is detected by
// trying the generic citation styles and keeping the one that finds the most numbered units; its fingerprint
// is recorded; the entry goes to the data directory's local catalog (never the repository's), the copy and
// its passages to the store through the same sync as every document, and the index is rebuilt. Any bad
// input is one sentence and changes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { rebuildIndex } from '../app.js';
import { type CatalogDocument, DOCUMENT_KINDS, type Format, parseCatalog } from '../corpus/catalog.js';
import type { CitationStyle } from '../corpus/citation.js';
import { download } from '../corpus/fetch.js';
import { sha256Hex, textFingerprint } from '../corpus/fingerprint.js';
import { deploymentCatalog, loadLocalCatalog, saveLocalCatalog } from '../corpus/local.js';
import { readDocument } from '../corpus/read/index.js';
import { splitDocument } from '../corpus/split/index.js';
import { Store } from '../corpus/store.js';
import { syncCorpus } from '../corpus/sync.js';
import type { Passage } from '../corpus/types.js';
import { dataDir } from '../paths.js';
import { parseCommandArgs, UsageError } from './args.js';
import { type CliIo, processIo } from './io.js';

/** Styles that need no catalog knowledge (no unit label, no enacted Act), most specific first. */
const GENERIC_STYLES: CitationStyle[] = ['articles', 'us-eo', 'sections', 'un-resolution', 'report'];

/** How many distinct numbered units a split found (headings-only and page units count nothing). */
function structureScore(passages: readonly Passage[]): number {
  const units = new Set(
    passages.map((p) => p.path[0] ?? '').filter((segment) => !/^(?:h|p):/.test(segment) && segment !== ''),
  );
  return units.size;
}

/** The citation style whose splitter finds the document's own numbering best; plain reports otherwise. */
export function detectStyle(doc: CatalogDocument, read: Awaited<ReturnType<typeof readDocument>>) {
  let best: { style: CitationStyle; score: number; passages: Passage[] } | undefined;
  for (const style of GENERIC_STYLES) {
    let passages: Passage[];
    try {
      passages = splitDocument({ ...doc, citation: { style } }, read);
    } catch {
      continue;
    }
    const score = style === 'report' ? 0 : structureScore(passages);
    // A style must find at least three numbered units to be believed.
    if (passages.length > 0 && (score >= 3 || style === 'report') && (!best || score > best.score))
      best = { style, score, passages };
  }
  return best;
}

/** The format from the name's extension, else from the bytes. */
export function formatOf(name: string, bytes: Uint8Array): Format {
  const ext = extname(new URL(name, 'file:///').pathname).slice(1).toLowerCase();
  const byExt: Record<string, Format> = {
    md: 'md',
    markdown: 'md',
    txt: 'txt',
    html: 'html',
    htm: 'html',
    pdf: 'pdf',
    xml: 'xml',
  };
  if (byExt[ext]) return byExt[ext]!;
  const head = new TextDecoder().decode(bytes.slice(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'pdf';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<html[\s>]/.test(head)) return 'html';
  if (head.startsWith('<?xml')) return 'xml';
  return 'txt';
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

function validDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

async function fetchSource(source: string): Promise<Uint8Array> {
  if (isUrl(source)) {
    try {
      return await download(source, { retries: 1, timeoutMs: 30_000 });
    } catch (error) {
      throw new UsageError(
        `${(error as Error).message.replace(/^could not/, 'Could not')}.`.replace(/\.\.$/, '.'),
      );
    }
  }
  try {
    return new Uint8Array(readFileSync(source));
  } catch {
    throw new UsageError(`The file ${source} could not be read.`);
  }
}

export async function runAdd(args: string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'add',
    args,
    {
      id: { type: 'string' },
      title: { type: 'string' },
      issuer: { type: 'string' },
      date: { type: 'string' },
      jurisdiction: { type: 'string' },
      kind: { type: 'string' },
      'short-title': { type: 'string' },
      alias: { type: 'string', multiple: true },
    },
    true,
  );
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0)
    throw new UsageError('Give one file or URL to add, e.g. charter add policy.pdf --id … .');
  const { id, title, issuer, date } = values;
  if (!id || !title || !issuer || !date) throw new UsageError('Give --id, --title, --issuer and --date.');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    throw new UsageError(`The id "${id}" must be lower-case letters, digits and hyphens.`);
  if (!validDate(date)) throw new UsageError(`The date "${date}" is not a date written YYYY-MM-DD.`);
  const kind = values.kind ?? 'policy';
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`The kind "${kind}" is not one of: ${DOCUMENT_KINDS.join(', ')}.`);
  const dir = dataDir(io.env);
  const catalog = deploymentCatalog(dir);
  if (catalog.some((doc) => doc.id === id))
    throw new UsageError(`A document with the id "${id}" already exists.`);

  const bytes = await fetchSource(source);
  if (bytes.length === 0) throw new UsageError(`${source} is empty.`);
  const format = formatOf(source, bytes);
  const shortTitle =
    values['short-title'] ?? (title.length <= 60 ? title : `${title.slice(0, 59).trimEnd()}…`);
  const draft = {
    id,
    title,
    shortTitle,
    aliases: values.alias ?? [],
    issuer,
    jurisdiction: values.jurisdiction ?? 'unspecified',
    date,
    status: 'published',
    kind,
    officialUrl: isUrl(source) ? source : null,
    license:
      'Added to this deployment by its operator (charter add); reuse terms as its publisher states them.',
    source: {
      url: isUrl(source) ? source : null,
      format,
      sha256: sha256Hex(bytes),
      bytes: bytes.length,
      ...(format !== 'pdf' ? { textSha256: textFingerprint(bytes) } : {}),
    },
    citation: { style: 'report' },
  };
  let doc: CatalogDocument;
  try {
    [doc] = parseCatalog({ documents: [draft] }, 'the new entry') as [CatalogDocument];
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let read: Awaited<ReturnType<typeof readDocument>>;
  try {
    read = await readDocument(bytes, format);
  } catch (error) {
    throw new UsageError(`${source} could not be read as ${format}: ${(error as Error).message}`);
  }
  const detected = detectStyle(doc, read);
  if (!detected) throw new UsageError(`${source} has no text Charter could split into passages.`);
  doc = { ...doc, citation: { style: detected.style } };

  // Store the verified copy and its passages through the normal sync (a private mirror holding this file).
  const mirror = mkdtempSync(join(tmpdir(), 'charter-add-'));
  try {
    writeFileSync(join(mirror, `${id}.${format}`), bytes);
    const report = await syncCorpus({ docs: [doc], dataDir: dir, mirror });
    const outcome = report.outcomes[0];
    if (!outcome || outcome.status === 'failed')
      throw new UsageError(
        `${source} could not be stored: ${outcome?.status === 'failed' ? outcome.error : 'unknown error'}.`,
      );
  } finally {
    rmSync(mirror, { recursive: true, force: true });
  }
  saveLocalCatalog([...loadLocalCatalog(dir), doc], dir);
  const built = await rebuildIndex({
    dataDir: dir,
    catalog: [...catalog, { ...doc, addedLocally: true }],
    onWarning: (m) => io.stderr.write(`${m}\n`),
  });
  io.stdout.write(
    `Added ${id}: ${detected.passages.length} passages (${detected.style} style), ${format}, sha256 ${doc.source.sha256.slice(0, 12)}…; index rebuilt with ${built.docs.length} documents.\n`,
  );
  return 0;
}

export async function runRemove(args: string[], io: CliIo = processIo()): Promise<number> {
  const { positionals } = parseCommandArgs('remove', args, {}, true);
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError('Give the id of one document added with charter add.');
  const dir = dataDir(io.env);
  const local = loadLocalCatalog(dir);
  const doc = local.find((d) => d.id === id);
  if (!doc) {
    const inRepo = deploymentCatalog(dir).some((d) => d.id === id);
    throw new UsageError(
      inRepo
        ? `"${id}" is in the repository's catalog; only documents added with charter add can be removed.`
        : `No document added with charter add has the id "${id}".`,
    );
  }
  const rest = local.filter((d) => d.id !== id);
  saveLocalCatalog(rest, dir);
  new Store(dir).forget(doc);
  const built = await rebuildIndex({
    dataDir: dir,
    catalog: deploymentCatalog(dir),
    onWarning: (m) => io.stderr.write(`${m}\n`),
  });
  io.stdout.write(`Removed ${id}; index rebuilt with ${built.docs.length} documents.\n`);
  return 0;
}
