// The bounded LRU of per-term results that questions share.
import type { TermScores } from './scorer.js';

/**
 * Term cache size: questions share terms, and the terms that cost most (the frequent ones) are the ones they
 * share most. Sized per passage so the bench questions' terms fit on the largest corpus `npm run bench`
 * grows, at a small part of the index's own memory.
 */
export const TERM_CACHE_PER_PASSAGE = 12;
export const TERM_CACHE_MIN = 300_000;

/**
 * Term results by term, least recently used dropped first once they hold more than `capacity` passages in
 * all: questions share many terms, and a common term costs most of a query the first time.
 */
export class TermCache {
  private readonly entries = new Map<string, TermScores>();
  private size = 0;

  constructor(private readonly capacity: number) {}

  get(term: string): TermScores | undefined {
    const found = this.entries.get(term);
    if (found) {
      this.entries.delete(term);
      this.entries.set(term, found);
    }
    return found;
  }

  set(term: string, scores: TermScores): void {
    if (scores.ids.length > this.capacity) return;
    this.entries.set(term, scores);
    this.size += scores.ids.length;
    for (const [oldest, old] of this.entries) {
      if (this.size <= this.capacity) break;
      this.entries.delete(oldest);
      this.size -= old.ids.length;
    }
  }
}
