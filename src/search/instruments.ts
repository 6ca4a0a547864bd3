// Finding the instruments of corpus/instruments.json that a question names, by their names and aliases, so
// the note can name them properly ("the Bletchley Declaration (28 countries and the EU, Bletchley Park,
// 1 Nov 2023)") whatever case the question wrote them in.
import type { KnownInstrument } from '../corpus/instruments.js';
import { aliasEnd, isChineseName } from './instrument-forms.js';
import { type Token, tokenize } from './text.js';

/** What a note needs to name an instrument Charter does not hold. */
export type KnownFacts = Pick<
  KnownInstrument,
  'id' | 'name' | 'the' | 'kind' | 'issuer' | 'place' | 'date' | 'url'
>;

interface Alias {
  tokens: string[];
  /** An acronym of three letters or fewer ("DSA"): only when written in capitals. */
  capitalsOnly: boolean;
  facts: KnownFacts;
}

export interface InstrumentMatch {
  /** First and last token of the name in the question. */
  start: number;
  end: number;
  facts: KnownFacts;
}

const SHORT_ACRONYM = /^[A-Z]{2,3}$/;

export class InstrumentMatcher {
  private readonly byFirst = new Map<string, Alias[]>();
  /** Each instrument's names as a text would cite it: several words, a Chinese title, or a number ("2022/2065"). */
  private readonly citations = new Map<string, string[]>();

  /** The forms of names read besides the list's own (instrument-forms.ts); both on by default. */
  private readonly possessive: boolean;

  constructor(
    instruments: readonly KnownInstrument[],
    forms: { knownPossessive?: boolean; chineseNames?: boolean } = {},
  ) {
    this.possessive = forms.knownPossessive ?? true;
    const chinese = forms.chineseNames ?? true;
    for (const instrument of instruments) {
      const facts: KnownFacts = {
        id: instrument.id,
        name: instrument.name,
        kind: instrument.kind,
        issuer: instrument.issuer,
        date: instrument.date,
        ...(instrument.the ? { the: true } : {}),
        ...(instrument.place ? { place: instrument.place } : {}),
        ...(instrument.url ? { url: instrument.url } : {}),
      };
      const names = [instrument.name, ...instrument.aliases];
      this.citations.set(instrument.id, [
        ...new Set([
          // A Chinese title is written without spaces ("个人信息保护法"), and cited so.
          ...names.filter((name) => (/\s/.test(name) || isChineseName(name)) && !/\d/.test(name)),
          ...names.flatMap((name) => name.match(/\d[\d/.-]{2,}\d/g) ?? []),
        ]),
      ]);
      for (const alias of new Set(names)) {
        if (!chinese && isChineseName(alias)) continue;
        const tokens = tokenize(alias);
        if (tokens.length === 0) continue;
        const list = this.byFirst.get(tokens[0]!) ?? [];
        list.push({ tokens, capitalsOnly: SHORT_ACRONYM.test(alias), facts });
        this.byFirst.set(tokens[0]!, list);
      }
    }
    // Longest first, so "Data Governance Act" is taken before "Data Act" could be.
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /**
   * The instrument a whole typed name names (`--doc OECD`, `sources bletchley`): one of its names or aliases,
   * or the start of its names ("bletchley" → Bletchley Declaration) when no other instrument's name starts
   * so; undefined when none, or when the words start several instruments' names ("AI").
   */
  named(
    typed: string,
    { start = true }: { /** Whether the start of a name will do. Default true. */ start?: boolean } = {},
  ): KnownFacts | undefined {
    const words = tokenize(typed);
    if (words.length === 0) return undefined;
    const starting = (this.byFirst.get(words[0]!) ?? []).filter((alias) =>
      words.every((word, k) => alias.tokens[k] === word),
    );
    const whole = starting.find((alias) => alias.tokens.length === words.length);
    if (whole || !start) return whole?.facts;
    const ids = new Set(starting.map((alias) => alias.facts.id));
    return ids.size === 1 ? starting[0]!.facts : undefined;
  }

  /** How a text citing the instrument would name it ("Digital Services Act", "2022/2065"). */
  citedAs(id: string): readonly string[] {
    return this.citations.get(id) ?? [];
  }

  /**
   * The known instruments a question names, in order, each span once (the longest name at each place), none
   * over a `taken` token (a held document's name: "UN resolution 78/311" leaves "78/311").
   */
  find(toks: readonly Token[], taken: ReadonlySet<number> = new Set()): InstrumentMatch[] {
    const out: InstrumentMatch[] = [];
    for (let i = 0; i < toks.length; i++) {
      if (taken.has(i)) continue;
      let end = -1;
      const alias = (this.byFirst.get(toks[i]!.norm) ?? []).find((candidate) => {
        if (candidate.capitalsOnly && toks[i]!.surface !== toks[i]!.surface.toUpperCase()) return false;
        end = aliasEnd(candidate.tokens, toks, i, taken, this.possessive);
        return end >= 0;
      });
      if (!alias) continue;
      out.push({ start: i, end, facts: alias.facts });
      i = end;
    }
    return out;
  }
}
