// Opens Charter for answering: the synced corpus, its search index (loaded from the data directory, or built
// and saved when missing or made for another corpus) and the services the commands use. Every entry point
// (CLI, gateway, endpoint, bench) goes through here, so the index is built in one place.
//
// Start-up speed: the fast path (everything synced, index saved for this corpus) reads only the catalog,
// the manifest and the saved index. The readers (pdfjs is heavy) and sync load only when work is needed.
import { join } from 'node:path';
import type { CatalogDocument } from './corpus/catalog.js';
import { loadCatalog } from './corpus/catalog.js';
import type { LoadOptions } from './corpus/load.js';
import { availableCorpus, Store } from './corpus/store.js';
import type { SyncEvent } from './corpus/sync.js';
import type { Passage } from './corpus/types.js';
import type { Services } from './discord/services.js';
import { dataDir as defaultDataDir } from './paths.js';
import { CorpusIndex } from './search/index.js';
import { ReferenceResolver } from './search/reference.js';
import { INDEX_FILE_NAME, readIndexFile, writeIndexFile } from './search/store.js';

export interface Charter {
  docs: CatalogDocument[];
  index: CorpusIndex;
  resolver: ReferenceResolver;
  services: Services;
  /** Identifies catalog + synced bytes + pipeline (reported by /healthz). */
  version: string;
}

export interface OpenOptions {
  dataDir?: string;
  /** The documents to serve; the project's catalog by default (tests pass their own). */
  catalog?: CatalogDocument[];
  mirror?: string;
  autoSync?: boolean;
  onProgress?: (event: SyncEvent) => void;
}

const indexPath = (dir: string) => join(dir, INDEX_FILE_NAME);

/** Builds the index over the synced corpus and saves it atomically (called by `charter sync`). */
export async function rebuildIndex(
  options: OpenOptions = {},
): Promise<{ index: CorpusIndex; docs: CatalogDocument[]; version: string; ms: number; bytes: number }> {
  const started = performance.now();
  const { loadCorpus } = await import('./corpus/load.js');
  const loadOptions: LoadOptions = { ...options, autoSync: options.autoSync ?? false };
  const corpus = await loadCorpus(loadOptions);
  const index = CorpusIndex.build(corpus.docs, corpus.passages);
  const bytes = writeIndexFile(indexPath(corpus.store.dir), index, corpus.version);
  return {
    index,
    docs: corpus.docs,
    version: corpus.version,
    ms: performance.now() - started,
    bytes,
  };
}

export async function openCharter(options: OpenOptions = {}): Promise<Charter> {
  const dir = options.dataDir ?? defaultDataDir();
  const catalog = options.catalog ?? loadCatalog();
  const store = new Store(dir);
  const manifest = store.readManifest();
  const allCurrent = catalog.every((doc) => store.isCurrent(doc, manifest));
  if (allCurrent || options.autoSync === false) {
    const { docs, version } = availableCorpus(catalog, store, manifest);
    const saved = readIndexFile(indexPath(dir), docs, version);
    if (saved) return assemble(docs, saved, version);
  }
  // Slow path: sync what is missing or stale (a document that fails keeps its previous good copy), then
  // build and save the index over what can be served.
  const built = await rebuildIndex({ ...options, dataDir: dir, autoSync: options.autoSync ?? true });
  return assemble(built.docs, built.index, built.version);
}

/** Services over an index (also used by tests and the bench with an index they built themselves). */
export function assemble(docs: CatalogDocument[], index: CorpusIndex, version: string): Charter {
  const resolver = new ReferenceResolver(docs, index.passages);
  const byDoc = new Map<string, Passage[]>();
  for (const passage of index.passages) {
    const list = byDoc.get(passage.docId) ?? [];
    list.push(passage);
    byDoc.set(passage.docId, list);
  }
  const services: Services = {
    catalog: docs,
    search: (query, opts) => index.search(query, opts),
    quote: (reference) => resolver.resolve(reference),
    isReference: (text) => resolver.looksLikeReference(text),
    passagesOf: (docId) => byDoc.get(docId) ?? [],
  };
  return { docs, index, resolver, services, version };
}
