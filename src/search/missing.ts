// What a question names that Charter does not hold: a law or instrument ("Korea's AI Basic Act", "the Digital
// Services Act", "SB 1047"), a body known only by its acronym ("the CCPA"), a country or US state with no
// document ("does texas have an AI law"), or a document of which the corpus holds only a news report about it
// ("China's Global AI Governance Action Plan"). Everything is decided from the catalog (titles, short titles,
// aliases, issuers, jurisdictions), the generated list of places (places.ts) and the corpus vocabulary, never
// from a list of what Charter lacks: a document added to the catalog stops being reported at once. The known
// instruments (corpus/instruments.json) only name better what this finds anyway: an instrument in the list is
// named as the list writes it, with its facts; one in no list is still found by its shape. A phrase that is a
// title or a heading of a held document ("common guiding principles", METI's Part 2 C) is never reported.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { KnownInstrument } from '../corpus/instruments.js';
import { type DocNameMatcher, MONTHS } from './docnames.js';
import { HeldDescriptions } from './heldnames.js';
import { InstrumentMatcher, type KnownFacts } from './instruments.js';
import type { Place } from './places.js';
import { MAX_QUERY_CHARS } from './query.js';
import { STOP_WORDS, type Token, termOf, tokenize, tokens } from './text.js';
import { JURISDICTION_NAMES } from './thesaurus.js';

export interface MissingName {
  /**
   * As the question wrote it ("Korea's AI Basic Act", "Texas", "CCPA"); a known instrument as the list writes
   * it ("Bletchley Declaration"); words the question wrote in lower case are capitalized as the catalog, the
   * places and the list write them ("korea's ai basic act" → "Korea's AI Basic Act"), never lower-cased.
   */
  name: string;
  /**
   * `instrument`: a law, act, bill, standard or other document by name; `place`: a country or US state with no
   * document; `body`: an organisation or instrument known by an acronym; `report`: the corpus holds only a
   * report about it (`reportId`).
   */
  kind: 'instrument' | 'place' | 'body' | 'report';
  reportId?: string;
  /** For an instrument of corpus/instruments.json (or the instrument a held report is about): its facts. */
  known?: KnownFacts;
}

// Words that head the name of a document. "Strong" heads make a name even in lower case after "the"
// ("the digital services act"); the others only with capitals, a place or a number.
const STRONG_HEADS = new Set([
  'act',
  'acts',
  'directive',
  'declaration',
  'convention',
  'treaty',
  'bill',
  'statute',
  'ordinance',
]);
const HEADS = new Set([
  ...STRONG_HEADS,
  'law',
  'laws',
  'regulation',
  'regulations',
  'principles',
  'guidelines',
  'guidance',
  'strategy',
  'framework',
  'standard',
  'standards',
  'order',
  'plan',
  'charter',
  'compact',
  'recommendation',
  'resolution',
  'rules',
  'measures',
  'provisions',
  'statement',
  'policy',
  'code',
  'roadmap',
  'blueprint',
  'commitments',
  'recommendations',
  'opinion',
]);
// Words that put a number after them in an instrument's reference ("Regulation 2022/2065", "res 68/167",
// "EDPB opinion 28/2024", "CFPB circular 2022-03").
const NUMBER_HEADS = new Set([...HEADS, 'res', 'circular', 'decision', 'memo', 'memorandum']);
// Words that continue a title after its head ("Code of Practice", "Declaration on AI", "Call for AI Ethics").
const TITLE_JOINS = new Set(['of', 'on', 'for']);
/** A bare year ("the regulation 2024") is no number of an instrument. */
const YEAR = /^(19|20)\d\d$/;
/** A word of a held name more common than this in English (Zipf) is no proper name ("conduct", "act"). */
const COMMON_ZIPF = 4;
// Words in front of a head that do not make it a name ("the new AI law", "federal rules", "the 2023 order").
const GENERIC = new Set([
  'ai',
  'artificial',
  'intelligence',
  'new',
  'federal',
  'state',
  'national',
  'local',
  'proposed',
  'current',
  'existing',
  'relevant',
  'main',
  'draft',
  'final',
  'latest',
  'recent',
  'first',
  'international',
  'executive',
  ...MONTHS,
]);
// Prefixes of bill, order and standard numbers: "SB 1047", "EO 13960", "Local Law 144", "ISO/IEC 42001".
const ID_PREFIXES = new Set([
  'sb',
  'ab',
  'hb',
  'sf',
  'hf',
  'lb',
  'll',
  'eo',
  'hr',
  'pl',
  'iso',
  'iec',
  'ieee',
  'tr',
  'ts',
  'pren',
]);
const ID_PREFIX_PAIRS = new Set(['executive order', 'local law', 'public law', 'house bill', 'senate bill']);
const ID_TOKEN = /^(sb|ab|hb|sf|hf|lb|ll|eo|hr|c|s)-?\d+$/;
// A token after an acronym that shows the acronym names something ("the CCPA", "GDPR Art. 22", "PIPL says").
const NAME_CONTEXT_BEFORE = new Set(['the', 'under', 'per', 's', 'by', 'from']);
const NAME_CONTEXT_AFTER = new Set([
  'art',
  'article',
  'articles',
  'section',
  'sec',
  'say',
  'says',
  'require',
  'requires',
  'apply',
  'applies',
  'cover',
  'covers',
  'give',
  'gives',
  'allow',
  'allows',
  'ban',
  'bans',
  'define',
  'defines',
  'requirement',
  'requirements',
  'obligation',
  'obligations',
  'rules',
  'guidance',
]);
const ACRONYM = /^[A-Z][A-Z0-9]{2,7}$/;
const DIGITS = /^\d+$/;
/** The number of a bill, order, standard or resolution: "1047", "21-169", "2338/2023", "78/241". */
const ID_NUMBER = /^\d[\d/-]*$/;

interface PlaceName {
  tokens: string[];
  codes: string[];
  /** One of the names search itself steers by (thesaurus.ts): known in any case ("chinese", "eu"). */
  steering: boolean;
}

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
}

export class MissingDetector {
  private readonly names: DocNameMatcher;
  private readonly docs: ReadonlyMap<string, CatalogDocument>;
  private readonly hasTerm: (term: string) => boolean;
  /** Place names by their first word. */
  private readonly placesByFirstWord: Map<string, PlaceName[]>;
  private readonly held: ReadonlySet<string>;
  /** Each document's name words (title, short title, aliases, issuer), normalized. */
  private readonly nameWords: ReadonlySet<string>[];
  private readonly nameWordsOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every normalized token of the catalog's names and issuers. */
  private readonly catalogTokens: ReadonlySet<string>;
  private readonly known: InstrumentMatcher;
  private readonly cites: (docId: string, phrases: readonly string[]) => boolean;
  /** The held documents' titles and headings, normalized, each between spaces. */
  private readonly heldPhrases: readonly string[];
  /** How the catalog, the places and the known instruments write a word with capitals ("ai" → "AI"). */
  private readonly capitals: ReadonlyMap<string, string>;
  private readonly englishZipf: (term: string) => number;
  private readonly described: HeldDescriptions;
  private readonly corpusNames: (name: string) => boolean;

  constructor(options: MissingDetectorOptions) {
    this.names = options.names;
    this.hasTerm = options.hasTerm;
    this.docs = new Map(options.docs.map((doc) => [doc.id, doc]));
    this.held = new Set(options.docs.map((doc) => doc.jurisdiction.toUpperCase()));
    this.nameWords = options.docs.map(
      (doc) =>
        new Set(
          tokenize([doc.title, doc.shortTitle, ...doc.aliases, doc.issuer, doc.jurisdiction].join(' ')),
        ),
    );
    this.catalogTokens = new Set(this.nameWords.flatMap((words) => [...words]));
    this.nameWordsOf = new Map(options.docs.map((doc, i) => [doc.id, this.nameWords[i]!]));
    const known = options.known ?? [];
    this.known = new InstrumentMatcher(known);
    this.cites = options.cites ?? (() => false);
    this.englishZipf = options.englishZipf ?? (() => 0);
    this.described = new HeldDescriptions(options.docs, options.names);
    this.corpusNames = options.corpusNames ?? (() => false);
    const phrases = new Set<string>();
    for (const text of [
      ...options.docs.flatMap((doc) => [doc.title, doc.shortTitle]),
      ...(options.headings ?? []),
    ])
      phrases.add(` ${tokenize(text).join(' ')} `);
    this.heldPhrases = [...phrases];
    this.capitals = capitalsOf([
      ...options.docs.flatMap((doc) => [doc.title, doc.shortTitle, ...doc.aliases, doc.issuer]),
      ...options.places.flatMap((place) => place.names),
      ...known.flatMap((instrument) => [instrument.name, ...instrument.aliases]),
    ]);
    const byName = new Map<string, Set<string>>();
    const add = (name: string, code: string) => {
      const key = tokenize(name).join(' ');
      if (key.length === 0) return;
      const codes = byName.get(key) ?? new Set<string>();
      codes.add(code.toUpperCase());
      byName.set(key, codes);
    };
    for (const [code, names] of Object.entries(JURISDICTION_NAMES)) for (const name of names) add(name, code);
    for (const place of options.places)
      for (const name of place.names) {
        add(name, place.code);
        // The adjective of a one-word name in -a that the list leaves out: "Korean", "Kenyan", "Nigerian".
        if (/^\p{L}{3,}a$/u.test(name)) add(`${name}n`, place.code);
      }
    const steering = new Set(
      Object.values(JURISDICTION_NAMES).flatMap((names) => names.map((n) => tokenize(n).join(' '))),
    );
    this.placesByFirstWord = new Map();
    for (const [key, codes] of byName) {
      const place = { tokens: key.split(' '), codes: [...codes], steering: steering.has(key) };
      const list = this.placesByFirstWord.get(place.tokens[0]!) ?? [];
      list.push(place);
      this.placesByFirstWord.set(place.tokens[0]!, list);
    }
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
    const placesFirst = this.findPlaces(
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
      (name) => !this.isOthersName(name, norms, placesFirst) && !runsOn(name),
    );
    const heldAt = new Set(namedDocs.flatMap((name) => name.positions));
    const places = this.findPlaces(norms, heldAt, mayBeName);
    const found: { at: number; missing: MissingName }[] = [];
    const claimed = new Set<number>();
    const surface = (from: number, to: number) => this.capitalized(text, toks, from, to);

    // Instruments of the known list, named as the list names them; not when the question asks what a held
    // document it names says of one that document cites ("the AI Act and the Charter of Fundamental Rights").
    const known = this.known.find(toks, heldAt);
    const aboutReports = knownAll;
    // The held documents the question is about: named (a news report only by its publisher: "per the Global
    // Times report"), or described by the catalog's facts ("Trump's January AI order", "Canada's AI bill").
    const described = this.described.find(text, norms, places.codes);
    const heldDocs = [
      ...namedDocs.filter((name) => !this.isReportOf(name, norms)).map((n) => n.docId),
      ...described,
    ];
    for (const match of known) {
      const span = range(match.start, match.end);
      if (span.some((i) => heldAt.has(i) || claimed.has(i))) continue;
      for (const i of span) claimed.add(i);
      const citedAs = this.known.citedAs(match.facts.id);
      if (heldDocs.some((docId) => this.cites(docId, citedAs))) continue;
      found.push({
        at: match.start,
        missing: { name: match.facts.name, kind: 'instrument', known: match.facts },
      });
    }

    // Documents by name: a head word ("act", "declaration") with what stands before it.
    // From the last head back, so "Utah AI Policy Act" is taken whole before "Utah AI Policy".
    for (let h = toks.length - 1; h >= 0; h--) {
      if (!HEADS.has(norms[h]!) || heldAt.has(h) || claimed.has(h)) continue;
      let from = h;
      while (from > 0 && h - from < 6) {
        const j = from - 1;
        const norm = norms[j]!;
        if (heldAt.has(j) || claimed.has(j)) break;
        // A small word in capitals is part of a name ("the TAKE IT DOWN Act").
        if (norm !== 's' && STOP_WORDS.has(norm) && !places.at.has(j) && !allCaps(toks[j]!)) break;
        if (norm === 's' && j === 0) break;
        from = j;
      }
      // A number right after the head: "Local Law 144", "Directive 2019/790" ...
      let to = h;
      const number = h + 1 < toks.length && /\d/.test(norms[h + 1]!) && !heldAt.has(h + 1);
      if (number) to = h + 1;
      // ... or the rest of a capitalized title: "Code of Practice", "Declaration on AI Ethics".
      else if (cased && capital(h) && TITLE_JOINS.has(norms[h + 1] ?? '')) {
        let k = h + 2;
        while (k < toks.length && capital(k) && !heldAt.has(k)) k++;
        if (k > h + 2) to = k - 1;
      }
      const modifiers: number[] = [];
      for (let i = from; i < h; i++) if (norms[i] !== 's') modifiers.push(i);
      if (modifiers.some((i) => heldAt.has(i))) continue;
      const unheldPlace = modifiers.find((i) => places.at.get(i) === false);
      const words = modifiers.filter(
        (i) => !places.at.has(i) && !GENERIC.has(norms[i]!) && !DIGITS.test(norms[i]!),
      );
      let missing = unheldPlace !== undefined;
      if (!missing && words.length > 0 && !this.isHeldName(words.map((i) => norms[i]!))) {
        // Capitals make a name: a capitalized word in a question written with capitals, or an acronym.
        const proper = words.some((i) => (cased && capital(i) && !initial(i)) || allCaps(toks[i]!));
        const the = from > 0 && norms[from - 1] === 'the';
        // In lower case, a name needs more: before a strong head ("act", "declaration"), "the", two words of
        // its own ("algorithmic accountability act") or a word the documents never use ("santiago
        // declaration"); before another head, "the" and two words, or two words one of which the documents
        // never use ("openai preparedness framework").
        const strongHead = STRONG_HEADS.has(norms[h]!);
        const rare = words.some((i) => !this.hasTerm(termOf(norms[i]!) ?? norms[i]!));
        const two = words.length >= 2;
        // Or three words of its own right before the head, after any place or "'s" ("european health data
        // space regulation", not "western media compare china's ai plan").
        let tail = h - 1;
        while (tail >= from && !places.at.has(tail) && norms[tail] !== 's') tail--;
        const three = words.filter((i) => i > tail).length >= 3;
        const lower = strongHead ? the || two || rare : two && (the || rare || three);
        missing = proper || lower;
      }
      if (!missing && to > h && !this.catalogTokens.has(norms[to]!) && (cased ? capital(h) : true))
        missing = words.length > 0 || modifiers.length > 0;
      if (!missing) continue;
      let start = from < h && norms[from] === 's' ? from + 1 : from;
      // In a question written with capitals, a lower-case word in front is no part of the name ("the new
      // Machinery Regulation").
      while (cased && start < h && GENERIC.has(norms[start]!) && !/\p{Lu}/u.test(toks[start]!.surface))
        start++;
      // A title or heading of a held document is not missing, nor is one after the names of held documents
      // or places ("METI common guiding principles": METI's Part 2 C).
      let phrase = start;
      while (
        phrase < h &&
        (this.catalogTokens.has(norms[phrase]!) || places.at.has(phrase) || norms[phrase] === 's')
      )
        phrase++;
      // (Checked without a title's continuation too: "the Common Guiding Principles for AI business actors".)
      const held = (from: number, to: number) =>
        to - from >= 2 && this.isHeldPhrase(norms.slice(from, to + 1));
      if (
        this.isHeldPhrase(norms.slice(start, to + 1)) ||
        held(phrase, to) ||
        held(start, h) ||
        held(phrase, h)
      )
        continue;
      // A name the held texts themselves use names something the corpus talks about ("the Consumer Privacy
      // Protection Act" AIDA refers to); a known instrument it cites was reported above, with its facts.
      // So does a name that runs on from one they use ("National Environmental Policy Act regulations").
      const name = surface(start, to);
      const inner = range(start, h - 1).filter((i) => HEADS.has(norms[i]!));
      if (this.corpusNames(name) || inner.some((k) => this.corpusNames(surface(start, k)))) continue;
      found.push({ at: start, missing: { name, kind: 'instrument' } });
      for (let i = start; i <= to; i++) claimed.add(i);
    }

    // Numbered bills, orders and standards: "SB 1047", "Executive Order 13960", "ISO/IEC 42001".
    for (let i = 0; i < toks.length; i++) {
      if (claimed.has(i) || heldAt.has(i)) continue;
      let to = -1;
      let issuer = -1;
      if (ID_TOKEN.test(norms[i]!)) to = i;
      else if (ID_PREFIXES.has(norms[i]!)) {
        let k = i + 1;
        while (k < toks.length && ID_PREFIXES.has(norms[k]!)) k++;
        if (k < toks.length && ID_NUMBER.test(norms[k]!)) to = k;
      } else if (i + 2 < toks.length && ID_PREFIX_PAIRS.has(`${norms[i]} ${norms[i + 1]}`)) {
        if (/\d/.test(norms[i + 2]!)) to = i + 2;
      } else if (NUMBER_HEADS.has(norms[i]!) && isReference(norms[i + 1])) {
        to = i + 1;
        issuer = i - 1;
      }
      if (to < 0 || heldAt.has(to) || this.isHeldId(norms.slice(i, to + 1))) continue;
      // The issuer in front of "res" or "opinion" belongs to the name: "UN res 68/167", "EDPB opinion 28/2024".
      const from =
        issuer >= 0 &&
        !claimed.has(issuer) &&
        !heldAt.has(issuer) &&
        (places.at.has(issuer) || allCaps(toks[issuer]!))
          ? issuer
          : i;
      found.push({ at: from, missing: { name: surface(from, to), kind: 'instrument' } });
      for (let k = from; k <= to; k++) claimed.add(k);
      i = to;
    }

    // Another number of a held document's issuer or series: "NIST AI 100-2" (NIST holds AI 100-1 and 600-1),
    // "UN resolution 79/325" (Charter holds 78/265).
    for (const name of namedDocs) {
      let k = name.end;
      if (norms[k] === 'ai' || NUMBER_HEADS.has(norms[k] ?? '')) k++;
      if (!isReference(norms[k]) || claimed.has(k) || heldAt.has(k) || this.isHeldId([norms[k]!])) continue;
      if (!/[/-]/.test(norms[k]!)) continue;
      found.push({ at: name.start, missing: { name: surface(name.start, k), kind: 'instrument' } });
      for (let j = name.start; j <= k; j++) claimed.add(j);
    }

    // Acronyms in the place of a name that neither the catalog nor the corpus knows: "does the CCPA …".
    for (let i = 0; i < toks.length; i++) {
      if (claimed.has(i) || heldAt.has(i) || places.at.has(i) || !ACRONYM.test(toks[i]!.surface)) continue;
      const norm = norms[i]!;
      if (this.catalogTokens.has(norm) || this.hasTerm(termOf(norm) ?? norm)) continue;
      const before = i > 0 ? norms[i - 1]! : '';
      const after = i + 1 < toks.length ? norms[i + 1]! : '';
      const alone = toks.length <= 2;
      if (
        !alone &&
        !NAME_CONTEXT_BEFORE.has(before) &&
        !NAME_CONTEXT_AFTER.has(after) &&
        !HEADS.has(after) &&
        !places.at.has(i - 1)
      )
        continue;
      found.push({ at: i, missing: { name: toks[i]!.surface, kind: 'body' } });
      claimed.add(i);
    }

    // Countries and states with no document, unless the question is about a document Charter holds that
    // merely mentions them ("does the AI Act apply in France", "does Biden's AI EO apply in Mexico").
    if (namedDocs.length === 0 && described.length === 0) {
      for (const [i, span] of places.spans) {
        if (places.at.get(i) !== false || claimed.has(i)) continue;
        found.push({ at: i, missing: { name: surface(i, span - 1), kind: 'place' } });
        for (let k = i; k < span; k++) claimed.add(k);
      }
    }

    // A news report held in place of the document it reports on.
    for (const name of namedDocs) {
      if (!this.isReportOf(name, norms)) continue;
      const about = aboutReports.find((match) => match.start === name.start && match.end === name.end - 1);
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

  /** The codes of the places a question names that Charter holds documents of ("illinois" → "US-IL"). */
  heldPlaces(question: string): string[] {
    const norms = tokens(question.slice(0, MAX_QUERY_CHARS)).map((t) => t.norm);
    const { at, spans } = this.findPlaces(norms, new Set(), () => true);
    const codes = new Set<string>();
    for (const [i, span] of spans) {
      if (at.get(i) !== true) continue;
      const key = norms.slice(i, span).join(' ');
      for (const place of this.placesByFirstWord.get(norms[i]!) ?? [])
        if (place.tokens.join(' ') === key)
          for (const code of place.codes) if (this.held.has(code)) codes.add(code);
    }
    return [...codes];
  }

  /**
   * Places in the question: `at` maps each token of a place name to whether Charter holds a document of
   * that place, `codes` to the place's codes; `spans` maps a name's first token to the token after it.
   */
  private findPlaces(
    norms: readonly string[],
    heldAt: ReadonlySet<number>,
    mayBeName: (i: number, n: number) => boolean,
  ): { at: Map<number, boolean>; codes: Map<number, readonly string[]>; spans: Map<number, number> } {
    const at = new Map<number, boolean>();
    const codes = new Map<number, readonly string[]>();
    const spans = new Map<number, number>();
    // Candidates by their first word, then taken longest first ("new south wales" before "wales").
    const found: { i: number; place: PlaceName }[] = [];
    for (let i = 0; i < norms.length; i++)
      for (const place of this.placesByFirstWord.get(norms[i]!) ?? [])
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
   * Whether a held document's name in the question is that of another instrument: a name of common words
   * ("AI Act", "code of conduct": none a place or a word rarer in English than `COMMON_ZIPF`) with the name of
   * a place that is not the document's just before it ("Korea's AI Act", "Canada's Voluntary Code of Conduct").
   */
  private isOthersName(
    name: { docId: string; start: number; positions: readonly number[] },
    norms: readonly string[],
    places: { codes: ReadonlyMap<number, readonly string[]> },
  ): boolean {
    const doc = this.docs.get(name.docId);
    if (!doc || doc.kind === 'news') return false;
    const common = name.positions.every((i) => {
      const norm = norms[i]!;
      if (places.codes.has(i)) return false;
      return (
        STOP_WORDS.has(norm) ||
        GENERIC.has(norm) ||
        HEADS.has(norm) ||
        this.englishZipf(termOf(norm) ?? norm) >= COMMON_ZIPF
      );
    });
    if (!common) return false;
    const jurisdiction = doc.jurisdiction.toUpperCase();
    const own = new Set([jurisdiction, jurisdiction.split('-')[0]!]);
    const names = this.nameWordsOf.get(doc.id) ?? new Set<string>();
    // Back over "'s" and up to two name words ("Canada's Voluntary …"), to a place.
    for (let j = name.start - 1, words = 0; j >= 0 && words <= 2; j--) {
      const norm = norms[j]!;
      const codes = places.codes.get(j);
      if (codes) return !names.has(norm) && !codes.some((code) => own.has(code));
      if (norm === 's') continue;
      if (STOP_WORDS.has(norm)) return false;
      words++;
    }
    return false;
  }

  /**
   * Whether a held name stands for what a news report reports on ("China's Global AI Governance Action Plan"),
   * not for the report itself, which is named by its publisher ("the Global Times report").
   */
  private isReportOf(
    name: { docId: string; positions: readonly number[] },
    norms: readonly string[],
  ): boolean {
    const doc = this.docs.get(name.docId);
    if (doc?.kind !== 'news') return false;
    const issuer = new Set(tokenize(doc.issuer));
    return !name.positions.every((i) => issuer.has(norms[i]!));
  }

  /** Whether these words, in this order, are part of a held document's title or of one of its headings. */
  private isHeldPhrase(words: readonly string[]): boolean {
    const phrase = ` ${words.filter((word, i) => !(i === 0 && (word === 'the' || word === 's'))).join(' ')} `;
    return this.heldPhrases.some((held) => held.includes(phrase));
  }

  /**
   * A name as the question wrote it, never lower-cased: a word written with a capital stays as written; one
   * written in lower case gets the capitals the catalog, the places or the known instruments give it, a bill
   * or standard prefix all of them, and otherwise a first capital, but for the small words ("korea's ai basic
   * act" → "Korea's AI Basic Act", "india's IT Rules" → "India's IT Rules", "iso 22989" → "ISO 22989"). What
   * lies between the words (an apostrophe, a hyphen) stays as written.
   */
  private capitalized(text: string, toks: readonly Token[], from: number, to: number): string {
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

  /** Whether all these name words belong to one held document's names ("frontier" for SB 53). */
  private isHeldName(words: readonly string[]): boolean {
    return this.nameWords.some((names) => words.every((word) => names.has(word)));
  }

  /** Whether a numbered id ("sb 1047") is one a held document is known by. */
  private isHeldId(idTokens: readonly string[]): boolean {
    const number = idTokens.at(-1)!.replace(/^[a-z]+-?/, '');
    return this.catalogTokens.has(idTokens.at(-1)!) || this.catalogTokens.has(number);
  }
}

const end = (token: Token) => token.start + token.surface.length;

/** A word written in capitals, two letters or more ("CNIL", "TAKE"). */
const allCaps = (token: Token) => /^\p{Lu}[\p{Lu}\d]+$/u.test(token.surface);

/** Whether a token is the number of an instrument (not a bare year: "the regulation 2024"). */
const isReference = (norm: string | undefined) => !!norm && ID_NUMBER.test(norm) && !YEAR.test(norm);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

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
