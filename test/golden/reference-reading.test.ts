// The references a new-user trial found quoted as something else, on the real AI Act: "Reciatl 27" was
// quoted as Art. 27, "Annex VII point 3.2" as the whole of point 3, "Annex VIII Section B point 1" as the
// whole of Annex VIII, all without a word. Expectations read
// in the Regulation itself (Recital 27 is on the seven principles; point 3.2 opens "3.2. The quality
// management system shall be assessed by the notified body").
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble, type Charter } from '../../src/app.js';
import { runQuote } from '../../src/cli/answer.js';
import type { CliIo } from '../../src/cli/io.js';
import { CorpusIndex } from '../../src/search/index.js';
import { catalog, describeGolden, realPassages } from '../support/corpus.js';

describe.runIf(describeGolden)('references read as written (golden)', () => {
  let charter: Charter;
  beforeAll(async () => {
    const passages = await realPassages('eu-ai-act-2024');
    charter = assemble(catalog, CorpusIndex.build(catalog, passages), 'test');
  }, 120_000);

  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: { write: (t) => void out.push(t), isTTY: false, columns: 200 },
      stderr: { write: (t) => void err.push(t) },
      catalog: () => charter.docs,
      open: async () => charter,
      env: {},
    };
    const code = await runQuote(args, io);
    return { code, out: out.join(''), err: err.join('') };
  };

  it('charter quote "Reciatl 27 AI Act" is refused with the reading, never quoted as Art. 27', async () => {
    const { code, out, err } = await run(['Reciatl 27 AI Act']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('Read “Reciatl 27” as Recital 27?');
    expect(err).toContain('Did you mean: AI Act Recital 27?');
    // The reading it suggests is the recital itself.
    const recital = await run(['AI Act Recital 27']);
    expect(recital.out).toContain('AI Act, Recital 27');
  });

  it('charter quote "AI Act Annex VII point 3.2" shows point 3.2, or says what holds it', async () => {
    const { code, out } = await run(['--json', 'AI Act Annex VII point 3.2']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const text = json.passages.map((p: { text: string }) => p.text).join('\n');
    expect(text).toContain('3.2. The quality management system shall be assessed by the notified body');
    // Either a passage of point 3.2 itself (its locator names it), or a note naming what holds it.
    if (!/point 3\.2\b/.test(json.locator))
      expect(json.note).toBe(
        `Annex VII, point 3.2 is not a passage of its own; showing ${json.locator}, which contains it.`,
      );
    // Point 3.3 is not quoted as 3.2 when its passage is not the one shown.
    const text33 = await run(['--json', 'AI Act Annex VII point 3.9']);
    expect(text33.code).toBe(1);
  });

  it('charter quote "AI Act Annex VIII Section B point 1" quotes that point, not the whole of Annex VIII', async () => {
    const { code, out } = await run(['--json', 'AI Act Annex VIII Section B point 1']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.locator).toBe('Annex VIII, Section B, point 1');
    expect(json.passages.map((p: { id: string }) => p.id)).toEqual([
      'eu-ai-act-2024#annex:viii/annexsec:b/1',
    ]);
    expect(json.note).toBeUndefined();
  });

  it('reads points written without brackets as the document writes them: Art. 5(1)(c)', async () => {
    for (const reference of ['ai act article 5 1 c', 'art. 5.1.c ai act', 'ai act article 5(1) c']) {
      const { code, out } = await run(['--json', reference]);
      expect(code, reference).toBe(0);
      const json = JSON.parse(out);
      expect(json.locator, reference).toBe('Art. 5(1)(c)');
      expect(json.note, reference).toBeUndefined();
    }
    // A count after the article is no paragraph: Art. 99 is read, never Art. 99(3).
    const count = await run(['--json', 'ai act article 99 3 times']);
    expect(JSON.parse(count.out).locator).toBe('Art. 99');
  });

  it('quotes every annex passage by its own locator as that passage, or says what wider place it shows', () => {
    const annexes = charter.index.passages.filter(
      (p) => p.path[0]?.startsWith('annex:') && !p.id.includes('~'),
    );
    expect(annexes.length).toBeGreaterThan(100);
    const wrong = annexes
      .map((p) => ({ p, result: charter.resolver.resolve(`AI Act ${p.locator}`) }))
      .filter(({ p, result }) => {
        if (!result.ok) return true;
        if (result.passages[0]?.id === p.id && !result.note) return false;
        // "Annex XI, point 2, second subparagraph": ordinals are not read; the whole point, with a note.
        return !(result.note?.reason === 'unread' && result.passages.some((q) => q.id === p.id));
      })
      .map(({ p, result }) => `${p.locator} -> ${result.ok ? result.locator : result.failure.reason}`);
    expect(wrong).toEqual([]);
  });
});
