// `charter lint` and `charter passages` read the corpus `ask` answers from: passages made by an older reader
// or splitter are re-split from the verified copies (offline), never reported as "not synced".
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runPassages } from '../../src/cli/corpus.js';
import { runLint } from '../../src/cli/lint.js';
import { TEST_DATA_DIR } from '../global-setup.js';
import { describeGolden } from '../support/corpus.js';

describe.runIf(describeGolden)('lint and passages after an upgrade of the readers', () => {
  let dir: string;
  let out: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'charter-current-'));
    cpSync(TEST_DATA_DIR, dir, { recursive: true });
    // As left by an older Charter: the passages file and manifest name another pipeline.
    const file = join(dir, 'passages', 'us-il-bipa-2008.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), pipeline: 'older' }));
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.documents['us-il-bipa-2008'].pipeline = 'older';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    vi.stubEnv('CHARTER_DATA_DIR', dir);
    vi.stubEnv('CHARTER_MIRROR', join(dir, 'no-mirror')); // offline: only the kept copies may be used
    out = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lint lints the re-split passages', async () => {
    expect(await runLint(['--json', '--doc', 'BIPA'])).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(Object.values(report.counts).every((n) => n === 0)).toBe(true);
  }, 60_000);

  it('passages prints the re-split passages', async () => {
    expect(await runPassages(['--json', '--doc', 'BIPA'])).toBe(0);
    const lines = out
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.every((p) => p.docId === 'us-il-bipa-2008')).toBe(true);
  }, 60_000);
});
