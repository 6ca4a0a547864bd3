// A governance thesaurus for query-time expansion: people ask about "bans", "deepfakes" and "kids"; the
// documents say "prohibited practices", "deep synthesis" and "minors". Each group lists phrases that mean the
// same thing here; a query phrase from a group adds the group's other phrases at a lower weight.
import { termsOf, tokenize } from './text.js';

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['ban', 'banned', 'prohibit', 'prohibition', 'prohibited practices', 'forbid', 'outlaw'],
  ['fine', 'penalty', 'administrative fines', 'sanction', 'punish', 'civil penalty'],
  [
    'face recognition',
    'facial recognition',
    'biometric identification',
    'remote biometric identification',
    'real-time remote biometric identification',
  ],
  ['social credit', 'social scoring', 'social score'],
  ['watermark', 'label', 'labelling', 'marking', 'content provenance'],
  ['deepfake', 'deep fake', 'deep synthesis', 'synthetic content'],
  ['ai', 'artificial intelligence'],
  [
    'gpai',
    'general-purpose ai',
    'general-purpose ai model',
    'foundation model',
    'llm',
    'large language model',
    'frontier model',
    'dual-use foundation model',
  ],
  ['open source', 'open-weight', 'open weights', 'open models', 'free and open-source licence'],
  ['kids', 'children', 'minors', 'child'],
  [
    'chatbot',
    'chat bot',
    'conversational agent',
    'interact with natural persons',
    'interact directly with natural persons',
    'interacting with an ai system',
  ],
  ['copyright', 'intellectual property', 'text and data mining'],
  ['privacy', 'personal data', 'data protection', 'personal information'],
  ['bias', 'discrimination', 'algorithmic discrimination', 'discriminatory'],
  ['jobs', 'employment', 'workers', 'workforce', 'labor market'],
  ['red team', 'red-teaming', 'adversarial testing', 'adversarial attacks'],
  ['compute', 'computing power', 'computational resources', 'floating-point operations', 'flops'],
  ['emotion recognition', 'emotion detection', 'infer emotions'],
  ['police', 'law enforcement'],
  ['military', 'defence', 'defense', 'national security'],
  [
    'hallucination',
    'hallucinate',
    'confabulation',
    'fabricated',
    'making things up',
    'makes stuff up',
    'untruthful',
  ],
  ['energy', 'electricity', 'power grid'],
  ['developing countries', 'global south', 'developing nations'],
  ['sandbox', 'regulatory sandbox', 'testing environment'],
  [
    'human oversight',
    'human in the loop',
    'human control',
    'human-in-the-loop',
    'supervise',
    'oversee',
    'overseen',
  ],
  ['explainability', 'explicability', 'interpretability', 'explainable', 'explanation', 'explain'],
  ['environment', 'environmental', 'sustainability', 'climate'],
  ['misinformation', 'disinformation', 'false information', 'fake news'],
  ['company', 'companies', 'businesses', 'enterprises', 'organizations'],
  ['self-driving', 'autonomous vehicles'],
  ['weapons', 'weapon systems', 'autonomous weapons', 'killer robots', 'lethal autonomous weapon'],
  ['csam', 'child sexual abuse material'],
  ['bioweapons', 'biological weapons', 'cbrn'],
  ['whistleblower', 'whistleblowing', 'whistle-blower'],
  ['kill switch', 'shut down', 'shutdown'],
  ['data centers', 'data centres', 'datacenters', 'data center'],
  ['schools', 'education', 'students'],
  ['hiring', 'recruitment', 'employment decisions'],
  ['cybersecurity', 'cyber security', 'cyberattacks'],
  ['register', 'registration', 'filing', 'record-filing'],
  ['define', 'definition', 'defined'],
  ['remove', 'delete', 'strip', 'tamper'],
  ['visible', 'explicit', 'conspicuous'],
  ['invisible', 'hidden', 'implicit'],
  ['employees', 'staff', 'personnel'],
  ['train', 'training', 'literacy', 'upskilling'],
  ['filter bubble', 'echo chamber', 'information cocoons'],
  [
    'come into force',
    'take effect',
    'enter into force',
    'entry into force',
    'effective date',
    'start applying',
    'shall apply from',
    'start date',
  ],
  ['abroad', 'overseas', 'outside', 'foreign', 'cross-border'],
  ['ordinary people', 'general users', 'general public', 'everyday users'],
  ['check', 'verify', 'verification'],
  ['real identity', 'real name', 'identity verification', 'know your customer', 'kyc'],
  ['tips', 'advice', 'guidelines', 'guidance'],
  ['elections', 'electoral', 'democratic processes', 'voting'],
  ['challenge', 'contest', 'appeal', 'redress'],
  ['cloud', 'iaas', 'infrastructure as a service'],
  ['legal personhood', 'legal personality', 'legal person'],
  ['workplace', 'at work', 'employer', 'boss'],
  ['systemic risk', 'high-impact capabilities', 'frontier capabilities'],
  ['predictive policing', 'crime prediction', 'predict criminal', 'committing a criminal offence'],
  ['elderly', 'seniors', 'older people', 'older adults'],
  ['security review', 'security assessment', 'safety assessment'],
  ['lying', 'lie', 'misleading information', 'incorrect information'],
  ['escape control', 'loss of control', 'uncontrollable', 'out of control', 'rogue ai'],
  ['nude images', 'deepnudes', 'intimate imagery', 'ncii', 'non-consensual'],
  ['dna', 'nucleic acid', 'gene synthesis'],
  ['ratify', 'ratification', 'signature', 'sign'],
  ['export', 'exporting', 'sell abroad'],
];

/**
 * Names of places, by catalog jurisdiction. A question that names a place ("in China", "under US law",
 * "britain's plan") is about that place's documents: search steers toward them instead of matching the
 * word, which would mostly hit "Union" in every EU text. A code matches itself and its sub-codes (US → US-CA).
 * Lower-case "us" is a pronoun; the country written "US" is recognized before case folding (query.ts).
 */
export const JURISDICTION_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: ['usa', 'united states', 'america', 'american', 'americans', 'federal', 'white house', 'washington'],
  EU: ['eu', 'european union', 'europe', 'european', 'brussels'],
  CN: ['prc', 'china', 'chinese', 'beijing', 'cac'],
  UK: ['uk', 'united kingdom', 'britain', 'british', 'england', 'english government'],
  UN: ['un', 'united nations', 'general assembly'],
  'US-CA': ['california', 'californian'],
  'US-CO': ['colorado'],
  SG: ['singapore', 'singaporean'],
  CoE: ['council of europe', 'coe'],
  G7: ['g7'],
  BRICS: ['brics'],
};

/** How much a synonym counts next to the word the user typed. Chosen by the relevance eval. */
export const SYNONYM_WEIGHT = 0.45;

export interface WeightedTerm {
  term: string;
  weight: number;
  /**
   * How much a match of this term counts toward the number of terms a passage matches (BM25's OR query
   * multiplies by it): 1 when absent. Expansion terms (GloVe, definitions, feedback) count their weight, so
   * many weak terms cannot outvote the question's own words.
   */
  count?: number;
}

interface Phrase {
  terms: string[];
  group: number;
}

// Phrases as index-term sequences, longest first so "administrative fines" wins over "fine".
const PHRASES: Phrase[] = SYNONYM_GROUPS.flatMap((group, index) =>
  group.map((phrase) => ({ terms: termsOf(phrase), words: tokenize(phrase).length, group: index })),
)
  // A phrase that stop words shrink to one term ("made up" → "made") would fire on that word alone.
  .filter((phrase) => phrase.terms.length > 1 || (phrase.terms.length === 1 && phrase.words === 1))
  .sort((a, b) => b.terms.length - a.terms.length);

const FIRST_TERM = new Map<string, Phrase[]>();
for (const phrase of PHRASES) {
  const list = FIRST_TERM.get(phrase.terms[0]!) ?? [];
  list.push(phrase);
  FIRST_TERM.set(phrase.terms[0]!, list);
}

/**
 * The query's own terms at weight 1, then the synonyms of any phrase it contains at `synonymWeight`, shared
 * among the words of a multi-word synonym (a term both typed and implied keeps weight 1). Terms in `common`
 * (found in a large share of passages, like "ai") are left out unless nothing else is left, and a phrase made
 * only of them brings no synonyms: "ai" must not turn into "artificial" and "intelligence".
 */
export function expandTerms(
  queryTerms: readonly string[],
  synonymWeight = SYNONYM_WEIGHT,
  common: ReadonlySet<string> = new Set(),
): WeightedTerm[] {
  const weights = new Map<string, number>();
  const distinctive = queryTerms.filter((term) => !common.has(term));
  for (const term of distinctive.length > 0 ? distinctive : queryTerms) weights.set(term, 1);
  const groups = new Set<number>();
  for (let i = 0; i < queryTerms.length; i++) {
    for (const phrase of FIRST_TERM.get(queryTerms[i]!) ?? []) {
      if (phrase.terms.every((term, k) => queryTerms[i + k] === term)) {
        if (phrase.terms.some((term) => !common.has(term))) groups.add(phrase.group);
        break;
      }
    }
  }
  for (const group of groups) {
    for (const phrase of PHRASES) {
      if (phrase.group !== group) continue;
      const share = synonymWeight / phrase.terms.length;
      for (const term of phrase.terms) {
        if (common.has(term)) continue;
        weights.set(term, Math.max(weights.get(term) ?? 0, share));
      }
    }
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}

/**
 * The one-word synonyms of a one-word term, from the groups it belongs to ("fine" → "penalti", "sanction"):
 * what a passage may write for it (evidence.ts counts a typed word held by one of them).
 */
export function oneWordSynonyms(term: string): string[] {
  const out = new Set<string>();
  for (const phrase of FIRST_TERM.get(term) ?? []) {
    if (phrase.terms.length !== 1) continue;
    for (const other of PHRASES)
      if (other.group === phrase.group && other.terms.length === 1 && other.terms[0] !== term)
        out.add(other.terms[0]!);
  }
  return [...out];
}

/**
 * The phrases of several words that mean what a one-word term means, as the groups write them ("gpai" →
 * "general-purpose ai", "foundation model" …): a word whose meaning the documents write out is their own topic
 * (name-shapes.ts: "the GPAI rules" are the AI Act's rules on general-purpose AI, no instrument Charter lacks).
 */
export function longerSynonyms(term: string): string[] {
  const out = new Set<string>();
  for (const phrase of FIRST_TERM.get(term) ?? []) {
    if (phrase.terms.length !== 1) continue;
    for (const [index, group] of SYNONYM_GROUPS.entries())
      if (index === phrase.group) for (const other of group) if (termsOf(other).length > 1) out.add(other);
  }
  return [...out];
}

export interface PlaceName {
  tokens: string[];
  jurisdiction: string;
  /**
   * The name's words are searched too (a city or a member state, `placesWithin`): the passages and reader
   * questions that write "germany" or "paris" keep them, where "canada" would only repeat the steering.
   */
  searched?: boolean;
}

/**
 * More names for the jurisdictions in `codes` (the catalog's), from a list of places with their names
 * (corpus/places.json: "Canada", "Canadian", "Japan", "Illinois"), longest first.
 */
export function placeNamesFor(
  places: readonly { code: string; names: readonly string[] }[],
  codes: ReadonlySet<string>,
): PlaceName[] {
  return places
    .filter((place) => codes.has(place.code))
    .flatMap((place) => place.names.map((name) => ({ tokens: tokenize(name), jurisdiction: place.code })))
    .filter((name) => name.tokens.length > 0)
    .sort((a, b) => b.tokens.length - a.tokens.length);
}

// Longest first: "council of europe" before "europe".
const PLACE_NAMES: PlaceName[] = Object.entries(JURISDICTION_NAMES)
  .flatMap(([jurisdiction, names]) => names.map((name) => ({ tokens: tokenize(name), jurisdiction })))
  .sort((a, b) => b.tokens.length - a.tokens.length);

const byFirstWord = new WeakMap<readonly PlaceName[], Map<string, number[]>>();

/** The positions in `list` of the names starting with each word, made once per list. */
function firstWords(list: readonly PlaceName[]): Map<string, number[]> {
  let map = byFirstWord.get(list);
  if (map) return map;
  map = new Map();
  for (const [k, place] of list.entries()) {
    const first = place.tokens[0]!;
    const at = map.get(first);
    if (at) at.push(k);
    else map.set(first, [k]);
  }
  byFirstWord.set(list, map);
  return map;
}

/**
 * Places named in a token sequence, and the token positions that name them (skipping `taken` ones, and
 * leaving out those of names whose words are searched too); `within`: the jurisdictions only a place inside
 * them named (a city, a member state).
 */
export function findJurisdictions(
  tokens: readonly string[],
  taken: ReadonlySet<number>,
  more: readonly PlaceName[] = [],
): { jurisdictions: string[]; positions: number[]; within: string[] } {
  const used = new Set<number>();
  const searched = new Set<number>();
  const jurisdictions: string[] = [];
  const direct = new Set<string>();
  // Only names whose first word the question has can match, looked up by that word and tried in the list's own
  // order (longest first): scanning the question for each of ~1,400 names cost ~0.7 ms a question.
  for (const list of [PLACE_NAMES, more]) {
    const byFirst = firstWords(list);
    const found: number[] = [];
    for (const token of new Set(tokens)) found.push(...(byFirst.get(token) ?? []));
    for (const k of found.sort((a, b) => a - b)) claim(list[k]!);
  }
  return {
    jurisdictions,
    positions: [...used].filter((position) => !searched.has(position)),
    within: jurisdictions.filter((code) => !direct.has(code)),
  };

  function claim(place: PlaceName): void {
    for (let i = 0; i + place.tokens.length <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < place.tokens.length && ok; k++)
        ok = !taken.has(i + k) && !used.has(i + k) && tokens[i + k] === place.tokens[k];
      if (!ok) continue;
      for (let k = 0; k < place.tokens.length; k++) {
        used.add(i + k);
        if (place.searched) searched.add(i + k);
      }
      if (!jurisdictions.includes(place.jurisdiction)) jurisdictions.push(place.jurisdiction);
      if (!place.searched) direct.add(place.jurisdiction);
    }
  }
}

/**
 * Whether a document's jurisdiction (catalog code: "US", "US-CO") lies in a named one ("US" holds "US-CO").
 * The one place this match is made: the jurisdiction signal and the sides of "US vs China" both use it.
 */
export function inJurisdiction(code: string, named: string): boolean {
  const own = code.toLowerCase();
  const wanted = named.toLowerCase();
  return own === wanted || own.startsWith(`${wanted}-`);
}
