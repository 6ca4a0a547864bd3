// The data directory (git-ignored): verified document copies, their passages, and a manifest.
//   data/docs/<id>.<ext>        the verified copy
//   data/passages/<id>.json     { pipeline, sha256, passages }
//   data/manifest.json          what was synced, from which bytes, by which pipeline
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import { asksVersion } from './asks.js';
import type { CatalogDocument } from './catalog.js';
import { PIPELINE_VERSION } from './pipeline.js';
import type { Passage } from './types.js';

export interface ManifestEntry {
  /** sha256 of the bytes kept (differs from the catalog's when verified by text). */
  sha256: string;
  /** The catalog fingerprint this copy was verified against: a catalog change means a new sync. */
  catalogSha256: string;
  /** 'bytes' when the raw bytes matched the catalog, 'text' when only the normalized text did. */
  verifiedBy: 'bytes' | 'text';
  /** Where the bytes came from: a mirror path or a URL. */
  origin: string;
  passages: number;
  pipeline: string;
  syncedAt: string;
}

export interface Manifest {
  documents: Record<string, ManifestEntry>;
}

/** What made the passages (src/corpus/pipeline.ts): cached passages made under another version are re-split. */
export { PIPELINE_VERSION };

export class Store {
  constructor(readonly dir: string) {}

  docPath(doc: CatalogDocument): string {
    return join(this.dir, 'docs', `${doc.id}.${doc.source.format}`);
  }

  passagesPath(id: string): string {
    return join(this.dir, 'passages', `${id}.json`);
  }

  get manifestPath(): string {
    return join(this.dir, 'manifest.json');
  }

  readManifest(): Manifest {
    try {
      const parsed = JSON.parse(readFileSync(this.manifestPath, 'utf8')) as Manifest;
      if (parsed && typeof parsed.documents === 'object') return parsed;
    } catch {
      // Missing or corrupt: start again; every document will be re-verified.
    }
    return { documents: {} };
  }

  writeManifest(manifest: Manifest): void {
    writeFileAtomic(this.manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  writePassages(id: string, sha256: string, passages: Passage[]): void {
    writeFileAtomic(this.passagesPath(id), JSON.stringify({ pipeline: PIPELINE_VERSION, sha256, passages }));
  }

  /** The passages of a document, or undefined when missing, corrupt or made by other code. */
  readPassages(id: string, sha256?: string): Passage[] | undefined {
    try {
      const parsed = JSON.parse(readFileSync(this.passagesPath(id), 'utf8')) as {
        pipeline?: string;
        sha256?: string;
        passages?: Passage[];
      };
      if (parsed.pipeline !== PIPELINE_VERSION || !Array.isArray(parsed.passages)) return undefined;
      if (sha256 !== undefined && parsed.sha256 !== sha256) return undefined;
      return parsed.passages;
    } catch {
      return undefined;
    }
  }

  /** Drops a document's kept copy, passages and manifest entry (`charter remove`). */
  forget(doc: CatalogDocument): void {
    const manifest = this.readManifest();
    if (manifest.documents[doc.id]) {
      delete manifest.documents[doc.id];
      this.writeManifest(manifest);
    }
    rmSync(this.passagesPath(doc.id), { force: true });
    rmSync(this.docPath(doc), { force: true });
  }

  /** Has this document been synced by the current pipeline, so it can be served (perhaps an older copy)? */
  isAvailable(doc: CatalogDocument, manifest: Manifest): boolean {
    const entry = manifest.documents[doc.id];
    return (
      entry !== undefined && entry.pipeline === PIPELINE_VERSION && existsSync(this.passagesPath(doc.id))
    );
  }

  /** Is it current as well: the very bytes the catalog names, with the copy on disk? */
  isCurrent(doc: CatalogDocument, manifest: Manifest): boolean {
    return (
      this.isAvailable(doc, manifest) &&
      manifest.documents[doc.id]!.catalogSha256 === doc.source.sha256 &&
      existsSync(this.docPath(doc))
    );
  }
}

/**
 * Identifies the corpus a saved index was built from: catalog facts, synced bytes, pipeline, and the reader
 * questions indexed with the passages (corpus/asks, by their bytes), so a saved index is rebuilt when they
 * change.
 */
export function corpusVersion(docs: CatalogDocument[], manifest: Manifest): string {
  const hash = createHash('sha256').update(PIPELINE_VERSION).update(`\0asks ${asksVersion()}\0`);
  for (const doc of [...docs].sort((a, b) => a.id.localeCompare(b.id))) {
    const entry = manifest.documents[doc.id];
    hash.update(`${doc.id}\0${entry?.sha256 ?? '-'}\0${JSON.stringify(doc)}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The documents that can be served and the version identifying them (see `corpusVersion`). */
export function availableCorpus(
  catalog: CatalogDocument[],
  store: Store,
  manifest: Manifest,
): { docs: CatalogDocument[]; version: string } {
  const docs = catalog.filter((doc) => store.isAvailable(doc, manifest));
  return { docs, version: corpusVersion(docs, manifest) };
}
