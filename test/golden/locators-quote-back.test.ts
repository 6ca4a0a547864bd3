// Every locator Charter prints can be quoted back: `quote "<document> <locator>"` with the locator exactly as an
// answer showed it ("AI Act Art. 6(3), third subparagraph", "UN GA Res. 78/265 Title", "Illinois BIPA Sec. 10,
// fifth paragraph", a heading and an ordinal paragraph, an unnumbered PDF page) gives that passage, with no note.
// A new-user trial found 530 of the 6,051 locators refused or widened to their unit with an "unread" note.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { ReferenceResolver } from '../../src/search/reference/resolver.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('every locator Charter prints, quoted back', () => {
  let passages: Passage[];
  let resolver: ReferenceResolver;
  beforeAll(async () => {
    passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    resolver = new ReferenceResolver(catalog, passages);
  }, 120_000);

  it('gives its passage, without a note, for every passage of every document (an alias for every tenth)', () => {
    const failures: string[] = [];
    for (const [n, passage] of passages.entries()) {
      const doc = catalog.find((d) => d.id === passage.docId)!;
      for (const name of n % 10 === 0
        ? [doc.shortTitle, doc.aliases[0] ?? doc.shortTitle]
        : [doc.shortTitle]) {
        const reference = `${name} ${passage.locator}`;
        const answer = resolver.resolve(reference);
        const ok = answer.ok && !answer.note && answer.passages.some((p) => p.id === passage.id);
        if (!ok) failures.push(`${reference} → ${answer.ok ? answer.locator : answer.failure.reason}`);
      }
    }
    expect(failures.slice(0, 20), `${failures.length} locators not quoted back`).toEqual([]);
  }, 120_000);

  it('still reads places the grammar knows, and still refuses what no passage is', () => {
    const sixThree = resolver.resolve('AI Act Art. 6(3)');
    expect(sixThree.ok && sixThree.passages.length).toBeGreaterThan(1);
    const third = resolver.resolve('AI Act Art. 6(3), third subparagraph');
    expect(third.ok && third.locator).toBe('Art. 6(3), third subparagraph');
    expect(third.ok && third.passages.length).toBeLessThan(sixThree.ok ? sixThree.passages.length : 0);
    expect(resolver.resolve('UN GA Res. 78/265 Title').ok).toBe(true);
    expect(resolver.resolve('AI Act Art. 6(3), ninth subparagraph').ok && 'note').toBeTruthy();
    expect(resolver.resolve('AI Act Recital 500').ok).toBe(false);
  });
});
