// A snippet names a passage by a verbatim piece of its text: the relevance sets (tools/eval) mark the passage
// that answers a question so, and the reader questions (asks.ts) the passage they were written for. One rule
// for both: the passage's text contains the snippet once every run of white space in either is one space
// (copies of a document wrap lines differently; the words are the same).
import type { Passage } from './types.js';

/** Text with every run of white space as one space, as snippets are matched. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether the passage is of that document and contains the snippet (white space squashed in both). */
export function containsSnippet(passage: Passage, docId: string, snippet: string): boolean {
  return passage.docId === docId && squash(passage.text).includes(squash(snippet));
}

/**
 * Many snippets against one corpus: each passage squashed once (not once per snippet), grouped by document.
 * `find` gives the corpus positions of the passages that contain the snippet, in corpus order.
 */
export class SnippetMatcher {
  private readonly byDoc = new Map<string, { i: number; text: string }[]>();

  constructor(passages: readonly Passage[]) {
    passages.forEach((passage, i) => {
      const entry = { i, text: squash(passage.text) };
      const list = this.byDoc.get(passage.docId);
      if (list) list.push(entry);
      else this.byDoc.set(passage.docId, [entry]);
    });
  }

  /** Whether any passage of this document is held. */
  holds(docId: string): boolean {
    return this.byDoc.has(docId);
  }

  find(docId: string, snippet: string): number[] {
    const wanted = squash(snippet);
    if (wanted.length === 0) return [];
    return (this.byDoc.get(docId) ?? []).filter(({ text }) => text.includes(wanted)).map(({ i }) => i);
  }
}
