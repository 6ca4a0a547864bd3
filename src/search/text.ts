// Term processing for legal and policy English: the same steps at index time and at query time, so
// "Labelling", "labeling" and "labels" meet on one term and "2024/1689" or "GV-1.1-001" stay whole.
import { stemmer } from 'stemmer';

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** NFKC, case folding, diacritics removed, typographic quotes and dashes made plain. */
export function normalizeText(text: string): string {
  // Most words are plain ASCII, for which all of the below is lower-casing (and tokenizing is hot).
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

// A token is a run of letters and digits; ".", "/", "-" inside it are kept only between digits or when the
// token carries a digit (2024/1689, 22757.12, gv-1.1-001, 78/265), so ids stay searchable as one term.
const TOKEN = /[\p{L}\p{N}]+(?:[./-][\p{L}\p{N}]+)*/gu;
const HAS_DIGIT = /\p{N}/u;
// The same for ASCII text (ASCII_TOKEN: /[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*/), scanned by hand (`asciiRunEnd`).
const ASCII_TEXT = /^[\t\n\r -~]*$/;

/** One token of a text, with its place, for highlighting the words as they are written. */
export interface Token {
  /** The token as written in the text (original case). */
  surface: string;
  /** Its normalized form (case and diacritics folded). */
  norm: string;
  start: number;
}

/**
 * Splits text into tokens. Hyphenated or slashed words without digits ("general-purpose", "and/or") become
 * their parts; tokens with a digit keep their punctuation. A possessive "'s" becomes the stop word "s".
 */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  scanTokens(text, (surface, norm, start) => {
    out.push({ surface, norm, start });
    return true;
  });
  return out;
}

/**
 * The tokens of `tokens(text)`, in order, to `visit` (its surface, norm and start) until it returns false:
 * one tokenizer for a whole list and for a count that may stop early (`hasTerms`).
 */
function scanTokens(text: string, visit: (surface: string, norm: string, start: number) => boolean): void {
  if (ASCII_TEXT.test(text)) {
    // Plain ASCII (most questions and passages): ASCII_TOKEN's runs found by hand, without the iterator and the
    // match array a regular expression makes per token (the largest single share of an /ask's garbage).
    forEachAsciiRun(text, (start, end) => visitRun(visit, text.slice(start, end), start));
    return;
  }
  for (const match of text.matchAll(TOKEN)) if (!visitRun(visit, match[0], match.index)) return;
}

/** The token(s) of one run (a match of TOKEN); false when the visitor asked to stop. */
function visitRun(
  visit: (surface: string, norm: string, start: number) => boolean,
  surface: string,
  start: number,
): boolean {
  if (HAS_DIGIT.test(surface) || !/[./-]/.test(surface)) return pushToken(visit, surface, start);
  let offset = 0;
  for (const part of surface.split(/[./-]/)) {
    if (part.length > 0 && !pushToken(visit, part, start + offset)) return false;
    offset += part.length + 1;
  }
  return true;
}

/** A letter or digit of ASCII ([A-Za-z0-9]). */
export const isAsciiWordChar = (code: number) =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

const isSeparator = (code: number) => code === 0x2e || code === 0x2d || code === 0x2f; // . - /

/**
 * Each run of ASCII_TOKEN in a plain-ASCII text, as `visit(start, end)`, until it returns false: found by hand,
 * without the match array a regular expression makes per run (the tokenizer's and the highlighter's scan).
 */
export function forEachAsciiRun(text: string, visit: (start: number, end: number) => boolean): void {
  for (let at = 0; at < text.length; ) {
    if (!isAsciiWordChar(text.charCodeAt(at))) {
      at++;
      continue;
    }
    const end = asciiRunEnd(text, at);
    if (!visit(at, end)) return;
    at = end;
  }
}

/** Where the run of ASCII_TOKEN starting at `from` (a word character) ends. */
export function asciiRunEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    while (at < text.length && isAsciiWordChar(text.charCodeAt(at))) at++;
    if (
      at + 1 < text.length &&
      isSeparator(text.charCodeAt(at)) &&
      isAsciiWordChar(text.charCodeAt(at + 1))
    ) {
      at++;
      continue;
    }
    return at;
  }
}

// Chinese (and Japanese) is written without spaces: a run of Han or kana is split into words by ICU's
// dictionary-based word breaking (Intl.Segmenter), so "生成式人工智能训练数据" gives 生成 式 人工 智能 训练 数据.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
let segmenter: Intl.Segmenter | undefined;

/** Visits the token(s) of one surface; false when the visitor asked to stop. */
function pushToken(
  visit: (surface: string, norm: string, start: number) => boolean,
  surface: string,
  start: number,
): boolean {
  if (CJK.test(surface)) {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    for (const piece of segmenter.segment(surface)) {
      if (!piece.isWordLike) continue;
      const norm = normalizeText(piece.segment);
      if (norm.length > 0 && !visit(piece.segment, norm, start + piece.index)) return false;
    }
    return true;
  }
  const norm = normalizeText(surface);
  return norm.length === 0 || visit(surface, norm, start);
}

/** Plain tokenization (normalized strings), what MiniSearch's `tokenize` option expects. */
export function tokenize(text: string): string[] {
  return tokens(text).map((token) => token.norm);
}

// Function words of English plus words every question carries ("what", "say", "does"). Removing them keeps
// posting lists short, which is most of a query's cost on a large corpus (`npm run bench` measures it).
const STOP_WORDS_LIST = `a about above across after afterwards again against all almost alone along already also although always
am among amongst an and another any anybody anyhow anyone anything anyway anywhere are aren around as at be became because
become becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
could couldn did didn do does doesn doing don done down during each eg either else elsewhere enough etc even ever every
everybody everyone everything everywhere except few for former formerly from further had hadn has hasn have haven having he
hence her here hereafter hereby herein hereupon hers herself him himself his how however i ie if in indeed into is isn it
its itself just least less ll many may me meanwhile might mine more moreover most mostly much must mustn my myself namely
neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps please quite rather re really s same say says said see seem
seemed seeming seems several shall shan she should shouldn since so some somehow someone something sometime sometimes
somewhere still such t than that the their theirs them themselves then thence there thereafter thereby therefore therein
thereupon these they this those though through throughout thru thus to together too toward towards under until up upon us
ve very via was wasn we well were weren what whatever when whence whenever where whereafter whereas whereby wherein whereupon
wherever whether which while whither who whoever whole whom whose why will with within without won would wouldn yet you
your yours yourself yourselves tell know anything like get got want wants need needs mean means`;

// "us" is listed: as a pronoun it is noise. The country, written "US", is recognized in the raw query before
// case folding (see query.ts).
export const STOP_WORDS: ReadonlySet<string> = new Set(
  STOP_WORDS_LIST.split(/\s+/).filter((word) => word.length > 0),
);

// Porter merges "government" and "governance" into "govern"; in this corpus they are different things and
// "governance" is in most documents' titles.
const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map([
  ['governance', 'governance'],
  ['government', 'government'],
  ['governments', 'government'],
  ['governmental', 'government'],
]);

const stemCache = new Map<string, string>(STEM_OVERRIDES);
const STEM_CACHE_LIMIT = 50_000;

/** English stem of a normalized word; tokens with digits are ids and stay as they are. */
export function stem(word: string): string {
  if (HAS_DIGIT.test(word) || word.length <= 3) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** A normalized token to its index term, or null for stop words. */
export function termOf(norm: string): string | null {
  if (STOP_WORDS.has(norm)) return null;
  return stem(norm);
}

/**
 * Whether a text has at least `n` index terms (`termsOf(text).length >= n`), reading it only as far as that
 * takes: run on every list item when an index is opened (units.ts `isContentFree`), where most items have
 * many more terms than asked for and stemming them all was most of the index's start-up signals.
 */
export function hasTerms(text: string, n: number): boolean {
  if (n <= 0) return true;
  let count = 0;
  scanTokens(text, (_surface, norm) => {
    if (!STOP_WORDS.has(norm)) count++; // termOf is null for stop words only
    return count < n;
  });
  return count >= n;
}

/** The index terms of a text, in order, stop words removed. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of tokens(text)) {
    const term = termOf(token.norm);
    if (term !== null) out.push(term);
  }
  return out;
}
