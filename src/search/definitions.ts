// The documents' own definitions as a vocabulary bridge: "'personal data breach' means a breach of security
// leading to the accidental or unlawful destruction, loss, alteration, unauthorised disclosure of, or access
// to, personal data" lets a question in the definition's words ("someone got access to our customer data and
// it was disclosed") reach the provisions that use the defined term. Built from the passages on first use.
import type { Passage } from '../corpus/types.js';
import { definedTermKeys, ProvisionKind, provisionKinds } from './query.js';
import { termsOf } from './text.js';
import type { WeightedTerm } from './thesaurus.js';

interface Definition {
  /** The defined term's index terms ("person data breach"). */
  term: readonly string[];
  /** The distinct index terms of what it means, without the term's own. */
  body: ReadonlySet<string>;
}

/** A defined term in the locator when the text sets it without quotes (AIDA: s. 5(1), “harm”). */
const LOCATOR_TERM = /[“"]([^”"]{2,80})[”"]/;

export interface DefinitionBridgeOptions {
  /** Weight of the defined term's words, shared among them like a thesaurus synonym. */
  weight: number;
  /** Least number of the question's distinctive terms a definition's body must hold. */
  minShared: number;
  /** Least share of the question's distinctive weight (by `rarity`) the shared terms must carry. */
  minShare: number;
  /** At most this many definitions bridge one question. */
  maxDefinitions: number;
}

export class DefinitionBridge {
  private readonly definitions: Definition[] = [];
  /** Definitions by each term of their body. */
  private readonly byTerm = new Map<string, number[]>();

  constructor(passages: readonly Passage[]) {
    for (const passage of passages) {
      if (passage.docId.endsWith('.zh')) continue;
      const keys = definedTermKeys(passage.text);
      const quoted = keys.length > 0 ? undefined : LOCATOR_TERM.exec(passage.locator)?.[1];
      const key = keys[0] ?? (quoted && /\bmeans\b/.test(passage.text) ? termsOf(quoted).join(' ') : '');
      if (key.length === 0) continue;
      const term = key.split(' ');
      const own = new Set(term);
      const body = new Set(termsOf(passage.text).filter((t) => !own.has(t)));
      if (body.size === 0) continue;
      const at = this.definitions.length;
      this.definitions.push({ term, body });
      for (const t of body) {
        const list = this.byTerm.get(t);
        if (list) list.push(at);
        else this.byTerm.set(t, [at]);
      }
    }
  }

  get size(): number {
    return this.definitions.length;
  }

  /**
   * The defined terms whose definitions hold enough of the question's terms (`terms`, each weighted by its
   * `rarity`), best first, as terms to add at `options.weight` (split among a term's words). Terms already
   * in the question are not added again.
   */
  bridge(
    terms: readonly WeightedTerm[],
    rarity: (term: string) => number,
    options: DefinitionBridgeOptions,
  ): WeightedTerm[] {
    if (options.weight <= 0) return [];
    const weights = new Map(terms.map((t) => [t.term, t.weight * rarity(t.term)]));
    let whole = 0;
    for (const w of weights.values()) whole += w;
    if (whole === 0) return [];
    const shared = new Map<number, { count: number; weight: number }>();
    for (const [term, weight] of weights) {
      if (weight === 0) continue;
      for (const at of this.byTerm.get(term) ?? []) {
        const found = shared.get(at) ?? { count: 0, weight: 0 };
        found.count++;
        found.weight += weight;
        shared.set(at, found);
      }
    }
    const best = [...shared]
      .filter(([, s]) => s.count >= options.minShared && s.weight / whole >= options.minShare)
      .sort(([a, x], [b, y]) => y.weight - x.weight || a - b)
      .slice(0, options.maxDefinitions);
    const out = new Map<string, number>();
    for (const [at] of best) {
      const { term } = this.definitions[at]!;
      for (const t of term)
        if (!weights.has(t)) out.set(t, Math.max(out.get(t) ?? 0, options.weight / term.length));
    }
    return [...out].map(([term, weight]) => ({ term, weight }));
  }
}

/** Where a definition turns to what the defined term leaves out ("… does not include anti-malware, spam-filtering …"). */
const EXCLUSION = /\b(does not include|do not include|shall not include|excludes?|except)\b/i;

/**
 * The index terms the documents' definitions use in saying what a defined term means or includes (in a
 * passage that is a definition, `provisionKinds`, before any "does not include"): BIPA Sec. 10's
 * "'Biometric identifier' means a retina or iris scan, fingerprint, voiceprint …" gives "fingerprint",
 * "retina", "voiceprint". The off-topic measure (offtopic.ts `Topicality.defining`) reads them: a word a law
 * defines its terms with is the documents' own, however common it is in films and TV (SUBTLEX-US).
 */
export function definingTerms(passages: readonly Passage[]): Set<string> {
  const terms = new Set<string>();
  // Places whose text turns to exclusions: their points ("(M) spam- and robocall-filtering;" under "(b) …
  // does not include: …") are what a term leaves out, whatever they say.
  const excluding = new Set<string>();
  for (const passage of passages) {
    if (passage.docId.endsWith('.zh') || (provisionKinds(passage) & ProvisionKind.definition) === 0) continue;
    const place = `${passage.docId}#${passage.path.join('/')}`;
    const within = passage.path.some((_, i) =>
      excluding.has(`${passage.docId}#${passage.path.slice(0, i).join('/')}`),
    );
    if (within) continue;
    const text = passage.text;
    const exclusion = EXCLUSION.exec(text);
    if (exclusion) excluding.add(place);
    for (const term of termsOf(text.slice(0, exclusion?.index ?? text.length))) terms.add(term);
  }
  return terms;
}

/** A term a definition defines, quoted, then "means" or "includes", and what follows up to the next one. */
const DEFINED_HERE = /[“"‘']([^”"’'\n]{2,80})[”"’']\s+(?:means|includes)\b/g;
/** Where one item of a definition's list ends and the next begins. */
const ITEM_BREAK = /[,;:()]|\b(?:or|and|such as|including)\b/;

/**
 * The things a definition names one by one (`definedInstances`): "'Biometric identifier' means a retina or iris
 * scan, fingerprint, voiceprint, or scan of hand or face geometry" makes "fingerprint" and "voiceprint"
 * instances of "biometric identifier". A law's operative rules speak of the defined term ("No private entity
 * may collect … a person's biometric identifier … unless it first … receives a written release"), while a
 * person asks about the thing ("can my employer make me use a fingerprint scanner"). Only items of one word
 * (the thing itself, not a description), before any "does not include", in English definitions.
 */
export class DefinedInstances {
  /** Instance index term → the defined terms (their index terms) it is listed under. */
  private readonly of = new Map<string, string[][]>();

  constructor(passages: readonly Passage[]) {
    for (const passage of passages) {
      if (passage.docId.endsWith('.zh') || (provisionKinds(passage) & ProvisionKind.definition) === 0)
        continue;
      const text = passage.text;
      const starts = [...text.matchAll(DEFINED_HERE)];
      starts.forEach((match, k) => {
        const term = termsOf(match[1]!);
        if (term.length === 0) return;
        let body = text.slice(match.index + match[0].length, starts[k + 1]?.index ?? text.length);
        const exclusion = EXCLUSION.exec(body);
        if (exclusion) body = body.slice(0, exclusion.index);
        // One sentence: what follows the first full stop explains or qualifies, it does not list.
        body = body.split(/\.\s/)[0]!;
        const own = new Set(term);
        const items = body.split(ITEM_BREAK);
        // An enumeration names three things or more; fewer is a description ("means a natural person").
        if (items.filter((item) => termsOf(item).length > 0).length < 3) return;
        for (const item of items) {
          const words = termsOf(item);
          if (words.length !== 1 || own.has(words[0]!) || /\d/.test(words[0]!)) continue;
          const list = this.of.get(words[0]!) ?? [];
          if (!list.some((t) => t.join(' ') === term.join(' '))) list.push(term);
          this.of.set(words[0]!, list);
        }
      });
    }
  }

  /** The defined terms an index term is an instance of. */
  definedBy(term: string): readonly string[][] {
    return this.of.get(term) ?? [];
  }
}
