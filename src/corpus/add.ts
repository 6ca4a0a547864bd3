// Adding an operator's own document to one deployment (`charter add`) and taking it out again (`charter
// remove`). The file (or the page at the URL) must be readable by one of the readers; its structure is
// detected by trying the generic citation styles and keeping the one that finds the most numbered units; its
// fingerprint is recorded; the entry goes to the data directory's local catalog (never the repository's),
// the copy and its passages to the store through the same sync as every document. Any bad input is one
// sentence (AddError) and changes nothing. Rebuilding the search index is the caller's (it sits above).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CatalogDocument,
  DOCUMENT_ID,
  DOCUMENT_ID_RULE,
  DOCUMENT_KINDS,
  FORMATS,
  loadCatalog,
  MAX_ID_LENGTH,
  parseCatalog,
} from './catalog.js';
import type { CitationStyle } from './citation.js';
import { fetchDocument, MAX_DOWNLOAD_BYTES } from './fetch.js';
import { sha256Hex, textFingerprint } from './fingerprint.js';
import { type Finding, lintPassages, vocabulary } from './lint/checks.js';
import { deploymentCatalog, loadLocalCatalog, readLocalCatalog, saveLocalCatalog } from './local.js';
import { detectFormat, foreignExtension, READ_EXTENSIONS, realTypeProblem } from './read/detect.js';
import { readDocument } from './read/index.js';
import { splitDocument } from './split/index.js';
import { Store } from './store.js';
import { syncCorpus } from './sync.js';
import type { Passage, ReadDocument } from './types.js';

/** Why a document was not added or removed: one sentence a person can act on (and lines that show why). */
export class AddError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    // Echoed names and parser messages may carry control characters; the sentence always ends.
    const clean = message
      .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    super(/[.!?]$/.test(clean) ? clean : `${clean}.`);
  }
}

/**
 * The lint threshold (decision, issue 20): a new document is refused, unless `force`, when more than one of
 * its passages in ten has a lint finding in its text and at least three do — the readers then did not
 * understand it and Charter would quote damage as the document's words. Below that, and for heading findings
 * (labels, not quoted words), the findings are shown and it is added.
 */
export const LINT_REFUSE_SHARE = 0.1;
export const LINT_REFUSE_MIN = 3;

export interface AddRequest {
  /** A file path or an http(s) URL. */
  source: string;
  id: string;
  title: string;
  issuer: string;
  date: string;
  jurisdiction?: string;
  kind?: string;
  shortTitle?: string;
  aliases?: string[];
  /** Add even when lint finds more than the threshold allows. */
  force?: boolean;
}

export interface AddResult {
  doc: CatalogDocument;
  passages: number;
  style: CitationStyle;
  /** The deployment's catalog with the new entry. */
  catalog: CatalogDocument[];
  /** What lint found in the new passages (shown; below the threshold or forced). */
  findings: Finding[];
}

/** Styles that need no catalog knowledge (no unit label, no enacted Act), most specific first. */
const GENERIC_STYLES: CitationStyle[] = ['articles', 'us-eo', 'sections', 'un-resolution', 'report'];

/** How many distinct numbered units a split found (headings-only and page units count nothing). */
function structureScore(passages: readonly Passage[]): number {
  const units = new Set(
    passages
      .map((p) => p.path[0] ?? '')
      .filter((segment) => !/^(?:h|p|pdfpage):/.test(segment) && segment !== ''),
  );
  return units.size;
}

/** The citation style whose splitter finds the document's own numbering best; plain reports otherwise. */
export function detectStyle(doc: CatalogDocument, read: ReadDocument) {
  let best: { style: CitationStyle; score: number; passages: Passage[] } | undefined;
  for (const style of GENERIC_STYLES) {
    let passages: Passage[];
    try {
      passages = splitDocument({ ...doc, citation: { style } }, read);
    } catch {
      continue;
    }
    const score = style === 'report' ? 0 : structureScore(passages);
    // A style must find at least three numbered units to be believed; articles two, since each is labelled
    // "Article N" in the document's own words, in sequence (a short policy with "## Article 1 Scope").
    const minimum = style === 'articles' ? 2 : 3;
    if (passages.length > 0 && (score >= minimum || style === 'report') && (!best || score > best.score))
      best = { style, score, passages };
  }
  return best;
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

function validDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

interface Obtained {
  bytes: Uint8Array;
  /** Where the bytes came from after redirects (URLs only): the pinned download URL of the entry. */
  finalUrl?: string;
}

async function obtain(source: string): Promise<Obtained> {
  if (isUrl(source)) {
    try {
      return await fetchDocument(source, { retries: 1, timeoutMs: 30_000 });
    } catch (error) {
      throw new AddError(
        `${(error as Error).message.replace(/^could not/, 'Could not')}.`.replace(/\.\.$/, '.'),
      );
    }
  }
  // Any other scheme (file:, ftp:, …) is refused by name rather than looked for as a path of that spelling.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(source)?.[1];
  if (scheme)
    throw new AddError(
      scheme.toLowerCase() === 'file'
        ? `${source} is a file: URL, which Charter does not open: give the file's path instead.`
        : `${source} uses ${scheme.toLowerCase()}:, which Charter does not download: give an http(s) URL or a local file.`,
    );
  // A local file gets the same cap as a download, checked before a byte is read.
  let size: number;
  try {
    const stats = statSync(source);
    if (stats.isDirectory()) throw new AddError(`${source} is a folder, not a file: give one file to add.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof AddError) throw error;
    throw new AddError(unreadable(source, error));
  }
  if (size > MAX_DOWNLOAD_BYTES)
    throw new AddError(
      `The file ${source} is larger than the ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MiB Charter accepts.`,
    );
  try {
    return { bytes: new Uint8Array(readFileSync(source)) };
  } catch (error) {
    throw new AddError(unreadable(source, error));
  }
}

/** Why a local file could not be read, in words (the code alone, "ENOENT", means nothing to most people). */
function unreadable(source: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return `There is no file at ${source}: check the path.`;
    case 'EACCES':
    case 'EPERM':
      return `The file ${source} could not be read: permission denied.`;
    case 'EISDIR':
      return `${source} is a folder, not a file: give one file to add.`;
    default:
      return `The file ${source} could not be read (${(error as Error).message}).`;
  }
}

const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A short title or alias that is already a held document's id, title, short title or alias, as one sentence;
 * undefined when every name is new. Such a name is dead or worse (trial 7): "GDPR Art. 2" still quoted the
 * GDPR, and an alias shared with another document made `quote` pick one silently.
 */
function nameTaken(catalog: CatalogDocument[], request: AddRequest): string | undefined {
  const held = new Map<string, CatalogDocument>();
  for (const doc of catalog)
    for (const name of [doc.id, doc.title, doc.shortTitle, ...doc.aliases])
      if (!held.has(nameKey(name))) held.set(nameKey(name), doc);
  const names: [string, string][] = [
    ...(request.shortTitle !== undefined ? [['short title', request.shortTitle] as [string, string]] : []),
    ...(request.aliases ?? []).map((alias): [string, string] => ['alias', alias]),
  ];
  for (const [what, name] of names) {
    const doc = held.get(nameKey(name));
    if (doc)
      return `The ${what} "${name}" already names “${doc.shortTitle}” (${doc.id}): choose a name no held document uses.`;
  }
  return undefined;
}

/** The entry for the new document, checked by the catalog's own schema (one id rule, one date rule). */
function draftEntry(request: AddRequest, got: Obtained, format: CatalogDocument['source']['format']) {
  const { bytes } = got;
  const { source, id, title } = request;
  const draft = {
    id,
    title,
    shortTitle: request.shortTitle ?? (title.length <= 60 ? title : `${title.slice(0, 59).trimEnd()}…`),
    aliases: request.aliases ?? [],
    issuer: request.issuer,
    jurisdiction: request.jurisdiction ?? 'unspecified',
    date: request.date,
    status: 'published',
    kind: request.kind ?? 'policy',
    officialUrl: isUrl(source) ? source : null,
    license:
      'Added to this deployment by its operator (charter add); reuse terms as its publisher states them.',
    source: {
      url: got.finalUrl ?? null,
      format,
      sha256: sha256Hex(bytes),
      bytes: bytes.length,
      ...(format !== 'pdf' ? { textSha256: textFingerprint(bytes) } : {}),
    },
    citation: { style: 'report' },
  };
  try {
    return (parseCatalog({ documents: [draft] }, 'the new entry') as [CatalogDocument])[0];
  } catch (error) {
    throw new AddError((error as Error).message);
  }
}

export async function addDocument(request: AddRequest, dir: string): Promise<AddResult> {
  const { source, id, date } = request;
  if (id.length > MAX_ID_LENGTH)
    throw new AddError(`The id is ${id.length} characters long; an id has at most ${MAX_ID_LENGTH}.`);
  if (!DOCUMENT_ID.test(id)) throw new AddError(`The id "${id}" ${DOCUMENT_ID_RULE}.`);
  if (!validDate(date)) throw new AddError(`The date "${date}" is not a date written YYYY-MM-DD.`);
  const kind = request.kind ?? 'policy';
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
    throw new AddError(`The kind "${kind}" is not one of: ${DOCUMENT_KINDS.join(', ')}.`);
  const catalog = deploymentCatalog(dir);
  if (catalog.some((doc) => doc.id === id))
    throw new AddError(`A document with the id "${id}" already exists.`);

  const taken = nameTaken(catalog, request);
  if (taken) throw new AddError(taken);

  const got = await obtain(source);
  const { bytes } = got;
  if (bytes.length === 0) throw new AddError(`${source} is empty.`);
  const foreign = got.finalUrl ? undefined : foreignExtension(source);
  if (foreign)
    throw new AddError(
      `${source} is named as a .${foreign} file, which Charter does not read: it adds ${READ_EXTENSIONS.map((e) => `.${e}`).join(', ')} files (rename a text file to .txt or .md).`,
    );
  // The same bytes under a second id would answer every question twice under two names.
  const digest = sha256Hex(bytes);
  const same = catalog.find((doc) => doc.source.sha256 === digest);
  if (same)
    throw new AddError(
      `${source} has the same bytes as “${same.shortTitle}” (${same.id}), which Charter already holds.`,
    );
  const format = detectFormat(got.finalUrl ?? source, bytes);
  const wrongType = await realTypeProblem(bytes, format);
  if (wrongType) throw new AddError(`${source} ${wrongType}.`);
  let doc = draftEntry(request, got, format);
  let read: ReadDocument;
  try {
    read = await readDocument(bytes, format);
  } catch (error) {
    const reason = (error as Error).message.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
    throw new AddError(`${source} could not be read as ${format}: ${reason}`);
  }
  const detected = detectStyle(doc, read);
  if (!detected) throw new AddError(`${source} has no text Charter could split into passages.`);
  doc = { ...doc, citation: { style: detected.style } };
  const findings = lintNew(dir, catalog, detected.passages);
  // Findings in the words themselves count; a heading the generic splitter cut short is shown but does not
  // refuse (it labels passages, it is not quoted as their text).
  const flagged = new Set(findings.filter((f) => f.check !== 'heading').map((f) => f.passageId)).size;
  if (!request.force && flagged >= LINT_REFUSE_MIN && flagged > detected.passages.length * LINT_REFUSE_SHARE)
    throw new AddError(
      `${source} has lint findings in ${flagged} of its ${detected.passages.length} passages (more than one in ten), so its text was not read as the document's words; check the file, or add it anyway with --force.`,
      findingLines(findings),
    );

  // Store the verified copy and its passages through the normal sync (a private mirror holding this file,
  // and the passages already made, so nothing is read twice), then the entry. Any failure on the way (a full
  // disk, a read-only directory) takes out whatever was written: nothing of the document is left behind.
  const store = new Store(dir);
  const mirror = mkdtempSync(join(tmpdir(), 'charter-add-'));
  try {
    writeFileSync(join(mirror, `${id}.${format}`), bytes);
    const report = await syncCorpus({
      docs: [doc],
      dataDir: dir,
      mirror,
      toPassages: async () => detected.passages,
    });
    const outcome = report.outcomes[0];
    if (!outcome || outcome.status === 'failed')
      throw new Error(outcome?.status === 'failed' ? outcome.error : 'unknown error');
    saveLocalCatalog([...loadLocalCatalog(dir), doc], dir);
  } catch (error) {
    undoStore(store, doc);
    throw new AddError(`${source} could not be stored: ${storeFailure(error)}.`);
  } finally {
    rmSync(mirror, { recursive: true, force: true });
  }
  return {
    doc,
    passages: detected.passages.length,
    style: detected.style,
    catalog: [...catalog, { ...doc, addedLocally: true }],
    findings,
  };
}

/** Lint over the new passages, with the vocabulary of everything the deployment holds plus them. */
function lintNew(dir: string, catalog: readonly CatalogDocument[], passages: readonly Passage[]): Finding[] {
  const store = new Store(dir);
  const all: Passage[] = [...passages];
  for (const doc of catalog) for (const p of store.readPassages(doc.id) ?? []) all.push(p);
  return lintPassages(passages, vocabulary(all));
}

/** Findings as lines for a terminal: at most 20, each with its check, passage and excerpt. */
export function findingLines(findings: readonly Finding[]): string[] {
  const lines = findings.slice(0, 20).map((f) => `  ${f.check}  ${f.passageId}  ${f.excerpt}`);
  if (findings.length > 20) lines.push(`  … and ${findings.length - 20} more`);
  return lines;
}

/** Takes out what a failed add wrote: the copy and passages first (removing works on a full disk), then the entry. */
function undoStore(store: Store, doc: CatalogDocument): void {
  rmSync(store.docPath(doc), { force: true });
  rmSync(store.passagesPath(doc.id), { force: true });
  try {
    store.forget(doc);
  } catch {
    // The manifest could not be rewritten: an entry for an id no catalog lists is never served.
  }
}

const FS_FAILURES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'the data directory cannot be written',
  EPERM: 'the data directory cannot be written',
  EROFS: 'the data directory is on a read-only file system',
};

/** A storage failure in words, without a stack or a raw errno sentence. */
function storeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code ?? /^([A-Z]{4,}):/.exec(message)?.[1];
  const known = code ? FS_FAILURES[code] : undefined;
  return known ? `${known} (${code})` : message.replace(/\.$/, '');
}

/** Takes out a document added with `addDocument`; returns the deployment's catalog without it. */
export function removeDocument(id: string, dir: string): CatalogDocument[] {
  const local = readLocalCatalog(dir);
  const doc = local.docs.find((d) => d.id === id);
  if (!doc) {
    const inRepo = loadCatalog().some((d) => d.id === id);
    if (inRepo)
      throw new AddError(
        `"${id}" is in the repository's catalog; only documents added with charter add can be removed.`,
      );
    // A damaged local catalog may have lost the entry: its files are still taken out, and the catalog repaired.
    if (!local.damage || !DOCUMENT_ID.test(id) || !forgetFiles(id, dir))
      throw new AddError(`No document added with charter add has the id "${id}".`);
  }
  saveLocalCatalog(
    local.docs.filter((d) => d.id !== id),
    dir,
  );
  if (doc) new Store(dir).forget(doc);
  return deploymentCatalog(dir);
}

/** Removes whatever the store keeps for an id whose entry is lost; true when there was something. */
function forgetFiles(id: string, dir: string): boolean {
  const store = new Store(dir);
  let found = false;
  for (const format of FORMATS) {
    const entry = { id, source: { format } } as CatalogDocument;
    if (existsSync(store.docPath(entry)) || existsSync(store.passagesPath(id))) {
      found = true;
      store.forget(entry);
    }
  }
  if (store.readManifest().documents[id]) {
    found = true;
    store.forget({ id, source: { format: 'txt' } } as CatalogDocument);
  }
  return found;
}
