// `npm ci` (the `prepare` script) and bin/charter.js, before every `charter` command, run this: compile the
// TypeScript to dist/ when the compiler is installed and dist/ is missing or older than a source file. After
// `npm prune --omit=dev` the compiler is gone but dist/ is there: nothing to do (the launcher runs this on
// every call, so it must not fail a production install). Without both, one sentence says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'src', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  tsc = undefined;
}

if (!tsc) {
  if (!existsSync(built)) {
    console.error(
      'Charter is not built and the TypeScript compiler is not installed: run "npm ci" (with dev dependencies) first, then "npm prune --omit=dev" if you want a production install.',
    );
    process.exit(1);
  }
} else {
  const sources = ['src', 'commands', 'bench', 'tools'].map((d) => join(root, d)).filter(existsSync);
  const stale = !existsSync(built) || Math.max(...sources.map(newestSource)) > statSync(built).mtimeMs;
  if (stale)
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
