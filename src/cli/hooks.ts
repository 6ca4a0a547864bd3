// What runs after a sync: the search index is rebuilt when the corpus changed or no index is saved yet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rebuildIndex } from '../app.js';
import { dataDir } from '../paths.js';
import { INDEX_FILE_NAME } from '../search/store.js';

export async function afterSync(changed: boolean): Promise<void> {
  if (!changed && existsSync(join(dataDir(), INDEX_FILE_NAME))) return;
  const built = await rebuildIndex();
  console.error(
    `Indexed ${built.index.passages.length} passages of ${built.docs.length} documents in ${Math.round(built.ms)} ms (${(built.bytes / 1e6).toFixed(1)} MB).`,
  );
}
