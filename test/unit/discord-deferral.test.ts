// One delivery policy for both transports (issue 13, W10): a late answer that will be private is announced
// privately ("thinking…" only the asker sees), then completed by editing that placeholder — never a
// public placeholder deleted and replaced. Autocomplete past the deadline gets no choices on both.
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { answerInteraction } from '../../src/discord/gateway.js';
import { deferringResponder } from '../../src/discord/http/deferral.js';
import { deliver, type RestLike } from '../../src/discord/respond.js';
import { createLogger } from '../../src/log.js';
import { autocomplete, messageCommand, slash } from '../fixtures/discord/interactions.js';
import { createRawDispatcher as createDispatcher, parsed } from '../fixtures/discord/parsed.js';
import { fakeServices } from '../fixtures/discord/services.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function slowDispatcher() {
  const base = fakeServices();
  const services = fakeServices({
    search: async (query, options) => {
      await sleep(40);
      return base.search(query, options);
    },
    passagesOf: (docId) => base.passagesOf(docId),
  });
  return createDispatcher(services, COMMANDS, { logger: createLogger({ write: () => {} }) });
}

function recordingRest() {
  const calls: string[] = [];
  const rest: RestLike & { calls: string[] } = {
    calls,
    post: async (route) => void calls.push(`POST ${route}`),
    patch: async (route) => void calls.push(`PATCH ${route}`),
    delete: async (route) => void calls.push(`DELETE ${route}`),
  };
  return rest;
}

const privateAck = { type: 5, data: { flags: 64 } };

describe('deferral: private when the answer will be private', () => {
  it('acknowledges /help, Find sources and hidden answers privately, and public answers publicly', () => {
    const dispatcher = slowDispatcher();
    expect(dispatcher.ackFor!(parsed(slash('help')))).toEqual(privateAck);
    expect(dispatcher.ackFor!(parsed(messageCommand('social scoring')))).toEqual(privateAck);
    expect(dispatcher.ackFor!(parsed(slash('ask', { question: 'q', hide: true })))).toEqual(privateAck);
    expect(dispatcher.ackFor!(parsed(slash('nonexistent')))).toEqual(privateAck);
    expect(dispatcher.ackFor!(parsed(slash('ask', { question: 'q' })))).toEqual({ type: 5 });
  });

  it('over HTTP, a late Find sources is a private "thinking…" edited into the answer', async () => {
    const dispatcher = slowDispatcher();
    const rest = recordingRest();
    const respond = deferringResponder({
      rest,
      logger: createLogger({ write: () => {} }),
      deadlineMs: 5,
      ackFor: (i) => dispatcher.ackFor!(i),
    });
    const interaction = parsed(messageCommand('social scoring'));
    const sent: APIInteractionResponse[] = [];
    const { deferred } = await respond(
      interaction,
      dispatcher.dispatch(interaction),
      (r) => void sent.push(r),
    );
    expect(deferred).toBe(true);
    expect(sent).toEqual([privateAck]);
    expect(rest.calls.map((c) => c.split(' ')[0])).toEqual(['PATCH']);
  });

  it('over the gateway, the same', async () => {
    const dispatcher = slowDispatcher();
    const rest = recordingRest();
    const bodies: unknown[] = [];
    const post = rest.post;
    rest.post = async (route, options) => {
      bodies.push(options.body);
      return post(route, options);
    };
    await answerInteraction(rest, dispatcher, parsed(messageCommand('social scoring')), { deadlineMs: 5 });
    expect(bodies[0]).toEqual(privateAck);
    expect(rest.calls.slice(1).map((c) => c.split(' ')[0])).toEqual(['PATCH']);
  });

  it('gives a late autocomplete no choices, on both transports', async () => {
    const slow = sleep(60).then(() => slowDispatcher().dispatch(autocomplete('ask', 'document', 'ai')));
    const sent: APIInteractionResponse[] = [];
    const delivered = await deliver(parsed(autocomplete('ask', 'document', 'ai')), slow, {
      rest: recordingRest(),
      sendInitial: (r) => void sent.push(r),
      deadlineMs: 5,
    });
    expect(sent).toEqual([{ type: 8, data: { choices: [] } }]);
    expect(delivered.failure).toBe('autocomplete past the deadline');
  });
});
