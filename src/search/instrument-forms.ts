// How a question may write a known instrument's name other than as the list writes it (instruments.ts):
// with an owner's "'s" inside it ("China's Cybersecurity Law" for the alias "China Cybersecurity Law";
// `knownPossessive`), or in Chinese, the official title of a Chinese instrument ("个人信息保护法";
// `chineseNames` — the aliases in Han script are read only when the rule is on).
import type { Token } from './text.js';

const HAN = /\p{Script=Han}/u;

/** Whether an alias is written in Chinese (`chineseNames`). */
export const isChineseName = (alias: string) => HAN.test(alias);

/**
 * The last token of the alias's words at `start` in the question, or -1 when they are not there (or one is
 * `taken`). With `possessive`, an "'s" the tokenizer made the word "s" may follow any word of the alias but
 * the last ("China's Cybersecurity Law"); a name never ends in it.
 */
export function aliasEnd(
  alias: readonly string[],
  toks: readonly Token[],
  start: number,
  taken: ReadonlySet<number>,
  possessive: boolean,
): number {
  let i = start;
  for (let k = 0; k < alias.length; k++, i++) {
    if (
      possessive &&
      k > 0 &&
      toks[i]?.norm === 's' &&
      alias[k] !== 's' &&
      toks[i - 1]?.norm === alias[k - 1] &&
      !taken.has(i)
    )
      i++;
    if (toks[i]?.norm !== alias[k] || taken.has(i)) return -1;
  }
  return i - 1;
}
