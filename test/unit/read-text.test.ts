import { describe, expect, it } from 'vitest';
import { pageMarker } from '../../src/corpus/read/clean.js';
import { parseHtml } from '../../src/corpus/read/html.js';
import { readDocument } from '../../src/corpus/read/index.js';
import { markdownToText, parseMarkdown } from '../../src/corpus/read/markdown.js';
import { parseText } from '../../src/corpus/read/text.js';

const texts = (doc: { lines: { text: string }[] }) => doc.lines.map((l) => l.text);

describe('markdown reader', () => {
  it('drops YAML front matter, image placeholders, link cards and everything from "Click to rate"', () => {
    const doc = parseMarkdown(
      [
        '---',
        'id: x',
        'title: "A title"',
        '---',
        '![](data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7)',
        '',
        '# Measures on Things',
        '',
        '[](https://example.org/chart/ "Comparison Chart")',
        '',
        '![](data:image/gif;base64,R0lGOD)',
        '',
        'Comparison Chart',
        '',
        'A comparison of these rules and the draft.',
        '',
        '**Article 1:** These Measures apply to \\[mainland\\] things.',
        '',
        'Click to rate this post!',
        '',
        '\\[Total: 0 Average: 0\\]',
        '##### [China Law Translate](https://example.org/author/)',
        'Great post! — a commenter',
      ].join('\n'),
    );
    expect(texts(doc)).toEqual([
      'Measures on Things',
      '',
      'Article 1: These Measures apply to [mainland] things.',
    ]);
  });

  it('reduces links (even broken over lines) to their text and sets EUR-Lex footnote bodies apart', () => {
    const doc = parseMarkdown(
      [
        'Having regard to the opinion of the Committee (1),',
        '',
        'Done at Brussels, 13 June 2024.',
        '',
        '* * *',
        '',
        '(1) [OJ C 517, 22.12.2021, p. 56](./../../../../legal-',
        'content/EN/AUTO/?uri=OJ:C:2021:517:TOC).',
        '',
        '(2) Position of the European Parliament of 13 March 2024 (not yet published in',
        'the Official Journal).',
        '',
        '* * *',
        '',
        'ANNEX I',
      ].join('\n'),
    );
    expect(texts(doc)).toEqual([
      'Having regard to the opinion of the Committee (1),',
      '',
      'Done at Brussels, 13 June 2024.',
      '',
      'ANNEX I',
    ]);
    expect(doc.footnotes).toEqual([
      { marker: '1', text: 'OJ C 517, 22.12.2021, p. 56.' },
      {
        marker: '2',
        text: 'Position of the European Parliament of 13 March 2024 (not yet published in the Official Journal).',
      },
    ]);
  });

  it('keeps superscripts readable, drops styling spans and emphasis, keeps the words', () => {
    expect(markdownToText('power greater than 10<sup>26</sup> operations')).toBe(
      'power greater than 10^26 operations',
    );
    expect(markdownToText('<span style="text-decoration: underline">Sec. 2. Policy.</span> It is')).toBe(
      'Sec. 2. Policy. It is',
    );
    expect(markdownToText('50 U.S.C. 4501 *et seq*., as **amended**')).toBe(
      '50 U.S.C. 4501 et seq., as amended',
    );
    expect(markdownToText('a 2 * 3 product')).toBe('a 2 * 3 product');
  });

  it('reads a raw HTML block for its words only: an image in a figure is no text', () => {
    const doc = parseMarkdown(
      [
        '4.5.  Reducing the Risks Posed by Synthetic Content.',
        '',
        '<figure>',
        '<img',
        'src="https://example.gov/wp-content/uploads/image.gif"',
        'title="Anchor" class="wp-image-86686" decoding="async" />',
        '</figure>',
        '',
        '<div class="note">A note &amp; its <em>words</em></div>',
        '',
        ' To foster capabilities for identifying synthetic content:',
      ].join('\n'),
    );
    expect(doc.lines.map((l) => l.text.trim().replace(/\s+/g, ' ')).filter((t) => t !== '')).toEqual([
      '4.5. Reducing the Risks Posed by Synthetic Content.',
      'A note & its words',
      'To foster capabilities for identifying synthetic content:',
    ]);
  });

  it('drops a scraped page’s navigation row, utility links and site footer', () => {
    const doc = parseMarkdown(
      [
        '[![Campus](/images/logo.gif)](https://example.edu)',
        '',
        '[Home](https://example.edu) | [Documents](https://example.edu/docs/)',
        '',
        'Joint Statement on Widgets',
        '',
        'Paris, May 1, 2025  ',
        '[\\[pdf\\]](statement.pdf)',
        '',
        'We agree that widgets matter. See [the annex](annex.html).',
        '',
        '[\\[back to top\\]](#top)',
        '',
        '* * *',
        '',
        'Follow [@widgets](https://example.com/widgets) on Twitter | Please send comments  ',
        'This page was last updated on May 2, 2025  ',
        'All contents copyright © 2025. Example University. All rights reserved.',
      ].join('\n'),
    );
    expect(texts(doc).filter((t) => t !== '')).toEqual([
      'Joint Statement on Widgets',
      'Paris, May 1, 2025',
      'We agree that widgets matter. See the annex.',
    ]);
  });

  it("drops '=====' banners, dash underlines and END OF DOCUMENT", () => {
    const doc = parseMarkdown(
      [
        '=====',
        'TITLE',
        '=====',
        '',
        'Article 1',
        '---------',
        'Text.',
        '',
        '=====',
        'END OF DOCUMENT',
        '=====',
      ].join('\n'),
    );
    expect(texts(doc)).toEqual(['TITLE', '', 'Article 1', 'Text.']);
  });
});

describe('page markers and running headers in text extractions', () => {
  it('recognizes the page marker styles', () => {
    expect(pageMarker('-- 3 of 12 --')).toEqual({ page: 3, of: 12 });
    expect(pageMarker('-1-')).toEqual({ page: 1 });
    expect(pageMarker('- 27 -')).toEqual({ page: 27 });
    expect(pageMarker('3/16')).toEqual({ page: 3, of: 16 });
    expect(pageMarker('24/7 support')).toBeUndefined();
  });

  it('numbers pages and removes running headers, rules and the page numbers under them', () => {
    const page = (n: number, body: string[]) => [
      ...(n > 1 ? ['CETS 999 – Test Treaty, 1.I.2024', '_'.repeat(40), String(n)] : []),
      ...body,
      '',
      `-- ${n} of 4 --`,
      '',
    ];
    const doc = parseText(
      [
        ...page(1, ['Preamble text that runs', 'over lines;']),
        ...page(2, ['Article 1 – Purpose', '1 Each Party shall act.']),
        ...page(3, ['2 Each Party shall report.']),
        ...page(4, ['Done at Vilnius.']),
      ].join('\n'),
    );
    expect(doc.pageCount).toBe(4);
    expect(doc.lines.filter((l) => l.text !== '').map((l) => [l.page, l.text])).toEqual([
      [1, 'Preamble text that runs'],
      [1, 'over lines;'],
      [2, 'Article 1 – Purpose'],
      [2, '1 Each Party shall act.'],
      [3, '2 Each Party shall report.'],
      [4, 'Done at Vilnius.'],
    ]);
  });

  it('sets footnotes at a page’s foot apart, in scrambled order too, and drops their calls', () => {
    const page = (n: number, body: string[], foot: string[]) => [
      'A/1/L.1',
      '',
      ...body,
      ...foot,
      '',
      '99-12345',
      '',
      `${n}/3`,
      '',
    ];
    const doc = parseText(
      [
        ...page(
          1,
          ['1. We build on the Charter. 7 We also recall the Agenda.8', 'The text goes on'],
          ['7', '', 'Resolution 70/1.', 'See A/60/687.', '8'],
        ),
        ...page(
          2,
          ['to the next page, naming the Convention9 (SDG 9);'],
          ['9', 'United Nations, Treaty', 'Series, vol. 1.'],
        ),
        ...page(3, ['2. A page with a bare number in a table:', '9', 'and no note.'], []),
      ].join('\n'),
    );
    expect(texts(doc).filter((t) => t !== '')).toEqual([
      '1. We build on the Charter. We also recall the Agenda.',
      'The text goes on',
      'to the next page, naming the Convention (SDG 9);',
      '2. A page with a bare number in a table:',
      '9',
      'and no note.',
    ]);
    expect(doc.footnotes).toEqual([
      { marker: '7', text: 'Resolution 70/1.', page: 1 },
      { marker: '8', text: 'See A/60/687.', page: 1 },
      { marker: '9', text: 'United Nations, Treaty Series, vol. 1.', page: 2 },
    ]);
  });

  it('uses form feeds as page breaks when there are no printed markers', () => {
    const doc = parseText('First page.\n\fSecond page.\n\fThird page.');
    expect(doc.lines.map((l) => [l.page, l.text])).toEqual([
      [1, 'First page.'],
      [2, 'Second page.'],
      [3, 'Third page.'],
    ]);
  });

  it('turns no-break spaces into spaces and removes zero-width characters', () => {
    expect(texts(parseText('Sec.\u00A02.\u00A0 Policy\u200B text.'))).toEqual(['Sec. 2.  Policy text.']);
  });
});

describe('html reader and dispatch', () => {
  it('keeps the main text, one block per line, without navigation or scripts', () => {
    const doc = parseHtml(
      '<html><body><nav>Home | Docs</nav><h1>Statement</h1><p>We &amp; our partners agree<sup>1</sup>.</p><script>x()</script><footer>© 2025</footer></body></html>',
    );
    expect(texts(doc)).toEqual(['Statement', '', 'We & our partners agree^1.']);
  });

  it('dispatches by format and refuses empty documents', async () => {
    const doc = await readDocument(new TextEncoder().encode('---\na: b\n---\nHello.'), 'md');
    expect(texts(doc)).toEqual(['Hello.']);
    await expect(readDocument(new TextEncoder().encode('   \n'), 'txt')).rejects.toThrow(/no readable text/);
  });
});
