// How much of a Chinese question each side holds (`zhCoverage`): the Chinese originals by the question's own
// words, the English-only Chinese rules (labelling, deep synthesis, recommendation) by the words CC-CEDICT gives
// them. The translated source is fused at `translatedShare` of the Chinese side's best score, so an English
// passage never beats a Chinese one that holds the same question; but when the Chinese documents hold less of
// the question than an English one does ("AI生成的图片文件元数据里要写啥": 元数据 is in no Chinese text, metadata is
// in the labelling measures' Art. 5), its share grows with the ratio of the two, up to the Chinese side's own.
import type { Passage } from '../corpus/types.js';
import type { TranslatedWord } from './query.js';
import type { Candidates } from './sources.js';

export type { TranslatedWord };

/** How many of each side's best passages are looked at for the one that holds most of the question. */
const DEPTH = 5;

/** The passages of the `DEPTH` best scores of a list that `keep` accepts (one pass, no sort of the list). */
function best(list: Candidates, keep: (i: number) => boolean): number[] {
  const top: { i: number; score: number }[] = [];
  for (let k = 0; k < list.ids.length; k++) {
    const score = list.scores[k]!;
    if (top.length === DEPTH && score <= top[DEPTH - 1]!.score) continue;
    const i = list.ids[k]!;
    if (!keep(i)) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.score < score) at--;
    top.splice(at, 0, { i, score });
    if (top.length > DEPTH) top.pop();
  }
  return top.map(({ i }) => i);
}

/**
 * The share of the question's words (by weight) that the best-covering of each side's first passages holds:
 * a Chinese passage holds a word when its text has it, an English one when it has one of its English terms.
 */
export function coverages(
  words: readonly TranslatedWord[],
  own: Candidates,
  translated: Candidates,
  passages: readonly Passage[],
): { chinese: number; english: number } {
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  if (total <= 0) return { chinese: 0, english: 0 };
  let chinese = 0;
  for (const i of best(own, (i) => passages[i]!.docId.endsWith('.zh'))) {
    const text = passages[i]!.text;
    chinese = Math.max(
      chinese,
      words.reduce((sum, w) => sum + (text.includes(w.word) ? w.weight : 0), 0),
    );
  }
  let english = 0;
  for (const i of best(translated, () => true)) {
    const found = new Set(translated.termsOf(i));
    english = Math.max(
      english,
      words.reduce((sum, w) => sum + (w.english.some((term) => found.has(term)) ? w.weight : 0), 0),
    );
  }
  return { chinese: chinese / total, english: english / total };
}

/**
 * The translated source's share of the Chinese side's best score: `share` as long as the Chinese side holds at
 * least as much of the question, else `share` × the ratio of the two coverages, at most 1.
 */
export function translatedShareFor(share: number, coverage: { chinese: number; english: number }): number {
  if (coverage.english <= coverage.chinese) return share;
  if (coverage.chinese <= 0) return 1;
  return Math.min(1, (share * coverage.english) / coverage.chinese);
}
