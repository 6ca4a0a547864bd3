// `charter sync`: for each catalog document, take it from the mirror or its pinned URL, verify it, keep it
// in the data directory and split it into passages. One document's failure never stops the others and
// never replaces its previous good copy.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import { passagesOf } from './build.js';
import type { CatalogDocument } from './catalog.js';
import { DownloadError, download, type FetchOptions, OfflineError } from './fetch.js';
import { sha256Hex, textFingerprint } from './fingerprint.js';
import { type Manifest, PIPELINE_VERSION, Store } from './store.js';

export interface SyncOptions {
  docs: CatalogDocument[];
  dataDir: string;
  /** A folder holding `<id>.<ext>` copies; used before downloading. */
  mirror?: string;
  /** Re-verify and re-split even when nothing changed, taking the bytes again from the mirror or the URL. */
  force?: boolean;
  /** Use only the verified copies already kept in the data directory: no mirror, no download. */
  offline?: boolean;
  fetch?: FetchOptions;
  onProgress?: (event: SyncEvent) => void;
  /** Bytes → passages; the real readers and splitters unless a test substitutes them. */
  toPassages?: typeof passagesOf;
  /**
   * Do not download again a document whose download failed less than this long ago (ms; see
   * fetch-failures.json): an automatic sync (the first `ask`) passes FAILED_FETCH_MEMORY_MS, `charter sync`
   * always tries.
   */
  skipRecentFailures?: number;
}

/** How long an automatic sync leaves a failed download alone before trying it again. */
export const FAILED_FETCH_MEMORY_MS = 10 * 60_000;

/**
 * After this many downloads in a row got no answer at all (no network, nothing listening) and none
 * succeeded, the rest are not tried in this run: the first run without network says so in seconds.
 */
export const OFFLINE_STREAK = 2;

export type SyncOutcome =
  | { id: string; status: 'unchanged' }
  | {
      id: string;
      status: 'updated';
      verifiedBy: 'bytes' | 'text';
      origin: string;
      passages: number;
      ms: number;
      /** Set when the bytes were the verified copy already kept in the data directory (nothing fetched). */
      fromKeptCopy?: boolean;
    }
  | {
      id: string;
      status: 'failed';
      error: string;
      keptPrevious: boolean;
      /** The download got no answer (no network), was not tried for that reason, or failed recently. */
      offline?: boolean;
    };

export type SyncEvent =
  | { type: 'start'; total: number }
  | { type: 'done'; index: number; total: number; outcome: SyncOutcome }
  | { type: 'end'; report: SyncReport };

export interface SyncReport {
  outcomes: SyncOutcome[];
  failed: number;
  changed: number;
  ms: number;
  /** Why documents could not be downloaded when the network gave no answer (one clause), if it did not. */
  offline?: string;
}

export class VerifyError extends Error {}

/** Checks bytes against the catalog; returns how they verified or throws one sentence saying why not. */
export function verify(doc: CatalogDocument, bytes: Uint8Array): 'bytes' | 'text' {
  const actual = sha256Hex(bytes);
  if (actual === doc.source.sha256) return 'bytes';
  if (
    doc.source.format !== 'pdf' &&
    doc.source.textSha256 &&
    textFingerprint(bytes) === doc.source.textSha256
  )
    return 'text';
  const size =
    bytes.length === doc.source.bytes
      ? ''
      : ` (${bytes.length} bytes instead of ${doc.source.bytes}${bytes.length < doc.source.bytes ? ', truncated?' : ''})`;
  throw new VerifyError(
    `its content does not match the catalog fingerprint${size}: got sha256 ${actual.slice(0, 12)}…, expected ${doc.source.sha256.slice(0, 12)}…`,
  );
}

/**
 * The verified copy kept in the data directory, when it still matches the catalog: it is re-read before
 * the mirror or the network is touched, so a lost manifest or passages file never costs a download.
 */
export function keptCopy(
  doc: CatalogDocument,
  store: Store,
): { bytes: Uint8Array; verifiedBy: 'bytes' | 'text' } | undefined {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(store.docPath(doc)));
  } catch {
    return undefined;
  }
  try {
    return { bytes, verifiedBy: verify(doc, bytes) };
  } catch {
    return undefined; // damaged or of an older catalog entry: fetched again below
  }
}

/** One run's downloads: remembers failures across runs and stops trying when there is no network. */
class Downloads {
  streak = 0;
  succeeded = false;
  offline: string | undefined;
  readonly failures: Record<string, { at: string; error: string; offline: boolean }>;
  private changed = false;

  constructor(
    private readonly path: string,
    private readonly options: SyncOptions,
  ) {
    let saved: unknown;
    try {
      saved = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      saved = {};
    }
    this.failures = typeof saved === 'object' && saved !== null ? (saved as Downloads['failures']) : {};
  }

  async get(doc: CatalogDocument, url: string): Promise<Uint8Array> {
    const recent = this.failures[doc.id];
    const memory = this.options.skipRecentFailures;
    if (
      recent &&
      memory !== undefined &&
      Date.now() - Date.parse(recent.at) < memory &&
      Date.parse(recent.at) <= Date.now()
    ) {
      if (recent.offline) this.offline ??= recent.error.replace(/^could not download \S+: /, '');
      throw new SkippedDownload(
        `${recent.error} (at ${recent.at.slice(11, 16)} UTC; not retried for ${Math.round(memory / 60_000)} minutes, charter sync tries now)`,
        recent.offline,
      );
    }
    if (this.offline && !this.succeeded && this.streak >= OFFLINE_STREAK)
      throw new SkippedDownload(`not downloaded: ${this.offline}`, true);
    try {
      const bytes = await download(url, this.options.fetch);
      this.succeeded = true;
      this.streak = 0;
      if (this.failures[doc.id]) {
        delete this.failures[doc.id];
        this.changed = true;
      }
      return bytes;
    } catch (error) {
      if (error instanceof DownloadError) {
        const offline = error instanceof OfflineError;
        if (offline) {
          this.streak++;
          this.offline ??= error.message.replace(/^could not download \S+: /, '');
        } else this.streak = 0;
        this.failures[doc.id] = { at: new Date().toISOString(), error: error.message, offline };
        this.changed = true;
        if (offline) throw new SkippedDownload(error.message, true);
      }
      throw error;
    }
  }

  /** Saves what failed (best effort: a read-only data directory only means trying again next time). */
  save(): void {
    if (!this.changed) return;
    try {
      writeFileAtomic(this.path, `${JSON.stringify(this.failures, null, 2)}\n`);
    } catch {
      // nothing to do
    }
  }
}

/** A download not made, or made without an answer: the document's outcome is marked `offline`. */
class SkippedDownload extends Error {
  constructor(
    message: string,
    readonly offline: boolean,
  ) {
    super(message);
  }
}

async function obtain(
  doc: CatalogDocument,
  store: Store,
  options: SyncOptions,
  downloads: Downloads,
): Promise<{ bytes: Uint8Array; origin: string; kept: boolean }> {
  const file = `${doc.id}.${doc.source.format}`;
  if (!options.force) {
    const kept = keptCopy(doc, store);
    if (kept) return { bytes: kept.bytes, origin: store.docPath(doc), kept: true };
  }
  if (options.offline)
    throw new Error(`no verified copy of it is kept in ${store.dir} and downloads are off`);
  if (options.mirror) {
    const path = join(options.mirror, file);
    if (existsSync(path)) return { bytes: new Uint8Array(readFileSync(path)), origin: path, kept: false };
  }
  if (doc.source.url)
    return { bytes: await downloads.get(doc, doc.source.url), origin: doc.source.url, kept: false };
  // Only a mirror can supply it: without network it is told with the downloads (the fix is the same).
  throw new SkippedDownload(
    options.mirror
      ? `it is a local document (no download URL) and ${file} is not in the mirror ${options.mirror}`
      : `it is a local document (no download URL): pass --mirror DIR with ${file} in it`,
    downloads.offline !== undefined,
  );
}

async function syncOne(
  doc: CatalogDocument,
  store: Store,
  manifest: Manifest,
  options: SyncOptions,
  downloads: Downloads,
): Promise<SyncOutcome> {
  if (!options.force && store.isCurrent(doc, manifest)) return { id: doc.id, status: 'unchanged' };
  const started = performance.now();
  const hadPrevious = existsSync(store.docPath(doc)) && manifest.documents[doc.id] !== undefined;
  try {
    const { bytes, origin, kept } = await obtain(doc, store, options, downloads);
    const verifiedBy = verify(doc, bytes);
    const sha256 = sha256Hex(bytes);
    // A kept copy whose passages file is intact (only the manifest was lost) needs no new split.
    const cached = kept && !options.force ? store.readPassages(doc.id, sha256) : undefined;
    // Split before storing anything: a document that cannot be read keeps its previous good copy.
    const passages = cached ?? (await (options.toPassages ?? passagesOf)(doc, bytes));
    if (passages.length === 0) throw new Error('no passages could be read from it');
    if (!kept) writeFileAtomic(store.docPath(doc), bytes);
    if (!cached) store.writePassages(doc.id, sha256, passages);
    const previous = manifest.documents[doc.id];
    manifest.documents[doc.id] = {
      sha256,
      catalogSha256: doc.source.sha256,
      verifiedBy,
      // A kept copy came from somewhere first: keep saying where.
      origin: kept && previous?.sha256 === sha256 ? previous.origin : origin,
      passages: passages.length,
      pipeline: PIPELINE_VERSION,
      syncedAt: new Date().toISOString(),
    };
    store.writeManifest(manifest);
    return {
      id: doc.id,
      status: 'updated',
      verifiedBy,
      origin,
      passages: passages.length,
      ms: performance.now() - started,
      ...(kept ? { fromKeptCopy: true } : {}),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offline = error instanceof SkippedDownload && error.offline;
    return {
      id: doc.id,
      status: 'failed',
      error: reason,
      keptPrevious: hadPrevious,
      ...(offline ? { offline } : {}),
    };
  }
}

export async function syncCorpus(options: SyncOptions): Promise<SyncReport> {
  const started = performance.now();
  const store = new Store(options.dataDir);
  const manifest = store.readManifest();
  const outcomes: SyncOutcome[] = [];
  const downloads = new Downloads(join(options.dataDir, 'fetch-failures.json'), options);
  options.onProgress?.({ type: 'start', total: options.docs.length });
  for (const [index, doc] of options.docs.entries()) {
    const outcome = await syncOne(doc, store, manifest, options, downloads);
    outcomes.push(outcome);
    options.onProgress?.({ type: 'done', index, total: options.docs.length, outcome });
  }
  downloads.save();
  const report: SyncReport = {
    outcomes,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    changed: outcomes.filter((o) => o.status === 'updated').length,
    ms: performance.now() - started,
    ...(outcomes.some((o) => o.status === 'failed' && o.offline) && downloads.offline
      ? { offline: downloads.offline }
      : {}),
  };
  options.onProgress?.({ type: 'end', report });
  return report;
}
