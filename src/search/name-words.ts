// The words by which the missing-name detector (missing.ts, name-shapes.ts) recognizes the name of an
// instrument from its shape: the head words of names ("act", "declaration"), the prefixes of bill, order and
// standard numbers ("SB 1047", "ISO/IEC 42001"), and the words around an acronym that show it names something.
// These are words of English naming, not names of instruments: no instrument is listed here.

import { MONTHS } from './docnames.js';
import type { Token } from './text.js';

// Words that head the name of a document. "Strong" heads make a name even in lower case after "the"
// ("the digital services act"); the others only with capitals, a place or a number.
export const STRONG_HEADS = new Set([
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
export const HEADS = new Set([
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
  ...['rule', 'report', 'practices', 'orders', 'letter'],
]);
// Heads that also name what a held document asks for, makes or holds ("a critical safety incident report",
// "the kids consent rule", "best practices", "orders" of a court): with an acronym or capitals before them
// they name another body's document ("SEC predictive data analytics rule", "CISA AI data security best
// practices", "NYDFS circular letter 7"), never in lower case, and a held place before them says nothing of
// another instrument.
export const PART_HEADS = new Set(['rule', 'report', 'practices', 'orders', 'letter']);
// Words that put a number after them in an instrument's reference ("Regulation 2022/2065", "res 68/167",
// "EDPB opinion 28/2024", "CFPB circular 2022-03").
export const NUMBER_HEADS = new Set([...HEADS, 'res', 'circular', 'decision', 'memo', 'memorandum']);
// Words that continue a title after its head ("Code of Practice", "Declaration on AI", "Call for AI Ethics").
export const TITLE_JOINS = new Set(['of', 'on', 'for']);
/** A bare year ("the regulation 2024") is no number of an instrument. */
const YEAR = /^(19|20)\d\d$/;
/** A word of a held name more common than this in English (Zipf) is no proper name ("conduct", "act"). */
export const COMMON_ZIPF = 4;
// Words in front of a head that do not make it a name ("the new AI law", "federal rules", "the 2023 order").
export const GENERIC = new Set([
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
export const ID_PREFIXES = new Set([
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
export const ID_PREFIX_PAIRS = new Set([
  'executive order',
  'local law',
  'public law',
  'house bill',
  'senate bill',
]);
export const ID_TOKEN = /^(sb|ab|hb|sf|hf|lb|ll|eo|hr|c|s)-?\d+$/;
// A token after an acronym that shows the acronym names something ("the CCPA", "GDPR Art. 22", "PIPL says").
export const NAME_CONTEXT_BEFORE = new Set(['the', 'under', 'per', 's', 'by', 'from']);
export const NAME_CONTEXT_AFTER = new Set([
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
export const ACRONYM = /^[A-Z][A-Z0-9]{2,7}$/;
export const DIGITS = /^\d+$/;
/** The number of a bill, order, standard or resolution: "1047", "21-169", "2338/2023", "78/241". */
export const ID_NUMBER = /^\d[\d/-]*$/;

/** A word written in capitals, two letters or more ("CNIL", "TAKE"). */
export const allCaps = (token: Token) => /^\p{Lu}[\p{Lu}\d]+$/u.test(token.surface);

/** Whether a token is the number of an instrument (not a bare year: "the regulation 2024"). */
export const isReference = (norm: string | undefined) => !!norm && ID_NUMBER.test(norm) && !YEAR.test(norm);

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
