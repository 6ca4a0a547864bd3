// Issue 20, METI guidelines, on fixtures written for the purpose in the shape of a layout text extraction:
// a table whose columns sit side by side is left out (its caption stays); a cross-reference wrapped inside
// its quotation marks ("“5)" / "Ensuring security”") stays in one paragraph; a numbered list under its own
// section heading in Parts 3–5 gives each item its own locator.
import { describe, expect, it } from 'vitest';
import { dropLayoutTables, TABLE_ROWS } from '../../src/corpus/read/layout-table.js';
import { parseText } from '../../src/corpus/read/text.js';
import { splitDocument } from '../../src/corpus/split/index.js';
import type { TextLine } from '../../src/corpus/types.js';
import { fixtureDoc } from '../fixtures/text/check.js';

const lines = (text: string): TextLine[] => text.split('\n').map((t) => ({ text: t }));
const texts = (l: TextLine[]) => l.map((x) => x.text);

const TABLE = `Table 7. Fixture duties of each kind of fixture actor

                 Fixture           Spanning header over the
              principles   Part A. Maker Part B. Seller    Part C. User
1)        (1) Keep records      i. Log inputs        i. Keep logs        i. Read logs
Records       of the system    ii. Log outputs       ii. Share logs
2)        (1) Report faults     i. Report to B       i. Report to C      -
Faults        promptly              promptly              promptly
3)        (1) Train staff       -                    -                   i. Train users
Skills        regularly
`;

const DIAGRAM = `Fixture diagram

Plan       Build      Check
    Improve       Act       Learn
`;

describe('layout tables in a text extraction', () => {
  it('leaves out a block with enough lines of three or more columns, keeping its caption', () => {
    const out = texts(dropLayoutTables(lines(TABLE)));
    expect(out[0]).toBe('Table 7. Fixture duties of each kind of fixture actor');
    expect(out.join('\n')).not.toMatch(/Log inputs|Keep records|Part A\. Maker/);
    expect(TABLE_ROWS).toBeGreaterThan(2);
  });

  it('keeps a diagram of a line or two of columns, and prose', () => {
    expect(texts(dropLayoutTables(lines(DIAGRAM)))).toEqual(texts(lines(DIAGRAM)));
    const prose = 'A paragraph of prose.\nIt wraps   once   with wide spaces.\n';
    expect(texts(dropLayoutTables(lines(prose)))).toEqual(texts(lines(prose)));
  });

  it('the text reader gives the splitter no interleaved cell', () => {
    const read = parseText(`Intro paragraph.\n\n${TABLE}\nAfter the table.\n`);
    const all = read.lines.map((l) => l.text).join('\n');
    expect(all).toContain('Table 7. Fixture duties');
    expect(all).toContain('After the table.');
    expect(all).not.toContain('Log inputs');
  });
});

const JP = `Part 1 Definitions
  Fixture definitions.

Part 2 Fixture principles
  Fixture principles text.

Part 3 Matters Related to Fixture Developers
⚫     When developing fixtures

       ➢    D-2) i. Proper fixture training
            • Properly collect fixture data in compliance with the rules (“2) Safety,” “5)
                 Ensuring security”).
            • Keep records of the fixture data across its lifecycle (“6)

             Transparency”).

Additional matters described in “Fixture Code of Conduct for Organizations Developing
Fixture Systems”
  In addition to the matters above, fixture developers should comply with the “Fixture Code.”

I.   Take appropriate fixture measures throughout the development of fixture systems,
     including before their deployment.
     ➢ Document fixture measures and update them regularly.
II. Identify and mitigate fixture vulnerabilities after deployment.
     ➢ Encourage disclosure of fixture vulnerabilities.
III. Publicly report fixture capabilities and limitations.
     ➢ Keep the fixture documents up to date.

      A fixture reporting framework was agreed upon and has been operated since
     February 2025.

Part 4 Matters Related to Fixture Providers
  Fixture providers text.
`;

describe('METI-style guidelines (jp-guidelines splitter)', () => {
  const passages = splitDocument(fixtureDoc('jp-guidelines'), parseText(JP));
  const at = (locator: string) => {
    const hit = passages.find((p) => p.locator === locator);
    if (!hit) throw new Error(`no ${locator} in ${passages.map((p) => p.locator).join(' | ')}`);
    return hit;
  };

  it('a cross-reference wrapped inside its quotation marks stays in its paragraph', () => {
    expect(at('Part 3 D-2) i.').text.split('\n\n')).toEqual([
      '➢ D-2) i. Proper fixture training',
      '• Properly collect fixture data in compliance with the rules (“2) Safety,” “5) Ensuring security”).',
      '• Keep records of the fixture data across its lifecycle (“6) Transparency”).',
    ]);
  });

  it('a section heading of Part 3 opens its own unit, and each numbered item its own locator', () => {
    const heading =
      'Additional matters described in “Fixture Code of Conduct for Organizations Developing Fixture Systems”';
    const section = at(`Part 3, ${heading}`);
    expect(section.text).toMatch(/^In addition to the matters above/);
    expect(at('Part 3 D-2) i.').text).not.toContain('In addition to the matters above');
    expect(at('Part 3 I.').text).toMatch(
      /^I\. Take appropriate fixture measures .* before their deployment\.\n\n➢ Document/,
    );
    expect(at('Part 3 II.').text).toMatch(/^II\. Identify/);
    expect(at('Part 3 III.').text).toMatch(/^III\. Publicly report/);
    expect(at('Part 3 III.').headingPath.at(-1)).toBe(heading);
    // The paragraph after the list is the section's again, not item III's.
    expect(at('Part 3 III.').text).not.toContain('reporting framework');
    const after = passages.filter((p) => p.locator === `Part 3, ${heading}`).at(-1)!;
    expect(after.text).toBe(
      'A fixture reporting framework was agreed upon and has been operated since February 2025.',
    );
    expect(at('Part 4').text).toBe('Fixture providers text.');
  });
});
