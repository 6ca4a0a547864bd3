// Issue 17, point 4: the pipeline version changes exactly when passages could change. It missed
// src/corpus/citation-zh.ts (imported by split/styles/zh.ts), and a comment edit in a reader re-split every
// installation. Now it follows the import graph from build.ts and hashes tokens, not bytes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cachedPipelineVersion,
  codeOf,
  PIPELINE_VERSION,
  type PipelineSources,
  pipelineGraph,
  pipelineVersion,
} from '../../src/corpus/pipeline.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const ENTRY = join(PROJECT_ROOT, 'src', 'corpus', 'build.ts');

/** The leaves of TypeScript's syntax tree: every token, regular expressions and template parts included. */
function leaves(text: string): ts.Node[] {
  const file = ts.createSourceFile('m.ts', text, ts.ScriptTarget.ESNext, true);
  const out: ts.Node[] = [];
  const walk = (node: ts.Node): void => {
    // JSDoc comments are nodes too; they are comments all the same.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(file);
    if (children.length === 0) out.push(node);
    else for (const child of children) walk(child);
  };
  walk(file);
  return out;
}
const tokens = (text: string) => {
  const file = ts.createSourceFile('m.ts', text, ts.ScriptTarget.ESNext, true);
  return leaves(text).map((leaf) => leaf.getText(file));
};
/** Comments anywhere between tokens. */
const comments = (text: string) =>
  leaves(text).flatMap((leaf) => [
    ...(ts.getLeadingCommentRanges(text, leaf.pos) ?? []),
    ...(ts.getTrailingCommentRanges(text, leaf.end) ?? []),
  ]);

describe('the modules the pipeline version covers', () => {
  const { modules, packages } = pipelineGraph(ENTRY);
  const names = modules.map((m) => relative(join(PROJECT_ROOT, 'src'), m));

  it('are every module reachable from build.ts, the Chinese citation helpers included', () => {
    expect(names).toEqual(expect.arrayContaining(['corpus/split/styles/zh.ts', 'corpus/citation-zh.ts']));
    expect(names).toEqual(expect.arrayContaining(['corpus/read/html.ts', 'corpus/read/pdf.ts']));
    expect(names).toEqual(expect.arrayContaining(['corpus/corrections.ts', 'corpus/split/index.ts']));
    // Fetching, storing and the catalog do not make passages.
    for (const outside of ['corpus/sync.ts', 'corpus/store.ts', 'corpus/fetch.ts', 'corpus/catalog.ts'])
      expect(names).not.toContain(outside);
    expect(packages).toEqual(expect.arrayContaining(['pdfjs-dist', 'htmlparser2', 'fast-xml-parser']));
  });

  it.each(modules.map((m) => [relative(PROJECT_ROOT, m), m]))(
    'keeps every token of %s and drops every comment (checked with TypeScript’s parser)',
    (_name, path) => {
      const source = readFileSync(path, 'utf8');
      const stripped = codeOf(source).code;
      expect(tokens(stripped)).toEqual(tokens(source));
      expect(comments(stripped)).toEqual([]);
    },
  );
});

describe('the pipeline version, on a copy of the sources', () => {
  let root: string;
  let sources: PipelineSources;
  let before: string;
  const file = (path: string) => join(root, path);
  const edit = (path: string, change: (text: string) => string) =>
    writeFileSync(file(path), change(readFileSync(file(path), 'utf8')));

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'charter-pipeline-'));
    cpSync(join(PROJECT_ROOT, 'src'), file('src'), { recursive: true });
    mkdirSync(file('corpus'));
    cpSync(join(PROJECT_ROOT, 'corpus', 'corrections.json'), file('corpus/corrections.json'));
    for (const name of ['pdfjs-dist', 'htmlparser2', 'fast-xml-parser', 'zod']) {
      mkdirSync(file(`node_modules/${name}`), { recursive: true });
      cpSync(
        join(PROJECT_ROOT, 'node_modules', name, 'package.json'),
        file(`node_modules/${name}/package.json`),
      );
    }
    sources = {
      entry: file('src/corpus/build.ts'),
      corrections: file('corpus/corrections.json'),
      nodeModules: file('node_modules'),
    };
    before = pipelineVersion(sources);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const version = () => pipelineVersion(sources);

  it('is the same for the same sources', () => {
    expect(version()).toBe(before);
  });

  it('is the same for the same sources in another folder (a second checkout re-splits nothing)', () => {
    const other = mkdtempSync(join(tmpdir(), 'charter-pipeline-moved-'));
    try {
      cpSync(root, other, { recursive: true });
      const moved = (path: string) => join(other, relative(root, path));
      expect(
        pipelineVersion({
          entry: moved(sources.entry),
          corrections: moved(sources.corrections),
          nodeModules: moved(sources.nodeModules),
        }),
      ).toBe(before);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('does not change for comments, blank lines or indentation in a reader', () => {
    edit(
      'src/corpus/read/html.ts',
      (text) =>
        `// A new opening comment.\n/* and a block */\n\n${text.replace(/\n {2}(?=\S)/g, '\n    // an aside\n      ')}`,
    );
    expect(version()).toBe(before);
  });

  it('does not change for code that does not make passages (sync, the search index)', () => {
    edit('src/corpus/sync.ts', (text) => `${text}\nexport const unrelated = 1;\n`);
    edit('src/search/index.ts', (text) => `${text}\nexport const unrelated = 2;\n`);
    expect(version()).toBe(before);
  });

  it('changes when the Chinese numbers helper (imported by the Chinese splitter) changes', () => {
    edit('src/corpus/citation-zh.ts', (text) =>
      text.replace("'零一二三四五六七八九'", "'〇一二三四五六七八九'"),
    );
    const changed = version();
    expect(changed).not.toBe(before);
    edit('src/corpus/citation-zh.ts', (text) =>
      text.replace("'〇一二三四五六七八九'", "'零一二三四五六七八九'"),
    );
    expect(version()).toBe(before);
  });

  it('changes when a splitter’s code changes, even by one character in a regular expression', () => {
    const path = 'src/corpus/split/styles/zh.ts';
    const original = readFileSync(file(path), 'utf8');
    const regex = /\/\^[^/\n]+\//.exec(original)?.[0];
    expect(regex).toBeDefined();
    writeFileSync(file(path), original.replace(regex!, `${regex!.slice(0, -1)}x/`));
    expect(version()).not.toBe(before);
    writeFileSync(file(path), original);
  });

  it('changes when a module joins the graph (a new helper imported by a reader)', () => {
    writeFileSync(file('src/corpus/read/helper.ts'), 'export const helper = 1;\n');
    edit('src/corpus/read/text.ts', (text) => `import { helper } from './helper.js';\nvoid helper;\n${text}`);
    const joined = version();
    expect(joined).not.toBe(before);
    edit('src/corpus/read/helper.ts', () => 'export const helper = 2;\n');
    expect(version()).not.toBe(joined);
  });

  it('changes with the installed version of a reader library, and with the corrections', () => {
    const pkg = file('node_modules/pdfjs-dist/package.json');
    const manifest = JSON.parse(readFileSync(pkg, 'utf8'));
    const withPdfjs = version();
    writeFileSync(pkg, JSON.stringify({ ...manifest, version: '0.0.1' }));
    expect(version()).not.toBe(withPdfjs);
    writeFileSync(pkg, JSON.stringify(manifest));

    const corrections = JSON.parse(readFileSync(sources.corrections, 'utf8'));
    writeFileSync(sources.corrections, JSON.stringify(corrections, null, 4)); // reformatted: same
    expect(version()).toBe(withPdfjs);
    writeFileSync(sources.corrections, JSON.stringify([...corrections].slice(1)));
    expect(version()).not.toBe(withPdfjs);
  });
});

describe('the remembered pipeline version (computed once, not at every start)', () => {
  it('is the computed version, and is computed again when any byte it read changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-pipeline-cache-'));
    try {
      const file = (name: string, text: string) => writeFileSync(join(dir, name), text);
      file('a.ts', "import { b } from './b.js';\nexport const a = b;\n");
      file('b.ts', 'export const b = 1;\n');
      file('corrections.json', '{"corrections":[]}');
      file('lexer.ts', 'export const lexer = 1;\n');
      mkdirSync(join(dir, 'node_modules'));
      const sources: PipelineSources = {
        entry: join(dir, 'a.ts'),
        corrections: join(dir, 'corrections.json'),
        nodeModules: join(dir, 'node_modules'),
      };
      const cache = join(dir, 'cache', 'version.json');
      const self = join(dir, 'lexer.ts');
      const remembered = () => {
        const saved = JSON.parse(readFileSync(cache, 'utf8'));
        writeFileSync(cache, JSON.stringify({ ...saved, version: 'remembered' }));
      };
      expect(cachedPipelineVersion(sources, cache, self)).toBe(pipelineVersion(sources));
      remembered();
      expect(cachedPipelineVersion(sources, cache, self)).toBe('remembered'); // read, not lexed
      for (const change of [
        () => file('b.ts', 'export const b = 1; // a comment: the same version, but other bytes\n'),
        () => file('b.ts', 'export const b = 2;\n'),
        () => file('corrections.json', '{"corrections":[{}]}'),
        () => file('lexer.ts', 'export const lexer = 2;\n'),
        () => file('b.ts', "export { c as b } from './c.js';\n"),
        () => file('c.ts', 'export const c = 3;\n'), // named by b.ts before it existed
      ]) {
        remembered();
        change();
        expect(cachedPipelineVersion(sources, cache, self)).toBe(pipelineVersion(sources));
      }
      writeFileSync(cache, '{"version":');
      expect(cachedPipelineVersion(sources, cache, self)).toBe(pipelineVersion(sources));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PIPELINE_VERSION is what lexing the real sources gives', () => {
    expect(PIPELINE_VERSION).toBe(
      pipelineVersion({
        entry: ENTRY,
        corrections: join(PROJECT_ROOT, 'corpus', 'corrections.json'),
        nodeModules: join(PROJECT_ROOT, 'node_modules'),
      }),
    );
  });
});
