// --doc in every command goes through the one document-name matcher: what `ask --doc` accepts, `lint`,
// `passages` and `sync` accept too; a unique head word of a short title names its document.
import { describe, expect, it, vi } from 'vitest';
import { sources } from '../../src/answer/sources.js';
import { asSentence, notFoundWording, PLAIN } from '../../src/answer/wording.js';
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

  it('asks which one for a name several held documents have or begin with, never picking one', () => {
    // Was: --doc nist silently took NIST AI RMF 1.0 (its catalog alias) though NIST AI 600-1 is held too.
    expect(() => ids(['nist'])).toThrow(
      /^Which one\? “nist” may mean NIST AI 600-1 \(GenAI Profile\) or NIST AI RMF 1\.0\.$/,
    );
    // Two held Hiroshima documents: not "Charter doesn't hold the Hiroshima AI Process … Framework".
    expect(() => ids(['Hiroshima'])).toThrow(
      /^Which one\? “Hiroshima” may mean Hiroshima Code of Conduct or/,
    );
    expect(ids(['NIST AI RMF', 'AI 600-1', 'us-nist-ai-rmf-1-0-2023'])).toEqual([
      'us-nist-ai-rmf-1-0-2023',
      'us-nist-ai-600-1-genai-profile-2024',
    ]);
    // Every other alias and short title still names its own document.
    for (const doc of catalog)
      for (const name of [doc.shortTitle, ...doc.aliases.filter((alias) => alias !== 'NIST')])
        expect(ids([name]), name).toEqual([doc.id]);
  });

  it('says where to read a document Charter knows of but does not hold (corpus/instruments.json)', async () => {
    // Was only "No document is called “OECD”." ("OECD" alone now begins two known names: see below.)
    expect(() => ids(['OECD AI Principles'])).toThrow(
      /^Charter doesn't hold the OECD AI Principles \(OECD Council, 22 May 2019\) — read it at https:\/\/legalinstruments\.oecd\.org\/\S+; an operator can add it with charter add\.$/,
    );
    const bletchley = await sources(catalog, 'bletchley', { count: () => null, passages: () => [] });
    expect(bletchley.kind === 'not-found' && asSentence(notFoundWording(bletchley, PLAIN))).toMatch(
      /^Charter doesn't hold the Bletchley Declaration \(28 countries and the EU, Bletchley Park, 1 Nov 2023\) — read it at https:\/\/www\.gov\.uk\/\S+; an operator can add it with charter add\.$/,
    );
    // Words that start several known names, or none, name nothing known.
    expect(() => ids(['AI'])).toThrow(/^No document is called “AI”/);
    expect(() => ids(['OECD'])).toThrow(/^No document is called “OECD”/);
    expect(() => ids(['Magna Carta'])).toThrow(/^No document is called “Magna Carta”/);
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
