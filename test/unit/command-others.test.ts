import { describe, expect, it } from 'vitest';
import { messageViolations } from '../../src/discord/limits.js';
import { dataOf, harness } from '../fixtures/discord/harness.js';
import { autocomplete, messageCommand, slash } from '../fixtures/discord/interactions.js';

describe('/compare', () => {
  it('shows the best passage of each document side by side and says plainly when one has nothing', async () => {
    const { run } = harness();
    const data = dataOf(
      (
        await run(
          slash('compare', {
            topic: 'trustworthy artificial intelligence',
            document1: 'eu-ai-act-2024',
            document2: 'UN GA Res. 78/265',
            document3: 'us-eo-14110-2023',
          }),
        )
      ).response,
    );
    expect(data.embeds!.map((e) => e.title)).toEqual([
      'AI Act · Recital 1',
      'UN GA Res. 78/265 · para. 6',
      'EO 14110',
    ]);
    expect(data.embeds![2]!.description).toContain('*EO 14110 has no passage on this topic.*');
    expect(data.embeds![2]!.description).toContain('**REVOKED**');
    expect(messageViolations(data)).toEqual([]);
  });

  it('needs two different documents', async () => {
    const { run } = harness();
    const data = dataOf(
      (await run(slash('compare', { topic: 'x', document1: 'AI Act', document2: 'eu-ai-act-2024' })))
        .response,
    );
    expect(data.embeds![0]!.title).toBe('Two documents at least');
  });

  it('autocompletes document options with at most 25 id-valued choices', async () => {
    const { run } = harness();
    const choices = (
      dataOf((await run(autocomplete('compare', 'document2', 'eo'))).response) as unknown as {
        choices: { name: string; value: string }[];
      }
    ).choices;
    expect(choices.slice(0, 2)).toEqual([
      { name: 'EO 14110 (2023, revoked)', value: 'us-eo-14110-2023' },
      { name: 'EO 14179 (2025)', value: 'us-eo-14179-2025' },
    ]);
  });
});

describe('/sources', () => {
  it('lists the catalog with dates, status and links', async () => {
    const { run } = harness();
    const data = dataOf((await run(slash('sources'))).response);
    const text = data.embeds!.map((e) => e.description).join('\n');
    expect(text.split('\n')).toHaveLength(32);
    expect(text).toContain(
      '[**EO 14110**](https://www.federalregister.gov/documents/2023/11/01/2023-24283/safe-secure-and-trustworthy-development-and-use-of-artificial-intelligence) · US · 2023-10-30 · **REVOKED**',
    );
    expect(messageViolations(data)).toEqual([]);
  });

  it('gives one document’s structure, computed from its passages, and its provenance', async () => {
    const { run } = harness();
    const data = dataOf((await run(slash('sources', { document: 'AI Act' }))).response);
    const fields = Object.fromEntries(data.embeds![0]!.fields!.map((f) => [f.name, f.value]));
    expect(fields.Structure).toBe('1 recital, 3 articles, 1 annex (7 passages)');
    expect(fields['Text taken from']).toMatch(/^<https:\/\//);
    expect(fields.Fingerprint).toMatch(/sha256 `[0-9a-f]{64}`/);
    expect(fields.Licence!.length).toBeGreaterThan(10);
    // The documented correction of the mirror copy (corpus/corrections.json) is shown as such.
    expect(fields['Correction of the source copy']).toMatch(
      /^“greater than 1025\.” → “greater than 10\^25\.”: /,
    );
    expect(messageViolations(data)).toEqual([]);
  });
});

describe('/help and Find sources', () => {
  it('/help explains every command with an example, privately', async () => {
    const { run } = harness();
    const data = dataOf((await run(slash('help'))).response);
    expect(data.flags).toBe(64);
    expect(data.embeds![0]!.fields!.map((f) => f.name)).toEqual([
      '/ask',
      '/quote',
      '/compare',
      '/sources',
      'Find sources',
      'Options',
    ]);
  });

  it('Find sources searches the selected message’s text and answers privately', async () => {
    const { run, services } = harness();
    const data = dataOf((await run(messageCommand('Is social scoring banned under the AI Act?'))).response);
    expect(services.calls.search[0]!.query).toBe('Is social scoring banned under the AI Act?');
    expect(data.flags).toBe(64);
    expect(data.embeds![0]!.title).toBe('AI Act · Art. 5(1)(c)');
    const empty = dataOf((await run(messageCommand(''))).response);
    expect(empty.embeds![0]!.title).toBe('No text to look up');
  });
});
