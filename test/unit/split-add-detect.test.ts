// `charter add` detects a file's citation style from its own numbering: markdown headings that label
// articles ("## Article 2 Definitions") or sections ("## Section 3") are that numbering, not a report's.
import { describe, expect, it } from 'vitest';
import { detectStyle } from '../../src/corpus/add.js';
import { parseMarkdown } from '../../src/corpus/read/markdown.js';
import { coverage, duplicateLocators, fixtureDoc } from '../fixtures/text/check.js';

function detect(source: string) {
  const read = parseMarkdown(source);
  const best = detectStyle(fixtureDoc('report'), read);
  expect(best).toBeDefined();
  const { missing } = coverage(read, best!.passages);
  expect(missing).toEqual([]);
  expect(duplicateLocators(best!.passages)).toEqual([]);
  return best!;
}

const POLICY = `# Acme AI Use Policy

## Article 1 Scope

This policy applies to every AI system Acme builds or buys.

## Article 2 Definitions

1. "AI system" means a machine-based system.

2. "Provider" means Acme or a supplier.

## Article 3 Human oversight

Staff shall review each automated decision before it is sent.
`;

const SECTIONS = `# Acme Guidelines

## Section 1

Teams keep a register of their models.

## Section 2

Each model has a named owner.

## Section 3

Owners review their models every year.
`;

describe('charter add: style from markdown headings', () => {
  it('splits "## Article N Title" headings into articles, cited Art. N', () => {
    const best = detect(POLICY);
    expect(best.style).toBe('articles');
    const byLocator = new Map(best.passages.map((p) => [p.locator, p]));
    expect([...byLocator.keys()]).toEqual(
      expect.arrayContaining(['Art. 1', 'Art. 2(1)', 'Art. 2(2)', 'Art. 3']),
    );
    expect(byLocator.get('Art. 3')!.text).toBe(
      'Staff shall review each automated decision before it is sent.',
    );
    expect(byLocator.get('Art. 2(2)')!.headingPath).toEqual(['Article 2 Definitions']);
    expect(best.passages.some((p) => /para\./.test(p.locator))).toBe(false);
  });

  it('believes two labelled articles', () => {
    const best = detect(POLICY.slice(0, POLICY.indexOf('## Article 3')));
    expect(best.style).toBe('articles');
    expect(best.passages.map((p) => p.locator)).toContain('Art. 2(1)');
  });

  it('splits "## Section N" headings into sections, cited Sec. N', () => {
    const best = detect(SECTIONS);
    expect(best.style).toBe('sections');
    const sec2 = best.passages.find((p) => p.locator === 'Sec. 2');
    expect(sec2?.text).toBe('Each model has a named owner.');
    expect(sec2?.headingPath).toEqual(['Section 2']);
  });

  it('does not take "Article 5 of the Act" in running text for a heading', () => {
    const best = detect(
      '# Notes\n\nArticle 5 of the Act applies.\n\nArticle 6 sets the fines.\n\nArticle 7 Of note too.\n',
    );
    expect(best.style).toBe('report');
  });
});
