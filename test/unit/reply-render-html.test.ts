import type { APIInteractionResponse } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripControls } from '../../src/corpus/text.js';
import { escapeMarkdown } from '../../src/reply/escape.js';
import {
  escapeHtml,
  messageOf,
  renderInline,
  renderMarkdown,
  renderReplyHtml,
} from '../../tools/render-html.js';

/** The names of the tags opened in some HTML. */
const tagsIn = (html: string) => [...html.matchAll(/<([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase());
const ALLOWED_TAGS = new Set([
  'a',
  'br',
  'code',
  'div',
  'em',
  'h1',
  'h2',
  'h3',
  'li',
  'pre',
  's',
  'span',
  'strong',
  'u',
  'ul',
]);

describe('renderInline', () => {
  it('renders bold, italics, underline, strike and inline code', () => {
    expect(renderInline('a **bold** and *it* and __u__ and ~~s~~ and `x*y*`')).toBe(
      'a <strong>bold</strong> and <em>it</em> and <u>u</u> and <s>s</s> and <code>x*y*</code>',
    );
  });

  it('shows escaped marks literally and drops the backslash', () => {
    expect(renderInline('1\\. shall be prohibited\\: \\*not italic\\*')).toBe(
      '1. shall be prohibited: *not italic*',
    );
  });

  it('leaves snake_case and unmatched marks as typed', () => {
    expect(renderInline('snake_case_name and a lone * star')).toBe('snake_case_name and a lone * star');
  });

  it('renders italics inside bold and bold inside italics', () => {
    expect(renderInline('**a *b* c**')).toBe('<strong>a <em>b</em> c</strong>');
    expect(renderInline('*a **b** c*')).toBe('<em>a <strong>b</strong> c</em>');
  });

  it('links masked links, autolinks and bare URLs, but only http(s)', () => {
    expect(renderInline('[**AI Act**](https://eur-lex.europa.eu/x%29)')).toBe(
      '<a href="https://eur-lex.europa.eu/x%29"><strong>AI Act</strong></a>',
    );
    expect(renderInline('see <https://example.org/a?b=1&c=2>.')).toBe(
      'see <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.',
    );
    expect(renderInline('at https://example.org/x.')).toBe(
      'at <a href="https://example.org/x">https://example.org/x</a>.',
    );
    expect(renderInline('[click](javascript:alert(1))')).not.toContain('href');
  });

  it('shows mentions by the names it is given', () => {
    expect(renderInline('<@123> hi', { '123': 'bob' })).toBe('<span class="mention">@bob</span> hi');
    expect(renderInline('<@&9> <#8>')).toBe(
      '<span class="mention">@unknown-role</span> <span class="mention">#unknown-channel</span>',
    );
  });
});

describe('renderMarkdown', () => {
  it('renders a quote block as one block, blank quoted lines included', () => {
    expect(renderMarkdown('status\n\n> first\n> \n> second\nafter')).toBe(
      'status<br><br><div class="quote">first<br><br>second<br></div>after<br>',
    );
  });

  it('renders code blocks verbatim, headings and lists', () => {
    expect(renderMarkdown('```\nA **b** <c>\n```')).toBe('<pre><code>A **b** &lt;c&gt;</code></pre>');
    expect(renderMarkdown('## Head\n- one\n- *two*')).toBe(
      '<h2>Head</h2><ul><li>one</li><li><em>two</em></li></ul>',
    );
  });

  it('does not treat escaped line starts as blocks', () => {
    expect(renderMarkdown('\\> not a quote\n\\# not a heading\n\\- not a list')).toBe(
      '&gt; not a quote<br># not a heading<br>- not a list<br>',
    );
  });
});

describe('escaping', () => {
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&amp;';

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('never lets text from any part of the payload open a tag', () => {
    const html = renderReplyHtml(
      {
        content: hostile,
        embeds: [
          {
            title: hostile,
            url: 'javascript:alert(3)',
            description: `> ${hostile}\n**${hostile}** \`${hostile}\``,
            author: { name: hostile },
            fields: [{ name: hostile, value: hostile, inline: true }],
            footer: { text: hostile },
            color: 0x3b82f6,
          },
        ],
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 2, label: hostile, custom_id: 'a' },
              { type: 3, custom_id: 'b', placeholder: hostile, options: [{ label: hostile, value: 'v' }] },
            ],
          },
        ],
      },
      { botName: hostile, time: hostile, invokedBy: { username: hostile, command: hostile }, title: hostile },
    );
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(html).not.toMatch(/<[a-z]+[^>]* on\w+=/i);
    const body = html.slice(html.indexOf('<body>'));
    const icons = new Set(['body', 'svg', 'path']);
    expect(tagsIn(body).filter((tag) => !ALLOWED_TAGS.has(tag) && !icons.has(tag))).toEqual([]);
  });

  it('renders any escaped text back to exactly itself, with no tag of its own (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
        // Escaping also drops what the one sanitiser drops (controls, bidi, tags): compare against text without them.
        const text = stripControls(raw).replace(
          /[\n\r\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g,
          '',
        );
        const rendered = renderInline(escapeMarkdown(text).replace(/@\u200b(everyone|here)/gi, '@$1'));
        expect(rendered).toBe(escapeHtml(text));
        expect(tagsIn(rendered).filter((tag) => tag !== 'a')).toEqual([]);
      }),
    );
  });

  it('never emits a tag outside its own set for arbitrary markdown (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const html = renderMarkdown(text);
        for (const tag of tagsIn(html)) expect(ALLOWED_TAGS.has(tag)).toBe(true);
        expect(html).not.toMatch(/<a href="(?!https?:)/);
      }),
    );
  });
});

describe('renderReplyHtml', () => {
  const reply: APIInteractionResponse = {
    type: 4,
    data: {
      content: '<@42> Passages for “social scoring”',
      embeds: [
        {
          title: 'Fixture Act · Art. 5(1)(c)',
          url: 'https://example.org/act',
          author: { name: 'Chapter II › Article 5' },
          description: 'Parliament · 2024-06-13 · in force\n\n> (c) a fixture of **social scoring**\\;',
          footer: { text: 'Q: social scoring' },
          color: 0xdc2626,
        },
      ],
      components: [
        {
          type: 1,
          components: [
            {
              type: 3,
              custom_id: 'c1|narrow',
              placeholder: 'Narrow…',
              options: [
                { label: 'All documents', value: '*', default: true },
                { label: 'Fixture Act', value: 'f' },
              ],
            },
          ],
        },
        {
          type: 1,
          components: [
            { type: 2, style: 2, label: 'Cite', custom_id: 'c1|cite' },
            { type: 2, style: 1, label: 'More results', custom_id: 'c1|more' },
            { type: 2, style: 5, label: 'Source', url: 'https://example.org/act' },
          ],
        },
      ],
      flags: 64,
    },
  };

  it('lays out content, embed (colour bar, linked title, author, quote, footer) and components', () => {
    const html = renderReplyHtml(reply, {
      userNames: { '42': 'bob' },
      invokedBy: { username: 'alice', command: 'ask' },
    });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<span class="mention">@bob</span> Passages for “social scoring”');
    expect(html).toContain('style="border-left-color:#dc2626"');
    expect(html).toContain(
      '<div class="embed-title"><a href="https://example.org/act">Fixture Act · Art. 5(1)(c)</a></div>',
    );
    expect(html).toContain('<div class="embed-author">Chapter II › Article 5</div>');
    expect(html).toContain('<div class="quote">(c) a fixture of <strong>social scoring</strong>;<br></div>');
    expect(html).toContain('<div class="embed-footer">Q: social scoring</div>');
    expect(html).toContain('<span class="select-value">All documents</span>');
    expect(html).toContain('<div class="button secondary"><span>Cite</span></div>');
    expect(html).toContain('<div class="button primary"><span>More results</span></div>');
    expect(html).toMatch(/<div class="button secondary"><span>Source<\/span><svg/);
    expect(html).toContain('alice</span> used <span class="command">/ask</span>');
    expect(html).toContain('Only you can see this');
    expect(html).not.toContain('c1|'); // custom ids are plumbing, not shown
  });

  it('shows the placeholder when no option is chosen', () => {
    const html = renderReplyHtml({
      components: [
        { type: 1, components: [{ type: 3, custom_id: 'x', placeholder: 'Pick one', options: [] }] },
      ],
    });
    expect(html).toContain('<span class="select-placeholder">Pick one</span>');
  });

  it('refuses a response that carries no message', () => {
    expect(() => messageOf({ type: 1 })).toThrow(/no message/);
    expect(() => renderReplyHtml({ type: 5 })).toThrow(/no message/);
  });
});
