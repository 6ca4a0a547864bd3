// Instruments found by the shape of their name, from no list (missing.ts runs these in order over one
// question): a head word with what stands before it ("the Digital Markets Act", "Brazil's AI bill"), a
// numbered bill, order or standard ("SB 1047", "ISO/IEC 42001"), another number in a held document's series
// ("NIST AI 100-2"), and an acronym in the place of a name that neither the catalog nor the corpus knows
// ("does the CCPA …"). Each rule claims the tokens it reports, so a later rule does not report them again.
import type { HeldNameAt, HeldVocabulary } from './held-vocabulary.js';
import { spelledInQuestion } from './heldnames.js';
import type { MissingName } from './missing-name.js';
import type { MissingRules } from './missing-rules.js';
import {
  ACRONYM,
  allCaps,
  DIGITS,
  GENERIC,
  HEADS,
  ID_NUMBER,
  ID_PREFIX_PAIRS,
  ID_PREFIXES,
  ID_TOKEN,
  isReference,
  NAME_CONTEXT_AFTER,
  NAME_CONTEXT_BEFORE,
  NUMBER_HEADS,
  PART_HEADS,
  range,
  STRONG_HEADS,
  TITLE_JOINS,
} from './name-words.js';
import type { FoundPlaces } from './place-finder.js';
import { STOP_WORDS, type Token, termOf } from './text.js';
import { longerSynonyms } from './thesaurus.js';

/** A version number after a name's head: "2.0", "1.1". */
const VERSION = /^\d+\.\d+$/;

/** Words that join the words of a name ("Americans with Disabilities Act"). */
const INNER_JOINS = new Set(['with', 'of', 'for', 'on']);

/**
 * The most words of its own a description of a held document has ("the illinois face scan law": BIPA); three
 * before the head make a name even when a described document uses each ("european health data space
 * regulation": the AI Act uses health, data and space).
 */
const DESCRIBING_WORDS = 2;

/** An owner's name rarer than this in English (Zipf) is a proper name: "Google's AI Principles". */
const OWNER_ZIPF = 3.6;
// A Han character: Chinese words never make part of an English-headed name (`sameScript`).
const HAN = /\p{Script=Han}/u;

/** One question as the rules read it, and what they have found in it so far. */
export interface Scan {
  text: string;
  toks: readonly Token[];
  norms: readonly string[];
  /** Whether the question is written with capitals (a capitalized word not at a sentence's start). */
  cased: boolean;
  capital: (i: number) => boolean;
  /** Whether token i starts a sentence. */
  initial: (i: number) => boolean;
  /** Tokens of held documents' names. */
  heldAt: ReadonlySet<number>;
  places: FoundPlaces;
  /** Tokens already reported. */
  claimed: Set<number>;
  /** The tokens from..to as a note writes them (name-case.ts). */
  surface: (from: number, to: number) => string;
  found: { at: number; missing: MissingName }[];
  /** Held documents the question describes by the catalog's facts ("Canada's AI bill"; heldnames.ts). */
  described: readonly string[];
}

/** What the shape rules know of the corpus. */
export interface ShapeKnowledge {
  held: HeldVocabulary;
  /** Whether an index term occurs in the corpus at all. */
  hasTerm: (term: string) => boolean;
  /** Whether the held texts write these words, in this order, as a name (heldnames.ts `CorpusNames`). */
  corpusNames: (name: string) => boolean;
  /** Whether a held text writes these words in this order, in any case. */
  writes: (phrase: string) => boolean;
  /** Whether a held document's text uses an index term. */
  docUses: (docId: string, term: string) => boolean;
  /** How common an index term is in English (Zipf). */
  englishZipf: (term: string) => number;
  /**
   * Whether a held document has a section or article of this number ("4.2", "230"; the first number of a
   * deeper place, "15" of "15(a)", counts too): a bare "section N" no document has is another instrument's.
   */
  heldSection: (number: string) => boolean;
  /**
   * Whether a held document of one of these jurisdictions (or inside one) is of the kind a head word says
   * ("bill", "act" for a law; docnames.ts `KIND_WORDS`): "canada's directive" is not AIDA, a law.
   */
  heldKind: (codes: readonly string[], head: string, placeWord?: string) => boolean;
  /** The year of a held document's date (catalog `date`). */
  heldYear: (docId: string) => number;
  /** Which switchable rules are on (missing-rules.ts). */
  rules: MissingRules;
  /** Whether the held texts write out an acronym's words (heldnames.ts `SpelledOut`). */
  spelledOut?: (acronym: string) => boolean;
  /** Whether WordNet lists a lower-case word as a common word of English (wordnet.ts `isCommonWord`). */
  commonWord?: (word: string) => boolean;
  /**
   * Whether a held law has this code section as its own and writes a code's name whose last word begins with
   * `word` ("Labor Code" for "labor", "Business and Professions Code" for "prof"; `codeCitation`).
   */
  codeSection?: (number: string, word: string) => boolean;
  /** Whether the held texts use an acronym's words as a term of theirs (heldnames.ts `SpelledOut.hasTerm`). */
  spelledTerm?: (acronym: string) => boolean;
}

/**
 * Documents by name: a head word ("act", "declaration") with what stands before it. From the last head back,
 * so "Utah AI Policy Act" is taken whole before "Utah AI Policy".
 */
export function namesByHead(scan: Scan, know: ShapeKnowledge): void {
  const { toks, norms, cased, capital, initial, heldAt, places, claimed, surface } = scan;
  for (let h = toks.length - 1; h >= 0; h--) {
    if (!HEADS.has(norms[h]!) || heldAt.has(h) || claimed.has(h)) continue;
    let from = h;
    const joins = new Set<number>();
    while (from > 0 && h - from < 6) {
      const j = from - 1;
      const norm = norms[j]!;
      if (heldAt.has(j) || claimed.has(j)) break;
      if (know.rules.sameScript && HAN.test(norm) !== HAN.test(norms[h]!)) break;
      // Before a strong head, one joining word between words of the name, the whole after "the", is part of
      // it in any case ("the americans with disabilities act").
      const content = (k: number) =>
        k >= 0 && !STOP_WORDS.has(norms[k]!) && norms[k] !== 's' && !heldAt.has(k);
      if (
        INNER_JOINS.has(norm) &&
        joins.size === 0 &&
        from < h &&
        STRONG_HEADS.has(norms[h]!) &&
        content(j - 1) &&
        norms[j - 2] === 'the'
      ) {
        joins.add(j);
        from = j;
        continue;
      }
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
    for (let i = from; i < h; i++) if (norms[i] !== 's' && !joins.has(i)) modifiers.push(i);
    if (modifiers.some((i) => heldAt.has(i))) continue;
    const unheldPlace = modifiers.find((i) => places.at.get(i) === false);
    const words = modifiers.filter(
      (i) => !places.at.has(i) && !GENERIC.has(norms[i]!) && !DIGITS.test(norms[i]!),
    );
    let missing = unheldPlace !== undefined;
    if (
      !missing &&
      words.length > 0 &&
      !know.held.isHeldName(
        words.map((i) => norms[i]!),
        // Two words or more are a held name only under a head that can stand for that document ("human
        // rights council resolution" is no name of the CoE Convention); one ("trump's AI plan") may be an
        // issuer's, whose other documents the head names.
        words.length >= 2 ? norms[h]! : undefined,
      )
    ) {
      // Capitals make a name: a capitalized word in a question written with capitals, or an acronym.
      const proper = words.some((i) => (cased && capital(i) && !initial(i)) || allCaps(toks[i]!));
      const the = from > 0 && norms[from - 1] === 'the';
      // In lower case, a name needs more: before a strong head ("act", "declaration"), "the", two words of
      // its own ("algorithmic accountability act") or a word the documents never use ("santiago
      // declaration"); before another head, "the" and two words, or two words one of which the documents
      // never use ("openai preparedness framework").
      const strongHead = STRONG_HEADS.has(norms[h]!);
      const rare = words.some((i) => !know.hasTerm(termOf(norms[i]!) ?? norms[i]!));
      const two = words.length >= 2;
      // Or three words of its own right before the head, after any place or "'s" ("european health data
      // space regulation", not "western media compare china's ai plan").
      let tail = h - 1;
      while (tail >= from && !places.at.has(tail) && norms[tail] !== 's') tail--;
      const three = words.filter((i) => i > tail).length >= 3;
      // A head that also names a held document's part ("a critical safety incident report", "the kids
      // consent rule") makes no name in lower case.
      // After "a" or "an" (`indefinite`), lower-case words describe a kind of thing: no name.
      const indefinite =
        know.rules.indefinite && from > 0 && (norms[from - 1] === 'a' || norms[from - 1] === 'an');
      const lower =
        !indefinite &&
        (strongHead ? the || two || rare : !PART_HEADS.has(norms[h]!) && two && (the || rare || three));
      // Or an owner in front ("google's AI principles", "openai's safety framework"): a word before "'s"
      // that is no place and no held name, and rarer in everyday English than `OWNER_ZIPF` (a proper name;
      // "my company's policy" is no instrument).
      // Before a head that also names a held document's part, an owner the documents never name ("aisi's
      // report" is the NSM's AI Safety Institute's).
      // An owner the catalog names (`heldOwner`: "trump's action plan") owns held documents, not another.
      const owner = words.some(
        (i) =>
          norms[i + 1] === 's' &&
          !(know.rules.heldOwner && know.held.catalogTokens.has(norms[i]!)) &&
          know.englishZipf(termOf(norms[i]!) ?? norms[i]!) < OWNER_ZIPF &&
          !(PART_HEADS.has(norms[h]!) && know.hasTerm(termOf(norms[i]!) ?? norms[i]!)),
      );
      missing = proper || lower || owner;
    }
    // A place Charter holds documents of, before a head of a kind none of them is ("canada's directive on
    // automated decision-making", "japan's AI promotion act": AIDA is a law, the Japanese documents are
    // guidelines), names another of its instruments; not in a question about a held document (which may cite
    // it: "which japanese laws apply per the METI guidelines, the intellectual property basic act?").
    if (
      !missing &&
      words.length + modifiers.length > 0 &&
      heldAt.size === 0 &&
      scan.described.length === 0 &&
      !PART_HEADS.has(norms[h]!)
    ) {
      const place = modifiers.find((i) => places.at.get(i) === true);
      if (place !== undefined && !know.heldKind(places.codes.get(place) ?? [], norms[h]!, norms[place]))
        missing = true;
    }
    if (!missing && to > h && !know.held.catalogTokens.has(norms[to]!) && (cased ? capital(h) : true))
      missing = words.length > 0 || modifiers.length > 0;
    if (!missing) continue;
    // A held law's own code citation (`codeCitation`): "Labor Code 1107.1" is SB 53's § 1107.1.
    if (
      know.rules.codeCitation &&
      to === h + 1 &&
      h > from &&
      (know.codeSection?.(norms[to]!, norms[h - 1]!) ?? false)
    )
      continue;
    let start = from < h && norms[from] === 's' ? from + 1 : from;
    // In a question written with capitals, a lower-case word in front is no part of the name ("the new
    // Machinery Regulation").
    while (cased && start < h && GENERIC.has(norms[start]!) && !/\p{Lu}/u.test(toks[start]!.surface)) start++;
    // A title or heading of a held document is not missing, nor is one after the names of held documents
    // or places ("METI common guiding principles": METI's Part 2 C).
    let phrase = start;
    while (
      phrase < h &&
      (know.held.catalogTokens.has(norms[phrase]!) || places.at.has(phrase) || norms[phrase] === 's')
    )
      phrase++;
    // (Checked without a title's continuation too: "the Common Guiding Principles for AI business actors".)
    const held = (from: number, to: number) =>
      to - from >= 2 && know.held.isHeldPhrase(norms.slice(from, to + 1));
    if (
      know.held.isHeldPhrase(norms.slice(start, to + 1)) ||
      held(phrase, to) ||
      held(start, h) ||
      held(phrase, h)
    )
      continue;
    // A name the held texts themselves use names something the corpus talks about ("the Consumer Privacy
    // Protection Act" AIDA refers to); a known instrument it cites was reported above, with its facts.
    // So does a name that runs on from one they use ("National Environmental Policy Act regulations").
    const name = surface(start, to);
    // Not with a version the held texts never write after it: they speak of the Cybersecurity Framework,
    // not of "NIST cybersecurity framework 2.0".
    const otherVersion = to > h && VERSION.test(norms[to]!) && !know.writes(surface(start, to));
    const inner = range(start, h - 1).filter((i) => HEADS.has(norms[i]!));
    if (!otherVersion && (know.corpusNames(name) || inner.some((k) => know.corpusNames(surface(start, k)))))
      continue;
    // Nor are words a held text writes in this order, in any case, its head included: a phrase the documents
    // use ("four ethical principles" in the HLEG guidelines) is something they speak of, not a name.
    if (!otherVersion && start < h && know.writes(surface(start, h))) continue;
    // Nor is a held document described by its place and kind whose text uses the name's own words ("the
    // illinois face scan law": BIPA, whose text says "scan of hand or face geometry").
    if (
      words.length > 0 &&
      words.length <= DESCRIBING_WORDS &&
      !words.some((i) => places.at.get(i) === false) &&
      scan.described.some((docId) => words.every((i) => know.docUses(docId, termOf(norms[i]!) ?? norms[i]!)))
    )
      continue;
    // Nor is a topic of the documents before a head that is no title's ("the GPAI rules"): each of its words
    // means a phrase the held texts write ("general-purpose AI", by the thesaurus). A title runs on ("the
    // GPAI code of practice", in any case) or ends in a strong head ("act"), and stays a name.
    if (
      to === h &&
      !TITLE_JOINS.has(norms[h + 1] ?? '') &&
      !STRONG_HEADS.has(norms[h]!) &&
      words.length > 0 &&
      words.every((i) => longerSynonyms(termOf(norms[i]!) ?? norms[i]!).some((phrase) => know.writes(phrase)))
    )
      continue;
    scan.found.push({ at: start, missing: { name, kind: 'instrument' } });
    for (let i = start; i <= to; i++) claimed.add(i);
  }
}

/** Numbered bills, orders and standards: "SB 1047", "Executive Order 13960", "ISO/IEC 42001". */
export function numberedIds(scan: Scan, know: ShapeKnowledge): void {
  const { toks, norms, heldAt, places, claimed, surface } = scan;
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
    if (to < 0 || heldAt.has(to) || know.held.isHeldId(norms.slice(i, to + 1))) continue;
    // A held law's own code citation (`codeCitation`): "cal. labor code 1107" is SB 53's § 1107.
    if (
      know.rules.codeCitation &&
      issuer >= 0 &&
      to === i + 1 &&
      (know.codeSection?.(norms[to]!, norms[issuer]!) ?? false)
    )
      continue;
    // The issuer in front of "res" or "opinion" belongs to the name: "UN res 68/167", "EDPB opinion 28/2024".
    const from =
      issuer >= 0 &&
      !claimed.has(issuer) &&
      !heldAt.has(issuer) &&
      (places.at.has(issuer) || allCaps(toks[issuer]!))
        ? issuer
        : i;
    scan.found.push({ at: from, missing: { name: surface(from, to), kind: 'instrument' } });
    for (let k = from; k <= to; k++) claimed.add(k);
    i = to;
  }
}

/**
 * Another number of a held document's issuer or series: "NIST AI 100-2" (NIST holds AI 100-1 and 600-1),
 * "UN resolution 79/325" (Charter holds 78/265).
 */
export function seriesNumbers(
  scan: Scan,
  know: ShapeKnowledge,
  namedDocs: readonly (HeldNameAt & { end: number })[],
): void {
  const { norms, heldAt, claimed, surface } = scan;
  for (const name of namedDocs) {
    let k = name.end;
    if (norms[k] === 'ai' || NUMBER_HEADS.has(norms[k] ?? '')) k++;
    if (!isReference(norms[k]) || claimed.has(k) || heldAt.has(k) || know.held.isHeldId([norms[k]!]))
      continue;
    if (!/[/-]/.test(norms[k]!)) continue;
    scan.found.push({ at: name.start, missing: { name: surface(name.start, k), kind: 'instrument' } });
    for (let j = name.start; j <= k; j++) claimed.add(j);
  }
}

/** Words before a year that make it a time, not a version's year ("since 2020", "in 2019"). */
const TIME_WORDS = new Set([
  'since',
  'before',
  'after',
  'in',
  'by',
  'until',
  'till',
  'from',
  'during',
  'of',
  'to',
]);
/** How far from a held document's name a year may stand and still be the year of a version of it. */
const VERSION_GAP = 3;

/**
 * A year before the held document's own, beside its name, is an earlier version Charter does not hold: "the
 * singapore model AI governance framework first edition 2019" (Charter holds the 2020 second edition), "the
 * commission's 2021 proposal for the AI act". A later year is left alone (the GDPR of 2016 applies from
 * 2018), and so is a year that says when ("since 2020", "in 2019").
 */
export function earlierVersions(
  scan: Scan,
  know: ShapeKnowledge,
  namedDocs: readonly (HeldNameAt & { end: number })[],
): void {
  const { norms, claimed, surface, heldAt } = scan;
  for (const name of namedDocs) {
    const own = know.heldYear(name.docId);
    const near = [
      ...range(Math.max(0, name.start - 1 - VERSION_GAP), name.start - 1),
      ...range(name.end, Math.min(norms.length - 1, name.end + VERSION_GAP)),
    ];
    const year = near.find(
      (i) =>
        /^(19|20)\d\d$/.test(norms[i]!) &&
        Number(norms[i]) < own &&
        !claimed.has(i) &&
        !TIME_WORDS.has(norms[i - 1] ?? '') &&
        // Nothing but the name's own words, or common words, between the year and the name.
        range(Math.min(i, name.end), Math.max(i, name.start - 1)).every((k) => !heldAt.has(k) || k === i),
    );
    if (year === undefined) continue;
    const from = Math.min(year, name.start);
    const to = Math.max(year, name.end - 1);
    if (range(from, to).some((k) => claimed.has(k))) continue;
    scan.found.push({ at: from, missing: { name: surface(from, to), kind: 'instrument' } });
    for (let k = from; k <= to; k++) claimed.add(k);
  }
}

/** Whether a word is one neither the catalog, a held name nor the corpus uses. */
function unknownWord(norm: string, know: ShapeKnowledge): boolean {
  return !(
    know.held.catalogTokens.has(norm) ||
    know.held.isHeldName([norm]) ||
    know.hasTerm(termOf(norm) ?? norm)
  );
}

/**
 * A code with a digit: letters and a number ("J3016", "AIC4", "E-23"), numbers joined ("11-7", "2011-12"), or a
 * number of three digits or more ("230"); a year is none, nor a bare number of one or two digits ("Llama 3").
 */
const CODE = /^(?=.*\d)(?:[a-z]+-?\d[\da-z.-]*|\d+[-/.]\d[\d./-]*|\d{3,})$/;
const YEARISH = /^(19|20)\d\d([-/](19|20)?\d\d)?$/;

/**
 * An instrument by an issuer's acronym and its code, both unknown to the catalog and the corpus: "SAE J3016",
 * "BSI AIC4", "SR 11-7", "APRA CPS 230" (up to two acronyms before the code). The corpus writes the codes it
 * speaks of ("GPT-4" is in the GenAI profile), so those are left to search.
 */
export function codedIds(scan: Scan, know: ShapeKnowledge): void {
  const { toks, norms, heldAt, claimed, surface } = scan;
  const code = (k: number) =>
    k < toks.length &&
    !claimed.has(k) &&
    !heldAt.has(k) &&
    CODE.test(norms[k]!) &&
    !YEARISH.test(norms[k]!) &&
    !know.hasTerm(termOf(norms[k]!) ?? norms[k]!);
  const acronym = (k: number) =>
    !claimed.has(k) && !heldAt.has(k) && allCaps(toks[k]!) && !code(k) && unknownWord(norms[k]!, know);
  for (let i = 0; i < toks.length; i++) {
    if (!acronym(i)) continue;
    let k = i + 1;
    while (k < toks.length && k - i < 3 && acronym(k)) k++;
    if (!code(k)) continue;
    scan.found.push({ at: i, missing: { name: surface(i, k), kind: 'instrument' } });
    for (let j = i; j <= k; j++) claimed.add(j);
    i = k;
  }
}

/** An acronym of at least this many letters may stand alone as a name ("FERPA and AI tutoring tools"). */
const BARE_ACRONYM = 4;

/** Acronyms in the place of a name that neither the catalog nor the corpus knows: "does the CCPA …". */
export function unknownAcronyms(scan: Scan, know: ShapeKnowledge): void {
  const { toks, norms, heldAt, places, claimed } = scan;
  const floor = know.englishZipf('\u0000');
  for (let i = 0; i < toks.length; i++) {
    if (claimed.has(i) || heldAt.has(i) || places.at.has(i) || !ACRONYM.test(toks[i]!.surface)) continue;
    const norm = norms[i]!;
    if (!unknownWord(norm, know)) continue;
    // An acronym written out in the question, or whose words the held texts use as a term of theirs, or, in a
    // question about a held document, a body the held texts name (`spelledAcronym`): something the corpus
    // talks about ("a DPIA", "the DPA", "the ITU" beside the Global Digital Compact).
    if (
      know.rules.spelledAcronym &&
      (spelledInQuestion(norm, norms, i) ||
        (know.spelledTerm?.(norm) ?? false) ||
        ((heldAt.size > 0 || scan.described.length > 0) && (know.spelledOut?.(norm) ?? false)))
    )
      continue;
    const before = i > 0 ? norms[i - 1]! : '';
    const after = i + 1 < toks.length ? norms[i + 1]! : '';
    // Alone, anywhere in a question that names no held document: one of four letters or more that English
    // does not use (SUBTLEX-US at its floor: not "NASA", "FBI"), that the held texts do not write out in
    // capitals ("CFIUS": the NSM's "Committee on Foreign Investment in the United States"), and not joined
    // to the next word as a modifier ("an IPCC-style panel").
    const bare =
      norm.length >= BARE_ACRONYM &&
      heldAt.size === 0 &&
      scan.described.length === 0 &&
      know.englishZipf(termOf(norm) ?? norm) <= floor &&
      !(
        i + 1 < toks.length &&
        scan.text.slice(toks[i]!.start + toks[i]!.surface.length, toks[i + 1]!.start) === '-'
      ) &&
      !(know.spelledOut?.(norm) ?? false);
    if (
      toks.length > 2 &&
      !bare &&
      !NAME_CONTEXT_BEFORE.has(before) &&
      !NAME_CONTEXT_AFTER.has(after) &&
      !HEADS.has(after) &&
      !places.at.has(i - 1)
    )
      continue;
    scan.found.push({ at: i, missing: { name: toks[i]!.surface, kind: 'body' } });
    claimed.add(i);
  }
}

/** Words that introduce a section or article number: "section 230", "sec. 5", "§ 1983". */
const SECTION_WORDS = new Set(['section', 'sec', 'article', 'art']);
const SECTION_NUMBER = /^\d+(\.\d+)*[a-z]?$/;

/**
 * A section or article no held document has, in a question that names no held document and no other
 * instrument: "section 230 and generative AI outputs" is the US Communications Decency Act's, not a place in
 * what Charter holds ("section 4.2", "article 50" are).
 */
export function unheldSections(scan: Scan, know: ShapeKnowledge): void {
  const { toks, norms, heldAt, claimed, surface } = scan;
  if (heldAt.size > 0 || scan.described.length > 0 || scan.found.length > 0) return;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!SECTION_WORDS.has(norms[i]!) || claimed.has(i) || claimed.has(i + 1)) continue;
    const number = norms[i + 1]!;
    if (!SECTION_NUMBER.test(number) || know.heldSection(number)) continue;
    // "section 230 of the …" names its instrument after it: found by its head (or a place) if at all.
    if (norms[i + 2] === 'of' || norms[i + 2] === 'in') continue;
    scan.found.push({ at: i, missing: { name: surface(i, i + 1), kind: 'instrument' } });
    claimed.add(i);
    claimed.add(i + 1);
  }
}
