// The one line that opens an answer when Charter lacks what the question names, or when nothing it holds
// matches well. Plain text (the names are the asker's own words): the caller escapes it for its medium.

import { type NoteMedium, PLAIN_NOTE, unheldClause } from '../answer/unheld.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import type { MissingName } from '../search/types.js';

/** "a, b or c" */
function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * The opening line for what is missing ("Charter doesn't have Korea's AI Basic Act; nearest passages in what
 * it has:"), or undefined when nothing is. `clean` is applied to the asker's words and catalog facts.
 */
export function missingLine(
  missing: readonly MissingName[],
  catalog: readonly CatalogDocument[],
  clean: (text: string) => string = (text) => text,
  medium: NoteMedium = PLAIN_NOTE,
): string | undefined {
  if (missing.length === 0) return undefined;
  const parts: string[] = [];
  // Instruments of the known list: named properly, with where to read them (src/answer/unheld.ts).
  const known = unheldClause(
    missing.filter((m) => m.kind !== 'report' && m.known).map((m) => m.known!),
    medium,
  );
  if (known) parts.push(known);
  const names = (kind: MissingName['kind']) =>
    missing.filter((m) => m.kind === kind && !m.known).map((m) => clean(m.name));
  const named = [...names('instrument'), ...names('body')];
  if (named.length > 0) parts.push(`Charter doesn't have ${listed(named)}`);
  const places = names('place');
  if (places.length > 0)
    parts.push(`${parts.length > 0 ? 'nor any document' : 'Charter has no document'} from ${listed(places)}`);
  for (const report of missing.filter((m) => m.kind === 'report')) {
    const doc = catalog.find((d) => d.id === report.reportId);
    const outlet = doc ? doc.issuer.replace(/\s*\(.*\)\s*$/, '') : 'a news outlet';
    const read = report.known?.url ? ` (read it at ${medium.link(report.known.url)})` : '';
    parts.push(
      `${parts.length > 0 ? 'it' : 'Charter'} has only a news report about ${report.known?.the ? 'the ' : ''}${clean(report.name)} (${clean(outlet)}), not the document itself${read}`,
    );
  }
  const only = missing.every((m) => m.kind === 'report');
  return `${parts.join('; ')}; ${only ? 'passages from the report:' : 'nearest passages in what it has:'}`;
}

/** Said instead of quoting passages that hold too little of the question to answer it. */
export function weakLine(query: string, clean: (text: string) => string = (text) => text): string {
  return `Nothing in the documents Charter holds matches “${clean(query)}” well.`;
}
