// Where the project lives on disk, whether running from src/ (tests) or dist/src/ (the bin).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
