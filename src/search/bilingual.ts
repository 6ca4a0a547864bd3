// A Chinese ↔ English bridge drawn from the documents themselves: the catalog holds two Chinese originals beside
// their English versions (`originalOf`), whose articles and sections share paths, so each pair of aligned
// passages says which Chinese words are rendered by which English ones (标识 → label, 算法 → algorithm, 投诉 →
// complaint). tools/zh-en-bridge.ts writes the table (corpus/zh-en-bridge.json); a Chinese question then also
// searches the English words of its Chinese terms at a low weight, so it can reach the English translations of
// the Chinese instruments Charter holds only in English (the labelling, deep synthesis and algorithmic
// recommendation rules). The table is read on the first Chinese question, never at start-up.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const ZH_EN_TABLE_FILE = join(PROJECT_ROOT, 'corpus', 'zh-en-bridge.json');

/** The generated file: Chinese index term → its English index terms (stems), best first. */
export interface ZhEnFile {
  $comment: string;
  /** The aligned documents and the sha256 of the verified source bytes each was read from. */
  sources: { id: string; sha256: string }[];
  /** sha256 of the aligned texts the table was drawn from (the passages as the readers cut them). */
  alignedSha256: string;
  parameters: { minPairs: number; minDice: number; maxSenses: number; maxGlossTerms: number };
  dictionarySource: { name: string; version: string; sha256: string };
  /** Chinese index term → its English index term, from the aligned documents. */
  aligned: Record<string, string>;
  /** Chinese word → English index terms (space-separated), from CC-CEDICT. */
  dictionary: Record<string, string>;
}

/**
 * The dictionary's glosses as read (space-separated terms: split only for the words a question has), held in one
 * string with each word's end offset, not as ~59,000 strings. Speed, not meaning: the table is read on the first
 * Chinese question, and 59,000 small young strings (2.8 MB) were copied by the next scavenges, one of them a 4–7
 * MB promotion landing on an unrelated later question (README, Speed). One flat string and a typed array are a
 * few large objects the collector moves without copying; the words themselves are the parser's internalized keys.
 */
class Glosses {
  private readonly at = new Map<string, number>();
  private readonly ends: Int32Array;
  private readonly text: string;

  constructor(entries: Readonly<Record<string, string>>) {
    const words = Object.keys(entries);
    this.ends = new Int32Array(words.length);
    const parts = new Array<string>(words.length);
    let end = 0;
    for (let i = 0; i < words.length; i++) {
      const glosses = entries[words[i]!]!;
      parts[i] = glosses;
      end += glosses.length;
      this.ends[i] = end;
      this.at.set(words[i]!, i);
    }
    this.text = parts.join('');
  }

  /** The space-separated English index terms of a dictionary word, as the file gives them. */
  get(word: string): string | undefined {
    const i = this.at.get(word);
    if (i === undefined) return undefined;
    return this.text.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }
}

interface Tables {
  aligned: ReadonlyMap<string, string>;
  dictionary: Glosses;
}

let table: Tables | null | undefined;

function read(path: string): Tables | null {
  if (!existsSync(path)) return null;
  const file = JSON.parse(readFileSync(path, 'utf8')) as ZhEnFile;
  return {
    aligned: new Map(Object.entries(file.aligned)),
    dictionary: new Glosses(file.dictionary),
  };
}

function tables(path: string): Tables | null {
  if (path !== ZH_EN_TABLE_FILE) return read(path);
  if (table === undefined) table = read(path);
  return table;
}

/** Whether the table was read (for tests of its laziness). */
export function zhEnTableLoaded(): boolean {
  return table !== undefined;
}

/** The English index terms a Chinese index term is rendered by in the aligned documents (none if unknown). */
export function englishOf(term: string, path = ZH_EN_TABLE_FILE): readonly string[] {
  const english = tables(path)?.aligned.get(term);
  return english ? [english] : [];
}

/** Whether CC-CEDICT has the word as a headword of two or three characters (鼓励, 备案; not 要加). */
export function isDictionaryWord(word: string, path = ZH_EN_TABLE_FILE): boolean {
  const dictionary = tables(path)?.dictionary;
  return dictionary !== undefined && dictionary.get(word) !== undefined;
}

const HAN_RUN = /\p{Script=Han}+/gu;
/** Longest dictionary headword looked for (the table holds two or three characters). */
const LONGEST = 3;

/**
 * The dictionary words of a text's Chinese, found by forward maximum matching (the longest headword at each
 * place, else one character on), each with its English index terms: 换脸, 实名, 点赞 are found whether or not the
 * word breaker knows them.
 */
export function dictionaryWords(
  text: string,
  path = ZH_EN_TABLE_FILE,
): { word: string; english: readonly string[] }[] {
  const dictionary = tables(path)?.dictionary;
  if (!dictionary) return [];
  const out: { word: string; english: readonly string[] }[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = Array.from(run);
    let at = 0;
    while (at < chars.length) {
      let found = 0;
      for (let n = Math.min(LONGEST, chars.length - at); n >= 2 && found === 0; n--) {
        const word = chars.slice(at, at + n).join('');
        const english = dictionary.get(word);
        if (english) {
          out.push({ word, english: english.split(' ') });
          found = n;
        }
      }
      at += found || 1;
    }
  }
  return out;
}

/** Whether the table was read (for tests of its laziness). */
export function zhEnLoaded(): boolean {
  return table !== undefined;
}

/**
 * Chinese words the corpus's Chinese documents use, by the English words CC-CEDICT gives them: the way from an
 * everyday word to the law's (删掉 → 删除, 照片 → 图片, 账号 → 账户 share "delete", "picture", "account").
 */
export class ChineseSynonyms {
  private readonly byEnglish = new Map<string, string[]>();
  private readonly english = new Map<string, ReadonlySet<string>>();

  /** `words`: the Chinese index terms of the Chinese documents. */
  constructor(
    words: Iterable<string>,
    private readonly minOverlap: number,
    path = ZH_EN_TABLE_FILE,
  ) {
    const dictionary = tables(path)?.dictionary;
    if (!dictionary) return;
    for (const word of words) {
      const glosses = dictionary.get(word);
      if (!glosses) continue;
      const set = new Set(glosses.split(' '));
      this.english.set(word, set);
      for (const term of set) {
        const others = this.byEnglish.get(term);
        if (others) others.push(word);
        else this.byEnglish.set(term, [word]);
      }
    }
  }

  /**
   * The corpus words whose English overlaps a word's by at least `minOverlap` (Jaccard over the two sets of
   * English terms), or, with `minShare`, share at least that part of the smaller set (合同 contract, agreement
   * and 协议 agreement, protocol; 上瘾 and 沉迷 both "addict"); none for a word the corpus itself uses.
   */
  of(
    word: string,
    english: readonly string[],
    minShare = Number.POSITIVE_INFINITY,
    morphemeSenses = 0,
  ): string[] {
    if (this.english.has(word)) return [];
    const mine = new Set(english);
    const shared = new Map<string, number>();
    // With `morphemeSenses` (`zhMorpheme`): a corpus word that shares a character with the word and an English
    // term few corpus words carry (靠谱 and 可靠, "reliable"); a common term ("person": 个人, 他人, 法人 …) joins nothing.
    const morphemes = new Set<string>();
    for (const term of mine) {
      const others = this.byEnglish.get(term) ?? [];
      for (const other of others) {
        shared.set(other, (shared.get(other) ?? 0) + 1);
        if (others.length <= morphemeSenses && sharesCharacter(word, other)) morphemes.add(other);
      }
    }
    const out: string[] = [];
    for (const [other, n] of shared) {
      const theirs = this.english.get(other)!;
      if (
        n / (mine.size + theirs.size - n) >= this.minOverlap ||
        n / Math.min(mine.size, theirs.size) >= minShare ||
        morphemes.has(other)
      )
        out.push(other);
    }
    return out.sort();
  }
}

/** Whether two words have a character in common (a shared morpheme: 靠谱 and 可靠). */
function sharesCharacter(a: string, b: string): boolean {
  for (const c of a) if (b.includes(c)) return true;
  return false;
}
