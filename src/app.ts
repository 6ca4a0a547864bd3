// Opens Charter for answering: the synced corpus, its search index (loaded from the data directory, or built
// and saved when missing or made for another corpus) and the services the commands use. Every entry point
// (CLI, gateway, endpoint, bench) goes through here, so the index is built in one place.
//
// Start-up speed: the fast path (everything synced, index saved for this corpus) reads only the catalog,
// the manifest and the saved index. The readers (pdfjs is heavy) and sync load only when work is needed.
import { join } from 'node:path';
import type { Services } from './answer/services.js';
import type { CatalogDocument } from './corpus/catalog.js';
import type { LoadOptions } from './corpus/load.js';
import { deploymentCatalog, localCatalogDamage } from './corpus/local.js';
import { availableCorpus, Store } from './corpus/store.js';
import type { SyncEvent } from './corpus/sync.js';
import type { Passage } from './corpus/types.js';
import { warnOnStderr } from './corpus/warn.js';
import { dataDir as defaultDataDir } from './paths.js';
import { DocNameMatcher } from './search/docnames.js';
import { CorpusIndex } from './search/index.js';
import { ReferenceResolver } from './search/reference/resolver.js';
import { INDEX_FILE_NAME, readIndexFile, readSavedIndex, writeIndexFile } from './search/store.js';

export interface Charter {
  docs: CatalogDocument[];
  /** The deployment's catalog: `docs` plus what it lists but cannot serve yet (never synced, or failed). */
  catalog: readonly CatalogDocument[];
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
  /** Recoveries and degraded states, one sentence each (stderr by default). */
  onWarning?: (message: string) => void;
  /** Load the saved index instead of building when it matches the corpus after recovery. */
  reuseSaved?: boolean;
}

const indexPath = (dir: string) => join(dir, INDEX_FILE_NAME);

export interface BuiltIndex {
  index: CorpusIndex;
  docs: CatalogDocument[];
  version: string;
  ms: number;
  /** Bytes written, or 0 when the saved index was kept (see `saveUnlessSmaller`). */
  bytes: number;
}

/**
 * Builds the index over the synced corpus and saves it atomically (called by `charter sync` and on a slow
 * start). Never replaces a saved index that covers documents this build lacks while the catalog still lists
 * them — then the saved index is served instead (nothing is lost) — and a failed save is a warning: the
 * process serves what it built.
 */
export async function rebuildIndex(options: OpenOptions = {}): Promise<BuiltIndex> {
  const started = performance.now();
  const warn = options.onWarning ?? warnOnStderr;
  const { loadCorpus } = await import('./corpus/load.js');
  const loadOptions: LoadOptions = { ...options, autoSync: options.autoSync ?? false };
  const corpus = await loadCorpus(loadOptions);
  const path = indexPath(corpus.store.dir);
  if (options.reuseSaved) {
    // After a recovery the corpus may be exactly what the saved index was built from (a lost manifest).
    const saved = readIndexFile(path, corpus.docs, corpus.version);
    if (saved)
      return {
        index: saved,
        docs: corpus.docs,
        version: corpus.version,
        ms: performance.now() - started,
        bytes: 0,
      };
  }
  const index = CorpusIndex.build(corpus.docs, corpus.passages);
  const done = (built: Omit<BuiltIndex, 'ms'>): BuiltIndex => ({ ...built, ms: performance.now() - started });

  const kept = savedCoverage(path, options.catalog ?? deploymentCatalog(corpus.store.dir));
  const lost = kept ? [...kept.docIds].filter((id) => !corpus.docs.some((d) => d.id === id)) : [];
  if (kept && lost.length > 0) {
    const why = lost.map((id) => {
      const cause = corpus.missing.find((m) => m.id === id)?.cause ?? 'it could not be read';
      return `${id}: ${cause}`;
    });
    const older = kept.covers(corpus.docs) ? kept.load() : undefined;
    warn(
      `kept the saved index ${path}: rebuilding it would drop ${lost.join(', ')} (${why.join('; ')}); ` +
        `${older ? 'serving the saved index' : 'serving the smaller index from memory'} until they can be synced again.`,
    );
    if (older) return done({ ...older, bytes: 0 });
    return done({ index, docs: corpus.docs, version: corpus.version, bytes: 0 });
  }
  let bytes = 0;
  // A damaged local catalog hides the operator's documents for now: the saved index (which has them) is
  // kept, and this one served from memory, until `charter add`/`remove` repairs it (the warning says so).
  if (localCatalogDamage(corpus.store.dir))
    return done({ index, docs: corpus.docs, version: corpus.version, bytes });
  try {
    bytes = writeIndexFile(path, index, corpus.version);
  } catch (error) {
    warn(`could not save the search index to ${path} (${(error as Error).message}); serving it from memory.`);
  }
  return done({ index, docs: corpus.docs, version: corpus.version, bytes });
}

/**
 * What the saved index covers, read only on the slow path. Undefined when there is no usable saved index.
 * Documents the catalog no longer lists do not count: the catalog dropping them is a reason to rebuild.
 */
function savedCoverage(path: string, catalog: CatalogDocument[]) {
  const saved = readSavedIndex(path);
  if (!saved) return undefined;
  const inCatalog = new Set(catalog.map((d) => d.id));
  const present = new Set<string>();
  for (const passage of saved.passages) present.add(passage.docId);
  const docIds = new Set([...present].filter((id) => inCatalog.has(id)));
  return {
    docIds,
    /** Does the saved index hold every document of `docs`, and nothing the catalog dropped? */
    covers: (docs: CatalogDocument[]) => present.size === docIds.size && docs.every((d) => docIds.has(d.id)),
    load: () => {
      const docs = catalog.filter((d) => docIds.has(d.id));
      try {
        const index = CorpusIndex.load(docs, saved.index);
        return index ? { index, docs, version: saved.corpusVersion } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export async function openCharter(options: OpenOptions = {}): Promise<Charter> {
  const dir = options.dataDir ?? defaultDataDir();
  const catalog = options.catalog ?? deploymentCatalog(options.dataDir);
  const store = new Store(dir);
  const manifest = store.readManifest();
  const allCurrent = catalog.every((doc) => store.isCurrent(doc, manifest));
  if (allCurrent || options.autoSync === false) {
    const { docs, version } = availableCorpus(catalog, store, manifest);
    const saved = readIndexFile(indexPath(dir), docs, version);
    if (saved) return assemble(docs, saved, version, catalog);
  }
  // Slow path: recover what the data directory still holds, sync what is missing or stale (a document that
  // fails keeps its previous good copy), then build and save the index over what can be served.
  const built = await rebuildIndex({
    ...options,
    catalog,
    dataDir: dir,
    autoSync: options.autoSync ?? true,
    reuseSaved: true,
  });
  return assemble(built.docs, built.index, built.version, catalog);
}

/**
 * A failed quote that names a document of the catalog which is not served (never synced, or its download
 * failed) says so, instead of "no document is called …" (issue 21, the first run offline).
 */
function notSyncedYet(catalog: readonly CatalogDocument[], docs: readonly CatalogDocument[]) {
  const served = new Set(docs.map((d) => d.id));
  const unsynced = catalog.filter((d) => !served.has(d.id));
  if (unsynced.length === 0) return () => undefined;
  let names: DocNameMatcher | undefined;
  return (reference: string): string[] | undefined => {
    names ??= new DocNameMatcher(unsynced);
    const ids = [...new Set(names.findExact(reference).map((found) => found.docId))];
    if (ids.length === 0) return undefined;
    return ids.map((id) => unsynced.find((d) => d.id === id)!.shortTitle);
  };
}

/** Services over an index (also used by tests and the bench with an index they built themselves). */
export function assemble(
  docs: CatalogDocument[],
  index: CorpusIndex,
  version: string,
  catalog: readonly CatalogDocument[] = docs,
): Charter {
  const unsynced = notSyncedYet(catalog, docs);
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
    quote: (reference) => {
      const quoted = resolver.resolve(reference);
      const titles = quoted.ok ? undefined : unsynced(reference);
      return titles
        ? { ok: false, reference, failure: { reason: 'not-synced', titles }, suggestions: [] }
        : quoted;
    },
    isReference: (text) => resolver.looksLikeReference(text),
    missingIn: (text) => index.missingIn(text),
    passagesOf: (docId) => byDoc.get(docId) ?? [],
    linkTable: () => index.linkTable(docs),
  };
  return { docs, catalog, index, resolver, services, version };
}
