// What every reader's output goes through: no control or escape character survives, full-width punctuation
// in English reads in its normal width, and hyphens a line break left inside a line are joined.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeTerminal } from '../../src/cli/terminal.js';
import { CONTROL as LINT_CONTROL } from '../../src/corpus/lint/checks.js';
import { readDocument } from '../../src/corpus/read/index.js';
import { foldFullwidthPunctuation, normalizeRead, readableText } from '../../src/corpus/read/normalize.js';
import { stripControls } from '../../src/corpus/text.js';
import type { ReadDocument } from '../../src/corpus/types.js';
import { withoutControls } from '../../src/reply/escape.js';

const CONTROL = new RegExp(LINT_CONTROL.source, 'u');
const doc = (...texts: string[]): ReadDocument => ({ lines: texts.map((text) => ({ text })), footnotes: [] });
const textsOf = (d: ReadDocument) => d.lines.map((l) => l.text);

describe('read-time normalization', () => {
  it('strips escape sequences whole and every control character but the line feed', () => {
    expect(readableText('clear\u001b[2Jscreen')).toBe('clearscreen');
    expect(readableText('a \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 b')).toBe('a link b');
    expect(readableText('ba\bd NUL\u0000 tag\u{E0041}\u{E007F}s DEL\u007F')).toBe('bad NUL tags DEL');
    expect(readableText('line one\nline two')).toBe('line one\nline two');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(readableText(s)).not.toMatch(CONTROL);
      }),
    );
  });

  it('strips them for every format, from an operator’s file as from the catalog’s', async () => {
    const hostile =
      'Title\n\nThe \u001b[31mred\u001b[0m words\u0008 and \u001b]8;;x\u0007a link\u001b]8;;\u0007.\n';
    for (const format of ['md', 'txt', 'html'] as const) {
      const read = await readDocument(new TextEncoder().encode(hostile), format);
      for (const line of read.lines) expect(line.text).not.toMatch(CONTROL);
      expect(read.lines.map((l) => l.text).join(' ')).toContain('The red words and a link.');
    }
  });

  it('folds full-width punctuation in English lines only', () => {
    expect(foldFullwidthPunctuation('Chapter I： General Provisions')).toBe('Chapter I: General Provisions');
    expect(foldFullwidthPunctuation('4.1.1 （a） Risks')).toBe('4.1.1 (a) Risks');
    expect(foldFullwidthPunctuation('第一章　总则：为了')).toBe('第一章　总则：为了');
  });

  it('joins a hyphen a line break left inside a line, never a suspended one', () => {
    const out = normalizeRead(
      doc(
        'may affect cognition, decision- making processes,',
        'in decision-making processes under UN initiatives',
        'such as a human-in-the- loop (HITL), see https://example.org/large-language- models',
        'pre- and post-market checks; short- or long-term; a well- known name',
      ),
    );
    expect(textsOf(out)).toEqual([
      'may affect cognition, decision-making processes,',
      'in decision-making processes under UN initiatives',
      'such as a human-in-the-loop (HITL), see https://example.org/large-language-models',
      'pre- and post-market checks; short- or long-term; a well- known name',
    ]);
  });
});

describe('the one sanitiser (src/corpus/text.ts)', () => {
  it('removes escape sequences whole, controls, bidi and tag characters; keeps line feeds and tabs', () => {
    expect(stripControls('a\u001b[2Jb\u001b]8;;https://x.example\u001b\\c\u001b]8;;\u001b\\d')).toBe('abcd');
    expect(stripControls('\u202eevil\u202c \u2066x\u2069 \u200fy \u061cz')).toBe('evil x y z');
    expect(stripControls('col\tcol\nrow\r\n\u0085\u009b2Jx')).toBe('col\tcol\nrow\nx');
    expect(stripControls('flag\u{E0067}\u{E0062}\u{E007F}')).toBe('flag');
    expect(stripControls('plain words, 第七条')).toBe('plain words, 第七条');
  });

  it('leaves a payload untouched when it is clean, and cleans every string when not', () => {
    const clean = { content: 'ok', embeds: [{ title: 't', fields: [{ name: 'n', value: 'v' }] }], flags: 64 };
    expect(withoutControls(clean)).toBe(clean);
    const dirty = {
      content: 'a\u0000b',
      embeds: [{ title: 't\u001b[2J', fields: [{ name: 'n', value: 'v\b' }] }],
    };
    expect(withoutControls(dirty)).toEqual({
      content: 'ab',
      embeds: [{ title: 't', fields: [{ name: 'n', value: 'v' }] }],
    });
  });

  it('the terminal edge keeps only Charter’s own style codes, and only on a styled terminal', () => {
    const written: string[] = [];
    const tty = safeTerminal({ write: (t) => void written.push(t), isTTY: true }, {});
    tty.write('\u001b[1mAI Act\u001b[22m \u001b[2Jwiped \u001b[31mred\u001b[39m');
    expect(written.pop()).toBe('\u001b[1mAI Act\u001b[22m wiped red\u001b[39m');
    const pipe = safeTerminal({ write: (t) => void written.push(t) }, {});
    pipe.write('\u001b[1mAI Act\u001b[22m');
    expect(written.pop()).toBe('AI Act');
  });
});
