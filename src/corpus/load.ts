// Loading the synced corpus for answering; syncing it first when it is missing or out of date, so that
// `charter ask` works on a fresh clone with one command.
//
// Losing nothing (docs/reliability.md, W1/W2/W4): a document whose manifest entry or passages file is lost
// or unreadable is re-read and re-split from its verified copy in the data directory before the mirror or
// the network is asked; when the data directory cannot be written, the recovered passages are served from
// memory; every recovery is reported once, with its cause, through `onWarning`.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, environment } from '../config/env.js';
import { dataDir as defaultDataDir, PROJECT_ROOT } from '../paths.js';
import { passagesOf } from './build.js';
import type { CatalogDocument } from './catalog.js';
import { sha256Hex } from './fingerprint.js';
import { deploymentCatalog } from './local.js';
import { corpusVersion, type Manifest, PIPELINE_VERSION, Store } from './store.js';
import { FAILED_FETCH_MEMORY_MS, keptCopy, type SyncEvent, syncCorpus } from './sync.js';
import type { Passage } from './types.js';
import { warnOnStderr } from './warn.js';

export interface LoadedCorpus {
  docs: CatalogDocument[];
  passages: Passage[];
  /** Identifies catalog + synced bytes + pipeline: the saved index is rebuilt when it changes. */
  version: string;
  store: Store;
  /** Catalog documents that cannot be served, each with why (one sentence). */
  missing: { id: string; cause: string }[];
}

/**
 * The mirror to use by default: CHARTER_MIRROR, else the shared folder beside the checkout when present. A
 * CHARTER_MIRROR that is not a folder is refused in one sentence (like `--mirror`): a new-user trial's typo went
 * unmentioned, every document was then tried online, and the reply blamed the network.
 */
export function defaultMirror(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { mirror } = environment(env);
  if (mirror) {
    if (!isFolder(mirror))
      throw new ConfigError(
        'CHARTER_MIRROR is set to a path that is not a folder: set it to a folder of <id>.<ext> copies of the documents, or unset it to download them from their pinned URLs.',
      );
    return mirror;
  }
  const sibling = join(PROJECT_ROOT, '..', 'shared', 'corpus', 'raw');
  return existsSync(sibling) ? sibling : undefined;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface LoadOptions {
  dataDir?: string;
  catalog?: CatalogDocument[];
  /** Sync documents that are missing or stale before loading (default true). */
  autoSync?: boolean;
  mirror?: string;
  onProgress?: (event: SyncEvent) => void;
  /** Recoveries and degraded states, one sentence each (stderr by default; `serve` logs them). */
  onWarning?: (message: string) => void;
}

/** Why a document cannot be served from what the manifest says, or undefined when it can. */
function unservable(doc: CatalogDocument, store: Store, manifest: Manifest): string | undefined {
  const entry = manifest.documents[doc.id];
  if (!entry) return 'the manifest has no entry for it';
  if (entry.pipeline !== PIPELINE_VERSION) return 'its passages were made by an older reader or splitter';
  if (!existsSync(store.passagesPath(doc.id))) return 'its passages file is missing';
  return undefined;
}

/** Re-reads and re-splits the kept verified copy; saves what it can, serves from memory what it cannot. */
async function recoverFromKeptCopy(
  doc: CatalogDocument,
  store: Store,
  manifest: Manifest,
): Promise<{ passages: Passage[]; unsaved?: string } | undefined> {
  const copy = keptCopy(doc, store);
  if (!copy) return undefined;
  const sha256 = sha256Hex(copy.bytes);
  // Only the manifest was lost: the passages file made from these very bytes is still good.
  const cached = store.readPassages(doc.id, sha256);
  let passages: Passage[];
  try {
    passages = cached ?? (await passagesOf(doc, copy.bytes));
  } catch {
    return undefined;
  }
  if (passages.length === 0) return undefined;
  const previous = manifest.documents[doc.id];
  manifest.documents[doc.id] = {
    sha256,
    catalogSha256: doc.source.sha256,
    verifiedBy: copy.verifiedBy,
    origin: previous?.sha256 === sha256 ? previous.origin : store.docPath(doc),
    passages: passages.length,
    pipeline: PIPELINE_VERSION,
    syncedAt: new Date().toISOString(),
  };
  if (cached) return { passages };
  try {
    store.writePassages(doc.id, sha256, passages);
    return { passages };
  } catch (error) {
    return { passages, unsaved: (error as Error).message };
  }
}

export async function loadCorpus(options: LoadOptions = {}): Promise<LoadedCorpus> {
  const catalog = options.catalog ?? deploymentCatalog(options.dataDir ?? defaultDataDir());
  const store = new Store(options.dataDir ?? defaultDataDir());
  const warn = options.onWarning ?? warnOnStderr;
  let manifest = store.readManifest();
  const autoSync = options.autoSync !== false;

  // Documents the catalog moved on from (new bytes) or that were never synced go to the mirror or the
  // network first — but only when their kept copy cannot serve them (see below).
  const toFetch = autoSync ? catalog.filter((doc) => !store.isCurrent(doc, manifest)) : [];
  const fetchable = toFetch.filter((doc) => !keptCopy(doc, store));
  const fetchFailed = new Map<string, string>();
  if (fetchable.length > 0) {
    const mirror = options.mirror ?? defaultMirror();
    const report = await syncCorpus({
      docs: fetchable,
      dataDir: store.dir,
      // An answer does not wait for downloads that failed a moment ago; `charter sync` retries them.
      skipRecentFailures: FAILED_FETCH_MEMORY_MS,
      ...(mirror ? { mirror } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    for (const outcome of report.outcomes)
      if (outcome.status === 'failed') fetchFailed.set(outcome.id, outcome.error);
    manifest = store.readManifest();
  }

  const byDoc = new Map<string, Passage[]>();
  const missing: { id: string; cause: string }[] = [];
  const recovered = new Map<string, string[]>(); // cause → ids
  const unsaved: string[] = [];
  let manifestChanged = false;
  for (const doc of catalog) {
    let cause = unservable(doc, store, manifest);
    if (!cause) {
      const own = store.readPassages(doc.id, manifest.documents[doc.id]!.sha256);
      if (own && (store.isCurrent(doc, manifest) || !keptCopy(doc, store))) {
        byDoc.set(doc.id, own);
        continue;
      }
      cause = own ? 'the catalog names new bytes for it' : 'its passages file is unreadable';
    }
    const recovery = await recoverFromKeptCopy(doc, store, manifest);
    if (recovery) {
      byDoc.set(doc.id, recovery.passages);
      manifestChanged = true;
      if (cause !== 'the catalog names new bytes for it')
        recovered.set(cause, [...(recovered.get(cause) ?? []), doc.id]);
      if (recovery.unsaved) unsaved.push(`${doc.id} (${recovery.unsaved})`);
      continue;
    }
    const fetchError = fetchFailed.get(doc.id);
    missing.push({
      id: doc.id,
      cause: `${cause}, no verified copy of it is kept${fetchError ? ` and ${fetchError}` : ''}`,
    });
    // The manifest never claims more than can be served (`charter sources` reads it).
    if (manifest.documents[doc.id] && !store.readPassages(doc.id)) {
      delete manifest.documents[doc.id];
      manifestChanged = true;
    }
  }
  if (manifestChanged) {
    try {
      store.writeManifest(manifest);
    } catch (error) {
      unsaved.push(`manifest.json (${(error as Error).message})`);
    }
  }
  if (recovered.size > 0) {
    const count = [...recovered.values()].reduce((n, ids) => n + ids.length, 0);
    const why = [...recovered].map(([cause, ids]) => `${ids.join(', ')} (${cause})`);
    warn(`re-read ${count} document(s) from their verified copies, offline: ${why.join('; ')}.`);
  }
  if (unsaved.length > 0) warn(`could not save to ${store.dir}, serving from memory: ${unsaved.join('; ')}.`);

  const docs = catalog.filter((doc) => byDoc.has(doc.id));
  const passages: Passage[] = [];
  for (const doc of docs) for (const p of byDoc.get(doc.id)!) passages.push(p);
  return { docs, passages, version: corpusVersion(docs, manifest), store, missing };
}
