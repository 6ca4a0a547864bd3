import { describe, expect, it } from 'vitest';
import { messageViolations } from '../../src/discord/limits.js';
import { buttonByLabel, dataOf, harness } from '../fixtures/discord/harness.js';
import { autocomplete, click, slash } from '../fixtures/discord/interactions.js';

type Choices = { choices: { name: string; value: string }[] };
const choicesOf = (data: unknown) => (data as Choices).choices;

describe('/quote', () => {
  it('autocompletes documents first, then places inside the named document, with stable ids as values', async () => {
    const { run } = harness();
    const empty = choicesOf(dataOf((await run(autocomplete('quote', 'reference', ''))).response));
    expect(empty).toHaveLength(25); // Discord's limit on choices; the catalog has 30 documents
    expect(empty.every((c) => /^[a-z0-9-]+(?:\.[a-z]{2})?$/.test(c.value))).toBe(true);
    const docs = choicesOf(dataOf((await run(autocomplete('quote', 'reference', 'ai a'))).response));
    expect(docs[0]).toEqual({ name: 'AI Act — type a place, e.g. Art. 50', value: 'eu-ai-act-2024' });
    const places = choicesOf(
      dataOf((await run(autocomplete('quote', 'reference', 'AI Act art 5'))).response),
    );
    expect(places.map((c) => c.value)).toEqual([
      'eu-ai-act-2024#art:5',
      'eu-ai-act-2024#art:5/1',
      'eu-ai-act-2024#art:5/1/a',
      'eu-ai-act-2024#art:5/1/c',
      'eu-ai-act-2024#art:5/2',
      'eu-ai-act-2024#art:50',
      'eu-ai-act-2024#art:50/1',
    ]);
    expect(places[3]!.name).toBe('AI Act, Art. 5(1)(c)');
    // What Discord sends after a choice was picked and the user kept typing: the choice's name.
    const after = choicesOf(
      dataOf((await run(autocomplete('quote', 'reference', 'AI Act (2024) article 5(1)(c)'))).response),
    );
    expect(after.map((c) => c.value)).toEqual(['eu-ai-act-2024#art:5/1/c']);
  });

  it('quotes a chosen place verbatim with Full text and Cite', async () => {
    const { run } = harness();
    const data = dataOf((await run(slash('quote', { reference: 'eu-ai-act-2024#art:5' }))).response);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('AI Act · Art. 5');
    expect(embed.description).toContain(
      '> the placing on the market of a fixture system that deploys subliminal techniques;',
    );
    expect(messageViolations(data)).toEqual([]);
    const cite = await run(click(buttonByLabel(data, 'Cite')));
    expect(dataOf(cite.response).content).toBe(
      '```\nRegulation (EU) 2024/1689 (AI Act), Art. 5 — <http://data.europa.eu/eli/reg/2024/1689/oj>\n```',
    );
    expect(dataOf(cite.response).flags).toBe(64);
  });

  it('cites a sub-point the way the brief shows', async () => {
    const { run } = harness();
    const cite = await run(click('c1|cite|1|eu-ai-act-2024#art:5/1/c'));
    expect(dataOf(cite.response).content).toContain(
      'Regulation (EU) 2024/1689 (AI Act), Art. 5(1)(c) — <http://data.europa.eu/eli/reg/2024/1689/oj>',
    );
  });

  it('pages the full text of a unit privately, then turns pages in place', async () => {
    const { run } = harness();
    const opened = await run(click('c1|full|0|eu-ai-act-2024#art:12'));
    const data = dataOf(opened.response);
    expect(opened.response.type).toBe(4);
    expect(data.flags).toBe(64);
    expect(data.embeds![0]!.description).toContain('**Art. 12(1)**');
    expect(data.embeds![0]!.footer!.text).toMatch(/^Full text · page 1 of \d+$/);
    const short = dataOf((await run(click('c1|full|0|eu-ai-act-2024#art:5'))).response);
    expect(short.components).toEqual([]);
    const turned = await run(click('c1|page|0|eu-ai-act-2024#art:5', { ephemeral: true }));
    expect(turned.response.type).toBe(7);
  });

  it('asks which part when only a document is given, and suggests when a reference is unknown', async () => {
    const { run, services } = harness();
    const which = dataOf((await run(slash('quote', { reference: 'AI Act' }))).response);
    expect(which.embeds![0]!.title).toBe('Which part of AI Act?');
    expect(which.embeds![0]!.description).toContain('`Recital 1`');
    const unknown = dataOf((await run(slash('quote', { reference: 'Art. 999 AI Act' }))).response);
    expect(services.calls.quote).toEqual(['Art. 999 AI Act']);
    expect(unknown.flags).toBe(64);
    expect(unknown.embeds![0]!.description).toContain('Did you mean: `Art. 5 AI Act`?');
  });

  it('treats a tampered or foreign custom_id as an expired button', async () => {
    const { run } = harness();
    for (const id of [
      'c1|cite|1|nope#art:1',
      'c9|full|0|eu-ai-act-2024#art:5',
      'c1|full|-1|x',
      'garbage',
      'c1|full|0|eu-ai-act-2024#art:77',
    ]) {
      const result = await run(click(id));
      expect(dataOf(result.response).embeds![0]!.title).toBe('This button no longer works');
    }
  });
});
