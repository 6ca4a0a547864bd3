// Issue 21, the first run with no network and no mirror. The catalog's URLs point at a closed port on
// 127.0.0.1 (nothing listens: every download gets no answer) and the mirror is a folder that does not
// exist. Before: one "FAILED" line per document after every retry (32 lines over 49 s), every later command
// retried all of them, and `quote "AI Act Art. 5(1)(c)"` said no document was called "ai act".
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { quote } from '../../src/answer/quote.js';
import { asSentence, notFoundWording, PLAIN } from '../../src/answer/wording.js';
import { openCharter } from '../../src/app.js';
import { syncReporter } from '../../src/cli/progress.js';
import { type CatalogDocument, loadCatalog } from '../../src/corpus/catalog.js';
import { type SyncEvent, type SyncOutcome, syncCorpus } from '../../src/corpus/sync.js';

let closed: string;
beforeAll(async () => {
  // A port that was free a moment ago and has nothing listening now.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  closed = `http://127.0.0.1:${port}`;
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-first-run-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The repository's catalog with every download pointed at the closed port. */
const offlineCatalog = (): CatalogDocument[] =>
  loadCatalog().map((doc) => ({ ...doc, source: { ...doc.source, url: `${closed}/${doc.id}` } }));

function terminal() {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (s: string) => lines.push(...s.split('\n').filter(Boolean)) };
  return { lines, report: syncReporter(stream as unknown as NodeJS.WriteStream) };
}

async function firstAnswer(catalog: CatalogDocument[]) {
  const out = terminal();
  const outcomes: SyncOutcome[] = [];
  const charter = await openCharter({
    dataDir: dir,
    catalog,
    mirror: join(dir, 'no-such-mirror'),
    onWarning: () => {},
    onProgress: (event: SyncEvent) => {
      if (event.type === 'done') outcomes.push(event.outcome);
      out.report(event);
    },
  });
  return { charter, outcomes, lines: out.lines };
}

describe('the first run with no network and no mirror', () => {
  it('says once what is wrong and how to fix it, trying only the first downloads', async () => {
    const catalog = offlineCatalog();
    const { outcomes, lines, charter } = await firstAnswer(catalog);
    expect(charter.docs).toEqual([]);
    expect(lines).toEqual([
      `Could not download ${catalog.length} documents: the connection was refused; pass --mirror DIR or set CHARTER_MIRROR to a folder of copies of the documents (see the README).`,
    ]);
    const errors = outcomes.map((o) => (o.status === 'failed' ? o.error : o.status));
    expect(errors.slice(0, 2)).toEqual(
      catalog.slice(0, 2).map((d) => `could not download ${closed}/${d.id}: the connection was refused`),
    );
    expect(new Set(errors.slice(2))).toEqual(new Set(['not downloaded: the connection was refused']));
  });

  it('remembers the failure: the next command does not try again, `charter sync` does', async () => {
    const catalog = offlineCatalog();
    await firstAnswer(catalog);
    expect(existsSync(join(dir, 'fetch-failures.json'))).toBe(true);
    const again = await firstAnswer(catalog);
    for (const outcome of again.outcomes.slice(0, 2))
      expect(outcome.status === 'failed' && outcome.error).toMatch(
        /refused \(at \d\d:\d\d UTC; not retried for 10 minutes, charter sync tries now\)$/,
      );
    expect(again.lines).toHaveLength(1);
    // An explicit sync tries again at once.
    const report = await syncCorpus({ docs: catalog.slice(0, 1), dataDir: dir, fetch: { retries: 0 } });
    expect(report.outcomes[0]).toMatchObject({
      status: 'failed',
      error: `could not download ${closed}/${catalog[0]!.id}: the connection was refused`,
    });
  });

  it('quote names a catalog document that is not synced yet instead of saying none is called so', async () => {
    const { charter } = await firstAnswer(offlineCatalog());
    const quoted = await charter.services.quote('AI Act Art. 5(1)(c)');
    expect(quoted.ok).toBe(false);
    expect(!quoted.ok && quoted.failure).toMatchObject({ reason: 'not-synced', titles: ['AI Act'] });
    const said = await quote(charter.services, 'AI Act Art. 5(1)(c)');
    expect(said.kind !== 'quoted' && asSentence(notFoundWording(said, PLAIN))).toMatch(
      /^“AI Act Art\. 5\(1\)\(c\)”: AI Act is in Charter's catalog but not synced yet; run charter sync \(with --mirror DIR when offline\)\./,
    );
  });
});
