// Where the project lives on disk, whether running from src/ (tests) or dist/src/ (the bin).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'corpus', 'catalog.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Charter cannot find its corpus/catalog.json above ${start}.`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * Where synced documents and the saved index live (git-ignored). CHARTER_DATA_DIR overrides it; set but
 * empty it is refused, rather than silently meaning the current directory (issue 13, W8).
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHARTER_DATA_DIR;
  if (configured !== undefined && configured.trim() === '')
    throw new Error(
      'CHARTER_DATA_DIR is set but empty: unset it to use ./data, or set it to the folder for the synced documents.',
    );
  return resolve(configured ?? join(PROJECT_ROOT, 'data'));
}
