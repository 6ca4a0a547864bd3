// The countries, US states and other places a question names (the generated corpus/places.json, places.ts,
// and the names search itself steers by, thesaurus.ts), and whether Charter holds a document of each: for
// the missing-name detector (missing.ts), which reports a place with no document and reads a place in front
// of a name ("Korea's AI Basic Act").
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Place } from './places.js';
import { tokenize } from './text.js';
import { JURISDICTION_NAMES } from './thesaurus.js';

/** How many letters a clipped place name keeps ("Cali" for California). */
const CLIP = 4;

interface PlaceName {
  tokens: string[];
  codes: string[];
  /** One of the names search itself steers by (thesaurus.ts): known in any case ("chinese", "eu"). */
  steering: boolean;
}

/**
 * The places in a question: `at` maps each token of a place name to whether Charter holds a document of
 * that place, `codes` to the place's codes; `spans` maps a name's first token to the token after it.
 */
export interface FoundPlaces {
  at: Map<number, boolean>;
  codes: Map<number, readonly string[]>;
  spans: Map<number, number>;
}

export class PlaceFinder {
  /** Place names by their first word. */
  private readonly byFirstWord = new Map<string, PlaceName[]>();
  /** The jurisdictions of the held documents, in capitals ("EU", "US-IL"). */
  readonly held: ReadonlySet<string>;
  /** The union each place's law comes from too, by code ("DE" → "EU"). */
  private readonly within = new Map<string, string>();

  /**
   * `clipped`: whether a word may stand for a held place's one-word name it begins ("cali" for California):
   * a word neither English nor the documents use (the detector asks the frequency table and the index).
   */
  constructor(
    docs: readonly CatalogDocument[],
    places: readonly Place[],
    clipped: (word: string) => boolean = () => false,
  ) {
    this.held = new Set(docs.map((doc) => doc.jurisdiction.toUpperCase()));
    const byName = new Map<string, Set<string>>();
    const add = (name: string, code: string) => {
      const key = tokenize(name).join(' ');
      if (key.length === 0) return;
      const codes = byName.get(key) ?? new Set<string>();
      codes.add(code.toUpperCase());
      byName.set(key, codes);
    };
    for (const [code, names] of Object.entries(JURISDICTION_NAMES)) for (const name of names) add(name, code);
    for (const place of places)
      if (place.within) this.within.set(place.code.toUpperCase(), place.within.toUpperCase());
    for (const place of places)
      for (const name of place.names) {
        add(name, place.code);
        // The adjective of a one-word name in -a that the list leaves out: "Korean", "Kenyan", "Nigerian".
        if (/^\p{L}{3,}a$/u.test(name)) add(`${name}n`, place.code);
        // A held place's one-word name clipped to its first four letters ("Cali"), where no word is so written.
        const clip = name.slice(0, CLIP).toLowerCase();
        if (/^\p{L}{6,}$/u.test(name) && this.held.has(place.code.toUpperCase()) && clipped(clip))
          add(clip, place.code);
      }
    const steering = new Set(
      Object.values(JURISDICTION_NAMES).flatMap((names) => names.map((n) => tokenize(n).join(' '))),
    );
    for (const [key, codes] of byName) {
      const place = { tokens: key.split(' '), codes: [...codes], steering: steering.has(key) };
      const list = this.byFirstWord.get(place.tokens[0]!) ?? [];
      list.push(place);
      this.byFirstWord.set(place.tokens[0]!, list);
    }
  }

  /**
   * The places among these normalized tokens (see `FoundPlaces`), skipping tokens of held names (`heldAt`);
   * a place not known in any case must pass `mayBeName` (its first token and length).
   */
  find(
    norms: readonly string[],
    heldAt: ReadonlySet<number>,
    mayBeName: (i: number, n: number) => boolean,
  ): FoundPlaces {
    const at = new Map<number, boolean>();
    const codes = new Map<number, readonly string[]>();
    const spans = new Map<number, number>();
    // Candidates by their first word, then taken longest first ("new south wales" before "wales").
    const found: { i: number; place: PlaceName }[] = [];
    for (let i = 0; i < norms.length; i++)
      for (const place of this.byFirstWord.get(norms[i]!) ?? [])
        if (place.tokens.every((token, k) => norms[i + k] === token)) found.push({ i, place });
    found.sort((a, b) => b.place.tokens.length - a.place.tokens.length || a.i - b.i);
    for (const { i, place } of found) {
      const n = place.tokens.length;
      let ok = place.steering || mayBeName(i, n);
      for (let k = 0; k < n && ok; k++) ok = !heldAt.has(i + k) && !at.has(i + k);
      if (!ok) continue;
      const held = place.codes.some((code) => this.held.has(code));
      for (let k = 0; k < n; k++) {
        at.set(i + k, held);
        codes.set(i + k, place.codes);
      }
      spans.set(i, i + n);
    }
    return { at, codes, spans: new Map([...spans].sort((a, b) => a[0] - b[0])) };
  }

  /**
   * Whether a place Charter has no document of lies inside a jurisdiction it holds: a member of a held union
   * ("DE" in the EU), or a US state when the question names another held place of its country (`heldCodes`:
   * "US-IL" beside "US-TX").
   */
  insideHeld(codes: readonly string[], named: readonly string[]): boolean {
    return codes.some((code) => {
      const union = this.within.get(code);
      if (union !== undefined && this.held.has(union)) return true;
      const country = code.includes('-') ? code.split('-')[0]! : undefined;
      return (
        country !== undefined &&
        named.some((other) => other !== code && (other === country || other.startsWith(`${country}-`)))
      );
    });
  }

  /** The codes of the held places among these normalized tokens ("illinois" → "US-IL"). */
  heldCodes(norms: readonly string[]): string[] {
    const { at, spans } = this.find(norms, new Set(), () => true);
    const codes = new Set<string>();
    for (const [i, span] of spans) {
      if (at.get(i) !== true) continue;
      const key = norms.slice(i, span).join(' ');
      for (const place of this.byFirstWord.get(norms[i]!) ?? [])
        if (place.tokens.join(' ') === key)
          for (const code of place.codes) if (this.held.has(code)) codes.add(code);
    }
    return [...codes];
  }
}
