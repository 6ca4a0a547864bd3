import { describe, expect, it } from 'vitest';
import type { DispatchResult } from '../../src/discord/contract.js';
import { deferredAckFor, followUpRequests, respondWithin } from '../../src/discord/respond.js';
import { click, slash } from '../fixtures/discord/interactions.js';
import { parsed } from '../fixtures/discord/parsed.js';

const result = (ephemeral = false, type = 4): DispatchResult => ({
  response: {
    type,
    data: { content: 'hi', allowed_mentions: { parse: [] }, ...(ephemeral ? { flags: 64 } : {}) },
  } as DispatchResult['response'],
  log: { type: 'command', outcome: 'ok' },
});
const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('respondWithin', () => {
  it('delivers the response itself when the work is quick', async () => {
    const events: string[] = [];
    const outcome = await respondWithin(
      200,
      later(5, result()),
      async () => void events.push('ack'),
      async () => void events.push('follow'),
    );
    expect(outcome.deferred).toBe(false);
    expect(events).toEqual([]);
  });

  it('acks at the deadline and follows up once both the ack and the work are done', async () => {
    const events: string[] = [];
    const outcome = await respondWithin(
      10,
      later(60, result()),
      async () => {
        await later(20, null);
        events.push('ack');
      },
      async () => void events.push('follow'),
    );
    expect(outcome.deferred).toBe(true);
    expect(events).toEqual(['ack', 'follow']);
  });
});

describe('deferral plumbing', () => {
  it('acks commands with "thinking" (private when hidden) and buttons silently', () => {
    expect(deferredAckFor(parsed(slash('ask', { question: 'q' })))).toEqual({ type: 5 });
    expect(deferredAckFor(parsed(slash('ask', { question: 'q', hide: true })))).toEqual({
      type: 5,
      data: { flags: 64 },
    });
    expect(deferredAckFor(parsed(click('c1|x')))).toEqual({ type: 6 });
  });

  it('edits the original when it can, else replaces the placeholder with a follow-up', () => {
    const i = { applicationId: '9', token: 'tok' };
    expect(followUpRequests(i, { type: 5 }, result().response)).toEqual([
      {
        method: 'PATCH',
        route: '/webhooks/9/tok/messages/@original',
        body: { content: 'hi', allowed_mentions: { parse: [] } },
      },
    ]);
    expect(followUpRequests(i, { type: 5 }, result(true).response).map((r) => r.method)).toEqual([
      'DELETE',
      'POST',
    ]);
    expect(
      followUpRequests(i, { type: 6 }, result(false, 7).response).map((r) => `${r.method} ${r.route}`),
    ).toEqual(['PATCH /webhooks/9/tok/messages/@original']);
    expect(followUpRequests(i, { type: 6 }, result(true).response)).toEqual([
      {
        method: 'POST',
        route: '/webhooks/9/tok',
        body: { content: 'hi', allowed_mentions: { parse: [] }, flags: 64 },
      },
    ]);
  });
});
