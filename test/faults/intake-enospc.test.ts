// Issue 21, W24: a failed `charter add` leaves nothing behind. The disk fills up (ENOSPC, injected into the
// one atomic-write helper every store write goes through) while the copy, the passages or the entry is
// written; each time the add is refused in one sentence and the data directory is exactly as it was. An id
// too long for a file name is one sentence, not a raw ENAMETOOLONG.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const full = vi.hoisted(() => ({ pattern: undefined as RegExp | undefined }));
vi.mock('../../src/fsutil.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/fsutil.js')>();
  return {
    ...real,
    writeFileAtomic: (path: string, data: string | Uint8Array) => {
      if (full.pattern?.test(path))
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
          code: 'ENOSPC',
        });
      return real.writeFileAtomic(path, data);
    },
  };
});

const { runAdd } = await import('../../src/cli/add.js');
const { UsageError } = await import('../../src/cli/args.js');

/** Every file under the data directory with its content's hash: what "left nothing behind" means. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else out.push(`${path} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(dir);
  return out.sort();
}

const POLICY =
  'Tide Policy\n\n1. Gauges are read daily.\n\n2. Readings are kept.\n\n3. Errors are reported.\n';

describe('W24: a failed add leaves nothing behind', () => {
  let dir: string;
  let files: string;
  const io = () => ({
    stdout: { write: () => true } as never,
    stderr: { write: () => true } as never,
    catalog: () => [],
    open: () => Promise.reject(new Error('not used')),
    env: { CHARTER_DATA_DIR: dir },
  });
  const args = (id: string, file = 'tide.txt') => [
    join(files, file),
    '--id',
    id,
    '--title',
    'Tide',
    '--issuer',
    'Port',
    '--date',
    '2025-01-02',
  ];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'charter-enospc-data-'));
    files = mkdtempSync(join(tmpdir(), 'charter-enospc-files-'));
    writeFileSync(join(files, 'tide.txt'), POLICY);
    // Something already there that must survive untouched (other bytes: the same bytes twice are refused).
    writeFileSync(join(files, 'first.txt'), `${POLICY}\n`);
    expect(await runAdd(args('first-policy', 'first.txt'), io())).toBe(0);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it.each([
    ['the copy', /docs[/\\]tide-policy\.txt$/],
    ['the passages', /passages[/\\]tide-policy\.json$/],
    ['the manifest', /manifest\.json$/],
    ['the entry', /local-catalog\.json$/],
  ])('the disk fills while writing %s: one sentence, nothing left', async (_what, pattern) => {
    const before = snapshot(dir);
    full.pattern = pattern;
    try {
      const error = await runAdd(args('tide-policy'), io()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(
        /^\S+tide\.txt could not be stored: the disk is full \(ENOSPC\)\.$/,
      );
    } finally {
      full.pattern = undefined;
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('a 300-character id is one sentence, not ENAMETOOLONG, and changes nothing', async () => {
    const before = snapshot(dir);
    const error = await runAdd(args('a'.repeat(300)), io()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe('The id is 300 characters long; an id has at most 100.');
    expect(snapshot(dir)).toEqual(before);
  });
});
