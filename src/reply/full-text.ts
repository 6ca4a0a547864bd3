// The whole text of a unit, paged to fit embeds: every passage under its own locator, verbatim, split only
// between sentences.

import { packSentences } from '../corpus/split/passages.js';
import type { Passage } from '../corpus/types.js';
import { BUDGETS } from './budgets.js';
import { escapeMarkdown, quoteBlock } from './escape.js';
import { cutText } from './truncate.js';

/** Room for the page's text in a description, leaving space for the status line above it. */
export const PAGE_CHARS = BUDGETS.fullTextPage;

export function fullTextPages(passages: readonly Passage[]): string[] {
  const blocks: string[] = [];
  let lastLocator = '';
  for (const passage of passages) {
    const header = passage.locator === lastLocator ? '' : `**${escapeMarkdown(passage.locator)}**\n`;
    lastLocator = passage.locator;
    for (const [i, piece] of packSentences(passage.text, 1500).entries()) {
      let block = `${i === 0 ? header : ''}${quoteBlock(escapeMarkdown(piece))}`;
      // A single sentence too long for a page even escaped: the only case where text is cut.
      if (block.length > PAGE_CHARS)
        block = `${header}${quoteBlock(escapeMarkdown(cutText(piece, PAGE_CHARS / 2).text))}`;
      blocks.push(block);
    }
  }
  const pages: string[] = [];
  let current = '';
  for (const block of blocks) {
    if (current && current.length + 2 + block.length > PAGE_CHARS) {
      pages.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${block}` : block;
  }
  if (current) pages.push(current);
  return pages;
}
