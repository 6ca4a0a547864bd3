// A quote never reads as complete when it is not: whatever block of passages a front end is given (the
// terminal's renderQuote, Discord's quotePassages), every place where words of the document stand between
// two pieces shown is marked "[…]", and no mark stands between neighbours. Trial finding 2: § 6-1-1706(3)
// showed (a)(I) then (b) with nothing between them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OMISSION, omittedBetween } from '../../src/answer/places.js';
import { renderQuote } from '../../src/cli/terminal.js';
import type { Passage } from '../../src/corpus/types.js';
import { quotePassages } from '../../src/reply/format.js';
import { catalog } from '../fixtures/discord/services.js';

const doc = catalog.find((d) => d.id === 'eu-ai-act-2024')!;

/** Each passage's text opens with its own token (`P7x`), so its place in a rendering can be found. */
const token = (seq: number) => `P${seq}x`;
const TOKENS = /P(\d+)x|\[…\]/g;

const WORDS = ['shall', 'provider', 'the', 'risk', 'system', 'of', 'and', 'data', 'deployer', 'notify'];
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }).map((w) => w.join(' '));
const text = fc.array(words, { minLength: 1, maxLength: 3 }).map((paragraphs) => paragraphs.join('.\n\n'));

/** A document of 2–14 passages in order, and a block of them in document order (one to all, any gaps). */
const blocks = fc
  .array(text, { minLength: 2, maxLength: 14 })
  .chain((texts) =>
    fc
      .subarray(
        texts.map((_, seq) => seq),
        { minLength: 1 },
      )
      .map((picked) => ({ texts, picked })),
  )
  .map(({ texts, picked }) => {
    const all: Passage[] = texts.map((body, seq) => ({
      id: `eu-ai-act-2024#art:5/${seq}`,
      docId: 'eu-ai-act-2024',
      locator: `Art. 5(${seq})`,
      path: ['art:5', String(seq)],
      headingPath: ['Article 5'],
      text: `${token(seq)} ${body}`,
      seq,
    }));
    return picked.map((seq) => all[seq]!);
  });

/** The order of pieces and marks in a rendering: seq numbers, and -1 for a mark. */
const sequence = (rendered: string) => [...rendered.matchAll(TOKENS)].map((m) => (m[1] ? Number(m[1]) : -1));

/** What a rendering of `shown` must read as: each piece, after a mark when words stand before it. */
const expected = (shown: readonly Passage[]) =>
  shown.flatMap((p, i) => [...(i > 0 && omittedBetween(shown[i - 1]!, p) ? [-1] : []), p.seq]);

const plain = { bold: (s: string) => s, dim: (s: string) => s, mark: (s: string) => s, width: 80 };

describe('quoting a block of passages', () => {
  it('marks every gap between pieces in the terminal, and only the gaps', () => {
    fc.assert(
      fc.property(blocks, fc.subarray(WORDS), (block, terms) => {
        const out = renderQuote(doc, block, terms, plain);
        expect(sequence(out)).toEqual(expected(block));
      }),
    );
  });

  it('marks every gap between pieces on Discord, whole or cut to any budget', () => {
    fc.assert(
      fc.property(blocks, fc.subarray(WORDS), fc.integer({ min: 60, max: 6000 }), (block, terms, max) => {
        const quoted = quotePassages(block, terms, max);
        expect(quoted.markdown.length).toBeLessThanOrEqual(max);
        // The pieces shown, in order, with a mark wherever words of the document were left out between them.
        expect(sequence(quoted.markdown)).toEqual(expected(quoted.shown));
        expect(quoted.shown).toEqual(block.slice(0, quoted.shown.length));
        // Cut short, the quote ends with "…" (a piece cut in its words, or no room for the next piece).
        const body = quoted.markdown.replace(/\n\n-# followed by .*$/, '');
        if (quoted.shown.length < block.length) expect(body).toMatch(/…$/);
        expect(quoted.cut).toBe(quoted.shown.length < block.length || /…$/.test(body));
      }),
    );
  });

  // A counterexample fast-check found: at 60 characters the bold marks pushed the shrinking budget under the room
  // for a passage, and the quote came out empty ("> ") while saying it showed the passage.
  it('begins the first passage whatever the budget', () => {
    const passage: Passage = {
      id: 'eu-ai-act-2024#art:5/0',
      docId: 'eu-ai-act-2024',
      locator: 'Art. 5(0)',
      path: ['art:5', '0'],
      headingPath: ['Article 5'],
      text: 'P0x data provider notify.\n\nsystem and shall',
      seq: 0,
    };
    const quoted = quotePassages([passage], ['and', 'data', 'notify'], 60);
    expect(quoted.markdown).toContain('P0x');
    expect(quoted.markdown.length).toBeLessThanOrEqual(60);
    expect(quoted.markdown).toMatch(/…$/);
  });

  it('says a gap with the same mark as a lead-in, as a paragraph of its own', () => {
    const [a, , c] = [0, 1, 2].map((seq) => ({
      id: `x#${seq}`,
      docId: 'x',
      locator: `(${seq})`,
      path: [String(seq)],
      headingPath: [],
      text: `(${seq}) words`,
      seq,
    }));
    expect(quotePassages([a!, c!], [], 1000).markdown).toBe(
      `> (0) words\n> \n> ${OMISSION}\n> \n> (2) words`,
    );
    expect(renderQuote(doc, [a!, c!], [], plain)).toContain(
      `  │ (0) words\n  │\n  │ ${OMISSION}\n  │\n  │ (2) words\n`,
    );
  });

  // Trial 6, H1: AI Act Recital 27 is one paragraph stored as three pieces; quoted whole it printed three.
  it('joins the pieces of one long paragraph with a space, never a paragraph break', () => {
    const piece = (seq: number, text: string, midParagraph?: boolean): Passage => ({
      id: `eu-ai-act-2024#recital:27${seq > 0 ? `~${seq + 1}` : ''}`,
      docId: 'eu-ai-act-2024',
      locator: 'Recital 27',
      path: ['recital:27'],
      headingPath: [],
      text,
      seq,
      ...(seq > 0 ? { continued: true } : {}),
      ...(midParagraph ? { midParagraph } : {}),
    });
    const block = [
      piece(0, '(27) While the approach is the basis.'),
      piece(1, 'According to the guidelines, this holds.', true),
      piece(2, 'A new paragraph of the unit.'),
    ];
    expect(quotePassages(block, [], 1000).markdown).toBe(
      '> (27) While the approach is the basis. According to the guidelines, this holds.\n> \n> A new paragraph of the unit.',
    );
    expect(renderQuote(doc, block, [], { ...plain, width: 200 })).toContain(
      '  │ (27) While the approach is the basis. According to the guidelines, this holds.\n  │\n  │ A new paragraph of the unit.\n',
    );
  });

  // Trial 6, H2: Recital 179's second piece, shown as a result, read as if it were the whole recital.
  it('marks a later piece of a unit shown first with the lead-in mark', () => {
    const later: Passage = {
      id: 'eu-ai-act-2024#recital:179~2',
      docId: 'eu-ai-act-2024',
      locator: 'Recital 179',
      path: ['recital:179'],
      headingPath: [],
      text: 'The AI Office should ensure that classification rules are applied.',
      seq: 5,
      continued: true,
    };
    expect(quotePassages([later], [], 1000).markdown).toBe(
      `> ${OMISSION}\n> The AI Office should ensure that classification rules are applied.`,
    );
    expect(renderQuote(doc, [later], [], plain)).toContain(`  │ ${OMISSION}\n  │ The AI Office`);
    const { continued: _, ...whole } = later;
    expect(quotePassages([whole], [], 1000).markdown).not.toContain(OMISSION);
  });
});
