// The contract between the transports (gateway client, HTTP endpoint) and the pure core. Transports only
// translate: they parse the raw interaction once (`parseInteraction`), hand the `Interaction` to
// `Dispatcher.dispatch` and deliver what comes back. Neither commands nor formatting ever talk to Discord.
import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { Interaction } from './interaction.js';

export interface DispatchResult {
  /** The interaction response to deliver (HTTP response body, or POST .../callback over the gateway). */
  response: APIInteractionResponse;
  /** For logging: what was handled and how it went. */
  log: {
    type: string;
    command?: string;
    outcome: 'ok' | 'user-error' | 'error' | 'refused';
    correlationId?: string;
  };
}

export interface Dispatcher {
  /** Never throws: handler failures become an ephemeral "something went wrong" with a correlation id. */
  dispatch(interaction: Interaction): Promise<DispatchResult>;
  /**
   * The acknowledgement a transport sends when the answer is late: private when the answer will be
   * private (the command says so, or `hide` is set), so it is never announced in public. Never throws.
   */
  ackFor?(interaction: Interaction): APIInteractionResponse;
}
