// `charter start`: the gateway bot. discord.js keeps the connection (intents: Guilds only — no Message
// Content; message commands carry their text). Interactions are taken from the raw INTERACTION_CREATE
// packet and parsed once (parseInteraction), exactly as the HTTP endpoint parses its body; its APIInteractionResponse
// is POSTed unchanged to the interaction callback route through client.rest (which handles rate limits and
// retries). Nothing here builds discord.js message objects.
import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import { createLogger, type Logger } from '../log.js';
import type { Dispatcher } from './contract.js';
import { type Interaction, parseInteraction } from './interaction.js';
import { deliver, type RestLike } from './respond.js';

const callbackRoute = (interaction: Interaction) =>
  `/interactions/${interaction.id}/${interaction.token}/callback` as const;

/** Answers one interaction over REST: directly within the deadline, else deferred and completed by webhook. */
export async function answerInteraction(
  rest: RestLike,
  dispatcher: Dispatcher,
  interaction: Interaction,
  options: { deadlineMs?: number; logger?: Logger } = {},
): Promise<void> {
  const started = performance.now();
  const ack = dispatcher.ackFor?.(interaction);
  const delivered = await deliver(interaction, dispatcher.dispatch(interaction), {
    rest,
    sendInitial: async (response) =>
      void (await rest.post(callbackRoute(interaction), { body: response, auth: false })),
    ...(ack ? { ack } : {}),
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
  });
  if (delivered.failure?.startsWith('follow-up failed'))
    options.logger?.error('follow-up failed', { error: delivered.failure });
  options.logger?.info('interaction', {
    ...delivered.result.log,
    ...(delivered.failure ? { outcome: 'error' } : {}),
    deferred: delivered.deferred,
    ms: Math.round(performance.now() - started),
  });
}

export interface GatewayBotOptions {
  token: string;
  /** What answers the interactions (built over the services and commands by the composition root). */
  dispatcher: Dispatcher;
  logger?: Logger;
  deadlineMs?: number;
  /** For tests: where REST and the gateway live. */
  clientOptions?: Partial<ClientOptions>;
}

export interface GatewayBot {
  client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createGatewayBot(options: GatewayBotOptions): GatewayBot {
  const logger = options.logger ?? createLogger();
  const { dispatcher } = options;
  const client = new Client({ ...options.clientOptions, intents: [GatewayIntentBits.Guilds] });
  const pending = new Set<Promise<void>>();

  client.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
    if (packet.t !== 'INTERACTION_CREATE' || !packet.d) return;
    const parsed = parseInteraction(packet.d);
    if (!parsed.ok) {
      // Without a valid id and token there is nothing to answer; what was sent stays out of the log.
      logger.warn('interaction refused', { reason: parsed.reason.split(':')[0] });
      return;
    }
    const work = answerInteraction(client.rest, dispatcher, parsed.interaction, {
      logger,
      ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
    }).catch((error: unknown) => logger.error('interaction delivery failed', { error }));
    pending.add(work);
    void work.finally(() => pending.delete(work));
  });
  client.once(Events.ClientReady, (ready) => {
    logger.info('ready', {
      user: ready.user.tag,
      guilds: ready.guilds.cache.size,
      shards: ready.ws.shards.map((s) => s.id),
    });
  });
  client.on(Events.Error, (error) => logger.error('client error', { error }));
  client.on(Events.ShardDisconnect, (_event, shardId) => logger.warn('shard disconnected', { shardId }));

  return {
    client,
    async start() {
      await client.login(options.token);
    },
    async stop() {
      // Let answers in flight finish (bounded), then close the connection.
      await Promise.race([
        Promise.allSettled([...pending]),
        new Promise((resolve) => setTimeout(resolve, 3000)),
      ]);
      await client.destroy();
      logger.info('stopped');
    },
  };
}
