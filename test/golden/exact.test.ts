// Golden passages per format, compared character for character with the published text.
//  - md and html: every AI Act passage (read from the markdown copy, with its documented correction) occurs
//    exactly in what the HTML reader makes of the official EUR-Lex HTML (the `alternates` copy), once the
//    footnote calls the markdown keeps ("Council (7),") are set aside as the HTML reader sets them apart.
//  - txt, pdf, xml: a few passages typed from the published documents.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/corpus/read/html.js';
import { splitDocument } from '../../src/corpus/split/index.js';
import { catalogDoc, describeGolden, MIRROR, realPassages } from '../support/corpus.js';

const EXACT: Record<string, string> = {
  'eu-ai-act-2024#art:51/2':
    '2. A general-purpose AI model shall be presumed to have high impact capabilities pursuant to paragraph 1, point (a), when the cumulative amount of computation used for its training measured in floating point operations is greater than 10^25.',
  'us-ca-sb-53-2025#billsec:5/b': '(b) This act shall be liberally construed to effectuate its purposes.',
  'un-ga-res-78-265#para:4/c':
    '(c) Enhancing the ability of developing countries, in particular the least developed countries, to address major structural impediments and lift obstacles to accessing the benefits of new and emerging technologies and artificial intelligence innovation to achieve all 17 Sustainable Development Goals, including through scaling up the use of scientific sources, affordable technology, research and development, including through strengthened partnerships;',
  'ca-aida-2022#sec:3/1':
    '(1) This Act does not apply with respect to a government institution as defined in section 3 of the Privacy Act.',
  'un-global-digital-compact-2024#para:15':
    '15. Resilient, safe, inclusive and interoperable digital public infrastructure has the potential to deliver services at scale and increase social and economic opportunities for all. We recognize that there are multiple models of digital public infrastructure, and that each society will develop and use shared digital systems according to its specific priorities and needs. Transparent, safe and secure digital systems and user-centred safeguards can promote public trust and use of digital services.',
};

describe.runIf(describeGolden)('golden passages, character for character', () => {
  for (const [id, text] of Object.entries(EXACT)) {
    it(id, async () => {
      const passages = await realPassages(id.split('#')[0]!);
      expect(passages.find((p) => p.id === id)?.text).toBe(text);
    });
  }

  const html = join(MIRROR, 'eu-ai-act-2024.html');
  it.runIf(existsSync(html))('every AI Act passage occurs exactly in the official EUR-Lex HTML', async () => {
    const read = parseHtml(readFileSync(html, 'utf8'));
    const official = read.lines.map((l) => l.text).join('\n');
    const notes = new Map(read.footnotes.map((n) => [n.marker, n.text]));
    const passages = await realPassages('eu-ai-act-2024');
    // A footnote call follows a name or a number ("Council (7),", "2016/679 (11) and"); "point (29)",
    // "Article 4 (1)" and "(h), (2) to (6)" are cross-references, which both copies keep.
    const calls =
      /(?<!\b(?:point|points|and|or|to|paragraph|paragraphs|of|Article \d+)|,)\s\(\*?\d{1,2}\)(?=[,.;:]|\s|$)/g;
    const differ = passages.flatMap((p) =>
      p.text.split('\n\n').flatMap((paragraph) => {
        // A footnote of an amended act quoted inside an article ("(*7) Regulation …"): the HTML's note.
        const note = /^(?:(.*?\.) )?\((\*\d{1,2})\) (.*)$/s.exec(paragraph);
        if (note && notes.get(note[2]!) !== note[3]) return [`${p.id} note ${note[2]}`];
        const body = note ? (note[1] ?? '') : paragraph;
        // A point's number the markdown sets alone on its line ("1." / "The conformity …") reads as one
        // paragraph with its words; EUR-Lex's HTML keeps the number on a line of its own.
        const words = body.replace(calls, '');
        const split = words.replace(/^(\d{1,3}\.|\(\w{1,5}\)) /, '$1\n\n');
        return official.includes(words) || official.includes(split) ? [] : [p.id];
      }),
    );
    expect(differ).toEqual([]);
    expect(passages.length).toBeGreaterThan(1400);
  });

  it.runIf(existsSync(html))(
    'the official EUR-Lex HTML splits into the same places as the markdown copy',
    async () => {
      const doc = catalogDoc('eu-ai-act-2024');
      const fromHtml = splitDocument(doc, parseHtml(readFileSync(html, 'utf8')));
      const ids = new Set(fromHtml.map((p) => p.id));
      const missing = (await realPassages('eu-ai-act-2024')).filter((p) => !ids.has(p.id)).map((p) => p.id);
      // Annex I is one list in the markdown and two subparagraph runs in the HTML; nothing else differs.
      expect(missing).toEqual(['eu-ai-act-2024#annex:i']);
      expect(fromHtml.find((p) => p.id === 'eu-ai-act-2024#art:51/2')?.text).toMatch(
        /greater than 10\^25\.$/,
      );
    },
  );
});
