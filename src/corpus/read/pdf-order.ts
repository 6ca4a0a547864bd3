// Reading order of a page whose producer drew a block after text it stands above. Lines are taken in
// content-stream order (pdf-lines.ts), which is reading order for the corpus's PDFs with one kind of
// exception: a box set at the top of a page but drawn last, as the Singapore Model Framework's case-study
// sidebars are ("MSD: MSD is a multinational pharmaceutical company …" heads p. 62 on the page and came out
// after the study's last paragraph, so the passage that introduces Jennie the chatbot ended with it).
import type { RawLine } from './pdf-lines.js';

/**
 * A page's lines with blocks drawn out of order put back in order from the top. The drawn order is cut
 * wherever every line after the cut lies above every line before it (nothing drawn later shares a height
 * range with what came before, so no column, table row or footnote is cut); the runs between cuts are then
 * read from the highest down. A page drawn from the top down has no such cut and is returned as it is.
 */
export function orderDrawnBlocks(lines: readonly RawLine[]): RawLine[] {
  if (lines.length < 2) return [...lines];
  // Lowest baseline from each line to the end; highest from the start to each line.
  const lowestAfter: number[] = new Array(lines.length);
  let low = Number.POSITIVE_INFINITY;
  for (let i = lines.length - 1; i >= 0; i--) {
    low = Math.min(low, lines[i]!.y);
    lowestAfter[i] = low;
  }
  const blocks: RawLine[][] = [];
  let block: RawLine[] = [];
  let high = Number.NEGATIVE_INFINITY;
  lines.forEach((line, i) => {
    block.push(line);
    high = Math.max(high, line.y);
    const next = lowestAfter[i + 1];
    if (next !== undefined && next > high) {
      blocks.push(block);
      block = [];
    }
  });
  blocks.push(block);
  if (blocks.length === 1) return [...lines];
  // Each block is wholly above the blocks drawn before it, so its first line's height orders it.
  const top = (b: RawLine[]) => Math.max(...b.map((line) => line.y));
  return blocks.sort((a, b) => top(b) - top(a)).flat();
}
