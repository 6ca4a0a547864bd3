// Reply payloads of every command, produced through the real dispatcher over the real search index and
// reference resolver on a frozen fixture corpus (test/fixtures/answers). The snapshot file is the contract
// for refactoring: a change to it must be a deliberate fix, said so in its commit.
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import type { Services } from '../../src/answer/services.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { fixtureCharter } from '../fixtures/answers/corpus.js';
import { buttonByLabel, customIds, dataOf } from '../fixtures/discord/harness.js';
import {
  ASKER,
  autocomplete,
  click,
  FRIEND,
  messageCommand,
  OTHER,
  slash,
} from '../fixtures/discord/interactions.js';
import { createRawDispatcher as createDispatcher } from '../fixtures/discord/parsed.js';

const roomy = () =>
  new Cooldowns({ user: { limit: 1000, windowMs: 1000 }, channel: { limit: 1000, windowMs: 1000 } });

function dispatcherOver(services: Services, cooldowns: Cooldowns = roomy()) {
  return createDispatcher(services, COMMANDS, {
    logger: createLogger({ write: () => {} }),
    newRef: () => 'abc123',
    cooldowns,
  });
}

const footerOf = (response: APIInteractionResponse) => dataOf(response).embeds?.[0]?.footer?.text;

describe('reply snapshot', () => {
  it('keeps every command’s payload byte for byte', async () => {
    const charter = fixtureCharter();
    const dispatcher = dispatcherOver(charter.services);
    const out: { request: string; response: APIInteractionResponse; outcome: string }[] = [];
    const run = async (label: string, interaction: APIInteraction) => {
      const { response, log } = await dispatcher.dispatch(interaction);
      out.push({ request: label, response, outcome: log.outcome });
      return response;
    };

    // /ask and its buttons and menu
    const asked = await run(
      '/ask social scoring',
      slash('ask', { question: 'social scoring prohibited practices' }),
    );
    const footer = footerOf(asked);
    const data = dataOf(asked);
    await run('/ask hide', slash('ask', { question: 'deep fake disclose', hide: true }));
    await run('/ask mention', slash('ask', { question: 'transparency', mention: FRIEND }));
    await run('/ask mention self', slash('ask', { question: 'transparency', mention: ASKER }));
    await run('/ask in AI Act', slash('ask', { question: 'transparency', document: 'AI Act' }));
    await run(
      '/ask in a document by id',
      slash('ask', { question: 'identity', document: 'us-eo-14110-2023' }),
    );
    await run('/ask unknown document', slash('ask', { question: 'transparency', document: 'Magna Carta' }));
    await run('/ask blank', slash('ask', { question: '   ' }));
    await run('/ask nothing found', slash('ask', { question: 'zyxxy quuxle' }));
    await run('/ask reference', slash('ask', { question: 'article 5 ai act' }));
    await run('/ask reference + document', slash('ask', { question: 'Art. 7', document: 'deep synthesis' }));
    await run('/ask failed reference', slash('ask', { question: 'AI Act Art. 99999' }));
    await run('/ask failed reference, shared words', slash('ask', { question: 'Recital 99 of the AI Act' }));
    await run('/ask reference, unknown place', slash('ask', { question: 'Art. 3 NIST' }));
    await run('/ask markdown', slash('ask', { question: '*transparency* @everyone <@123> `x`' }));
    await run('/ask long providers', slash('ask', { question: 'providers shall' }));
    const more = customIds(data).find((id) => id.startsWith('c1|more|'));
    const narrow = customIds(data).find((id) => id.startsWith('c1|narrow|'));
    if (more) {
      await run('More', click(more, { footer }));
      await run('More by someone else', click(more, { footer, user: OTHER }));
      await run('More, question lost', click(more, { footer: 'Q: something else' }));
    }
    const providers = out.find((o) => o.request === '/ask long providers')!.response;
    const pMore = customIds(dataOf(providers)).find((id) => id.startsWith('c1|more|'))!;
    await run('More (providers)', click(pMore, { footer: footerOf(providers) }));
    const pNarrow = customIds(dataOf(providers)).find((id) => id.startsWith('c1|narrow|'))!;
    await run(
      'Narrow to AI Act',
      click(pNarrow, { footer: footerOf(providers), values: ['eu-ai-act-2024'] }),
    );
    await run('Narrow to all', click(pNarrow, { footer: footerOf(providers), values: ['*'] }));
    await run(
      'Narrow, private message',
      click(pNarrow, { footer: footerOf(providers), values: ['*'], ephemeral: true }),
    );
    if (narrow) await run('Narrow (first answer)', click(narrow, { footer, values: ['eu-ai-act-2024'] }));
    await run('Cite', click(buttonByLabel(data, 'Cite 1')));
    await run('Full text', click(buttonByLabel(data, 'Full text')));
    await run('Full text, long unit', click('c1|full|0|eu-ai-act-2024#art:12'));
    await run('Page 2', click('c1|page|1|eu-ai-act-2024#art:12', { ephemeral: true }));
    await run('Page past the end', click('c1|page|9|eu-ai-act-2024#art:12', { ephemeral: true }));
    await run('Cite a place', click('c1|cite|0|eu-ai-act-2024#art:5'));
    await run('Cite two passages', click('c1|cite|2|eu-ai-act-2024#art:5/1/a'));
    await run('Cite, gone', click('c1|cite|1|eu-ai-act-2024#art:77'));
    await run('Garbage custom id', click('x|y|z'));

    // /quote
    await run('/quote Art. 5(1)(c)', slash('quote', { reference: 'AI Act Art. 5(1)(c)' }));
    await run('/quote Art. 5', slash('quote', { reference: 'Art. 5 AI Act', hide: true }));
    await run('/quote long unit', slash('quote', { reference: 'AI Act Art. 12' }));
    await run('/quote place id', slash('quote', { reference: 'eu-ai-act-2024#art:50' }));
    await run('/quote EO', slash('quote', { reference: 'EO 14110 Sec. 4.2(a)', mention: FRIEND }));
    await run('/quote document only', slash('quote', { reference: 'AI Act' }));
    await run('/quote not found', slash('quote', { reference: 'Art. 99999 AI Act' }));
    await run('/quote nonsense', slash('quote', { reference: 'the moon' }));
    await run('/quote blank', slash('quote', { reference: ' ' }));

    // autocomplete
    await run('quote ac empty', autocomplete('quote', 'reference', ''));
    await run('quote ac ai', autocomplete('quote', 'reference', 'ai'));
    await run('quote ac AI Act art 5', autocomplete('quote', 'reference', 'AI Act art 5'));
    await run('quote ac AI Act', autocomplete('quote', 'reference', 'AI Act'));
    await run('quote ac eo 14110 sec 4', autocomplete('quote', 'reference', 'eo 14110 sec 4'));
    await run('ask ac document eo', autocomplete('ask', 'document', 'eo', { question: 'x' }));
    await run('compare ac nist', autocomplete('compare', 'document2', 'nist', { topic: 'x' }));
    await run('sources ac hiro', autocomplete('sources', 'document', 'hiro'));
    await run('sources ac typo', autocomplete('sources', 'document', 'hirosima'));
    await run('help ac (none)', autocomplete('help', 'x', 'y'));

    // /compare
    await run(
      '/compare',
      slash('compare', {
        topic: 'transparency',
        document1: 'AI Act',
        document2: 'g7-hiroshima-code-of-conduct-2023',
      }),
    );
    await run(
      '/compare three, one silent',
      slash('compare', {
        topic: 'watermarking',
        document1: 'AI Act',
        document2: 'Hiroshima',
        document3: 'NIST AI RMF',
        hide: true,
      }),
    );
    await run(
      '/compare three',
      slash('compare', {
        topic: 'watermarking',
        document1: 'AI Act',
        document2: 'Hiroshima code',
        document3: 'NIST AI RMF',
      }),
    );
    await run(
      '/compare one document',
      slash('compare', { topic: 'transparency', document1: 'AI Act', document2: 'AI Act' }),
    );
    await run(
      '/compare unknown',
      slash('compare', { topic: 'transparency', document1: 'AI Act', document2: 'Nope' }),
    );
    await run('/compare blank', slash('compare', { topic: '', document1: 'AI Act', document2: 'EO 14110' }));

    // /sources, /help, Find sources
    await run('/sources', slash('sources'));
    await run('/sources hide', slash('sources', { hide: true }));
    await run('/sources AI Act', slash('sources', { document: 'AI Act' }));
    await run('/sources report', slash('sources', { document: 'sg-model-ai-governance-framework-2020' }));
    await run('/sources unknown', slash('sources', { document: 'Nope' }));
    await run('/help', slash('help'));
    await run('Find sources', messageCommand('Are deep fakes labelled? Providers shall add labels, right?'));
    await run('Find sources, no text', messageCommand(''));

    // errors and refusals
    await run('unknown command', slash('frobnicate'));
    await run('modal submit', { ...slash('help'), type: 5 } as unknown as APIInteraction);
    await run('ping', { ...slash('help'), type: 1 } as unknown as APIInteraction);
    const failing = dispatcherOver({
      ...charter.services,
      search: () => {
        throw new Error('index exploded');
      },
    });
    const failed = await failing.dispatch(slash('ask', { question: 'transparency' }));
    out.push({ request: 'handler error', response: failed.response, outcome: failed.log.outcome });
    const failingPlaces = dispatcherOver({
      ...charter.services,
      passagesOf: () => {
        throw new Error('store exploded');
      },
    });
    const failedAc = await failingPlaces.dispatch(autocomplete('quote', 'reference', 'AI Act art'));
    out.push({ request: 'autocomplete error', response: failedAc.response, outcome: failedAc.log.outcome });
    const tight = dispatcherOver(
      charter.services,
      new Cooldowns(
        { user: { limit: 1, windowMs: 60_000 }, channel: { limit: 10, windowMs: 60_000 } },
        () => 0,
      ),
    );
    await tight.dispatch(slash('help'));
    const slow = await tight.dispatch(slash('help'));
    out.push({ request: 'user cooldown', response: slow.response, outcome: slow.log.outcome });
    const channel = dispatcherOver(
      charter.services,
      new Cooldowns(
        { user: { limit: 10, windowMs: 60_000 }, channel: { limit: 1, windowMs: 60_000 } },
        () => 0,
      ),
    );
    await channel.dispatch(slash('help', {}, ASKER));
    const busy = await channel.dispatch(slash('help', {}, OTHER));
    out.push({ request: 'channel cooldown', response: busy.response, outcome: busy.log.outcome });

    expect(out.length).toBeGreaterThanOrEqual(30);
    await expect(`${JSON.stringify(out, null, 1)}\n`).toMatchFileSnapshot('./replies.snapshot.json');
  });
});
