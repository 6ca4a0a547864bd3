// bin/charter.js runs prepare (compile when a source is newer than dist/) before the CLI, so `npx charter`
// after a `git pull` or an edit never runs the old build. Checked on a copy of the real launcher in a
// temporary tree whose prepare and CLI are stand-ins that say when they ran.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(prepare: string | undefined) {
  const root = mkdtempSync(join(tmpdir(), 'charter-launcher-'));
  roots.push(root);
  mkdirSync(join(root, 'bin'));
  copyFileSync(join(import.meta.dirname, '../../bin/charter.js'), join(root, 'bin', 'charter.js'));
  mkdirSync(join(root, 'dist', 'src', 'cli'), { recursive: true });
  writeFileSync(
    join(root, 'dist', 'src', 'cli', 'main.js'),
    "export function runCli(args) { console.log('cli ' + args.join(' ')); }\n",
  );
  if (prepare !== undefined) {
    mkdirSync(join(root, 'tools'));
    writeFileSync(join(root, 'tools', 'prepare.mjs'), prepare);
  }
  const run = spawnSync(process.execPath, [join(root, 'bin', 'charter.js'), '--version'], {
    encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe('bin/charter.js', () => {
  it('runs prepare before the compiled CLI', () => {
    expect(tree("console.log('prepared');\n")).toEqual({
      status: 0,
      out: 'prepared\ncli --version\n',
      err: '',
    });
  });

  it('runs the previous build, and says so, when compiling fails', () => {
    const run = tree("throw new Error('tsc exited 2');\n");
    expect(run.out).toBe('cli --version\n');
    expect(run.err).toMatch(
      /^charter: compiling the changed sources failed \(see above\); running the previous build\.\n$/,
    );
  });

  it('runs the CLI alone where there is no prepare', () => {
    expect(tree(undefined)).toEqual({ status: 0, out: 'cli --version\n', err: '' });
  });
});
