// The passages `lint` and `passages` read: the same corpus `ask` answers from. Loading goes through
// loadCorpus, so passages made by an older reader or splitter are re-split from their verified copies
// (offline) and documents never synced are synced first, instead of being reported as "not synced".
import type { CatalogDocument } from '../corpus/catalog.js';
import { loadCorpus } from '../corpus/load.js';
import { stripControls } from '../corpus/text.js';
import type { Passage } from '../corpus/types.js';
import { syncReporter } from './progress.js';

export interface CurrentCorpus {
  docs: CatalogDocument[];
  passages: Passage[];
}

/** The current corpus, or undefined (with one sentence per unreadable document on stderr). */
export async function currentCorpus(): Promise<CurrentCorpus | undefined> {
  const corpus = await loadCorpus({ onProgress: syncReporter() });
  if (corpus.missing.length === 0) return { docs: corpus.docs, passages: corpus.passages };
  for (const { id, cause } of corpus.missing) console.error(stripControls(`Cannot read ${id}: ${cause}.`));
  console.error('Run "charter sync" (with --mirror DIR when offline) to fetch them.');
  return undefined;
}
