#!/usr/bin/env node
// Thin launcher over the TypeScript compiled to dist/. `npm ci` compiles it (the `prepare` script), but
// nothing reran prepare afterwards: after a `git pull` or an edit, `npx charter` silently ran the old build.
// So the launcher runs prepare first (tools/prepare.mjs): it compiles only when a source is newer than
// dist/ and the compiler is installed, and does nothing in a pruned production install.
import { existsSync } from 'node:fs';

const prepare = new URL('../tools/prepare.mjs', import.meta.url);
if (existsSync(prepare)) {
  try {
    await import(prepare.href);
  } catch {
    // tsc has printed why; the last build still runs, and says so.
    console.error('charter: compiling the changed sources failed (see above); running the previous build.');
  }
}
const { runCli } = await import('../dist/src/cli/main.js');
runCli(process.argv.slice(2));
