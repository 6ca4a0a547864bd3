// Loading the synced corpus for answering; syncing it first when it is missing or out of date, so that
// `charter ask` works on a fresh clone with one command.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir as defaultDataDir, PROJECT_ROOT } from '../paths.js';
import { type CatalogDocument, loadCatalog } from './catalog.js';
import { availableCorpus, Store } from './store.js';
import { type SyncEvent, syncCorpus } from './sync.js';
import type { Passage } from './types.js';

export interface LoadedCorpus {
  docs: CatalogDocument[];
  passages: Passage[];
  /** Identifies catalog + synced bytes + pipeline: the saved index is rebuilt when it changes. */
  version: string;
  store: Store;
}

/** The mirror to use by default: CHARTER_MIRROR, else the shared folder beside the checkout when present. */
export function defaultMirror(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHARTER_MIRROR) return env.CHARTER_MIRROR;
  const sibling = join(PROJECT_ROOT, '..', 'shared', 'corpus', 'raw');
  return existsSync(sibling) ? sibling : undefined;
}

export interface LoadOptions {
  dataDir?: string;
  catalog?: CatalogDocument[];
  /** Sync documents that are missing or stale before loading (default true). */
  autoSync?: boolean;
  mirror?: string;
  onProgress?: (event: SyncEvent) => void;
}

export async function loadCorpus(options: LoadOptions = {}): Promise<LoadedCorpus> {
  const catalog = options.catalog ?? loadCatalog();
  const store = new Store(options.dataDir ?? defaultDataDir());
  let manifest = store.readManifest();
  const stale = catalog.filter((doc) => !store.isCurrent(doc, manifest));
  if (stale.length > 0 && options.autoSync !== false) {
    const mirror = options.mirror ?? defaultMirror();
    await syncCorpus({
      docs: stale,
      dataDir: store.dir,
      ...(mirror ? { mirror } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    manifest = store.readManifest();
  }
  const passages: Passage[] = [];
  let forgot = false;
  for (const doc of catalog.filter((d) => store.isAvailable(d, manifest))) {
    const own = store.readPassages(doc.id, manifest.documents[doc.id]!.sha256);
    if (own) {
      for (const p of own) passages.push(p);
      continue;
    }
    // Unreadable cached passages: forget the entry so the next sync redoes this document and the
    // manifest never claims more than the index holds.
    delete manifest.documents[doc.id];
    forgot = true;
  }
  if (forgot) store.writeManifest(manifest);
  const { docs, version } = availableCorpus(catalog, store, manifest);
  return { docs, passages, version, store };
}
