// The saved index on disk: written once by `charter sync` (atomically: a crash never leaves half a file),
// read at start. A file of another format version or made for another corpus is treated as absent, so it
// gets rebuilt from the cached documents.
import { readFileSync } from 'node:fs';
import type { CatalogDocument } from '../corpus/catalog.js';
import { writeFileAtomic } from '../fsutil.js';
import { CorpusIndex, type SavedIndex } from './index.js';

export const INDEX_FILE_NAME = 'index.json';

/**
 * Identifies what the index was built from. It is computed from the manifest (see corpusVersion in
 * corpus/store.ts), so checking it at start needs no passage to be read.
 */
type SavedFile = SavedIndex & { corpusVersion: string };

/** Writes the index through a temporary file and a rename; returns the bytes written. */
export function writeIndexFile(path: string, index: CorpusIndex, corpusVersion: string): number {
  const json = JSON.stringify({ corpusVersion, ...index.toJSON() } satisfies SavedFile);
  writeFileAtomic(path, json);
  return Buffer.byteLength(json);
}

/** The saved file as written, or undefined when missing, unreadable or not of the saved shape. */
export function readSavedIndex(
  path: string,
): { corpusVersion: string; passages: SavedIndex['passages']; index: SavedIndex } | undefined {
  let saved: SavedFile;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as SavedFile;
  } catch {
    return undefined;
  }
  if (typeof saved !== 'object' || saved === null || !Array.isArray(saved.passages)) return undefined;
  return { corpusVersion: String(saved.corpusVersion), passages: saved.passages, index: saved };
}

/** Reads a saved index; undefined when missing, unreadable, of another format version or another corpus. */
export function readIndexFile(
  path: string,
  docs: readonly CatalogDocument[],
  corpusVersion: string,
): CorpusIndex | undefined {
  const saved = readSavedIndex(path);
  if (!saved || saved.corpusVersion !== corpusVersion) return undefined;
  try {
    return CorpusIndex.load(docs, saved.index);
  } catch {
    return undefined; // a damaged index section: rebuilding is the answer
  }
}
