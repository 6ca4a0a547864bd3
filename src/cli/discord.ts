// The Discord commands of the `charter` CLI: start (gateway bot, optionally sharded), deploy (register the
// slash commands) and commands --json (print what deploy would send). Each returns an exit code.
import { join } from 'node:path';
import { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type { Services } from '../answer/services.js';
import { botConfig, ConfigError } from '../config/index.js';
import { commandsFor } from '../discord/deploy.js';
import { describeDiscordFailure } from '../discord/failure.js';
import { createLogger } from '../log.js';
import { PROJECT_ROOT } from '../paths.js';
import { parseCommandArgs } from './args.js';
import { charterDefinitions, charterDispatcher } from './wiring.js';

/** Settings problems are one sentence for the operator, not a stack trace. */
async function withConfig(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export interface DiscordDeps {
  /** Where Discord's API lives (tests point it at a local fake or an unreachable port). */
  api?: string;
}

/** A Discord failure as its one sentence (exit 1); anything else is rethrown. */
function discordFailure(error: unknown, doing: string): number {
  const sentence = describeDiscordFailure(error, doing);
  if (!sentence) throw error;
  console.error(sentence);
  return 1;
}

/** Checks the token and that Discord is reachable before anything is started (GET /gateway/bot). */
async function checkDiscord(token: string, deps: DiscordDeps): Promise<void> {
  const rest = new REST({
    version: '10',
    retries: 1,
    timeout: 15_000,
    ...(deps.api ? { api: deps.api } : {}),
  });
  await rest.setToken(token).get(Routes.gatewayBot());
}

/** `charter start [--shards auto|N]` — runs until SIGINT/SIGTERM, then shuts down cleanly. */
export async function runStart(
  args: string[],
  createServices: () => Services | Promise<Services>,
  deps: DiscordDeps = {},
): Promise<number> {
  const { values } = parseCommandArgs('start', args, { shards: { type: 'string' } });
  return withConfig(async () => {
    const config = botConfig();
    const logger = createLogger({ base: { component: 'gateway', pid: process.pid } });
    const totalShards =
      values.shards === undefined ? undefined : values.shards === 'auto' ? 'auto' : Number(values.shards);
    if (
      totalShards !== undefined &&
      totalShards !== 'auto' &&
      !(Number.isInteger(totalShards) && totalShards > 0)
    ) {
      console.error('--shards takes "auto" or a whole number of shards.');
      return 2;
    }
    try {
      await checkDiscord(config.token, deps);
    } catch (error) {
      return discordFailure(error, 'start the bot');
    }
    if (totalShards !== undefined) {
      const { startSharding, stopSharding } = await import('../discord/sharding.js');
      let manager: Awaited<ReturnType<typeof startSharding>>;
      try {
        manager = await startSharding({
          file: join(PROJECT_ROOT, 'bin', 'charter.js'),
          shardArgs: ['start'],
          token: config.token,
          totalShards,
          logger,
        });
      } catch (error) {
        return discordFailure(error, 'start the shards');
      }
      const signal = await waitForShutdownSignal();
      logger.info('shutting down', { signal });
      stopSharding(manager);
      return 0;
    }
    const services = await createServices();
    const { createGatewayBot } = await import('../discord/gateway.js');
    const bot = createGatewayBot({
      token: config.token,
      dispatcher: charterDispatcher(services, { logger }),
      logger,
      ...(deps.api ? { clientOptions: { rest: { api: deps.api } } } : {}),
    });
    const stopped = waitForShutdownSignal();
    try {
      await bot.start();
    } catch (error) {
      await bot.client.destroy();
      return discordFailure(error, 'connect to the gateway');
    }
    const signal = await stopped;
    logger.info('shutting down', { signal });
    await bot.stop();
    return 0;
  });
}

/** A Discord server id: a snowflake of 17–21 digits. `deploy` and `commands` check `--guild` alike. */
const isServerId = (value: string): boolean => /^\d{17,21}$/.test(value);
const GUILD_USAGE = '--guild takes a server id (a number of 17–21 digits).';

/** `charter deploy [--guild ID]` — one bulk overwrite of the commands, in a server or globally. */
export async function runDeploy(args: string[], deps: DiscordDeps = {}): Promise<number> {
  const { values } = parseCommandArgs('deploy', args, { guild: { type: 'string' } });
  return withConfig(async () => {
    const config = botConfig();
    const guildId = values.guild ?? config.guildId;
    if (guildId !== undefined && !isServerId(guildId)) {
      console.error(GUILD_USAGE);
      return 2;
    }
    const { deployCommands } = await import('../discord/deploy.js');
    const rest = new REST({ version: '10', ...(deps.api ? { api: deps.api } : {}) }).setToken(config.token);
    let count: number;
    try {
      count = await deployCommands(
        rest,
        config.applicationId,
        charterDefinitions(),
        guildId ? { guildId } : {},
      );
    } catch (error) {
      return discordFailure(
        error,
        guildId ? `register the commands in server ${guildId}` : 'register the commands',
      );
    }
    console.log(
      guildId
        ? `Registered ${count} commands in server ${guildId}.`
        : `Registered ${count} commands globally (may take up to an hour to appear).`,
    );
    return 0;
  });
}

/** `charter commands --json [--guild ID]` — exactly the JSON array deploy would send. */
export async function printCommands(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('commands', args, {
    json: { type: 'boolean' },
    guild: { type: 'string' },
  });
  if (values.guild !== undefined && !isServerId(values.guild)) {
    console.error(GUILD_USAGE);
    return 2;
  }
  const definitions = commandsFor(charterDefinitions(), values.guild ? { guildId: values.guild } : {});
  if (values.json) {
    console.log(JSON.stringify(definitions, null, 2));
    return 0;
  }
  for (const definition of definitions) {
    const description = 'description' in definition ? definition.description : '(message menu)';
    console.log(`${definition.name.padEnd(14)} ${description}`);
  }
  return 0;
}
