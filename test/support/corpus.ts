// Golden tests read the real documents from the mirror (CHARTER_MIRROR, default ../shared/corpus/raw).
// With CI=true a missing mirror fails the tests instead of skipping them.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { passagesOf } from '../../src/corpus/build.js';
import { type CatalogDocument, loadCatalog } from '../../src/corpus/catalog.js';
import type { Passage } from '../../src/corpus/types.js';
import { PROJECT_ROOT } from '../../src/paths.js';

export const MIRROR = resolve(process.env.CHARTER_MIRROR ?? join(PROJECT_ROOT, '..', 'shared', 'corpus', 'raw'));
export const HAVE_MIRROR = existsSync(MIRROR);
if (!HAVE_MIRROR && process.env.CI) {
  throw new Error(`The corpus mirror ${MIRROR} is missing; set CHARTER_MIRROR. Golden tests never skip in CI.`);
}

export const catalog = loadCatalog();

export function catalogDoc(id: string): CatalogDocument {
  const doc = catalog.find((d) => d.id === id);
  if (!doc) throw new Error(`No catalog entry ${id}`);
  return doc;
}

const cache = new Map<string, Promise<Passage[]>>();

/** The passages of one real document, read straight from the mirror (cached per test file). */
export function realPassages(id: string): Promise<Passage[]> {
  let hit = cache.get(id);
  if (!hit) {
    const doc = catalogDoc(id);
    const bytes = new Uint8Array(readFileSync(join(MIRROR, `${id}.${doc.source.format}`)));
    hit = passagesOf(doc, bytes);
    cache.set(id, hit);
  }
  return hit;
}

/** describe.runIf-friendly flag: golden suites run when the mirror is there (always in CI). */
export const describeGolden = HAVE_MIRROR;
