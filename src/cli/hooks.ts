// What runs after a sync: the search index is rebuilt when the corpus changed or no index is saved yet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rebuildIndex } from '../app.js';
import { dataDir } from '../paths.js';
import { INDEX_FILE_NAME } from '../search/store.js';

/** Rebuilds the index when needed; says how many passages it holds, or undefined when it was current. */
export async function afterSync(changed: boolean): Promise<{ passages: number } | undefined> {
  if (!changed && existsSync(join(dataDir(), INDEX_FILE_NAME))) return undefined;
  const built = await rebuildIndex();
  return { passages: built.index.passages.length };
}
