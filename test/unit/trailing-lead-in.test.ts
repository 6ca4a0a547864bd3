// A lead-in that introduces the next items ("In particular, government should:") is never the tail of the
// item before it: the report and METI-style splitters open the next item's passage with it, and
// `charter lint` (trailing-lead-in) finds any passage left ending with one before a sibling.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { lintPassages } from '../../src/corpus/lint/checks.js';
import { parseText } from '../../src/corpus/read/text.js';
import { splitDocument } from '../../src/corpus/split/index.js';
import { splitReport } from '../../src/corpus/split/styles/report.js';
import type { Passage, TextLine } from '../../src/corpus/types.js';
import { fixtureDoc } from '../fixtures/text/check.js';

const uk = loadCatalog().find((d) => d.id === 'uk-ai-opportunities-action-plan-2025')!;
const line = (text: string, page: number, heading?: number): TextLine =>
  heading === undefined ? { text, page, paragraph: true } : { text, page, paragraph: true, heading };

describe('report splitter: a lead-in after a recommendation', () => {
  const lines: TextLine[] = [
    line('1. Lay the foundations', 3, 1),
    line('1.4 Enabling safe adoption', 3, 2),
    line('Regulation matters.', 3),
    line('The government should:', 3),
  ];
  for (let n = 1; n <= 10; n++) {
    lines.push(line(`${n}. Do fixture thing ${n}.`, 3 + Math.floor(n / 6)));
    if (n === 4)
      lines.push(line('• A fixture point of 4.', 3), line('Also, for 5 to 6, government should:', 4));
    if (n === 7) lines.push(line('It is also essential. In particular, government should:', 4));
  }
  const passages = splitReport(uk, { lines, footnotes: [], pageLabels: ['1', '2', '3', '4', '5'] });
  const byLocator = (locator: string) => passages.filter((p) => p.locator === locator);

  it('ends each recommendation with its own words and opens the next one with the lead-in', () => {
    expect(byLocator('Recommendation 7')[0]!.text).toBe('7. Do fixture thing 7.');
    expect(byLocator('Recommendation 8')[0]!.text).toBe(
      'It is also essential. In particular, government should:\n\n8. Do fixture thing 8.',
    );
    expect(byLocator('Recommendation 4')[0]!.text).toBe('4. Do fixture thing 4.\n\n• A fixture point of 4.');
    expect(byLocator('Recommendation 5')[0]!.text).toBe(
      'Also, for 5 to 6, government should:\n\n5. Do fixture thing 5.',
    );
    // The section's own lead-in before its first recommendation stays the section's.
    expect(byLocator('Sec. 1.4').map((p) => p.text)).toEqual([
      'Regulation matters.\n\nThe government should:',
    ]);
    // Nothing lost or repeated: the passages give back the body.
    const words = passages.map((p) => p.text).join('\n\n');
    expect(words.match(/government should:/g)).toHaveLength(3);
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
    expect(lintPassages(passages).filter((f) => f.check === 'trailing-lead-in')).toEqual([]);
  });

  it("keeps a recommendation's own lead-in (its first paragraph) and a last line that is no lead-in", () => {
    const own: TextLine[] = Array.from({ length: 10 }, (_, i) => line(`${i + 1}. Support x by:`, 3));
    own.splice(3, 0, line('• doing y.', 3), line('This closes the point.', 3));
    const out = splitReport(uk, { lines: own, footnotes: [], pageLabels: ['1', '2', '3'] });
    expect(out.find((p) => p.locator === 'Recommendation 1')!.text).toBe('1. Support x by:');
    expect(out.find((p) => p.locator === 'Recommendation 3')!.text).toBe(
      '3. Support x by:\n\n• doing y.\n\nThis closes the point.',
    );
    expect(out.some((p) => p.path[0]!.startsWith('p:') && p.text.includes('closes'))).toBe(false);
  });
});

describe('METI-style splitter: a lead-in at the margin after an actor item', () => {
  const text = `Part 1 Definitions
  Fixture definitions.

Part 2 Fixture principles
  Fixture principles text.

Part 3 Matters Related to Fixture Developers
⚫     After developing fixtures

       ➢    D-7) ii. Documentation of fixture information
            • Prepare fixture documents.
            (Note) This does not require disclosure.

The matters at which fixture developers are expected to make efforts are listed below:

       ➢    D-10) i. Contribution to fixture innovation
            • Contribute to fixture research.
`;
  const passages = splitDocument(fixtureDoc('jp-guidelines'), parseText(text));

  it('opens D-10) i. with the lead-in, not ends D-7) ii. with it', () => {
    const item = passages.find((p) => p.locator === 'Part 3 D-7) ii.')!;
    expect(item.text).toMatch(/\(Note\) This does not require disclosure\.$/);
    expect(passages.find((p) => p.locator === 'Part 3 D-10) i.')!.text).toMatch(
      /^The matters at which fixture developers are expected to make efforts are listed below:\n\n➢ D-10\) i\./,
    );
    expect(passages.filter((p) => p.text.includes('The matters at which'))).toHaveLength(1);
  });
});

describe('lint: trailing-lead-in', () => {
  let seq = 0;
  const p = (path: string[], text: string): Passage => ({
    id: `doc#${path.join('/')}~${++seq}`,
    docId: 'doc',
    locator: path.join('/'),
    path,
    headingPath: ['1.4'],
    text,
    seq,
  });
  const found = (passages: Passage[]) =>
    lintPassages(passages)
      .filter((f) => f.check === 'trailing-lead-in')
      .map((f) => f.passageId.replace(/~\d+$/, ''));

  it('flags an item whose last paragraph introduces its sibling', () => {
    const rec24 = p(['rec:24'], '24. Reform x.\n\nIt is also essential. In particular, government should:');
    expect(found([rec24, p(['rec:25'], '25. Fund y.')])).toEqual(['doc#rec:24']);
    const item = p(['part:3', 'h:stage-3', 'actor:d-7', 'ii'], 'D-7) ii. x\n\nThe matters are listed below:');
    expect(found([item, p(['part:3', 'h:stage-3', 'actor:d-10', 'i'], 'D-10) i. y')])).toEqual([
      'doc#part:3/h:stage-3/actor:d-7/ii',
    ]);
  });

  it('leaves lead-ins that are their own place: a section before its first item, an item before its points', () => {
    // The section's prose leads into the recommendations that follow it.
    expect(
      found([p(['sec:1.4'], 'Regulation.\n\nThe government should:'), p(['rec:23'], '23. Grow x.')]),
    ).toEqual([]);
    // A passage that is only the lead-in, or an item whose own sentence ends in ":".
    expect(found([p(['rec:29'], '29. Support x by:'), p(['rec:30'], '30. Consider y.')])).toEqual([]);
    // The points of the unit follow it.
    expect(
      found([
        p(['art:5', '1'], 'Intro.\n\nThe following shall be prohibited:'),
        p(['art:5', '1', 'a'], '(a) x'),
      ]),
    ).toEqual([]);
    // A lead-in that does not end the passage.
    expect(found([p(['rec:24'], '24. x.\n\nGovernment should:\n\n• y.'), p(['rec:25'], '25. z.')])).toEqual(
      [],
    );
  });
});
