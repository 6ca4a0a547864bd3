// What a saved link table (links.ts `SavedLinks`) was made from: the link code itself (every module reachable
// from links.ts through relative imports, byte for byte), the catalog entries it resolved names against, and
// the passages (the search index's fingerprint). A saved table whose key differs is never used: the table is
// built again from the passages. Computed at sync and on the first use of a saved table, never at start.
//
// Decision: the modules' bytes, found by a plain reading of their import statements, rather than the
// pipeline's token fingerprint (pipeline.ts), whose lexer took ~70 ms here against ~1 ms: a comment edit in
// the link code only costs one rebuild of the table in memory until the next sync. The unit test checks that
// this reading finds the same modules as the pipeline's lexer does on the real sources.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../paths.js';
import type { CatalogDocument } from './catalog.js';

/** `import … from './x.js'`, `export … from './x.js'` and `import('./x.js')`; not `import type`. */
const RELATIVE_IMPORT =
  /(?:^|[\n;])\s*(?:import|export)(?!\s+type\s)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The modules reachable from `entry` through relative imports (absolute paths, sorted). */
export function linkModules(entry: string): string[] {
  const typescript = entry.endsWith('.ts');
  const modules = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (modules.has(path)) continue;
    modules.add(path);
    if (!existsSync(path)) continue;
    for (const m of readFileSync(path, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(path), (m[1] ?? m[2])!);
      queue.push(typescript ? target.replace(/\.js$/, '.ts') : target);
    }
  }
  return [...modules].sort();
}

/** The link code's entry: the TypeScript sources when present (tests, tsx), else the compiled files. */
export function linksEntry(): string {
  const source = join(PROJECT_ROOT, 'src', 'corpus', 'links.ts');
  return existsSync(source) ? source : join(dirname(fileURLToPath(import.meta.url)), 'links.js');
}

let codeVersion: string | undefined;

function linksCodeVersion(): string {
  if (codeVersion === undefined) {
    const entry = linksEntry();
    const hash = createHash('sha256');
    for (const path of linkModules(entry))
      hash
        .update(`${relative(dirname(entry), path)}\0`)
        .update(existsSync(path) ? readFileSync(path) : 'missing');
    codeVersion = hash.digest('hex');
  }
  return codeVersion;
}

/** The key a link table saved for these documents and passages (`indexFingerprint`) must carry. */
export function linksKey(docs: readonly CatalogDocument[], indexFingerprint: string): string {
  return createHash('sha256')
    .update(`links ${linksCodeVersion()}\0${indexFingerprint}\0`)
    .update(JSON.stringify(docs))
    .digest('hex')
    .slice(0, 32);
}
