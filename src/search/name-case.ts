// How a missing-name note writes a name: as the question wrote it, never lower-cased. Words the question
// wrote in lower case get the capitals the catalog, the places and the known instruments give them.
import { ID_PREFIXES } from './name-words.js';
import { STOP_WORDS, type Token, tokens } from './text.js';

export class NameCase {
  /** How the catalog, the places and the known instruments write a word with capitals ("ai" → "AI"). */
  private readonly capitals: ReadonlyMap<string, string>;

  /** `names`: the names whose capitals lower-case words get (titles, aliases, places, known instruments). */
  constructor(names: readonly string[]) {
    this.capitals = capitalsOf(names);
  }

  /**
   * A name as the question wrote it, never lower-cased: a word written with a capital stays as written; one
   * written in lower case gets the capitals the catalog, the places or the known instruments give it, a bill
   * or standard prefix all of them, and otherwise a first capital, but for the small words ("korea's ai basic
   * act" → "Korea's AI Basic Act", "india's IT Rules" → "India's IT Rules", "iso 22989" → "ISO 22989"). What
   * lies between the words (an apostrophe, a hyphen) stays as written.
   */
  write(text: string, toks: readonly Token[], from: number, to: number): string {
    let out = '';
    for (let i = from; i <= to; i++) {
      const token = toks[i]!;
      if (i > from) out += text.slice(end(toks[i - 1]!), token.start);
      const small = i > from && (STOP_WORDS.has(token.norm) || token.norm === 's');
      out +=
        small || /\p{Lu}/u.test(token.surface)
          ? token.surface
          : ID_PREFIXES.has(token.norm) && token.norm !== 'pren'
            ? token.surface.toUpperCase()
            : (this.capitals.get(token.norm) ??
              token.surface.charAt(0).toUpperCase() + token.surface.slice(1));
    }
    return out;
  }
}

const end = (token: Token) => token.start + token.surface.length;

/** Each word's most frequent written form with a capital in these names ("ai" → "AI", "korea" → "Korea"). */
function capitalsOf(names: readonly string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const name of names)
    for (const token of tokens(name)) {
      if (!/^\p{Lu}/u.test(token.surface) || STOP_WORDS.has(token.norm)) continue;
      const forms = counts.get(token.norm) ?? new Map<string, number>();
      forms.set(token.surface, (forms.get(token.surface) ?? 0) + 1);
      counts.set(token.norm, forms);
    }
  const out = new Map<string, string>();
  for (const [norm, forms] of counts) out.set(norm, [...forms].sort((a, b) => b[1] - a[1])[0]![0]);
  return out;
}
