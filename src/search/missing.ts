// What a question names that Charter does not hold: a law or instrument ("Korea's AI Basic Act", "the Digital
// Services Act", "SB 1047"), a body known only by its acronym ("the CCPA"), a country or US state with no
// document ("does texas have an AI law"), or a document of which the corpus holds only a news report about it
// ("China's Global AI Governance Action Plan"). Everything is decided from the catalog (titles, short titles,
// aliases, issuers, jurisdictions), the generated list of places (places.ts) and the corpus vocabulary, never
// from a list of what Charter lacks: a document added to the catalog stops being reported at once. The known
// instruments (corpus/instruments.json) only name better what this finds anyway: an instrument in the list is
// named as the list writes it, with its facts; one in no list is still found by its shape (name-shapes.ts).
// A phrase that is a title or a heading of a held document ("common guiding principles", METI's Part 2 C) is
// never reported (held-vocabulary.ts).
import type { CatalogDocument } from '../corpus/catalog.js';
import type { KnownInstrument } from '../corpus/instruments.js';
import { BINDING_WORDS, type DocNameMatcher, issuerOf, KIND_WORDS } from './docnames.js';
import { HeldVocabulary } from './held-vocabulary.js';
import { HeldDescriptions } from './heldnames.js';
import { InstrumentMatcher } from './instruments.js';
import type { MissingName } from './missing-name.js';
import { DEFAULT_MISSING_RULES, type MissingRules } from './missing-rules.js';
import { NameCase } from './name-case.js';
import { rareWords } from './name-rare.js';
import {
  codedIds,
  earlierVersions,
  namesByHead,
  numberedIds,
  type Scan,
  type ShapeKnowledge,
  seriesNumbers,
  unheldSections,
  unknownAcronyms,
} from './name-shapes.js';
import { documentSymbols } from './name-symbols.js';
import { isDraftText, otherVersions, ownVersions, type VersionKnowledge } from './name-versions.js';
import { COMMON_ZIPF, range } from './name-words.js';
import { PlaceFinder } from './place-finder.js';
import type { Place } from './places.js';
import { MAX_QUERY_CHARS } from './query.js';
import { termOf, tokenize, tokens } from './text.js';
import { inJurisdiction } from './thesaurus.js';

export type { MissingName } from './missing-name.js';

export interface MissingDetectorOptions {
  docs: readonly CatalogDocument[];
  names: DocNameMatcher;
  places: readonly Place[];
  /** Whether an index term occurs in the corpus at all. */
  hasTerm: (term: string) => boolean;
  /** Instruments Charter knows of but does not hold (corpus/instruments.json). */
  known?: readonly KnownInstrument[];
  /** Headings of the held documents' passages: a phrase inside one is never reported missing. */
  headings?: Iterable<string>;
  /** Whether a held document's text contains one of these phrases (it cites the instrument they name). */
  cites?: (docId: string, phrases: readonly string[]) => boolean;
  /** How common an index term is in English (Zipf; frequencies.ts): tells a proper word of a name. */
  englishZipf?: (term: string) => number;
  /**
   * Whether the held texts write these words, in this order, as a name (heldnames.ts `CorpusNames`): a name
   * found by its shape that they use is something the corpus talks about, not an instrument it lacks.
   */
  corpusNames?: (name: string) => boolean;
  /** Whether a held text writes these words in this order, in any case ("four ethical principles"). */
  writes?: (phrase: string) => boolean;
  /** Whether a held document's text uses an index term. */
  docUses?: (docId: string, term: string) => boolean;
  /** Whether a held document has a section or article of this number (name-shapes.ts `heldSection`). */
  heldSection?: (number: string) => boolean;
  /** Which switchable rules are on (missing-rules.ts); all by default. */
  rules?: Partial<MissingRules>;
  /** Whether the held texts write out an acronym's words (heldnames.ts `SpelledOut`). */
  spelledOut?: (acronym: string) => boolean;
  /** Whether WordNet lists a lower-case word as a common word of English (`rareWords`). */
  commonWord?: (word: string) => boolean;
  /** Whether a held law has this code section and writes a code's name ending in `word` (`codeCitation`). */
  codeSection?: (number: string, word: string) => boolean;
  /** Whether the held texts use an acronym's words as a term of theirs (heldnames.ts `SpelledOut.hasTerm`). */
  spelledTerm?: (acronym: string) => boolean;
}

export class MissingDetector {
  private readonly names: DocNameMatcher;
  private readonly places: PlaceFinder;
  private readonly held: HeldVocabulary;
  private readonly known: InstrumentMatcher;
  private readonly cites: (docId: string, phrases: readonly string[]) => boolean;
  private readonly nameCase: NameCase;
  private readonly described: HeldDescriptions;
  private readonly shapes: ShapeKnowledge;
  private readonly rules: MissingRules;
  private readonly versions: VersionKnowledge;

  constructor(options: MissingDetectorOptions) {
    this.rules = { ...DEFAULT_MISSING_RULES, ...options.rules };
    this.names = options.names;
    // A clipped place name is no word of English (at the frequency table's floor) nor of the documents.
    const zipf = options.englishZipf;
    const floor = zipf?.('\u0000');
    this.places = new PlaceFinder(
      options.docs,
      options.places,
      (word) => zipf !== undefined && zipf(word) <= floor! && !options.hasTerm(word),
    );
    this.held = new HeldVocabulary(options.docs, options.headings ?? [], options.englishZipf ?? (() => 0));
    const known = options.known ?? [];
    this.known = new InstrumentMatcher(known, this.rules);
    this.cites = options.cites ?? (() => false);
    this.described = new HeldDescriptions(options.docs, options.names);
    this.nameCase = new NameCase([
      ...options.docs.flatMap((doc) => [doc.title, doc.shortTitle, ...doc.aliases, doc.issuer]),
      ...options.places.flatMap((place) => place.names),
      ...known.flatMap((instrument) => [instrument.name, ...instrument.aliases]),
    ]);
    const versions = new Map(options.docs.map((doc) => [doc.id, ownVersions(doc)]));
    const drafts = new Set(options.docs.filter(isDraftText).map((doc) => doc.id));
    this.versions = {
      versions: (docId) => versions.get(docId) ?? new Set(),
      draft: (docId) => drafts.has(docId),
      catalogWord: (norm) => this.held.catalogTokens.has(norm),
      common: (norm) => (zipf?.(termOf(norm) ?? norm) ?? 0) >= COMMON_ZIPF,
    };
    const years = new Map(options.docs.map((doc) => [doc.id, Number(doc.date.slice(0, 4))]));
    this.shapes = {
      held: this.held,
      hasTerm: options.hasTerm,
      corpusNames: options.corpusNames ?? (() => false),
      writes: options.writes ?? (() => false),
      docUses: options.docUses ?? (() => false),
      englishZipf: options.englishZipf ?? (() => 0),
      heldSection: options.heldSection ?? (() => true),
      heldKind: heldKinds(options.docs, this.rules),
      heldYear: (docId) => years.get(docId) ?? 0,
      rules: this.rules,
      ...(options.spelledOut ? { spelledOut: options.spelledOut } : {}),
      ...(options.commonWord ? { commonWord: options.commonWord } : {}),
      ...(options.codeSection ? { codeSection: options.codeSection } : {}),
      ...(options.spelledTerm ? { spelledTerm: options.spelledTerm } : {}),
    };
  }

  /** The things a question names that Charter does not hold, in the order they appear. */
  detect(question: string): MissingName[] {
    const text = question.slice(0, MAX_QUERY_CHARS);
    const toks = tokens(text);
    if (toks.length === 0) return [];
    const norms = toks.map((t) => t.norm);
    // In a question written with capitals, a name is capitalized; in one written all in lower case, anything goes.
    // (Acronyms such as "AI" say nothing about how the question is written.) A place followed by "'s" is one
    // in any case ("india's IT Rules").
    const capital = (i: number) => /^\p{Lu}/u.test(toks[i]!.surface);
    const initial = (i: number) => i === 0 || /[.?!:;]\s*$/.test(text.slice(0, toks[i]!.start));
    const cased = toks.some((t, i) => /^\p{Lu}\p{Ll}/u.test(t.surface) && !initial(i));
    const mayBeName = (i: number, n: number) => !cased || capital(i) || norms[i + n] === 's';
    const allNamed = this.names.findExact(text);
    const placesFirst = this.places.find(
      norms,
      new Set(allNamed.flatMap((name) => name.positions)),
      mayBeName,
    );
    // A held document's name in common words that another place's name comes before is another instrument:
    // "Korea's AI Act", "Canada's Voluntary Code of Conduct" (the Hiroshima code's alias "code of conduct").
    // So is one that a known instrument's name runs on from ("the Council of Europe's Convention 108").
    const knownAll = this.known.find(toks);
    const runsOn = (name: { start: number; end: number }) =>
      knownAll.some((match) => match.start < name.end && match.start >= name.start && match.end >= name.end);
    const namedDocs = allNamed.filter(
      (name) => !this.held.isOthersName(name, norms, placesFirst) && !runsOn(name),
    );
    const heldAt = new Set(namedDocs.flatMap((name) => name.positions));
    const places = this.places.find(norms, heldAt, mayBeName);
    const scan: Scan = {
      text,
      toks,
      norms,
      cased,
      capital,
      initial,
      heldAt,
      places,
      claimed: new Set<number>(),
      surface: (from, to) => this.nameCase.write(text, toks, from, to),
      found: [],
      described: [],
    };
    const { claimed, found, surface } = scan;

    // Instruments of the known list, named as the list names them; not when the question asks what a held
    // document it names says of one that document cites ("the AI Act and the Charter of Fundamental Rights").
    const known = this.known.find(toks, heldAt);
    // The held documents the question is about: named (a news report only by its publisher: "per the Global
    // Times report"), or described by the catalog's facts ("Trump's January AI order", "Canada's AI bill").
    const described = this.described.find(text, norms, places.codes);
    scan.described = described;
    const namedDocIds = namedDocs.filter((name) => !this.held.isReportOf(name, norms)).map((n) => n.docId);
    const heldDocs = [...namedDocIds, ...described];
    for (const match of known) {
      const span = range(match.start, match.end);
      if (span.some((i) => heldAt.has(i) || claimed.has(i))) continue;
      for (const i of span) claimed.add(i);
      const citedAs = this.known.citedAs(match.facts.id);
      // A held document the known name's own words describe ("NIST … Framework" in the NIST Privacy Framework
      // describes the AI RMF) is no document the question is about.
      const own = described.length === 0 ? [] : this.describedWithin(scan, match);
      const about = [...namedDocIds, ...described.filter((docId) => !own.includes(docId))];
      if (about.some((docId) => this.cites(docId, citedAs))) continue;
      found.push({
        at: match.start,
        missing: { name: match.facts.name, kind: 'instrument', known: match.facts },
      });
    }

    namesByHead(scan, this.shapes);
    numberedIds(scan, this.shapes);
    if (this.rules.symbols)
      documentSymbols(scan, this.shapes, (symbol) => heldDocs.some((docId) => this.cites(docId, [symbol])));
    seriesNumbers(scan, this.shapes, namedDocs);
    earlierVersions(scan, this.shapes, namedDocs);
    if (this.rules.versions) otherVersions(scan, this.versions, namedDocs);
    codedIds(scan, this.shapes);
    unknownAcronyms(scan, this.shapes);
    if (this.rules.rareWords) rareWords(scan, this.shapes);
    unheldSections(scan, this.shapes);

    // Countries and states with no document, unless the question is about a document Charter holds that
    // merely mentions them ("does the AI Act apply in France", "does Biden's AI EO apply in Mexico").
    // Nor a place inside a held jurisdiction (`withinHeld`): "in germany" (EU law applies), "in texas" beside
    // "in illinois".
    if (namedDocs.length === 0 && described.length === 0) {
      const heldNamed = this.rules.withinHeld
        ? [...places.spans.keys()]
            .filter((i) => places.at.get(i) === true)
            .flatMap((i) => places.codes.get(i) ?? [])
        : [];
      for (const [i, span] of places.spans) {
        if (places.at.get(i) !== false || claimed.has(i)) continue;
        if (this.rules.withinHeld && this.places.insideHeld(places.codes.get(i) ?? [], heldNamed)) continue;
        found.push({ at: i, missing: { name: surface(i, span - 1), kind: 'place' } });
        for (let k = i; k < span; k++) claimed.add(k);
      }
    }

    // A news report held in place of the document it reports on.
    for (const name of namedDocs) {
      if (!this.held.isReportOf(name, norms)) continue;
      const about = knownAll.find((match) => match.start === name.start && match.end === name.end - 1);
      found.push({
        at: name.start,
        missing: {
          name: about ? about.facts.name : surface(name.start, name.end - 1),
          kind: 'report',
          reportId: name.docId,
          ...(about ? { known: about.facts } : {}),
        },
      });
    }

    const seen = new Set<string>();
    return found
      .sort((a, b) => a.at - b.at)
      .map((entry) => entry.missing)
      .filter((missing) => {
        const key = missing.name.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  /** The held documents a known instrument's name alone describes ("NIST … Framework": the AI RMF). */
  private describedWithin(scan: Scan, match: { start: number; end: number }): string[] {
    const { text, toks, norms, places } = scan;
    const from = toks[match.start]!.start;
    const last = toks[match.end]!;
    return this.described.find(
      text.slice(from, last.start + last.surface.length),
      norms.slice(match.start, match.end + 1),
      new Map(
        [...places.codes]
          .filter(([i]) => i >= match.start && i <= match.end)
          .map(([i, c]) => [i - match.start, c]),
      ),
    );
  }

  /** The codes of the places a question names that Charter holds documents of ("illinois" → "US-IL"). */
  heldPlaces(question: string): string[] {
    return this.places.heldCodes(tokens(question.slice(0, MAX_QUERY_CHARS)).map((t) => t.norm));
  }
}

/**
 * Whether a held document of one of the jurisdictions (or inside one: "US" holds California's laws) is of the
 * kind a head word says (`KIND_WORDS`; any binding text for a word of one, `BINDING_WORDS`) or has it in its
 * names ("china's recommendation algorithm rules", "the UN compact"); a head word of no kind ("directive") is of none.
 * With `placeInName`, so is a held document whose title or issuer has a word the place's word begins with
 * ("european" before "treaty": the Council of Europe's convention).
 */
function heldKinds(
  docs: readonly CatalogDocument[],
  rules: Pick<MissingRules, 'guidanceWord' | 'placeInName'>,
): (codes: readonly string[], head: string, placeWord?: string) => boolean {
  const named = docs.map((doc) => new Set(tokenize([doc.title, doc.shortTitle, ...doc.aliases].join(' '))));
  // Words of five letters or more of each document's title and issuer ("europe" of "Council of Europe").
  const ownWords = docs.map(
    (doc) =>
      new Set(tokenize(`${doc.title} ${issuerOf(doc)}`).filter((word) => word.length >= PLACE_WORD_MIN)),
  );
  // "guidance" (`guidanceWord`): any document that binds no one and is no news report.
  const soft = (kind: string) =>
    kind !== 'news' &&
    !(KIND_WORDS[kind] ?? []).some((word) => BINDING_WORDS.has(word)) &&
    kind !== 'executive order';
  return (codes, head, placeWord) =>
    docs.some((doc, d) => {
      const kind = KIND_WORDS[doc.kind] ?? [];
      const fits =
        (rules.guidanceWord && head === 'guidance' && soft(doc.kind)) ||
        (BINDING_WORDS.has(head) ? kind.some((word) => BINDING_WORDS.has(word)) : kind.includes(head)) ||
        named[d]!.has(head);
      if (!fits) return false;
      if (codes.some((code) => inJurisdiction(doc.jurisdiction, code))) return true;
      return (
        rules.placeInName &&
        placeWord !== undefined &&
        doc.kind !== 'news' &&
        [...ownWords[d]!].some((word) => placeWord.startsWith(word))
      );
    });
}

/** The shortest word of a held document's title or issuer that a place's word may begin with (`placeInName`). */
const PLACE_WORD_MIN = 5;
