// Every locator Charter prints can be quoted back: `quote "<document> <locator>"` with the locator exactly as an
// answer showed it ("AI Act Art. 6(3), third subparagraph", "UN GA Res. 78/265 Title", "Illinois BIPA Sec. 10,
// fifth paragraph", a heading and an ordinal paragraph, an unnumbered PDF page) gives that passage, with no note.
// A new-user trial found 530 of the 6,051 locators refused or widened to their unit with an "unread" note.
import { beforeAll, describe, expect, it } from 'vitest';
import { examplePlace, placesOf } from '../../src/answer/places.js';
import { LinkTable } from '../../src/corpus/links.js';
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

  it('the example place /quote autocomplete suggests for each document quotes back, in its own style', () => {
    // Trial 7: every document was offered "type a place, e.g. Art. 5", also AIDA (s. 5) and the Chinese
    // measures (第五条).
    const failures: string[] = [];
    const examples = new Map<string, string>();
    for (const doc of catalog) {
      const example = examplePlace(
        doc,
        passages.filter((p) => p.docId === doc.id),
      );
      if (!example) continue;
      examples.set(doc.id, example);
      const answer = resolver.resolve(`${doc.shortTitle} ${example}`);
      if (!answer.ok || answer.note) failures.push(`${doc.shortTitle} ${example}`);
    }
    expect(failures).toEqual([]);
    expect(examples.get('eu-ai-act-2024')).toMatch(/^Art\. \d+$/);
    expect(examples.get('ca-aida-2022')).toMatch(/^s\. \d/);
    expect([...examples.values()].some((e) => /^第.+条$/.test(e))).toBe(true);
  });

  it('cites every place, a unit over several passages or a linked place, in the case its passages print', () => {
    // Colorado prints sub-points in capitals: § 6-1-1703(2)(a)(I) has passages only for (I)(A) and (I)(B), and
    // was quoted, linked and suggested as "(2)(a)(i)".
    const sameButCase = (place: string, passage: Passage) =>
      passage.locator.toLowerCase().startsWith(place.toLowerCase()) && !passage.locator.startsWith(place);
    const failures: string[] = [];
    let units = 0;
    for (const doc of catalog) {
      const own = passages.filter((p) => p.docId === doc.id);
      for (const place of placesOf(doc, own)) {
        const under = own.filter((p) => place.path.every((segment, i) => p.path[i] === segment));
        if (under.some((p) => sameButCase(place.locator, p))) failures.push(`${doc.id}: ${place.locator}`);
        if (under.some((p) => p.path.length === place.path.length) || !/\(\p{L}+\)/u.test(place.locator))
          continue;
        units++;
        const answer = resolver.resolve(`${doc.shortTitle} ${place.locator}`);
        if (!answer.ok || answer.locator !== place.locator)
          failures.push(
            `quote ${doc.shortTitle} ${place.locator} → ${answer.ok ? answer.locator : 'refused'}`,
          );
      }
    }
    const links = new LinkTable(catalog, passages);
    const byId = new Map(passages.map((p) => [p.id, p]));
    for (const p of passages)
      for (const ref of links.referencesOf(p.id)) {
        if (ref.status !== 'resolved' || !ref.id || !ref.locator) continue;
        const target = passages.filter(
          (q) => q.docId === ref.docId && (q.id === ref.id || q.id.startsWith(`${ref.id}/`)),
        );
        if (
          target.some((q) => sameButCase(ref.locator!, q)) ||
          (byId.has(ref.id) && byId.get(ref.id)!.locator !== ref.locator)
        )
          failures.push(`${p.id} cites ${ref.locator}`);
      }
    const deeper = resolver.resolve('Colorado AI Act § 6-1-1701(9)(b)(II)(I)(x)');
    expect(deeper.ok).toBe(false);
    if (!deeper.ok) expect(deeper.failure).toMatchObject({ within: '§ 6-1-1701(9)(b)(II)(I)' });
    expect(units).toBeGreaterThan(0);
    expect(failures.slice(0, 20), `${failures.length} places in the wrong case`).toEqual([]);
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
