// Golden tests read the real documents, synced once per run from the mirror (CHARTER_MIRROR, default
// ../shared/corpus/raw) by test/global-setup.ts. With CI=true a missing mirror fails the tests instead of
// skipping them.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CatalogDocument, loadCatalog } from '../../src/corpus/catalog.js';
import { Store } from '../../src/corpus/store.js';
import type { Passage } from '../../src/corpus/types.js';
import { PROJECT_ROOT } from '../../src/paths.js';

export const MIRROR = resolve(
  process.env.CHARTER_MIRROR ?? join(PROJECT_ROOT, '..', 'shared', 'corpus', 'raw'),
);
export const HAVE_MIRROR = existsSync(MIRROR);
if (!HAVE_MIRROR && process.env.CI) {
  throw new Error(
    `The corpus mirror ${MIRROR} is missing; set CHARTER_MIRROR. Golden tests never skip in CI.`,
  );
}

export const catalog = loadCatalog();

export function catalogDoc(id: string): CatalogDocument {
  const doc = catalog.find((d) => d.id === id);
  if (!doc) throw new Error(`No catalog entry ${id}`);
  return doc;
}

const store = new Store(join(PROJECT_ROOT, 'node_modules', '.cache', 'charter-test-data'));

/** The passages of one real document, as `charter sync` made them in the global setup. */
export async function realPassages(id: string): Promise<Passage[]> {
  catalogDoc(id);
  const passages = store.readPassages(id);
  if (!passages) throw new Error(`${id} was not synced by the test setup (see the setup's message above).`);
  return passages;
}

/** describe.runIf-friendly flag: golden suites run when the mirror is there (always in CI). */
export const describeGolden = HAVE_MIRROR;
