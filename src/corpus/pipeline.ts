// The pipeline version: a fingerprint of everything that turns a document's bytes into passages. Cached
// passages made under another version are re-split (store.ts), so it must change exactly when passages
// could change (issue 17, point 4):
//   - the code: every module reachable from `build.ts` (readers, corrections, splitters, citation styles and
//     whatever they import, found by following the import statements, so a new helper like citation-zh.ts
//     is never missed), each reduced to its tokens — comments dropped, whitespace collapsed — so a comment
//     edit or a reformat re-splits nothing;
//   - the packages those modules import (pdfjs-dist, htmlparser2, fast-xml-parser, zod), by installed
//     version: an upgrade of a reader library can change the text it extracts;
//   - corpus/corrections.json, by its parsed content.
// Followed: `import … from`, `export … from`, `import('…')` and `new URL('…', import.meta.url)` (a worker
// entry) with a relative specifier; `import type` is skipped (erased at run time). Decision (over an
// explicit version number guarded by a golden hash): nobody has to remember to bump anything, and the
// fingerprint can be tested in both directions on the real sources (test/unit/pipeline-version.test.ts,
// which also checks the comment stripper against TypeScript's own emitter on every file of the graph).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../fsutil.js';
import { PROJECT_ROOT } from '../paths.js';

export interface PipelineSources {
  /** The module that turns bytes into passages (src/corpus/build.ts, or build.js when compiled). */
  entry: string;
  /** corpus/corrections.json. */
  corrections: string;
  /** Where imported packages are installed (their package.json gives the version). */
  nodeModules: string;
}

/** The modules of the graph (absolute paths, sorted) and the packages they import. */
export function pipelineGraph(entry: string): { modules: string[]; packages: string[] } {
  const typescript = entry.endsWith('.ts');
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (modules.has(path)) continue;
    modules.add(path);
    if (!existsSync(path)) continue; // hashed as missing: a module that cannot load changes nothing else
    for (const specifier of codeOf(readFileSync(path, 'utf8')).imports) {
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(path), specifier);
        queue.push(typescript ? target.replace(/\.js$/, '.ts') : target);
      } else {
        packages.add(packageName(specifier));
      }
    }
  }
  return { modules: [...modules].sort(), packages: [...packages].sort() };
}

export function pipelineVersion(sources: PipelineSources): string {
  const hash = createHash('sha256');
  const { modules, packages } = pipelineGraph(sources.entry);
  // Paths are hashed relative to the project (the folder holding node_modules), not to the entry's folder: the
  // graph reaches outside src/corpus (src/paths.ts, src/config), and an absolute path made a checkout at another
  // place (a second worktree, a moved deployment) re-split every document with the same code.
  const root = dirname(resolve(sources.nodeModules));
  for (const path of modules) {
    const code = existsSync(path) ? codeOf(readFileSync(path, 'utf8')).code : 'missing';
    hash.update(`${relativeTo(root, path)}\0${code}\0`);
  }
  for (const name of packages) hash.update(`${name}@${installedVersion(sources.nodeModules, name)}\0`);
  if (existsSync(sources.corrections))
    hash.update(JSON.stringify(JSON.parse(readFileSync(sources.corrections, 'utf8'))));
  return hash.digest('hex').slice(0, 16);
}

/** The raw bytes of everything `pipelineVersion` reads for this graph, and of the lexer itself (`self`). */
function rawKey(graph: { modules: string[]; packages: string[] }, sources: PipelineSources, self: string) {
  const hash = createHash('sha256');
  for (const path of [self, ...graph.modules])
    hash
      .update(`${path}\0`)
      .update(existsSync(path) ? readFileSync(path) : 'missing')
      .update('\0');
  for (const name of graph.packages) hash.update(`${name}@${installedVersion(sources.nodeModules, name)}\0`);
  hash.update(existsSync(sources.corrections) ? readFileSync(sources.corrections) : 'no corrections');
  return hash.digest('hex');
}

/**
 * `pipelineVersion(sources)`, remembered in `cacheFile` with the raw bytes of everything it read: the graph's
 * modules, corrections.json, the packages' versions, and this module (`self`, the lexer). The same bytes give
 * the same imports (so the same graph) and the same tokens, so a remembered version is used only when it is
 * exactly what lexing would give: ~3 ms to check, against 150–215 ms of CPU to lex the 46 modules at every
 * start of every process (each `charter ask`, the serve thread and each answer worker) on the busy machine of
 * 2026-12-05. When the file cannot be read or written, the version is computed as before.
 */
export function cachedPipelineVersion(sources: PipelineSources, cacheFile: string, self: string): string {
  const entry = resolve(sources.entry);
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      entry?: unknown;
      modules?: unknown;
      packages?: unknown;
      key?: unknown;
      version?: unknown;
    };
    const { modules, packages } = cached;
    if (
      cached.entry === entry &&
      typeof cached.version === 'string' &&
      Array.isArray(modules) &&
      modules.every((m) => typeof m === 'string') &&
      Array.isArray(packages) &&
      packages.every((m) => typeof m === 'string') &&
      cached.key === rawKey({ modules, packages }, sources, self)
    )
      return cached.version;
  } catch {
    // no usable cache: compute it
  }
  const graph = pipelineGraph(entry);
  const version = pipelineVersion(sources);
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileAtomic(
      cacheFile,
      JSON.stringify({ entry, ...graph, key: rawKey(graph, sources, self), version }),
    );
  } catch {
    // a read-only installation computes it at each start
  }
  return version;
}

/**
 * The TypeScript sources when present, so the compiled CLI and the tests (which run the sources) agree on
 * the version; an installation without sources fingerprints its compiled files the same way.
 */
function defaultSources(): PipelineSources {
  const source = join(PROJECT_ROOT, 'src', 'corpus', 'build.ts');
  const compiled = join(dirname(fileURLToPath(import.meta.url)), 'build.js');
  return {
    entry: existsSync(source) ? source : compiled,
    corrections: join(PROJECT_ROOT, 'corpus', 'corrections.json'),
    nodeModules: join(PROJECT_ROOT, 'node_modules'),
  };
}

function relativeTo(root: string, path: string): string {
  return path.startsWith(`${root}${sep}`) ? path.slice(root.length + 1) : path;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function installedVersion(nodeModules: string, name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8'));
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'not installed';
  }
}

// ---------------------------------------------------------------------------------------------------------
// A small lexer for TypeScript/JavaScript: just enough to tell comments from strings, templates and regular
// expression literals. Anything it is unsure of it keeps, so a mistake can only make the version change
// more often, never hide a change; the test compares it with TypeScript's emitter on every module.

const WORD_CHAR = /[\p{L}\p{N}_$]/u;
/** Letters, digits, _ and $ (ASCII first: this runs over every character of ~35 modules at start-up). */
const WORD = {
  test(ch: string): boolean {
    const c = ch.charCodeAt(0);
    if (c < 128)
      return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
    return WORD_CHAR.test(ch);
  },
};
/** Whitespace, a comment, a word, a quoted string (to the end of the line if unclosed), or one character. */
const TOKEN =
  /(\s+)|(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|([\p{L}\p{N}_$]+)|('(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?)|[\s\S]/uy;
/** After these characters a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set(['', ...'(,=:[!&|?{};+-*%<>~^']);
const KEYWORDS_BEFORE_REGEX = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

/** The module's tokens (comments dropped, whitespace collapsed) and the specifiers it loads at run time. */
export function codeOf(source: string): { code: string; imports: string[] } {
  let out = '';
  let pendingSpace = false;
  /** The last code character emitted ('' at the start), and the last word, for the regex decision. */
  let last = '';
  let lastWord = '';
  const templateDepth: number[] = []; // brace depth at each open `${`
  let braces = 0;
  let i = 0;
  const n = source.length;

  const emit = (text: string, code = true): void => {
    const first = text[0] ?? '';
    if (pendingSpace && out.length > 0) {
      const prev = out[out.length - 1]!;
      if ((WORD.test(prev) && WORD.test(first)) || (prev === first && '+-'.includes(first))) out += ' ';
    }
    pendingSpace = false;
    out += text;
    last = code ? (text[text.length - 1] ?? '') : 'literal';
    lastWord = '';
  };
  /** A template from `start` (just after a backtick or a closing `}`) to its end or its next `${`. */
  const templatePart = (start: number): number => {
    let j = start;
    while (j < n) {
      if (source[j] === '\\') j += 2;
      else if (source[j] === '`') return j + 1;
      else if (source[j] === '$' && source[j + 1] === '{') return j + 2;
      else j++;
    }
    return n;
  };
  const regexAt = (): string | undefined => {
    let j = i + 1;
    let inClass = false;
    while (j < n && source[j] !== '\n') {
      const ch = source[j]!;
      if (ch === '\\') j += 2;
      else {
        if (ch === '[') inClass = true;
        else if (ch === ']') inClass = false;
        else if (ch === '/' && !inClass) {
          j++;
          while (j < n && WORD.test(source[j]!)) j++;
          return source.slice(i, j);
        }
        j++;
      }
    }
    return undefined;
  };

  while (i < n) {
    TOKEN.lastIndex = i;
    const [token, space, comment, word, string] = TOKEN.exec(source)!;
    const ch = token[0]!;
    if (space !== undefined || comment !== undefined) {
      pendingSpace = true;
      i += token.length;
    } else if (word !== undefined) {
      emit(word);
      lastWord = word;
      i += word.length;
    } else if (string !== undefined) {
      emit(string, false);
      i += string.length;
    } else if (ch === '`' || (ch === '}' && braces === 0 && templateDepth.length > 0)) {
      if (ch === '}') braces = templateDepth.pop()!;
      const end = templatePart(i + 1);
      const text = source.slice(i, end);
      emit(text, false);
      if (text.endsWith('${')) {
        templateDepth.push(braces);
        braces = 0;
        last = '{';
      }
      i = end;
    } else if (ch === '/' && (BEFORE_REGEX.has(last) || KEYWORDS_BEFORE_REGEX.has(lastWord))) {
      const text = regexAt();
      emit(text ?? ch, text === undefined);
      i += text?.length ?? 1;
    } else {
      if (ch === '{') braces++;
      else if (ch === '}') braces--;
      emit(ch);
      i++;
    }
  }
  return { code: out, imports: importsOf(out) };
}

/** Relative and package specifiers loaded at run time, read from code without comments. */
function importsOf(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /(?:^|[;}])(?:import|export)(?!\s?type[\s{*])[^;'"`]*?from\s?(['"])([^'"]+)\1/g,
    /(?:^|[;}])import\s?(['"])([^'"]+)\1/g,
    /\bimport\((['"])([^'"]+)\1\)/g,
    /\bnew URL\((['"])([^'"]+)\1,import\.meta\.url\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[2]!);
  return found;
}

/** Computed once per process, at the end of the module (the lexer's constants above must exist first). */
export const PIPELINE_VERSION: string = (() => {
  const sources = defaultSources();
  if (!existsSync(sources.nodeModules)) return pipelineVersion(sources);
  // One file per lexer in use (the compiled CLI's, the sources' under tsx and vitest), so they do not take turns.
  const self = fileURLToPath(import.meta.url);
  const name = `pipeline-version.${createHash('sha256').update(self).digest('hex').slice(0, 12)}.json`;
  return cachedPipelineVersion(sources, join(sources.nodeModules, '.cache', 'charter', name), self);
})();
