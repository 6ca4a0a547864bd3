// Syncs the real corpus once for the whole run into a test data directory (kept between local runs, so a
// second run does no work), so golden suites read passages instead of each parsing every PDF again. It goes
// through the real `syncCorpus` — the same path as `charter sync`.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog } from '../src/corpus/catalog.js';
import { syncCorpus } from '../src/corpus/sync.js';
import { PROJECT_ROOT } from '../src/paths.js';

export const TEST_DATA_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'charter-test-data');

export default async function setup(): Promise<void> {
  const mirror = resolve(process.env.CHARTER_MIRROR ?? join(PROJECT_ROOT, '..', 'shared', 'corpus', 'raw'));
  if (!existsSync(mirror)) {
    if (process.env.CI)
      throw new Error(
        `The corpus mirror ${mirror} is missing; set CHARTER_MIRROR. Golden tests never skip in CI.`,
      );
    return;
  }
  const report = await syncCorpus({ docs: loadCatalog(), dataDir: TEST_DATA_DIR, mirror });
  const failed = report.outcomes.filter((o) => o.status === 'failed');
  if (failed.length > 0) {
    // Golden suites then fail on those documents with this reason; the others still run.
    console.error(
      `Test corpus: ${failed.map((o) => (o.status === 'failed' ? `${o.id}: ${o.error}` : '')).join('; ')}`,
    );
  }
  if (report.changed > 0)
    console.error(`Test corpus synced: ${report.changed} documents in ${(report.ms / 1000).toFixed(1)} s.`);
}
