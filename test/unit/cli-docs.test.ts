// --doc in every command goes through the one document-name matcher: what `ask --doc` accepts, `lint`,
// `passages` and `sync` accept too; a unique head word of a short title names its document.
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { selectDocuments } from '../../src/cli/docs.js';
import { runLint } from '../../src/cli/lint.js';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { TEST_DATA_DIR } from '../global-setup.js';
import { HAVE_MIRROR } from '../support/corpus.js';

const catalog = loadCatalog();
const ids = (names: string[]) => selectDocuments(catalog, names).map((d) => d.id);

describe('--doc names', () => {
  it('takes ids, short titles, aliases and a unique head word of a short title', () => {
    expect(ids(['us-il-bipa-2008'])).toEqual(['us-il-bipa-2008']);
    expect(ids(['BIPA'])).toEqual(['us-il-bipa-2008']);
    expect(ids(['Colorado'])).toEqual([catalog.find((d) => d.shortTitle === 'Colorado AI Act')!.id]);
    expect(selectDocuments(catalog, undefined)).toHaveLength(catalog.length);
  });

  it('refuses a name several documents share, or none, in one sentence', () => {
    expect(() => ids(['EU'])).toThrow(UsageError);
    expect(() => ids(['no such thing'])).toThrow(
      'No document is called “no such thing”. See charter sources for the list.',
    );
  });

  // It reads the synced test corpus: skipped without a mirror, like the golden tests (never in CI).
  it.runIf(HAVE_MIRROR)('lint accepts what ask accepts', async () => {
    // lint loads the corpus as ask does; the run's test data directory, never ./data, is the one to read.
    vi.stubEnv('CHARTER_DATA_DIR', TEST_DATA_DIR);
    const result = runLint(['--doc', 'BIPA', '--json']);
    await expect(result.catch((e: unknown) => (e instanceof UsageError ? e : 0))).resolves.not.toBeInstanceOf(
      UsageError,
    );
    vi.unstubAllEnvs();
  });
});
