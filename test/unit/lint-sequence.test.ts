// Unit gaps and foreign headings (src/corpus/lint/sequence.ts) on fixtures: the shape of EO 14110's lost
// Sec. 6, whose heading ran into its first point in the copy ("Sec. 6.  Supporting Workers.(a)"), so the
// section was read as the end of Sec. 5.3 and the sections went 5.3 → 7.1.
import { describe, expect, it } from 'vitest';
import { lintPassages } from '../../src/corpus/lint/checks.js';
import { followsWithoutGap, foreignHeadings, unitGaps } from '../../src/corpus/lint/sequence.js';
import type { Passage } from '../../src/corpus/types.js';

let seq = 0;
const passage = (path: string[], text = 'Words of the place.', docId = 'eo'): Passage => ({
  id: `${docId}#${path.join('/')}`,
  seq: seq++,
  docId,
  path,
  locator: path.join(' '),
  headingPath: [],
  text,
});
const units = (...values: string[]) => values.map((v) => passage([`sec:${v}`]));

describe('unit gaps', () => {
  it('flags a section no unit of the document has (5.3 → 7.1 without Sec. 6)', () => {
    const found = unitGaps(units('4.8', '5.1', '5.2', '5.3', '7.1', '7.2', '8'));
    expect(found).toEqual([
      { check: 'unit-gap', passageId: 'eo#sec:7.1', excerpt: 'sec:5.3 is followed by sec:7.1' },
    ]);
    expect(lintPassages(units('5.3', '7.1')).map((f) => f.check)).toContain('unit-gap');
  });

  it('passes a sequence with nothing left out, and steps back', () => {
    expect(unitGaps(units('1', '2', '3', '4.1', '4.2', '5.1', '5.3', '6', '7.1'))).toHaveLength(1);
    expect(unitGaps(units('1', '2', '3', '4.1', '4.2', '5.1', '5.2', '6', '7.1'))).toEqual([]);
    // A chapter restarting its numbering, a statute amending another act's sections.
    expect(unitGaps(units('1', '2.1', '2.2', '1.1', '1.2'))).toEqual([]);
    expect(unitGaps(units('6-1-1706', '6-1-1707', '6-1-105'))).toEqual([]);
  });

  it('does not flag a skip over units that come elsewhere in the document (an order defect, not a loss)', () => {
    expect(unitGaps(units('3.14', '3.17', '3.15', '3.16', '3.18'))).toEqual([]);
  });

  it('compares each unit type on its own and skips pages, headings and unnumbered values', () => {
    const mixed = [
      passage(['sec:1.1']),
      passage(['rec:1']),
      passage(['p:4']),
      passage(['rec:2']),
      passage(['p:9']),
      passage(['h:preamble']),
      passage(['annex:iii']),
      passage(['sec:1.2']),
    ];
    expect(unitGaps(mixed)).toEqual([]);
    expect(unitGaps([passage(['rec:1']), passage(['rec:3'])])).toHaveLength(1);
  });

  it('reads what may follow a unit', () => {
    expect(followsWithoutGap([5], [5, 1])).toBe(true);
    expect(followsWithoutGap([4, 8], [5, 1])).toBe(true);
    expect(followsWithoutGap([3, 1, 3], [3, 2, 1])).toBe(true);
    expect(followsWithoutGap([5, 3], [6])).toBe(true);
    expect(followsWithoutGap([5, 3], [7, 1])).toBe(false);
    expect(followsWithoutGap([5, 1], [5, 3])).toBe(false);
    expect(followsWithoutGap([5], [5, 2])).toBe(false);
  });
});

describe('foreign headings', () => {
  it('flags a passage that opens with another section’s heading', () => {
    const lost = passage(
      ['sec:5.3', 'd', 'iii'],
      'Sec. 6.  Supporting Workers.(a)  To advance the Government’s',
    );
    expect(foreignHeadings([lost]).map((f) => f.passageId)).toEqual(['eo#sec:5.3/d/iii']);
  });

  it('passes its own heading and a reference that opens a sentence', () => {
    expect(
      foreignHeadings([passage(['sec:6', 'a'], 'Sec. 6.  Supporting Workers.  (a)  To advance')]),
    ).toEqual([]);
    expect(
      foreignHeadings([passage(['art:94'], 'Article 18 of Regulation (EU) 2019/1020 shall apply')]),
    ).toEqual([]);
    expect(
      foreignHeadings([passage(['billsec:3'], 'Section 11546.8 is added to the Government Code')]),
    ).toEqual([]);
  });
});
