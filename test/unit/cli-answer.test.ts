// `charter ask` and `charter quote` over the answer core, on the frozen fixture corpus: the same decisions
// and notes as /ask and /quote, terminal text without Discord markdown, --limit alike in text and JSON.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { asSentence, PLAIN, weakWording } from '../../src/answer/wording.js';
import { runAsk, runQuote } from '../../src/cli/answer.js';
import { UsageError } from '../../src/cli/args.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { fixtureCharter, passages as fixturePassages } from '../fixtures/answers/corpus.js';
import { dataOf } from '../fixtures/discord/harness.js';
import { slash } from '../fixtures/discord/interactions.js';
import { createRawDispatcher as createDispatcher } from '../fixtures/discord/parsed.js';

const charter = fixtureCharter();

function io(options: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: { write: (t) => void out.push(t), isTTY: options.tty ?? false, columns: 72 },
    stderr: { write: (t) => void err.push(t) },
    catalog: () => charter.docs,
    open: async () => charter,
    env: options.env ?? {},
  };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI styles
const ANSI = /\x1b\[/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing ANSI styles
const ANSI_STYLE = /\x1b\[\d+m/g;

describe('charter ask', () => {
  it('prints passages for a person: no markdown, wrapped, unstyled when not a terminal', async () => {
    const t = io();
    expect(await runAsk(['providers shall'], t.cli)).toBe(0);
    const text = t.out();
    expect(text).toContain('AI Act, Art. 12(1)');
    expect(text).not.toMatch(/\*\*|^> |\\[.:*]/m);
    expect(text).not.toMatch(ANSI);
    // A link cannot be wrapped; every other line fits 80 columns.
    for (const line of text.split('\n'))
      if (!line.startsWith('http')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('styles only a terminal, and not when NO_COLOR is set', async () => {
    const styled = io({ tty: true });
    await runAsk(['providers shall'], styled.cli);
    expect(styled.out()).toMatch(ANSI);
    for (const line of styled.out().split('\n'))
      if (!line.includes('http')) expect(line.replace(ANSI_STYLE, '').length).toBeLessThanOrEqual(72);
    const plain = io({ tty: true, env: { NO_COLOR: '1' } });
    await runAsk(['providers shall'], plain.cli);
    expect(plain.out()).not.toMatch(ANSI);
  });

  it('gives the same sentence as /ask when a reference names a place its document lacks', async () => {
    // Trial 7, finding 9: this was 'Could not quote …' over passages that only shared its words; now quote's
    // own sentence, in the terminal and on Discord alike.
    const dispatcher = createDispatcher(charter.services, COMMANDS, {
      logger: createLogger({ write: () => {} }),
      cooldowns: new Cooldowns(),
    });
    const reference = 'Recital 99 of the AI Act';
    const embed = dataOf((await dispatcher.dispatch(slash('ask', { question: reference }))).response)
      .embeds![0]!;
    expect(embed.description).toContain('AI Act has Recitals 1–2');
    const t = io();
    expect(await runAsk([reference], t.cli)).toBe(1);
    expect(t.out()).toBe('');
    expect(t.err()).toContain('AI Act has Recitals 1–2');
  });

  it('gives the same note as /ask when Charter lacks what the question names, in text and JSON alike', async () => {
    // Trial finding 13: the text form opened with "Charter doesn't have Texas AI Law; …" while --json had
    // `missing` set and no note. One sentence (wording.ts passagesNote) for /ask, the text and the JSON.
    const dispatcher = createDispatcher(charter.services, COMMANDS, {
      logger: createLogger({ write: () => {} }),
      cooldowns: new Cooldowns(),
    });
    for (const question of [
      "does Korea's AI Basic Act ban social scoring?",
      'does the bletchley declaration ban social scoring',
    ]) {
      const slashNote = dataOf((await dispatcher.dispatch(slash('ask', { question }))).response).content!;
      const t = io();
      expect(await runAsk([question], t.cli)).toBe(0);
      const note = t.out().split('\n\n')[0]!;
      expect(note).toMatch(/^Charter doesn't (have|hold) /);
      expect(
        slashNote
          .replace(/<(https:[^>]+)>/, '$1')
          .replace(/`/g, '')
          .replace(/\\/g, ''),
      ).toBe(note);
      const json = io();
      expect(await runAsk(['--json', question], json.cli)).toBe(0);
      const answer = JSON.parse(json.out());
      expect(answer.missing.length, question).toBeGreaterThan(0);
      expect(answer.note, question).toBe(note);
    }
    // Trial finding 14: a name of no list is said as the question wrote it, in the note and in JSON alike.
    const lower = io();
    await runAsk(
      ['--json', 'does the new york city hiring bias audit law apply to AI hiring tools'],
      lower.cli,
    );
    const answer = JSON.parse(lower.out());
    expect(answer.missing).toEqual([{ name: 'new york city hiring bias audit law', kind: 'instrument' }]);
    expect(answer.note).toBe(
      "Charter doesn't have “new york city hiring bias audit law”; nearest passages in what it has:",
    );
    // Passages that need no note carry none.
    const plain = io();
    await runAsk(['--json', 'providers shall'], plain.cli);
    expect(JSON.parse(plain.out())).not.toHaveProperty('note');
  });

  it('quotes a question that is a reference, with the place it names', async () => {
    const t = io();
    expect(await runAsk(['article 5 ai act'], t.cli)).toBe(0);
    expect(t.out().split('\n')[0]).toBe('AI Act, Art. 5');
  });

  it('says why when a reference names no place and nothing shares its words', async () => {
    const t = io();
    expect(await runAsk(['AI Act Art. 99999'], t.cli)).toBe(1);
    expect(t.err()).toMatch(/^“AI Act Art\. 99999”: AI Act has Articles/);
  });

  it('words an outcome as /ask and /quote do, each suggestion once, with the same exit code', async () => {
    const nothing = io();
    expect(await runAsk(['zyxxy quuxle'], nothing.cli)).toBe(1);
    // /ask says "No passage found: Nothing matches “zyxxy quuxle”." (test/snapshot): the same sentence.
    expect(nothing.err()).toMatch(/^Nothing matches “zyxxy quuxle”\. Try fewer or plainer words/);
    const asked = io();
    const quoted = io();
    expect(await runAsk(['AI Act Art. 99999'], asked.cli)).toBe(1);
    expect(await runQuote(['AI Act Art. 99999'], quoted.cli)).toBe(1);
    expect(asked.err()).toBe(quoted.err());
    expect(quoted.err().match(/did you mean/gi)).toHaveLength(1);
    expect(quoted.err()).toMatch(/Did you mean: AI Act Art\. 99; AI Act Art\. 50; AI Act Art\. 12\?/);
  });

  it('exits alike in text and JSON for the same outcome (src/cli/exit.ts)', async () => {
    // Was: `ask --json "gm"` exited 0 with no results while the text form exited 1.
    const cases: [string, number][] = [
      ['gm', 1],
      ['zyxxy quuxle', 1],
      ['Art. 7', 1],
      ['AI Act Art. 99999', 1],
      ['providers shall', 0],
      ['AI Act Art. 5(1)(c)', 0],
    ];
    for (const [question, code] of cases) {
      expect(await runAsk([question], io().cli), question).toBe(code);
      expect(await runAsk(['--json', question], io().cli), `--json ${question}`).toBe(code);
    }
    for (const reference of ['AI Act Art. 5(1)(c)', 'AI Act Art. 99999', 'Art. 7']) {
      const text = await runQuote([reference], io().cli);
      expect(await runQuote(['--json', reference], io().cli), reference).toBe(text);
    }
  });

  it('means the same by --limit in text and JSON', async () => {
    for (const limit of ['1', '2', '3']) {
      const text = io();
      await runAsk(['--limit', limit, 'providers shall'], text.cli);
      const json = io();
      await runAsk(['--json', '--limit', limit, 'providers shall'], json.cli);
      const results = JSON.parse(json.out()).results as { locator: string }[];
      expect(results).toHaveLength(Number(limit));
      // Blocks are separated by one blank line; a hit's own passages by a bare bar.
      expect(text.out().trim().split('\n\n')).toHaveLength(Number(limit));
    }
  });

  it('takes --doc as an id, a short title or an alias, and names an unknown one', async () => {
    for (const doc of ['eu-ai-act-2024', 'AI Act', 'EU AI Act', 'aia']) {
      const t = io();
      await runAsk(['--json', '--doc', doc, 'providers'], t.cli);
      const results = JSON.parse(t.out()).results as { docId: string }[];
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.docId === 'eu-ai-act-2024')).toBe(true);
    }
    await expect(runAsk(['--doc', 'Magna Carta', 'x'], io().cli)).rejects.toThrow(UsageError);
  });

  it('asks which document for a place several documents have, with the same note as quote', async () => {
    const asked = io();
    expect(await runAsk(['Art. 7'], asked.cli)).toBe(1);
    const quoted = io();
    // The same outcome, the same exit code: 1, no answer (2 is only for a command typed wrong).
    expect(await runQuote(['Art. 7'], quoted.cli)).toBe(1);
    expect(asked.out()).toBe('');
    expect(asked.err()).toMatch(/Which document\?.*Did you mean: Deep Synthesis Provisions Art\. 7; /);
    expect(asked.err()).toBe(quoted.err());
  });

  it('asks for the document once, and never tells someone who named it to name it', async () => {
    // "Which document?" already asks for it: no "Try a reference with its document" after the suggestions.
    const which = io();
    expect(await runQuote(['Art. 7'], which.cli)).toBe(1);
    expect(which.err()).toMatch(/Name the document with the reference, e\.g\. AI Act Art\. 5\./);
    expect(which.err()).not.toMatch(/Try a reference with its document|"/);
    // The document was named; only the place was wrong.
    const named = io();
    expect(await runQuote(['AI Act Art. 99999'], named.cli)).toBe(1);
    expect(named.err()).not.toMatch(/Try a reference with its document/);
    // No document recognised at all: then the example with a document helps.
    const none = io();
    expect(await runQuote(['the moon'], none.cli)).toBe(1);
    expect(none.err()).toMatch(/Try a reference with its document, e\.g\. Art\. 5\(1\)\(c\) AI Act\./);
  });

  it('says which documents a weak answer searched inside its sentence', () => {
    const aiAct = charter.docs.find((d) => d.id === 'eu-ai-act-2024')!;
    // Was "Nothing in the documents Charter holds matches “what is a deepfake” well. (searched in AI Act)".
    expect(asSentence(weakWording('what is a deepfake', [aiAct], PLAIN))).toMatch(
      /^Nothing in AI Act matches “what is a deepfake” well\. Try /,
    );
    expect(weakWording('x', [], PLAIN).text).toBe('Nothing in the documents Charter holds matches “x” well.');
  });

  it('refuses a bad --limit in one sentence', async () => {
    await expect(runAsk(['--limit', '0', 'x'], io().cli)).rejects.toThrow(/whole number from 1 to 50/);
    await expect(runAsk(['--limit', '2.5', 'x'], io().cli)).rejects.toThrow(/whole number/);
    await expect(runAsk(['--limit', '-1', 'x'], io().cli)).rejects.toThrow(/whole number from 1 to 50/);
  });
});

describe('charter quote', () => {
  it('quotes a place as text and as JSON', async () => {
    const t = io();
    expect(await runQuote(['AI Act Art. 5(1)(c)'], t.cli)).toBe(0);
    expect(t.out()).toContain('facial image databases');
    const json = io();
    await runQuote(['--json', 'eu-ai-act-2024#art:5'], json.cli);
    expect(JSON.parse(json.out())).toMatchObject({ docId: 'eu-ai-act-2024', locator: 'Art. 5' });
  });

  it('--json prints a JSON object with the outcome when nothing is quoted, as ask --json does', async () => {
    // Trial 7: `quote --json "Art. 5"` printed nothing on stdout (the sentence went to stderr only).
    for (const reference of ['Art. 7', 'AI Act Art. 99999']) {
      const text = io();
      const code = await runQuote([reference], text.cli);
      const json = io();
      expect(await runQuote(['--json', reference], json.cli)).toBe(code);
      expect(JSON.parse(json.out())).toMatchObject({ reference, note: text.err().trim(), results: [] });
      expect(JSON.parse(json.out()).outcome).not.toBe('quoted');
      expect(json.err()).toBe('');
    }
    const ok = io();
    await runQuote(['--json', 'AI Act Art. 5(1)(c)'], ok.cli);
    expect(JSON.parse(ok.out()).outcome).toBe('quoted');
  });

  it('JSON carries a point’s lead-in, as the text output and Discord show it', async () => {
    const text = io();
    await runQuote(['AI Act Art. 5(1)(c)'], text.cli);
    const lead = fixturePassages.find((p) => p.id === 'eu-ai-act-2024#art:5/1/c')!.context!;
    expect(text.out().replace(/\s+/g, ' ')).toContain(lead.replace(/\s+/g, ' ').slice(0, 30));
    for (const args of [['--json', 'AI Act Art. 5(1)(c)']]) {
      const json = io();
      await runQuote(args, json.cli);
      expect(JSON.parse(json.out()).passages[0]).toMatchObject({ locator: 'Art. 5(1)(c)', context: lead });
    }
    const ask = io();
    await runAsk(['--json', 'AI Act Art. 5(1)(c)'], ask.cli);
    expect(JSON.parse(ask.out()).results[0].passages[0].context).toBe(lead);
  });

  it('asks for a place when only a document is named', async () => {
    const t = io();
    expect(await runQuote(['AI Act'], t.cli)).toBe(1);
    expect(t.err()).toBe(
      'Which part of AI Act? Add a place after the document, e.g. Recital 1, Recital 2, Art. 5.\n',
    );
  });
});

describe('charter (main)', () => {
  afterEach(() => vi.restoreAllMocks());

  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((t: string) => void out.push(t));
    vi.spyOn(console, 'error').mockImplementation((t: string) => void err.push(t));
    return { out, err };
  };

  it('prints each subcommand’s help with exit 0, and the version', async () => {
    for (const command of [
      'sync',
      'sources',
      'passages',
      'lint',
      'ask',
      'quote',
      'compare',
      'start',
      'serve',
      'deploy',
      'commands',
    ]) {
      const { out } = capture();
      expect(await main([command, '--help'])).toBe(0);
      expect(out.join('\n')).toMatch(new RegExp(`^Usage: charter ${command}`));
      vi.restoreAllMocks();
    }
    const { out } = capture();
    expect(await main(['--version'])).toBe(0);
    expect(out[0]).toMatch(/^charter \d+\.\d+\.\d+$/);
  });

  it('turns a mistyped option into one sentence pointing to --help', async () => {
    const { err } = capture();
    expect(await main(['ask', '--limt', '3', 'x'])).toBe(2);
    expect(err).toEqual(['"charter ask" has no option --limt. Run "charter ask --help" for usage.']);
  });
});

describe('two points of one paragraph (issue 20: the Compact\'s "We commit by, 2030, to:" twice)', () => {
  const question = 'prohibited systems subliminal manipulation social scoring biometric';
  const LEAD = 'The following practices shall be prohibited:';

  it('charter ask shows their lead-in once, with the first of them', async () => {
    const t = io();
    expect(await runAsk(['--limit', '5', question], t.cli)).toBe(0);
    const text = t.out();
    expect(text).toContain('AI Act, Art. 5(1)(a)');
    expect(text).toContain('AI Act, Art. 5(1)(b)');
    expect(text.split(`1. ${LEAD} […]`)).toHaveLength(2);
    expect(text.indexOf(`1. ${LEAD} […]`)).toBeLessThan(text.indexOf('(a) the use of systems'));
  });

  it('/ask shows it once over the embeds of one answer', async () => {
    const dispatcher = createDispatcher(charter.services, COMMANDS, {
      logger: createLogger({ write: () => {} }),
      cooldowns: new Cooldowns(),
    });
    const data = dataOf((await dispatcher.dispatch(slash('ask', { question }))).response);
    const descriptions = (data.embeds ?? [])
      .map((e) => e.description ?? '')
      .join('\n')
      .replace(/\*\*|\\/g, '');
    expect(descriptions).toContain('(b) the use of systems for social scoring');
    expect(descriptions.split(LEAD)).toHaveLength(2);
  });
});
