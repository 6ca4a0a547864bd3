// Documents an operator adds to one deployment (`charter add`): their catalog entries live in the data
// directory (local-catalog.json), never in the repository's catalog, and are marked `addedLocally`. The
// deployment's catalog is the repository's followed by them; an id may be used only once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import { dataDir } from '../paths.js';
import { type CatalogDocument, CatalogError, loadCatalog, parseCatalog } from './catalog.js';

export const localCatalogPath = (dir = dataDir()) => join(dir, 'local-catalog.json');

/** The locally added entries (none when the file does not exist); validated like the repository's. */
export function loadLocalCatalog(dir = dataDir()): CatalogDocument[] {
  const path = localCatalogPath(dir);
  if (!existsSync(path)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CatalogError(`The local catalog ${path} is not valid JSON (${(error as Error).message}).`);
  }
  return parseCatalog(json, path).map((doc) => ({ ...doc, addedLocally: true }));
}

export function saveLocalCatalog(docs: readonly CatalogDocument[], dir = dataDir()): void {
  const documents = docs.map((doc) => ({ ...doc, addedLocally: true }));
  writeFileAtomic(
    localCatalogPath(dir),
    `${JSON.stringify({ $comment: 'Documents added with `charter add` (this deployment only).', documents }, null, 2)}\n`,
  );
}

/** The repository's catalog and this deployment's own documents. */
export function deploymentCatalog(dir = dataDir()): CatalogDocument[] {
  const repo = loadCatalog();
  const local = loadLocalCatalog(dir);
  for (const doc of local)
    if (repo.some((d) => d.id === doc.id))
      throw new CatalogError(
        `The local catalog ${localCatalogPath(dir)} lists "${doc.id}", which the repository's catalog already has.`,
      );
  return [...repo, ...local];
}
