// A catalog entry for a fixture document written for the tests (never text of the real documents): the
// fault suites build small catalogs of these around bytes they serve or delete.
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import { sha256Hex } from '../../src/corpus/fingerprint.js';

export function fixtureEntry(
  id: string,
  format: 'txt' | 'pdf',
  bytes: Uint8Array,
  url: string | null,
): CatalogDocument {
  return {
    id,
    title: `Fixture ${id}`,
    shortTitle: `Fixture ${id}`,
    aliases: [],
    issuer: 'Fixture issuer',
    jurisdiction: 'ORG',
    date: '2025-01-01',
    status: 'published',
    kind: 'policy',
    officialUrl: null,
    license: 'fixture',
    source: { url, format, sha256: sha256Hex(bytes), bytes: bytes.length },
    citation: { style: 'report' },
  };
}
