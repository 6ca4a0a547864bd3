// Opens Charter for answering: the synced corpus, its search index (loaded from the data directory, or built
// and saved when missing or made for another corpus) and the services the commands use. Every entry point
// (CLI, gateway, endpoint, bench) goes through here, so the index is built in one place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogDocument } from './corpus/catalog.js';
import { loadCatalog } from './corpus/catalog.js';
import { loadCorpus } from './corpus/load.js';
import { corpusVersion, Store } from './corpus/store.js';
import type { SyncEvent } from './corpus/sync.js';
import type { Passage } from './corpus/types.js';
import type { Services } from './discord/services.js';
import { writeFileAtomic } from './fsutil.js';
import { dataDir as defaultDataDir } from './paths.js';
import { CorpusIndex, type SavedIndex } from './search/index.js';
import { ReferenceResolver } from './search/reference.js';

export interface Charter {
  docs: CatalogDocument[];
  index: CorpusIndex;
  resolver: ReferenceResolver;
  services: Services;
  /** Identifies catalog + synced bytes + pipeline (reported by /healthz). */
  version: string;
}

interface SavedFile {
  corpusVersion: string;
  index: SavedIndex;
}

export interface OpenOptions {
  dataDir?: string;
  mirror?: string;
  autoSync?: boolean;
  onProgress?: (event: SyncEvent) => void;
}

const indexPath = (dir: string) => join(dir, 'index.json');

/** Builds the index over the synced corpus and saves it atomically (called by `charter sync`). */
export async function rebuildIndex(
  options: OpenOptions = {},
): Promise<{ index: CorpusIndex; docs: CatalogDocument[]; version: string; ms: number; bytes: number }> {
  const started = performance.now();
  const corpus = await loadCorpus({ ...options, autoSync: false });
  const index = CorpusIndex.build(corpus.docs, corpus.passages);
  const json = JSON.stringify({ corpusVersion: corpus.version, index } satisfies {
    corpusVersion: string;
    index: CorpusIndex;
  });
  writeFileAtomic(indexPath(corpus.store.dir), json);
  return {
    index,
    docs: corpus.docs,
    version: corpus.version,
    ms: performance.now() - started,
    bytes: Buffer.byteLength(json),
  };
}

/** The saved index when it was made for exactly the corpus on disk; undefined otherwise (then rebuild). */
function loadSaved(dir: string, docs: CatalogDocument[], version: string): CorpusIndex | undefined {
  let saved: SavedFile;
  try {
    saved = JSON.parse(readFileSync(indexPath(dir), 'utf8')) as SavedFile;
  } catch {
    return undefined; // missing or corrupt: rebuilt from the cached documents
  }
  if (saved.corpusVersion !== version) return undefined;
  try {
    return CorpusIndex.load(docs, saved.index);
  } catch {
    return undefined;
  }
}

export async function openCharter(options: OpenOptions = {}): Promise<Charter> {
  const dir = options.dataDir ?? defaultDataDir();
  const catalog = loadCatalog();
  const store = new Store(dir);
  let manifest = store.readManifest();
  if (options.autoSync !== false && catalog.some((doc) => !store.isCurrent(doc, manifest))) {
    await loadCorpus({ ...options, dataDir: dir, catalog }); // syncs what is missing or stale
    manifest = store.readManifest();
  }
  const docs = catalog.filter((doc) => store.isCurrent(doc, manifest));
  const version = corpusVersion(docs, manifest);
  const index = loadSaved(dir, docs, version) ?? (await rebuildIndex({ ...options, dataDir: dir })).index;
  return assemble(docs, index, version);
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
    passagesOf: (docId) => byDoc.get(docId) ?? [],
  };
  return { docs, index, resolver, services, version };
}
