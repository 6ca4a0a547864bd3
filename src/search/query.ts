// A question as search sees it: the documents and places it names, and its remaining words as weighted
// index terms.
import type { Passage } from '../corpus/types.js';
import type { DocNameMatcher } from './docnames.js';
import { normalizeText, termOf, termsOf, tokenize } from './text.js';
import { expandTerms, findJurisdictions, type PlaceName, type WeightedTerm } from './thesaurus.js';
import { plainChineseQuestion } from './zhforms.js';

/** Longest question looked at; anything beyond is ignored so a pasted essay costs no more than a question. */
export const MAX_QUERY_CHARS = 600;
/** Most distinct typed terms searched; beyond it the cost of a query would grow with its length. */
export const MAX_QUERY_TERMS = 24;

/** A dictionary word of a Chinese question with the English index terms it is searched by, and a weight (its rarity). */
export interface TranslatedWord {
  word: string;
  english: readonly string[];
  weight: number;
}

export interface AnalyzedQuery {
  /** Documents named in the question, in order of appearance, without repeats. */
  namedDocs: string[];
  /**
   * The one document the asker limited the search to (`--doc`, /ask's document option) when the question names
   * none: for the provision kind asked for, it stands as a named document would (`Provisions.lift`).
   */
  chosenDoc?: string;
  /** Jurisdictions named in the question ("in China" → CN), catalog codes. */
  jurisdictions: string[];
  /**
   * Those of `jurisdictions` named only by a place inside them ("munich" → EU, `placesWithin`): they steer the
   * ranking, but the question names no held place for the judge (`SearchResponse.about.places`).
   */
  within?: string[];
  /** Typed terms (weight 1) then synonyms (lower weight). */
  terms: WeightedTerm[];
  /** Per term, the passages it does not match: it is locked in a compound there (`compoundLock`, locks.ts). */
  skips?: ReadonlyMap<string, ReadonlySet<number>>;
  /** What kind of provision the question asks for (bits of `ProvisionKind`), 0 when it names none. */
  shape: number;
  /** The typed topic terms in the question's order (for matching a defined term: "what is a deployer"). */
  topicTerms: string[];
  /** The corpus positions of the place the question names inside it ("GDPR article 22"), ascending. */
  place?: Int32Array;
  /**
   * Those of `place` that share no word of the question besides the reference's own ("article", "22"),
   * ascending: nothing in the question tells them apart, so they keep the place's own order.
   */
  placeUnreached?: Int32Array;
  /** Typed terms the corpus also writes another way ("deepfake" as "deep fake"; compounds.ts). */
  compounds?: { term: string; other: string[] }[];
  /** Typed terms with the derivationally related forms the corpus writes ("store" → storage; `derivations`). */
  derived?: Map<string, string[]>;
  /** What the question asks one may or must do ("can I …", "do we have to …", "is it legal …"), bits of `Asks`. */
  asks?: number;
  /** The same, from a Chinese question's wording (`chineseAsks`; read by `zhOperative`). */
  zhAsks?: number;
  /** The provision kinds a Chinese question asks for (`chineseShape`; joined to `shape` by `zhShapes`). */
  zhShape?: number;
  /** Written in Chinese: more Han characters than Latin letters ("AI画的图要不要打水印"). */
  chinese?: boolean;
  /** The question as typed, for a Chinese question (its words are not separated). */
  text?: string;
  /** A Chinese question's words in English (`zhDictionary`), searched as a question of their own. */
  translated?: WeightedTerm[];
  /** Its dictionary words with their English and a weight, for weighing the two sides (`zhCoverage`). */
  translatedWords?: TranslatedWord[];
}

/** Whether a question is written in Chinese: more Han characters than Latin letters. */
export function isChineseQuestion(question: string): boolean {
  const han = question.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 && han > (question.match(/[A-Za-z]/g)?.length ?? 0);
}

/**
 * Kinds of provision a question's wording asks for, as bits: "when does … apply" wants the entry-into-force
 * provision, "what does … mean" a definition, "what's the fine for …" the penalty provision. Passages get the
 * same bits from their headings and wording (`provisionKinds`), and search lifts the passages that match.
 */
export const ProvisionKind = { start: 1, definition: 2, penalty: 4, timeLimit: 8 } as const;

// Start: "when" (or "what date") with a verb of starting, or a phrase that only speaks of starting.
const ASKS_WHEN = /\b(when|what date|which date|since when|from when|how soon|deadline)\b/;
const START_WORD =
  /\b(appl(y|ies|icable)|start(s|ing)?|begin(s|ning)?|effect(ive)?|in(to)? force|kick(s)? in|commenc\w*|in place|operative|enforce(d|able)?|take effect|go live)\b/;
const START_PHRASE =
  /\b(effective date|into force|in force|take(s)? effect|took effect|come(s)? into effect|entry into application|apply from)\b/;
// Definition: the words of defining, "counts as", or "what is …" (not "what is required/allowed …"; "what are"
// asks for lists more often than for meanings).
const DEFINITION_WORD = /\b(defin(e|es|ed|ing|ition|itions)|meaning|mean(s)?|counts? as|qualif(y|ies) as)\b/;
const WHAT_IS =
  /\b(what|who)(\s+is|'s|s)\s+(?!(the\s+)?(penalt\w*|fine[sd]?|sanction\w*|punish\w*|required|needed|allowed|permitted|banned|prohibited|my|our|it|there|this|that|happen\w*|going|next)\b)/;
// Penalty: fines and punishment, not the word "fine" in "is it fine to".
const PENALTY_WORD =
  /\b(fines?|fined|penalt(y|ies)|penali[sz]\w*|punish\w*|sanction\w*|liab(le|ility)|legal responsibility)\b/;
const FINE_AS_OK = /\b(is|it's|its|be|am|are)\s+(it\s+)?fine\b/g;

/**
 * What a question asks one may or must do, as bits: `duty` for "can I / may we / do we have to / must they /
 * are we allowed", `legality` for "is it legal / illegal / allowed / required / banned". Such a question is
 * answered by an operative provision of a binding instrument, not a definition or guidance.
 */
export const Asks = { duty: 1, legality: 2 } as const;

const DUTY =
  /\b(can|may|must|should|allowed|permitted|forbidden|obliged|obligat\w*|required|requires?|requirements?|rules|dut(y|ies)|have to|has to|had to|need(s)? to|supposed to|ok to|okay to|able to|responsible|owe|entitled|right to)\b/;
const LEGALITY =
  /\b((is|are|was|it's)\s+(it|this|that|they)?\s*(legal|illegal|lawful|unlawful|allowed|permitted|banned|prohibited|required|mandatory|against the law)|legal to|illegal to|against the law)\b/;

// The same two questions asked in Chinese, formal or as typed in a chat group. Legality: "is it required / allowed /
// against the law" — 要不要, 需不需要, 用不用, 一定要, 非得, 能不能, 可不可以, 行不行, 可以吗, 行吗, 必须, 违法, 犯法, 合法, 合规, 违规,
// 侵权, 允许, 禁止, 有没有规定, 管不管, 管得着, 有事吗 (a yes-or-no question about a rule). Duty: what one must or should
// do — 应当, 应该, 需要, 要求, 义务, 责任, 负责. "咋办 / 怎么办" asks what to do about a risk as often as about a
// rule, so it is neither.
const ZH_LEGALITY =
  /要不要|需不需要|用不用|得不得|一定要|是不是要|非得|能不能|能否|可不可以|可以吗|行不行|行吗|必须|违法|犯法|合法|合规|违规|侵权|允许|准许|禁止|不得|有没有规定|有规定|管不管|管得着|有事吗|算违法/u;
const ZH_DUTY = /应当|应该|需要|要求|义务|责任|负责/u;

/** `questionAsks` for a question written in Chinese (`zhOperative`). */
export function chineseAsks(question: string): number {
  const text = question.slice(0, MAX_QUERY_CHARS);
  let asks = 0;
  if (ZH_DUTY.test(text)) asks |= Asks.duty;
  if (ZH_LEGALITY.test(text)) asks |= Asks.legality | Asks.duty;
  return asks;
}

export function questionAsks(question: string): number {
  const text = normalizeText(question.slice(0, MAX_QUERY_CHARS)).replace(/[’‘]/g, "'");
  let asks = 0;
  if (DUTY.test(text)) asks |= Asks.duty;
  if (LEGALITY.test(text)) asks |= Asks.legality | Asks.duty;
  return asks;
}

// Index terms of the words that ask for a kind of provision without naming the topic. Penalty words stay
// terms: "fine" and "penalty" are the words of penalty provisions themselves.
const CUE_TERMS: ReadonlyMap<number, ReadonlySet<string>> = new Map([
  [
    ProvisionKind.start,
    cueTerms(
      'date start starts begin begins take takes effect effective apply applies applicable kick commence force',
    ),
  ],
  [
    ProvisionKind.definition,
    cueTerms('define defines defined definition definitions meaning counts count qualifies'),
  ],
]);

/**
 * The index terms of the words that ask for a penalty ("what is the penalty"): a passage of the penalty kind
 * holds them for the coverage the answer core judges by (evidence.ts), whatever it calls the consequence
 * ("liquidated damages", "administrative monetary penalty").
 */
export const PENALTY_CUE_TERMS: ReadonlySet<string> = cueTerms(
  'fine fines fined penalty penalties penalised penalized punish punished punishment sanction sanctions liable liability',
);

function cueTerms(words: string): Set<string> {
  return new Set(words.split(' ').flatMap((word) => termOf(word) ?? []));
}

function isCueTerm(term: string, shape: number): boolean {
  for (const [kind, terms] of CUE_TERMS) if ((shape & kind) !== 0 && terms.has(term)) return true;
  return false;
}

/**
 * "who is responsible …", "who's liable …": a what/who-is question whose next word is a word of duty (`DUTY`,
 * the words that make a question of what one must or may do) or of penalty asks for the rule, not a meaning. "what
 * if an ai system in a hospital makes a mistake who is responsible" was read as asking what something means,
 * so EO 14110's definitions were lifted to the top instead of lowered (trial finding 6).
 */
const WHAT_IS_DUTY = new RegExp(
  `\\b(what|who)(\\s+is|'s|s)\\s+(?:${DUTY.source}|${PENALTY_WORD.source})`,
  'g',
);

/** The provision kinds a question asks for (bits of `ProvisionKind`), from its wording alone. */
export function questionShape(question: string): number {
  const text = normalizeText(question.slice(0, MAX_QUERY_CHARS)).replace(/[’‘]/g, "'");
  let shape = 0;
  if ((ASKS_WHEN.test(text) && START_WORD.test(text)) || START_PHRASE.test(text))
    shape |= ProvisionKind.start;
  if (DEFINITION_WORD.test(text) || WHAT_IS.test(text.replace(WHAT_IS_DUTY, ' ')))
    shape |= ProvisionKind.definition;
  if (PENALTY_WORD.test(text.replace(FINE_AS_OK, ' '))) shape |= ProvisionKind.penalty;
  return shape;
}

// Passage side. Headings that name the kind of provision, then wording that only such provisions use.
const START_HEADING = /\b(entry into force|into force|effective date|commencement|entry into application)\b/i;
const START_TEXT =
  /\b(takes? effect|(enter|enters|come|comes) into (force|effect)|shall apply from|effective (on|from|as of)|on and after (january|february|march|april|may|june|july|august|september|october|november|december) \d)\b/i;
const DEFINITION_HEADING = /\b(definitions?|interpretation|meaning of terms|terms used)\b/i;
// A defined term in quotes, first in the passage (after its point label) or after "The term", then "means".
const DEFINITION_TEXT =
  /^\s*(\(?[\w.]{1,6}\)\s*|[\w.]{1,6}\.\s+)*(the term\s+)?["“‘']([^"”’']{1,120})["”’']\s*(,[^,]{0,60},\s*)?(or\s+["“‘'][^"”’']{1,60}["”’']\s*)?(means|refers to|has the (same )?meaning|shall mean|does not include|includes)\b/i;
// "Enforcement" names a penalty provision only as the provision's own heading (§ 6-1-1706 Enforcement by
// attorney general); as a chapter heading it spans market surveillance.
const ENFORCEMENT_HEADING = /\benforcement\b/i;
// A list of definitions introduced in the text, without quotes ("The meaning of the following terms …").
const DEFINITION_LEAD =
  /\b(meaning of the following terms|following (terms|definitions) (apply|shall apply|have the following meanings)|for the purposes of this [\w ]{1,30}, the following (terms|definitions))/i;
const PENALTY_HEADING = /\b(penalt(y|ies)|fines|sanctions?|legal (liability|responsibility)|liability)\b/i;
const PENALTY_TEXT =
  /\b(administrative fines?|civil penalt(y|ies)|(a|give a|impose a) fine of|fines? (of up to|not exceeding)|penalties are to be|to be punished|heavier penalties|criminal responsibility|(liquidated|statutory|punitive|treble) damages)\b/i;

// The same kinds in the Chinese measures' own formulas: "本办法下列用语的含义是" and "X，是指 …" define, "本办法自
// 2023年8月15日起施行" starts, "予以处罚", "追究刑事责任" punish.
const ZH_DEFINITION_TEXT = /用语的含义|是指/u;
const ZH_START_TEXT = /起施行|施行之日|起实施/u;
const ZH_PENALTY_TEXT = /予以处罚|给予[^。]{0,8}处罚|追究刑事责任|罚款/u;
// And in a Chinese question: "哪天开始生效", "啥意思", "也算 … 吗", "会被罚吗", "最严重会怎么样".
const ZH_ASKS_START =
  /(什么时候|啥时候|何时|哪天|哪一天|几号|哪年|从哪)[^，。？]{0,8}(生效|施行|实施|执行|开始|起效)|生效|施行日期/u;
const ZH_ASKS_DEFINITION =
  /什么意思|啥意思|指什么|指啥|指的是|定义|含义|算不算|也算|算是|是什么[？?]?$|是啥[？?]?$/u;
const ZH_ASKS_PENALTY = /罚|处罚|后果|追究|坐牢|判刑|会怎么样/u;

// Consequence: "what happens (if|to|when) …" or "what if …" with a word of not complying ("doesn't report",
// "ignores", "lies to", "without asking") asks what the law does to whoever breaks it: the penalty provision,
// though the asker never says "penalty" (trial finding 7: "what happens if a big AI lab in california doesn't
// report a safety incident" opened with SB 53's public-records exemption). "if i don't / i refuse" is the
// asker using a right, not breaking a rule, so it is left alone.
const CONSEQUENCE =
  /\b(what\s+(happens|happened|happen|will happen|would happen|could happen|can happen)|what if|consequences?|in trouble)\b/;
const NONCOMPLIANCE =
  /\b(?<!\bi\s)(doesn't|does not|don't|do not|didn't|did not|won't|will not|wont|never|fails?|failed|failing|ignor\w*|break(s|ing)?|breach(es|ed|ing)?|violat\w*|lie|lies|lied|lying|cheat\w*|refus\w*|disobey\w*|cuts? corners|without (asking|consent|permission|telling)|not follow\w*|skip(s|ped|ping)?|forg[eo]t\w*)\b/;

/** `ProvisionKind.penalty` when a question asks what happens to whoever does not comply (`consequence`). */
export function consequenceShape(question: string): number {
  const text = normalizeText(question.slice(0, MAX_QUERY_CHARS)).replace(/[’‘]/g, "'");
  return CONSEQUENCE.test(text) && NONCOMPLIANCE.test(text) ? ProvisionKind.penalty : 0;
}

// Time limit: "how long do they have to …", "how soon must …", "how many days …" asks for the paragraph that
// states the period ("within one month of receipt of the request"), not its neighbours that only share the
// topic (trial finding 9: GDPR Art. 12(6) above 12(3)). A question of when something starts to apply is the
// start shape's, not this one's.
const ASKS_TIME_LIMIT =
  /\b(how (long|soon|quickly|fast)|how many (hours|days|weeks|months|years)|time ?limits?|deadlines?|by when)\b/;
const NUMBER_WORD =
  '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|sixty|ninety|hundred';
// A period of time stated as a limit: "within 15 days", "not later than 72 hours", "at least six months",
// "for a period ending 10 years after", "within two weeks", "NO LATER THAN NINETY DAYS".
const TIME_LIMIT_TEXT = new RegExp(
  `\\b(within|not later than|no later than|at the latest|at least|up to|for a period (ending|of)|period of|exceeding)\\s+(a\\s+)?(period of\\s+)?(up to\\s+)?(${NUMBER_WORD})\\s+(working |calendar |business )?(hours?|days?|weeks?|months?|years?)\\b`,
  'i',
);

/** `ProvisionKind.timeLimit` when a question asks how long one has (`timeLimit`); never beside the start shape. */
export function timeLimitShape(question: string): number {
  const text = normalizeText(question.slice(0, MAX_QUERY_CHARS)).replace(/[’‘]/g, "'");
  if ((questionShape(question) & ProvisionKind.start) !== 0) return 0;
  return ASKS_TIME_LIMIT.test(text) ? ProvisionKind.timeLimit : 0;
}

/** `questionShape` for a question written in Chinese (`zhShapes`). */
export function chineseShape(question: string): number {
  const text = question.slice(0, MAX_QUERY_CHARS).trim();
  let shape = 0;
  if (ZH_ASKS_START.test(text)) shape |= ProvisionKind.start;
  if (ZH_ASKS_DEFINITION.test(text)) shape |= ProvisionKind.definition;
  if (ZH_ASKS_PENALTY.test(text)) shape |= ProvisionKind.penalty;
  return shape;
}

/**
 * The index terms of the term a definition passage defines ("‘deployer’ means …" → deployer), as one
 * space-separated key; "artificial intelligence" is also keyed as "ai", the way questions write it.
 */
export function definedTermKeys(text: string): string[] {
  const phrase = DEFINITION_TEXT.exec(text)?.[3];
  if (phrase === undefined) return [];
  const key = termsOf(phrase).join(' ');
  if (key.length === 0) return [];
  const short = key.replace(/\bartifici intellig\b/g, 'ai');
  return short === key ? [key] : [key, short];
}

/** Keys of the runs of up to `DEFINED_TERM_WORDS` consecutive topic terms, to look defined terms up by. */
export function topicKeys(topicTerms: readonly string[]): string[] {
  const keys: string[] = [];
  for (let start = 0; start < topicTerms.length; start++)
    for (let end = start + 1; end <= Math.min(topicTerms.length, start + DEFINED_TERM_WORDS); end++)
      keys.push(topicTerms.slice(start, end).join(' '));
  return keys;
}

const DEFINED_TERM_WORDS = 5;

/**
 * The kinds of provision a passage's own heading names ("Entry into force and application", "Penalties"):
 * a provision under such a heading fits a question of that shape better than one that only uses the words
 * ("Any delegated act … shall enter into force only if …").
 */
export function headingKinds(passage: Pick<Passage, 'headingPath'>): number {
  const heading = passage.headingPath.at(-1) ?? '';
  let kinds = 0;
  if (START_HEADING.test(heading)) kinds |= ProvisionKind.start;
  if (DEFINITION_HEADING.test(heading)) kinds |= ProvisionKind.definition;
  if (PENALTY_HEADING.test(heading) || ENFORCEMENT_HEADING.test(heading)) kinds |= ProvisionKind.penalty;
  return kinds;
}

/** The kinds of provision a passage is (bits of `ProvisionKind`), from its headings and its wording. */
export function provisionKinds(passage: Pick<Passage, 'headingPath' | 'text'>): number {
  const heading = passage.headingPath.at(-1) ?? '';
  const text = passage.text;
  let kinds = 0;
  if (START_HEADING.test(heading) || START_TEXT.test(text) || ZH_START_TEXT.test(text))
    kinds |= ProvisionKind.start;
  if (
    DEFINITION_HEADING.test(heading) ||
    DEFINITION_TEXT.test(text) ||
    DEFINITION_LEAD.test(text) ||
    ZH_DEFINITION_TEXT.test(text)
  )
    kinds |= ProvisionKind.definition;
  if (
    passage.headingPath.some((h) => PENALTY_HEADING.test(h)) ||
    ENFORCEMENT_HEADING.test(heading) ||
    PENALTY_TEXT.test(text) ||
    ZH_PENALTY_TEXT.test(text)
  )
    kinds |= ProvisionKind.penalty;
  if (TIME_LIMIT_TEXT.test(text)) kinds |= ProvisionKind.timeLimit;
  return kinds;
}

// "US" written in capitals is the country; lower-case "us" is a pronoun and a stop word, but "u.s." and
// "u.s.a." with their dots are the country in any case ("can u.s. companies …").
const COUNTRY_US = /\bU\.?S\.?A?\b\.?|\b[uU]\.[sS]\.(?:[aA]\.)?/g;

export interface AnalyzeOptions {
  synonymWeight?: number;
  /** More names of jurisdictions ("canadian", "illinois"), beside the thesaurus's own. */
  placeNames?: readonly PlaceName[];
  /** Terms too common to search for when the question has others (see CorpusIndexOptions.commonTermShare). */
  commonTerms?: ReadonlySet<string>;
  /** Also steer to documents described by kind and issuer or date (`DocNameMatcher.findDescribed`). */
  describedDocs?: boolean;
  /**
   * A vocabulary bridge: the documents' words for an everyday word ("boss" → "employer"), added at
   * `bridgeWeight` where the corpus has them (`hasTerm`).
   */
  bridge?: (word: string) => readonly string[];
  bridgeWeight?: number;
  /** Bridge every typed word, not only those the corpus lacks (measured: worse). */
  bridgeAll?: boolean;
  hasTerm?: (term: string) => boolean;
  /** Which of the bridge's words may join the search (by default those the corpus has). */
  isBridgeTarget?: (term: string) => boolean;
  /** A Chinese question's A-not-A forms searched as their verb once (`zhAnotA`, zhforms.ts). */
  plainChinese?: boolean;
}

export function analyzeQuery(
  raw: string,
  names: DocNameMatcher,
  options: AnalyzeOptions = {},
): AnalyzedQuery {
  const query = raw.slice(0, MAX_QUERY_CHARS).replace(COUNTRY_US, ' united states ');
  const chinese = isChineseQuestion(query);
  // The words searched; names and places are found in them, so their positions are the tokens'.
  const searched = chinese && options.plainChinese ? plainChineseQuestion(query) : query;
  const named = names.findExact(searched);
  const tokens = tokenize(searched);
  const taken = new Set(named.flatMap((name) => name.positions));
  const places = findJurisdictions(tokens, taken, options.placeNames);
  for (const position of places.positions) taken.add(position);
  const typed: string[] = [];
  const words: string[] = [];
  for (const [i, token] of tokens.entries()) {
    if (taken.has(i)) continue;
    const term = termOf(token);
    if (term !== null && !typed.includes(term)) {
      typed.push(term);
      words.push(token);
    }
    if (typed.length >= MAX_QUERY_TERMS) break;
  }
  // A question that is only a name ("the AI Act?", "China?") searches for the name itself.
  if (typed.length === 0) {
    for (const i of named.length > 0 ? named[0]!.positions : places.positions) {
      const term = termOf(tokens[i]!);
      if (term !== null && !typed.includes(term)) typed.push(term);
    }
  }
  const namedDocs = [
    ...new Set([
      ...named.map((name) => name.docId),
      ...(options.describedDocs && named.length === 0 ? names.findDescribed(query) : []),
    ]),
  ];
  const shape = questionShape(query);
  // The words that only say which kind of provision is wanted ("define", "start") are left to the shape:
  // as terms they match "as defined in" and "start-ups" instead of the topic.
  const topical = typed.filter((term) => !isCueTerm(term, shape));
  const terms = expandTerms(topical.length > 0 ? topical : typed, options.synonymWeight, options.commonTerms);
  if (options.bridge) bridgeTerms(terms, words, options);
  return {
    topicTerms: topical,
    namedDocs,
    jurisdictions: places.jurisdictions,
    ...(places.within.length > 0 ? { within: places.within } : {}),
    terms,
    shape,
    asks: questionAsks(query),
    ...(chinese
      ? { chinese: true, text: query, zhAsks: chineseAsks(query), zhShape: chineseShape(query) }
      : {}),
  };
}

/** Adds the bridge's words for the typed words to `terms` (a multi-word one shares the weight among its words). */
function bridgeTerms(terms: WeightedTerm[], words: readonly string[], options: AnalyzeOptions): void {
  const weight = options.bridgeWeight ?? 0;
  if (weight <= 0) return;
  const have = new Map(terms.map((term) => [term.term, term]));
  for (const word of words) {
    // Only words the documents never use: a word they use already finds its passages.
    const own = termOf(word);
    if (options.bridgeAll !== true && own !== null && options.hasTerm?.(own)) continue;
    for (const bridged of options.bridge!(word)) {
      const parts = termsOf(bridged);
      const target = options.isBridgeTarget ?? options.hasTerm;
      if (parts.length === 0 || (target && !parts.every(target))) continue;
      for (const part of parts) {
        if (options.commonTerms?.has(part)) continue;
        const known = have.get(part);
        const share = weight / parts.length;
        if (known) known.weight = Math.max(known.weight, share);
        else {
          const added = { term: part, weight: share };
          have.set(part, added);
          terms.push(added);
        }
      }
    }
  }
}
