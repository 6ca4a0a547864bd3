// Documented corrections of damaged mirror copies (corpus/corrections.json). A copy that lost a superscript
// or split a word is never edited silently and never special-cased in a splitter: each correction names the
// document, the exact damaged text, its replacement and the evidence. It is applied to the reader's output
// before splitting and must match exactly once; when it no longer does (the copy changed), the document's
// sync fails with a sentence saying which correction and why. `charter sources --json` and `/sources`
// show a document's corrections as corrections of its source copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths.js';
import type { ReadDocument } from './types.js';

const Correction = z.strictObject({
  docId: z.string().min(1),
  /**
   * The damaged text exactly as the reader gives it: within one line, or over consecutive lines joined by
   * "\n" (a blank line is an empty one), for words a copy scattered over lines (a justified PDF line
   * extracted one word per line). The replacement takes the place of those lines, on the first one's page.
   */
  find: z.string().min(3),
  replace: z.string(),
  /** Why, and where the right reading comes from (the official print, an alternate copy). */
  reason: z.string().min(20),
});
export type Correction = z.infer<typeof Correction>;

export const CORRECTIONS_PATH = join(PROJECT_ROOT, 'corpus', 'corrections.json');

let cached: Correction[] | undefined;

/** The committed corrections list (validated). */
export function loadCorrections(path = CORRECTIONS_PATH): Correction[] {
  if (path === CORRECTIONS_PATH && cached) return cached;
  const list = z.array(Correction).parse(JSON.parse(readFileSync(path, 'utf8')));
  if (path === CORRECTIONS_PATH) cached = list;
  return list;
}

export function correctionsFor(docId: string, list = loadCorrections()): Correction[] {
  return list.filter((c) => c.docId === docId);
}

export class CorrectionError extends Error {}

function occurrences(text: string, find: string): number {
  let n = 0;
  for (let i = text.indexOf(find); i >= 0; i = text.indexOf(find, i + find.length)) n++;
  return n;
}

/** Applies a document's corrections to its read lines; throws CorrectionError unless each matches once. */
export function applyCorrections(read: ReadDocument, corrections: readonly Correction[]): ReadDocument {
  if (corrections.length === 0) return read;
  let lines = read.lines.map((line) => ({ ...line }));
  for (const c of corrections) {
    const multi = c.find.includes('\n');
    const joined = multi ? lines.map((l) => l.text).join('\n') : '';
    const found = multi
      ? occurrences(joined, c.find)
      : lines.reduce((n, line) => n + occurrences(line.text, c.find), 0);
    if (found !== 1) {
      throw new CorrectionError(
        `the correction of “${c.find}” to “${c.replace}” in corpus/corrections.json matches ${found} times instead of once: the copy changed, so check the correction and update or remove it`,
      );
    }
    if (!multi) {
      const line = lines.find((l) => l.text.includes(c.find))!;
      line.text = line.text.replace(c.find, () => c.replace);
      continue;
    }
    // The lines the match touches, from the one it starts in to the one it ends in.
    const at = joined.indexOf(c.find);
    const first = joined.slice(0, at).split('\n').length - 1;
    const last = first + c.find.split('\n').length - 1;
    const span = lines.slice(first, last + 1);
    const text = span
      .map((l) => l.text)
      .join('\n')
      .replace(c.find, () => c.replace);
    const replaced = text.split('\n').map((t) => ({ ...span[0]!, text: t }));
    lines = [...lines.slice(0, first), ...replaced, ...lines.slice(last + 1)];
  }
  return { ...read, lines };
}
