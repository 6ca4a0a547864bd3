// The types the endpoint's parts share: what /healthz reports, the logger they write to, and the responder
// that delivers a dispatched interaction (src/discord/http/deferral.ts makes the deferring one).
import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { Logger } from '../../log.js';
import type { DispatchResult } from '../contract.js';
import type { Interaction } from '../interaction.js';

export interface HealthStatus {
  corpusVersion: string;
  passages: number;
}

/** The endpoint logs through the shared structured logger (src/log.ts), which also masks tokens. */
export type HttpLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

/**
 * Delivers one dispatched interaction within Discord's window: calls `reply` exactly once with what goes into
 * the HTTP response (the answer, or an ack whose answer it then sends through the webhook) and resolves with
 * the final result, for the log line.
 */
export type Responder = (
  interaction: Interaction,
  work: Promise<DispatchResult>,
  reply: (response: APIInteractionResponse) => void,
) => Promise<{ deferred: boolean; result: DispatchResult }>;
