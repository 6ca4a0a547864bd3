// One term's BM25+ scores over all passages, read straight from MiniSearch's postings.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Passage } from '../corpus/types.js';
import { type CorpusIndexOptions, FIELDS } from './options.js';

const CHINESE = /\p{Script=Han}/u;

/** Passages with Chinese text: those a Chinese term's idf is counted among (`chineseIdf`). */
export function countChinese(passages: readonly Passage[]): number {
  return passages.filter((passage) => CHINESE.test(passage.text)).length;
}

/** What the index stores per passage: the passage and its position in the corpus. */
export type IndexedPassage = Passage & { i: number };

/**
 * MiniSearch with typed access to the parts of its in-memory index that a one-term search reads (its own
 * `termResults` walks the same maps; they are `protected` in MiniSearch 7's typings). Not public API: the
 * shape is checked when the scorer is made, and a unit test compares every score with `MiniSearch#search`,
 * so a MiniSearch that stores them otherwise fails loudly, not silently.
 */
export class PassageMiniSearch extends MiniSearch<IndexedPassage> {
  /** A saved index loaded back (MiniSearch's own `loadJS` makes a plain MiniSearch: its state moves over). */
  static restore(js: AsPlainObject, options: Options<IndexedPassage>): PassageMiniSearch {
    return Object.assign(new PassageMiniSearch(options), MiniSearch.loadJS(js, options));
  }

  /** A term's postings: field id → (short id → term frequency). */
  postings(term: string): Map<number, Map<number, number>> | undefined {
    return this._index.get(term);
  }

  get passageCount(): number {
    return this._documentCount;
  }

  /** Short id → passage position (the `i` id field). */
  get shortIds(): ReadonlyMap<number, unknown> {
    return this._documentIds;
  }

  fieldId(field: string): number | undefined {
    return this._fieldIds[field];
  }

  /** Short id → length of each field. */
  get fieldLengths(): ReadonlyMap<number, number[]> {
    return this._fieldLength;
  }

  averageFieldLength(fieldId: number): number | undefined {
    return this._avgFieldLength[fieldId];
  }

  /** Throws when this MiniSearch keeps its index in another shape than the one read here. */
  checkShape(): void {
    if (
      typeof this._index?.get !== 'function' ||
      typeof this._fieldIds !== 'object' ||
      !(this._documentIds instanceof Map) ||
      !(this._fieldLength instanceof Map) ||
      !Array.isArray(this._avgFieldLength) ||
      typeof this._documentCount !== 'number'
    )
      throw new Error(
        'MiniSearch keeps its index in an unexpected shape: see PassageMiniSearch in scorer.ts.',
      );
  }
}

/** One term's scores: the passages that have it, ascending, and its score in each. */
export interface TermScores {
  ids: Int32Array;
  scores: Float64Array;
}

/**
 * One term's BM25+ scores straight from MiniSearch's postings, as `MiniSearch#search` computes them (same
 * formula, same order of operations, so the same numbers) without the result objects, match lists and sort it
 * builds per posting, which made a first-seen common term cost most of a query on a large corpus (`npm run
 * bench` measures it).
 */
export class TermScorer {
  private readonly mini: PassageMiniSearch;
  private readonly fields: { id: number; boost: number; lengths: Float64Array; average: number }[];
  /** Passage index of each MiniSearch short id (-1: none). */
  private readonly passageOf: Int32Array;
  private readonly bm25: { k: number; b: number; d: number };
  /** Per-passage sums for a term over the fields, zeroed after each use. */
  private readonly sums: Float64Array;
  private readonly seen: Uint8Array;
  private readonly found: Int32Array;
  /** Passages written in Chinese, which a Chinese term's idf is counted among (`chineseIdf`); 0: all. */
  private readonly chinesePassages: number;
  /** The reader questions' field id, when the index holds them. */
  private readonly asksField: number | undefined;

  constructor(
    mini: PassageMiniSearch,
    options: CorpusIndexOptions,
    passageCount: number,
    chinesePassages = 0,
  ) {
    mini.checkShape();
    this.mini = mini;
    this.bm25 = options.bm25;
    this.asksField = mini.fieldId('asks');
    let shortIds = 0;
    for (const shortId of mini.shortIds.keys()) shortIds = Math.max(shortIds, shortId + 1);
    this.passageOf = new Int32Array(shortIds).fill(-1);
    for (const [shortId, id] of mini.shortIds) this.passageOf[shortId] = id as number;
    // MiniSearch reads a boost of 0 as 1, so a field weighted 0 is left out of the search instead; so is a
    // field the index does not hold (an index saved without the reader questions).
    const searched = FIELDS.filter(
      (field) =>
        (options.fieldBoosts[field] ?? 0) > 0 &&
        (field !== 'asks' || options.signals.readerQuestions) &&
        mini.fieldId(field) !== undefined,
    );
    this.fields = searched.map((field) => {
      const id = mini.fieldId(field)!;
      const lengths = new Float64Array(shortIds);
      for (const [shortId, perField] of mini.fieldLengths) lengths[shortId] = perField[id] ?? 0;
      return { id, boost: options.fieldBoosts[field] ?? 0, lengths, average: mini.averageFieldLength(id)! };
    });
    this.sums = new Float64Array(passageCount);
    this.seen = new Uint8Array(passageCount);
    this.found = new Int32Array(passageCount);
    this.chinesePassages = options.signals.chineseIdf ? chinesePassages : 0;
  }

  /**
   * How many passages have the term in their largest field (a cheap document frequency). The documents' own
   * words only: the reader questions (`asks`) are not the corpus's vocabulary, so they change no statistic
   * that query analysis, the bridges or the off-topic measure read — they only score.
   */
  frequency(term: string): number {
    const data = this.mini.postings(term);
    if (!data) return 0;
    let most = 0;
    for (const [field, postings] of data) if (field !== this.asksField) most = Math.max(most, postings.size);
    return most;
  }

  /** Whether any passage has the term (in the documents' own words, not only in reader questions). */
  has(term: string): boolean {
    const data = this.mini.postings(term);
    if (!data) return false;
    if (this.asksField === undefined) return true;
    for (const field of data.keys()) if (field !== this.asksField) return true;
    return false;
  }

  /** Each passage's MiniSearch short id (-1: none), worked out on first use. */
  private shortIdOf?: Int32Array;

  /** Whether passage `i`'s text (not its headings) has the term: a lookup in the term's postings. */
  inText(term: string, i: number): boolean {
    const field = this.mini.fieldId('text');
    const postings = field === undefined ? undefined : this.mini.postings(term)?.get(field);
    if (!postings) return false;
    if (!this.shortIdOf) {
      this.shortIdOf = new Int32Array(this.sums.length).fill(-1);
      this.passageOf.forEach((passage, shortId) => {
        if (passage >= 0) this.shortIdOf![passage] = shortId;
      });
    }
    const shortId = this.shortIdOf[i] ?? -1;
    return shortId >= 0 && postings.has(shortId);
  }

  score(term: string): TermScores {
    const data = this.mini.postings(term);
    if (!data) return { ids: new Int32Array(0), scores: new Float64Array(0) };
    const { k, b, d } = this.bm25;
    const total =
      this.chinesePassages > 0 && CHINESE.test(term) ? this.chinesePassages : this.mini.passageCount;
    const { sums, seen, found, passageOf } = this;
    let count = 0;
    for (const field of this.fields) {
      const postings = data.get(field.id);
      if (!postings) continue;
      const matching = postings.size;
      const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      const { lengths, average, boost } = field;
      for (const [shortId, termFreq] of postings) {
        const i = passageOf[shortId] ?? -1;
        if (i < 0) continue;
        const raw =
          invDocFreq *
          (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * lengths[shortId]!) / average)));
        if (seen[i] === 0) {
          seen[i] = 1;
          found[count++] = i;
        }
        sums[i]! += boost * raw;
      }
    }
    const ids = found.slice(0, count).sort();
    const scores = new Float64Array(count);
    for (let n = 0; n < count; n++) {
      const i = ids[n]!;
      scores[n] = sums[i]!;
      sums[i] = 0;
      seen[i] = 0;
    }
    return { ids, scores };
  }
}
