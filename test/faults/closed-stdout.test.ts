// A reader that closes its end early (`charter passages --json | head -1`) must end the command quietly
// with exit 0, not an unhandled `write EPIPE` stack trace. Real child processes over a real pipe whose
// read end is closed before the command writes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { TEST_DATA_DIR } from '../global-setup.js';
import { HAVE_MIRROR } from '../support/corpus.js';

function runClosed(argv: string[]): Promise<{ status: number | null; stderr: string }> {
  const script = `
    import { runCli } from ${JSON.stringify(join(PROJECT_ROOT, 'src', 'cli', 'main.ts'))};
    await runCli(JSON.parse(process.env.ARGV));
  `;
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: PROJECT_ROOT,
      // CHARTER_MIRROR unset (an empty value is a configuration error now): the synced test data serves.
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'CHARTER_MIRROR')),
        ARGV: JSON.stringify(argv),
        CHARTER_DATA_DIR: TEST_DATA_DIR,
      },
    });
    // Closed before the child has even loaded: its first write meets a pipe with no reader.
    proc.stdout.destroy();
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => proc.kill(), 25_000);
    proc.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

// `passages` and `quote` read the synced test corpus: without a mirror (and so without one, on a clone with
// no network) they skip like the golden tests, instead of failing; `sources` and `help` need nothing.
const needsCorpus: string[][][] = [[['passages', '--json']], [['quote', '--json', 'AI Act Art. 5']]];
const needsNothing: string[][][] = [[['sources']], [['help']]];

describe('a closed stdout', () => {
  it.each([...(HAVE_MIRROR ? needsCorpus : []), ...needsNothing])(
    'ends charter %j quietly with exit 0',
    async (argv) => {
      const { status, stderr } = await runClosed(argv);
      expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(status, stderr).toBe(0);
    },
    30_000,
  );
});
