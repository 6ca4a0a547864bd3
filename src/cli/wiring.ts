// The one place Charter's commands meet the Discord core: every transport (gateway, endpoint, answer
// workers) and deploy get their dispatcher, ack policy and definitions from here.
import { COMMANDS, commandDefinitions } from '../../commands/index.js';
import { linkTable } from '../answer/links.js';
import type { Services } from '../answer/services.js';
import { createAckPolicy, createDispatcher, type DispatcherOptions } from '../discord/dispatcher.js';

/**
 * The dispatcher over Charter's commands. The corpus's link table (the law's own links on /quote and /ask) is
 * built here, at start, so no interaction waits for it within Discord's three seconds.
 */
export const charterDispatcher = (services: Services, options: DispatcherOptions = {}) => {
  void linkTable(services).reports; // every document's terms too
  return createDispatcher(services, COMMANDS, options);
};

/** How a late answer is acknowledged, decided from the commands alone (for answers computed elsewhere). */
export const charterAckPolicy = createAckPolicy(COMMANDS);

/** What deploy registers. */
export const charterDefinitions = commandDefinitions;
