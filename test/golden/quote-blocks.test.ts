// Trial finding 2 on the real Colorado AI Act: a block of passages never drops sub-points silently. Asked
// "who gets fined if a chatbot in colorado discriminates on loans", § 6-1-1706(3) showed (a)(I) and then (b),
// without (a)(II) and (a)(III); asked about an adverse decision, § 6-1-1703(4)(b) showed (I) "INCLUDING:" and
// then (II), without (A)–(C). The answer core now brings an item's own items even when search had already
// joined the item to the hit, and both front ends mark any gap left between pieces ("[…]").
import { beforeAll, describe, expect, it } from 'vitest';
import { ask, findPassages } from '../../src/answer/ask.js';
import { OMISSION, omittedBetween, startsWithPath } from '../../src/answer/places.js';
import type { Services } from '../../src/answer/services.js';
import { assemble } from '../../src/app.js';
import { renderQuote } from '../../src/cli/terminal.js';
import type { Passage } from '../../src/corpus/types.js';
import { quotePassages } from '../../src/reply/format.js';
import { CorpusIndex } from '../../src/search/index.js';
import { catalog, catalogDoc, describeGolden, realPassages } from '../support/corpus.js';

const CO = 'us-co-ai-act-2024';
const plain = { bold: (s: string) => s, dim: (s: string) => s, mark: (s: string) => s, width: 100_000 };
/** The quoted words of a terminal rendering, without its frame. */
const quotedWords = (rendered: string) =>
  rendered
    .split('\n')
    .filter((line) => line.startsWith('  │'))
    .map((line) => line.replace(/^ {2}│ ?/, ''))
    .join('\n');

describe.runIf(describeGolden)('blocks of passages on the Colorado AI Act', () => {
  let colorado: Passage[];
  const at = (locator: string) => {
    const found = colorado.find((p) => p.locator === locator);
    if (!found) throw new Error(`no passage ${locator}`);
    return found;
  };
  /** Answer-core services whose search gives back one hit, as search formed it in the trial. */
  const searchGiving = (hit: Passage[]): Services => ({
    catalog,
    search: () => ({ query: 'q', namedDocs: [], hits: [{ passages: hit, score: 1, terms: [] }] }),
    quote: () => ({ ok: false, reference: '', failure: { reason: 'no-document' }, suggestions: [] }),
    isReference: () => false,
    passagesOf: (docId) => (docId === CO ? colorado : []),
  });
  beforeAll(async () => {
    colorado = await realPassages(CO);
  });

  const cases: { place: string; hit: string[]; items: string[]; words: string[] }[] = [
    {
      place: '§ 6-1-1706(3)',
      hit: ['§ 6-1-1706(3)', '§ 6-1-1706(3)(a)', '§ 6-1-1706(3)(a)(I)'],
      items: ['', '(a)', '(a)(I)', '(a)(II)', '(a)(III)', '(b)', '(b)(I)', '(b)(II)', '(b)(III)'],
      words: [
        '(I) FEEDBACK THAT THE DEVELOPER, DEPLOYER, OR OTHER PERSON ENCOURAGES DEPLOYERS OR USERS TO PROVIDE TO THE DEVELOPER, DEPLOYER, OR OTHER PERSON;\n\n(II) ADVERSARIAL TESTING OR RED TEAMING, AS THOSE TERMS ARE DEFINED OR USED BY THE NATIONAL INSTITUTE OF STANDARDS AND TECHNOLOGY; OR\n\n(III) AN INTERNAL REVIEW PROCESS; AND\n\n(b) IS OTHERWISE IN COMPLIANCE WITH:',
      ],
    },
    {
      place: '§ 6-1-1703(4)(b)',
      hit: ['§ 6-1-1703(4)(b)', '§ 6-1-1703(4)(b)(I)'],
      items: ['', '(I)', '(I)(A)', '(I)(B)', '(I)(C)', '(II)', '(III)'],
      words: [
        'INCLUDING:\n\n(A) THE DEGREE TO WHICH, AND MANNER IN WHICH, THE HIGH-RISK ARTIFICIAL INTELLIGENCE SYSTEM CONTRIBUTED TO THE CONSEQUENTIAL DECISION;\n\n(B) THE TYPE OF DATA',
        'OF THIS SECTION;\n\n(II) AN OPPORTUNITY TO CORRECT',
        'POSE A RISK TO THE LIFE OR SAFETY OF SUCH CONSUMER.',
      ],
    },
  ];

  for (const { place, hit, items, words } of cases)
    it(`quotes ${place} whole, every sub-point in order, in the terminal and on Discord`, async () => {
      const found = await findPassages(searchGiving(hit.map(at)), { query: 'q', limit: 1 });
      const shown = found.hits[0]!.passages;
      expect(shown.map((p) => p.locator)).toEqual(items.map((suffix) => `${place}${suffix}`));
      // Exactly the document's passages under the place, and nothing between them is left out.
      const under = colorado.filter((p) => startsWithPath(p.path, at(place).path));
      expect(shown).toEqual(under);
      const whole = under.map((p) => p.text).join('\n\n');
      const terminal = quotedWords(renderQuote(catalogDoc(CO), shown, [], plain));
      expect(terminal).toBe(whole);
      for (const w of words) expect(terminal).toContain(w);
      const discord = quotePassages(shown, [], 100_000).markdown;
      expect(discord).not.toContain(OMISSION);
      expect(discord.replace(/^> ?/gm, '').replace(/\\(.)/g, '$1')).toBe(whole);
    });

  it('marks the gap when a block of the real document leaves sub-points out', () => {
    // The block the trial saw: (a)(I) and then (b). Whatever forms a block, the front ends say what is left out.
    const block = ['§ 6-1-1706(3)', '§ 6-1-1706(3)(a)', '§ 6-1-1706(3)(a)(I)', '§ 6-1-1706(3)(b)'].map(at);
    const terminal = quotedWords(renderQuote(catalogDoc(CO), block, [], plain));
    expect(terminal).toContain(`PERSON;\n\n${OMISSION}\n\n(b) IS OTHERWISE IN COMPLIANCE WITH:`);
    expect(quotePassages(block, [], 100_000).markdown).toContain(
      `PERSON;\n> \n> ${OMISSION}\n> \n> (b) IS OTHERWISE IN COMPLIANCE WITH`,
    );
  });

  it('answers the trial’s two questions with blocks that drop nothing unmarked', async () => {
    const passages = (await Promise.all(catalog.map((doc) => realPassages(doc.id)))).flat();
    const services = assemble(catalog, CorpusIndex.build(catalog, passages), 'test').services;
    for (const query of [
      'who gets fined if a chatbot in colorado discriminates on loans',
      'colorado: what does a deployer have to tell a consumer when AI turns them down for a job',
    ]) {
      const outcome = await ask(services, { query, limit: 5 });
      expect(outcome.kind, query).toBe('found');
      if (outcome.kind !== 'found') continue;
      for (const hit of outcome.hits) {
        const all = services.passagesOf(hit.passages[0]!.docId);
        // A lead-in shown brings every item under it, to any depth.
        for (const leadIn of hit.passages.filter((p) => p.items?.length))
          for (const item of all.filter((p) => p !== leadIn && startsWithPath(p.path, leadIn.path)))
            expect(hit.passages, `${query}: ${item.locator}`).toContain(item);
        const doc = catalogDoc(hit.passages[0]!.docId);
        const gaps = hit.passages.filter((p, i) => i > 0 && omittedBetween(hit.passages[i - 1]!, p));
        const marks = quotedWords(renderQuote(doc, hit.passages, [], plain)).split(`\n\n${OMISSION}\n\n`);
        expect(marks.length - 1, query).toBe(gaps.length);
      }
    }
  }, 120_000);
});
