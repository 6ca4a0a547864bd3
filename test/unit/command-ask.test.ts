import { describe, expect, it } from 'vitest';
import { missingLine } from '../../src/answer/wording.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { messageViolations } from '../../src/discord/limits.js';
import { CorpusIndex } from '../../src/search/index.js';
import { buttonByLabel, customIds, dataOf, harness } from '../fixtures/discord/harness.js';
import { ASKER, click, FRIEND, OTHER, slash } from '../fixtures/discord/interactions.js';
import { catalog, fakeServices, passages } from '../fixtures/discord/services.js';

describe('/ask', () => {
  it('quotes the best passage verbatim with bold terms under the short title, locator link and status line', async () => {
    const { run } = harness();
    const { response, log } = await run(slash('ask', { question: 'social scoring prohibited' }));
    expect(response.type).toBe(4);
    const data = dataOf(response);
    expect(log.outcome).toBe('ok');
    const first = data.embeds![0]!;
    expect(first.title).toBe('AI Act · Art. 5(1)(c)');
    expect(first.url).toBe('http://data.europa.eu/eli/reg/2024/1689/oj');
    expect(first.description).toContain('in force');
    expect(first.description).toContain(
      '> the use of a fixture system for **social scoring** of natural persons',
    );
    // The lead-in of the list is shown above the point, marked as an omission.
    expect(first.description).toContain('> The following fixture practices shall be prohibited\\:\n> […]');
    expect(first.footer?.text).toBe('Q: social scoring prohibited');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags).toBeUndefined();
    expect(messageViolations(data)).toEqual([]);
    expect(customIds(data).some((id) => id.startsWith('c1|cite|'))).toBe(true);
  });

  it('shows a revoked document as revoked', async () => {
    const { run } = harness();
    const data = dataOf((await run(slash('ask', { question: 'red-team testing results' }))).response);
    const embed = data.embeds!.find((e) => e.title?.startsWith('EO 14110'))!;
    expect(embed.title).toBe('EO 14110 · Sec. 4.2(a)');
    expect(embed.description).toContain('**REVOKED** (Revoked on 2025-01-20 by Executive Order 14148.)');
  });

  it('addresses the mentioned user and allows pinging only them', async () => {
    const { run } = harness();
    const data = dataOf(
      (await run(slash('ask', { question: 'biometric identification', mention: FRIEND }))).response,
    );
    expect(data.content!.startsWith(`<@${FRIEND}> `)).toBe(true);
    expect(data.allowed_mentions).toEqual({ parse: [], users: [FRIEND] });
  });

  it('hides the answer when asked to', async () => {
    const { run } = harness();
    expect(
      dataOf((await run(slash('ask', { question: 'biometric identification', hide: true }))).response).flags,
    ).toBe(64);
  });

  it('answers with the quote when the question reads like a reference', async () => {
    const { run, services } = harness();
    const data = dataOf((await run(slash('ask', { question: 'article 5 ai act' }))).response);
    expect(services.calls.quote).toEqual(['article 5 ai act']);
    expect(data.embeds![0]!.title).toBe('AI Act · Art. 5');
  });

  it('tells the asker privately what to try when nothing matches', async () => {
    const { run } = harness();
    const { response, log } = await run(slash('ask', { question: 'zzzz qqqq' }));
    const data = dataOf(response);
    expect(data.flags).toBe(64);
    expect(log.outcome).toBe('user-error');
    expect(data.embeds![0]!.description).toContain('/sources');
  });

  it('cuts a long passage at a sentence with "…", keeps its locator and offers the full text', async () => {
    const { run } = harness();
    const data = dataOf(
      (await run(slash('ask', { question: 'serious incidents records', document: 'eu-ai-act-2024' })))
        .response,
    );
    const embed = data.embeds!.find((e) => e.title === 'AI Act · Art. 12(1)')!;
    expect(embed.description!.length).toBeLessThan(4096);
    expect(embed.description).toMatch(/\*\*serious incidents\*\*\. …$/);
    expect(buttonByLabel(data, 'Full text')).toBe('c1|full|0|eu-ai-act-2024#art:12');
  });

  it('pages with More for the asker only, reading the question back from the footer', async () => {
    const { run } = harness();
    const first = dataOf((await run(slash('ask', { question: 'fixture text system' }))).response);
    const more = buttonByLabel(first, 'More');
    const footer = first.embeds![0]!.footer!.text;
    const page2 = await run(click(more, { footer }));
    expect(page2.response.type).toBe(7);
    expect(dataOf(page2.response).content).toContain('(results 4–');
    const stranger = await run(click(more, { footer, user: OTHER }));
    expect(dataOf(stranger.response).flags).toBe(64);
    expect(stranger.log.outcome).toBe('refused');
    // A footer that does not match the hash in the custom_id is not trusted.
    const forged = await run(click(more, { footer: 'Q: something else' }));
    expect(dataOf(forged.response).embeds![0]!.title).toBe('This button no longer works');
  });

  it('narrows to one document with the select menu', async () => {
    const { run, services } = harness();
    const first = dataOf(
      (await run(slash('ask', { question: 'fixture artificial intelligence systems' }))).response,
    );
    const narrow = customIds(first).find((id) => id.startsWith('c1|narrow|'))!;
    const result = await run(
      click(narrow, { values: ['un-ga-res-78-265'], footer: first.embeds![0]!.footer!.text }),
    );
    expect(result.response.type).toBe(7);
    expect(dataOf(result.response).embeds!.every((e) => e.title!.startsWith('UN GA Res. 78/265'))).toBe(true);
    expect(services.calls.search.at(-2)!.options!.docs).toEqual(['un-ga-res-78-265']);
  });

  it('says which document is unknown', async () => {
    const { run } = harness();
    const data = dataOf(
      (await run(slash('ask', { question: 'x', document: 'Magna <@&456> Carta' }))).response,
    );
    expect(data.embeds![0]!.description).toContain('Magna \\<@&456> Carta');
  });

  it('turns a handler failure into a private "something went wrong" with the ref that is logged with the stack', async () => {
    const services = fakeServices({
      search: () => {
        throw new Error('index exploded');
      },
    });
    const { run, lines } = harness(services);
    const { response, log } = await run(slash('ask', { question: 'anything at all' }));
    const data = dataOf(response);
    expect(data.flags).toBe(64);
    expect(data.embeds![0]!.description).toContain('Something went wrong (ref: abc123)');
    expect(log).toMatchObject({ outcome: 'error', correlationId: 'abc123', command: 'ask' });
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({ level: 'error', ref: 'abc123' });
    expect(record.error.stack).toContain('index exploded');
  });

  it('slows a user down with "try again in N s"', async () => {
    const services = fakeServices();
    const { run } = harness(
      services,
      new Cooldowns(
        { user: { limit: 2, windowMs: 10_000 }, channel: { limit: 50, windowMs: 10_000 } },
        () => services.clock.now,
      ),
    );
    await run(slash('ask', { question: 'biometric' }));
    await run(slash('ask', { question: 'biometric' }));
    const third = await run(slash('ask', { question: 'biometric' }));
    expect(dataOf(third.response).embeds![0]!.description).toBe('You are asking quickly. Try again in 10 s.');
    services.clock.now += 4_000;
    expect(
      dataOf((await run(slash('ask', { question: 'biometric' }))).response).embeds![0]!.description,
    ).toContain('Try again in 6 s.');
    services.clock.now += 6_001;
    expect((await run(slash('ask', { question: 'biometric' }))).log.outcome).toBe('ok');
    // Another user is not affected.
    expect((await run(slash('ask', { question: 'biometric' }, OTHER))).log.outcome).toBe('ok');
    expect(ASKER).not.toBe(OTHER);
  });

  describe('over a real index of the fixture passages', () => {
    const index = CorpusIndex.build(catalog, passages);
    const real = () => harness(fakeServices({ search: (query, options) => index.search(query, options) }));

    it('opens with what Charter lacks, then the nearest passages', async () => {
      const data = dataOf(
        (await real().run(slash('ask', { question: "does Korea's AI Basic Act ban social scoring?" })))
          .response,
      );
      expect(data.content).toBe(
        "Charter doesn't have “Korea's AI Basic Act”; nearest passages in what it has:",
      );
      expect(data.embeds!.length).toBeGreaterThan(0);
      expect(data.allowed_mentions).toEqual({ parse: [] });
    });

    it('names an instrument it knows of but lacks as charter ask does, the link without a preview', async () => {
      const question = 'does the bletchley declaration ban social scoring';
      const data = dataOf((await real().run(slash('ask', { question }))).response);
      const found = index.search(question, { limit: 3 });
      const terminal = missingLine(found.missing ?? [], catalog)!;
      expect(terminal).toMatch(
        /^Charter doesn't hold the Bletchley Declaration \(28 countries and the EU, Bletchley Park, 1 Nov 2023\) — read it at https:\/\/www\.gov\.uk\/\S+; an operator can add it with charter add; nearest passages in what it has:$/,
      );
      // The same words on Discord; only the link (no preview card) and the command (code) are marked up.
      expect(data.content!.replace(/<(https:[^>]+)>/, '$1').replace('`charter add`', 'charter add')).toBe(
        terminal,
      );
      expect(data.allowed_mentions).toEqual({ parse: [] });
    });

    it('says nothing matches well instead of quoting passages that do not answer', async () => {
      const data = dataOf(
        (
          await real().run(
            slash('ask', { question: 'recipe to bake sourdough bread at home with a scoring knife' }),
          )
        ).response,
      );
      expect(data.embeds?.[0]?.title).toBe('Nothing matches well');
      expect(data.embeds?.[0]?.description).toContain('Nothing in the documents Charter holds matches');
      expect(data.flags).toBe(64);
    });
  });
});
