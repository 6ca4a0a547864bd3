// Facts the catalog states about what Charter links to and a document's status (issue 20).
import { describe, expect, it } from 'vitest';
import { sourceUrl } from '../../src/answer/places.js';
import { loadCatalog } from '../../src/corpus/catalog.js';

const doc = (id: string) => loadCatalog().find((d) => d.id === id)!;

describe('catalog facts', () => {
  it('METI Ver1.1: the link is another version’s PDF, so it carries no page anchor and says so', () => {
    const meti = doc('jp-ai-guidelines-for-business-2025');
    expect(meti.linkPages).toBe(false);
    expect(meti.statusNote).toMatch(/Ver1\.0's translation/);
    const url = sourceUrl(meti, { page: 12 } as never);
    expect(url).toBe(meti.officialUrl);
    expect(sourceUrl(doc('us-co-ai-act-2024'), { page: 3 } as never)).toMatch(/#page=3$/);
  });

  it('Colorado: the status line says the dates moved to 30 June 2026, with its source', () => {
    const co = doc('us-co-ai-act-2024');
    expect(co.statusNote).toMatch(/SB 25B-004.*30 Jun 2026.*leg\.colorado\.gov\/bills\/sb25b-004/);
    expect(co.statusNote!.length).toBeLessThanOrEqual(200);
  });
});
