// A Chinese yes-or-no question asks "A-not-A" of a two-character verb by repeating its first syllable: 鼓不鼓励
// (encourage or not), 需不需要, 合不合规, 备不备案. ICU's word breaking (Intl.Segmenter, text.ts) cuts the form into
// pieces the documents never hold as words (鼓|不|鼓励, 备|不|备案), so the topic word shares its place with a stray
// character and a 不 the documents use for prohibitions. Searched, the question keeps the verb once (鼓励, 备案).
// Only when the verb is a dictionary word (CC-CEDICT): the one-syllable forms 要不要, 会不会, 有没有 are the
// question's frame, not its topic (要不要加 is not 要加), and collapsing them was measured as a loss. What the
// wording says about the kind of question (要不要, 能不能: chineseAsks in query.ts) is read from it as typed.
import { isDictionaryWord } from './bilingual.js';

/** "X不XY" or "X没XY": the A-not-A form of the two-character word XY (and the character after it, if any). */
const A_NOT_AB = /(\p{Script=Han})[不没]\1(\p{Script=Han})(?=(\p{Script=Han})?)/gu;

/**
 * The question with each A-not-A form of a dictionary word written as the word once (鼓不鼓励 → 鼓励). Y is taken
 * for the verb only when it makes no word with the character after it: in 要不要说明, 说明 is the word and 要不要
 * the frame (要说 is a headword too).
 */
export function plainChineseQuestion(
  question: string,
  isWord: (word: string) => boolean = isDictionaryWord,
): string {
  return question.replace(A_NOT_AB, (form, first: string, second: string, next: string | undefined) =>
    isWord(first + second) && !(next !== undefined && isWord(second + next)) ? first + second : form,
  );
}
