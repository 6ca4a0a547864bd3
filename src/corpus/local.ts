// Documents an operator adds to one deployment (`charter add`): their catalog entries live in the data
// directory (local-catalog.json), never in the repository's catalog, and are marked `addedLocally`. The
// deployment's catalog is the repository's followed by them; an id may be used only once.
//
// A damaged local catalog (issue 21, W17: random bytes, invalid JSON, an entry that fails the schema or
// repeats a repository id) never stops Charter: it is one warning, the repository's catalog and every valid
// local entry still serve, and the saved index is not rewritten while it lasts (see `localCatalogDamage`).
// The next `charter add` or `charter remove` repairs it: it writes the valid entries back and keeps the
// damaged file beside it as local-catalog.json.damaged, so nothing is thrown away unseen.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import { dataDir } from '../paths.js';
import { type CatalogDocument, loadCatalog, parseCatalog } from './catalog.js';
import { warnOnStderr } from './warn.js';

export const localCatalogPath = (dir = dataDir()) => join(dir, 'local-catalog.json');

export interface LocalCatalog {
  docs: CatalogDocument[];
  /** Why (part of) the file could not be used, one clause; undefined when it is sound or absent. */
  damage?: string;
}

/** The locally added entries, tolerant: what cannot be used is left out and named in `damage`. */
export function readLocalCatalog(
  dir = dataDir(),
  repo: readonly CatalogDocument[] = loadCatalog(),
): LocalCatalog {
  const path = localCatalogPath(dir);
  if (!existsSync(path)) return { docs: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code
      ? `it cannot be read (${(error as NodeJS.ErrnoException).code})`
      : 'it is not valid JSON';
    return { docs: [], damage: why };
  }
  const entries =
    typeof json === 'object' && json !== null && Array.isArray((json as { documents?: unknown }).documents)
      ? ((json as { documents: unknown[] }).documents as unknown[])
      : undefined;
  if (!entries) return { docs: [], damage: 'it has no "documents" list' };
  const docs: CatalogDocument[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    try {
      const [doc] = parseCatalog({ documents: [entry] }, 'the local catalog') as [CatalogDocument];
      if (repo.some((d) => d.id === doc.id) || docs.some((d) => d.id === doc.id))
        problems.push(`"${doc.id}" is listed twice`);
      else docs.push({ ...doc, addedLocally: true });
    } catch (error) {
      problems.push((error as Error).message.replace(/^In the local catalog, /, '').replace(/\.$/, ''));
    }
  }
  return {
    docs,
    ...(problems.length > 0
      ? { damage: `${problems.length} entry(ies) cannot be used (${problems.join('; ')})` }
      : {}),
  };
}

/** The locally added entries that can be used (none when the file does not exist). */
export function loadLocalCatalog(dir = dataDir()): CatalogDocument[] {
  return readLocalCatalog(dir).docs;
}

/** Why the local catalog is damaged, or undefined: while it is, the saved index is not rewritten. */
export function localCatalogDamage(dir = dataDir()): string | undefined {
  return readLocalCatalog(dir).damage;
}

/** Writes the local catalog (repairing a damaged one: the old file is kept as local-catalog.json.damaged). */
export function saveLocalCatalog(docs: readonly CatalogDocument[], dir = dataDir()): void {
  const path = localCatalogPath(dir);
  if (readLocalCatalog(dir).damage) copyFileSync(path, `${path}.damaged`);
  const documents = docs.map((doc) => ({ ...doc, addedLocally: true }));
  writeFileAtomic(
    path,
    `${JSON.stringify({ $comment: 'Documents added with `charter add` (this deployment only).', documents }, null, 2)}\n`,
  );
}

const warned = new Set<string>();

/** The repository's catalog and this deployment's own documents; a damaged local catalog is warned of once. */
export function deploymentCatalog(
  dir = dataDir(),
  warn: (message: string) => void = warnOnStderr,
): CatalogDocument[] {
  const repo = loadCatalog();
  const local = readLocalCatalog(dir, repo);
  if (local.damage) {
    const path = localCatalogPath(dir);
    const key = `${path}\0${local.damage}`;
    if (!warned.has(key)) {
      warned.add(key);
      warn(
        `the local catalog ${path} is damaged: ${local.damage}; serving the repository's catalog${local.docs.length > 0 ? ` and ${local.docs.length} readable local document(s)` : ''} without saving the index — charter add or charter remove ID repairs it (the damaged file is kept as local-catalog.json.damaged).`,
      );
    }
  }
  return [...repo, ...local.docs];
}
