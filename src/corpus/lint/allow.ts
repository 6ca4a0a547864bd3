// The lint allow-list (corpus/lint-allow.json): findings that are the document's own text, each with the
// reason it really reads that way. An entry names the check, the passage and a piece of the excerpt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../paths.js';
import { CHECKS, type Finding } from './checks.js';

const Entry = z.strictObject({
  check: z.enum(CHECKS),
  passageId: z.string().min(1),
  /** A piece of the finding's excerpt, so one entry never excuses a different defect in the same passage. */
  excerpt: z.string().min(1),
  reason: z.string().min(10),
});
export type AllowEntry = z.infer<typeof Entry>;

export const ALLOW_LIST_PATH = join(PROJECT_ROOT, 'corpus', 'lint-allow.json');

export function loadAllowList(path = ALLOW_LIST_PATH): AllowEntry[] {
  return z.array(Entry).parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** An entry's passage id, or with a final "*" every passage id it starts (a heading over many passages). */
const samePassage = (entry: AllowEntry, id: string) =>
  entry.passageId.endsWith('*') ? id.startsWith(entry.passageId.slice(0, -1)) : entry.passageId === id;

export function isAllowed(finding: Finding, allow: readonly AllowEntry[]): boolean {
  return allow.some(
    (e) =>
      e.check === finding.check && samePassage(e, finding.passageId) && finding.excerpt.includes(e.excerpt),
  );
}
