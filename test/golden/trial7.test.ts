// The seventh new-user trial's findings on the real corpus (fix7a): a list point shown alone says which
// points come before it; a question naming a place its document lacks gets quote's own sentence; "which
// document?" offers the largest documents first.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { precedingItems } from '../../src/answer/places.js';
import { quote } from '../../src/answer/quote.js';
import { notFoundWording, PLAIN } from '../../src/answer/wording.js';
import { assemble, type Charter } from '../../src/app.js';
import { CorpusIndex } from '../../src/search/index.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('trial 7 findings (golden)', () => {
  let charter: Charter;
  beforeAll(async () => {
    const passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    charter = assemble(catalog, CorpusIndex.build(catalog, passages), 'test');
  }, 120_000);

  it('never shows a later point of a list as if the list started with it', async () => {
    // Was: Art. 5(1)(b) "followed by Art. 5(1)(c), … Art. 5(1)(h)", and (a) nowhere in the answer.
    for (const question of [
      'what does the AI Act prohibit?',
      'what practices does article 5 of the AI Act prohibit?',
    ]) {
      const outcome = await ask(charter.services, { query: question, limit: 8 });
      if (!('hits' in outcome)) throw new Error(`${question}: ${outcome.kind}`);
      for (const hit of outcome.hits) {
        // A point whose earlier siblings are not all shown names them, from the first ("Art. 5(1)(a)").
        const before = hit.passages[0]!.preceding ?? [];
        if (before.some((locator) => !hit.passages.some((p) => p.locator === locator)))
          expect(precedingItems(hit.passages)?.startsWith(before[0]!), hit.passages[0]!.locator).toBe(true);
      }
      expect(
        outcome.hits.some((hit) => hit.passages[0]!.locator === 'Art. 5(1)(b)'),
        question,
      ).toBe(true);
    }
    const b = charter.services.passagesOf('eu-ai-act-2024').find((p) => p.locator === 'Art. 5(1)(b)')!;
    expect(precedingItems([b])).toBe('Art. 5(1)(a)');
  });

  it("answers a question naming a place its document lacks with quote's sentence, not passages", async () => {
    for (const [question, said] of [
      ['what does article 120 of the AI Act say?', 'AI Act has Articles 1–113'],
      ['what does recital 200 of the GDPR say', 'GDPR has Recitals 1–173'],
    ] as const) {
      const outcome = await ask(charter.services, { query: question, limit: 3 });
      expect(outcome.kind, question).toBe('not-found');
      if (outcome.kind !== 'not-found') continue;
      expect(notFoundWording(outcome, PLAIN).text, question).toContain(said);
    }
    // A place that exists is still quoted.
    expect(
      (await ask(charter.services, { query: 'what does article 5 of the AI Act say?', limit: 3 })).kind,
    ).toBe('quoted');
  });

  it('offers the largest documents first when a place names no document', async () => {
    for (const reference of ['Art. 5', 'article 22']) {
      const outcome = await quote(charter.services, reference);
      if (outcome.kind !== 'ambiguous') throw new Error(`${reference}: ${outcome.kind}`);
      expect(outcome.suggestions[0], reference).toMatch(/^AI Act /);
      expect(outcome.suggestions[1], reference).toMatch(/^GDPR /);
    }
  });
});
