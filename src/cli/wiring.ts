// The one place Charter's commands meet the Discord core: every transport (gateway, endpoint, answer
// workers) and deploy get their dispatcher, ack policy and definitions from here.
import { COMMANDS, commandDefinitions } from '../../commands/index.js';
import { linkTable } from '../answer/links.js';
import type { Services } from '../answer/services.js';
import { createAckPolicy, createDispatcher, type DispatcherOptions } from '../discord/dispatcher.js';

/**
 * The dispatcher over Charter's commands. The corpus's link table (the law's own links on /quote and /ask) is
 * read from the saved index (or built, when the index has none for this code and catalog) just after start,
 * once the transport is up, so neither readiness (/healthz) nor the first interaction's three seconds pay for
 * it (an interaction arriving meanwhile waits for it, once).
 */
export const charterDispatcher = (services: Services, options: DispatcherOptions = {}) => {
  setTimeout(() => void linkTable(services).reports, 0).unref(); // every document's terms too
  return createDispatcher(services, COMMANDS, options);
};

/** How a late answer is acknowledged, decided from the commands alone (for answers computed elsewhere). */
export const charterAckPolicy = createAckPolicy(COMMANDS);

/** What deploy registers. */
export const charterDefinitions = commandDefinitions;
