// The HTML reader (htmlparser2) on fixtures shaped like EUR-Lex and ordinary web pages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/corpus/read/html.js';

const texts = (html: string) =>
  parseHtml(html)
    .lines.map((l) => l.text)
    .filter((t) => t !== '');

describe('html reader', () => {
  it('writes a superscript as a power: 10^25, never 1025 (EUR-Lex marks it with span.oj-super)', () => {
    expect(
      texts(
        '<p class="oj-normal">is greater than 10<span class="oj-super">25</span>.</p><p>E = mc<sup>2</sup></p>',
      ),
    ).toEqual(['is greater than 10^25.', 'E = mc^2']);
  });

  it('sets EUR-Lex footnotes apart: the call leaves the text, the body goes to footnotes', () => {
    const doc = parseHtml(
      '<body><p class="oj-normal">Having regard to the opinion of the Committee <a id="ntc1-X" href="#ntr1-X">(<span class="oj-super oj-note-tag">1</span>)</a>,</p>' +
        '<p class="oj-normal">Acting in accordance <a id="ntc2-X" href="#ntr2-X">(<span class="oj-super oj-note-tag">2</span>)</a> with the procedure.</p>' +
        '<hr class="oj-note"/><p class="oj-note"><a id="ntr1-X" href="#ntc1-X">(<span class="oj-super">1</span>)</a>  OJ C 517, 22.12.2021, p.&nbsp;56.</p></body>',
    );
    expect(doc.lines.map((l) => l.text).filter(Boolean)).toEqual([
      'Having regard to the opinion of the Committee,',
      'Acting in accordance with the procedure.',
    ]);
    expect(doc.footnotes).toEqual([{ marker: '1', text: 'OJ C 517, 22.12.2021, p. 56.' }]);
  });

  it('reads a point set as a table row as one line, and nested lists one item per line', () => {
    expect(
      texts(
        '<p>1. The following AI practices shall be prohibited:</p><table><tbody><tr><td valign="top"><p>(a)</p></td>' +
          '<td valign="top"><p>the placing on the market &hellip;;</p></td></tr></tbody></table>' +
          '<ul><li>first<ul><li>nested</li></ul></li><li>second</li></ul>',
      ),
    ).toEqual([
      '1. The following AI practices shall be prohibited:',
      '(a) the placing on the market …;',
      'first',
      'nested',
      'second',
    ]);
  });

  it('breaks lines again inside a table nested in a cell (EUR-Lex sub-points)', () => {
    expect(
      texts(
        '<table><tr><td><p>(c)</p></td><td><p>social scoring leading to either or both of the following:</p>' +
          '<table><tr><td><p>(i)</p></td><td><p>detrimental treatment;</p></td></tr></table>' +
          '<table><tr><td><p>(ii)</p></td><td><p>unjustified treatment;</p></td></tr></table></td></tr></table>',
      ),
    ).toEqual([
      '(c) social scoring leading to either or both of the following:',
      '(i) detrimental treatment;',
      '(ii) unjustified treatment;',
    ]);
  });

  it('drops chrome and keeps <main> when there is one; decodes every entity the parser knows', () => {
    expect(
      texts(
        '<html><head><title>T</title></head><body><header>Site</header><nav><a href="/">Home</a></nav>' +
          '<main><h1>Statement</h1><p>caf&eacute; &#8212; &#x2019;s<br>next</p><script>x()</script></main><footer>© 2025</footer></body></html>',
      ),
    ).toEqual(['Statement', 'café — ’s', 'next']);
  });

  it('survives unclosed and mis-nested tags', () => {
    expect(texts('<p>one<p>two <b>bold <i>both</b> italic</i><div>three')).toEqual([
      'one',
      'two bold both italic',
      'three',
    ]);
  });

  it('never quotes text a reader of the page does not see', () => {
    expect(
      texts(
        '<p>a</p><p hidden>h1</p><div style="display: none">h2</div><span aria-hidden="true">h3</span>' +
          '<p style="font-size:0">h4</p><p style="color:red; visibility:hidden">h5</p><p style="font-size:0.9em">b</p>',
      ),
    ).toEqual(['a', 'b']);
  });

  it('keeps the last lines of a page: a line that starts with "Comments" is text, a comments heading is not', () => {
    expect(texts('<p>one</p><p>Comments received from the public are published.</p><p>last</p>')).toEqual([
      'one',
      'Comments received from the public are published.',
      'last',
    ]);
    expect(texts('<p>one</p><h2>3 Responses to “The Plan”</h2><p>spam</p>')).toEqual(['one']);
  });

  it('reads any nesting depth, mixing blocks, inline elements, cells and stray close tags', () => {
    const tags = ['div', 'span', 'section', 'b', 'td', 'table', 'sup', 'li'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tags), { minLength: 1, maxLength: 2000 }),
        fc.boolean(),
        (open, stray) => {
          const html = `${open.map((t) => `<${t}>`).join('')}words${stray ? '</em></p>' : ''}${[...open]
            .reverse()
            .map((t) => `</${t}>`)
            .join('')}<p>after</p>`;
          const lines = texts(html);
          expect(lines.join(' ')).toMatch(/words/);
          expect(lines.at(-1)).toBe('after');
        },
      ),
      { numRuns: 25 },
    );
    // Deep enough that the quadratic reader (htmlparser2's own stacks: 60,000 took 19 s) would not finish.
    const n = 200_000;
    expect(texts(`${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}${'</span>'.repeat(n)}<p>end</p>`)).toEqual([
      'deep',
      'end',
    ]);
  });
});
