import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, highlight, quoteBlock } from '../../src/reply/escape.js';
import { citeLine } from '../../src/reply/format.js';
import { clip, cutText } from '../../src/reply/truncate.js';
import { termSpans } from '../../src/search/spans.js';
import { catalog } from '../fixtures/discord/services.js';

const doc = (id: string) => catalog.find((d) => d.id === id)!;

describe('escaping', () => {
  it('neutralises markdown, mentions, masked links and invisible tricks', () => {
    expect(escapeMarkdown('*a* _b_ `c` ||d|| ~~e~~')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\|\\|d\\|\\| \\~\\~e\\~\\~',
    );
    expect(escapeMarkdown('<@123> <@&456> <#7> @everyone @here')).toBe(
      '\\<@123> \\<@&456> \\<#7> @\u200beveryone @\u200bhere',
    );
    expect(escapeMarkdown('[x](https://evil.example)')).toBe('\\[x\\](https\\://evil.example)');
    expect(escapeMarkdown('# h\n> q\n- l\n1. n\n-# s')).toBe('\\# h\n\\> q\n\\- l\n1\\. n\n\\-# s');
    expect(escapeMarkdown('@\u200beve\u202eryone')).toBe('@\u200beveryone');
    expect(escapeMarkdown('Art. 5(1)(c)')).toBe('Art. 5(1)(c)');
  });

  it('bolds whole-word terms without splitting an escape or crossing a line', () => {
    expect(highlight('a *risk* b', ['risk'])).toBe('a \\***risk**\\* b');
    expect(highlight('high risk\nrisk_x', ['risk', 'high'])).toBe('**high risk**\n**risk**\\_x');
    expect(highlight('brisk risky', ['risk'])).toBe('brisk risky');
    expect(termSpans('Risk risk', ['risk'])).toEqual([{ start: 0, end: 9 }]);
  });

  it('bold runs stay balanced and un-escaping gives back the text, for any text and terms', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string({ minLength: 2, maxLength: 6 }), { maxLength: 3 }),
        (text, terms) => {
          const out = highlight(
            text.replace(
              /[\u200b\u202a-\u202e\u2066-\u2069\u00ad\u180e\u200c-\u200f\u2060-\u2064\ufeff]/g,
              '',
            ),
            terms,
          );
          const unbolded = out.replace(/(?<!\\)\*\*/g, '');
          expect(unbolded.replace(/\\(.)/gs, '$1').replace(/@\u200b/g, '@')).toBe(
            text.replace(
              /[\u200b\u202a-\u202e\u2066-\u2069\u00ad\u180e\u200c-\u200f\u2060-\u2064\ufeff]/g,
              '',
            ),
          );
          expect((out.match(/(?<!\\)\*\*/g) ?? []).length % 2).toBe(0);
        },
      ),
    );
  });

  it('quote blocks prefix every line, blank ones too', () => {
    expect(quoteBlock('a\n\nb')).toBe('> a\n> \n> b');
  });
});

describe('cutting', () => {
  it('cuts at a sentence with "…", else at a word, never mid-word', () => {
    expect(cutText('One two. Three four. Five six.', 24)).toEqual({
      text: 'One two. Three four. …',
      cut: true,
    });
    expect(cutText('Averyveryverylongsentence without stops here', 20)).toEqual({ text: '…', cut: true });
    expect(cutText('short words only here and there', 20)).toEqual({ text: 'short words only …', cut: true });
    expect(clip('😀😀😀', 4)).toBe('😀…');
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const { text: out } = cutText(text, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 1));
        if (out !== text && out !== '…') {
          const kept = out.slice(0, -2);
          expect(text.startsWith(kept)).toBe(true);
          // Never mid-word: what follows the kept part in the original starts with a space.
          expect(/^\s/.test(text.slice(kept.length)) || kept.length === 0).toBe(true);
        }
      }),
    );
  });
});

describe('citations', () => {
  it('names the document formally when it has a designation, then its short title', () => {
    expect(citeLine(doc('eu-ai-act-2024'), 'Art. 5(1)(c)')).toBe(
      'Regulation (EU) 2024/1689 (AI Act), Art. 5(1)(c) — <http://data.europa.eu/eli/reg/2024/1689/oj>',
    );
    expect(citeLine(doc('us-eo-14110-2023'), 'Sec. 4.2(a)')).toMatch(
      /^Executive Order 14110 \(EO 14110\), Sec\. 4\.2\(a\) — <https:/,
    );
    expect(citeLine(doc('news-global-times-china-ai-governance-action-plan-2025'), 'p. 1')).toBe(
      'China issues action plan for global AI governance (Global Times: China AI governance action plan), p. 1',
    );
  });
});
