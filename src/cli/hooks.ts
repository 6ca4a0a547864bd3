// What runs after a sync: building the search index (wired once search lands).
import type { CatalogDocument } from '../corpus/catalog.js';

export async function afterSync(_catalog: CatalogDocument[], _changed: boolean): Promise<void> {}
