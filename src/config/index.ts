// Settings from the environment and .env (the environment wins). Each mode asks only for what it needs; a
// missing or malformed setting is ONE sentence naming it and pointing to .env.example — never its value.
import { z } from 'zod';
import { registerSecret } from '../log.js';
import { ConfigError, type Env, readEnv, SHARED_VARIABLES } from './env.js';

export { ConfigError, type Environment, environment, readEnv } from './env.js';

interface Setting {
  schema: z.ZodType<string>;
  /** What a good value looks like, for the error sentence. */
  shape: string;
  secret?: boolean;
}

const SETTINGS = {
  DISCORD_TOKEN: {
    schema: z.string().regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/),
    shape: 'the bot token from the Developer Portal (three parts separated by dots)',
    secret: true,
  },
  DISCORD_APPLICATION_ID: {
    schema: z.string().regex(/^\d{17,21}$/),
    shape: 'the application id (a number of 17–21 digits)',
  },
  DISCORD_GUILD_ID: {
    schema: z.string().regex(/^\d{17,21}$/),
    shape: 'a server id (a number of 17–21 digits)',
  },
  DISCORD_PUBLIC_KEY: {
    schema: z.string().regex(/^[0-9a-fA-F]{64}$/),
    shape: 'the application public key (64 hexadecimal digits)',
    secret: true,
  },
  // The range is checked here, once, so PORT=99999 gets the same kind of sentence as --port 99999 rather than
  // Node's "options.port should be >= 0 and < 65536" from listen().
  PORT: {
    schema: z
      .string()
      .regex(/^\d{1,5}$/)
      .refine((value) => Number(value) <= 65_535),
    shape: 'a port number (a whole number from 0 to 65535)',
  },
} satisfies Record<string, Setting>;

type Name = keyof typeof SETTINGS;

/** Every environment variable Charter reads (each documented in .env.example). */
export const ALL_VARIABLES: readonly string[] = [...Object.keys(SETTINGS), ...SHARED_VARIABLES];

function read(env: Env, name: Name, required: boolean): string | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    if (required)
      throw new ConfigError(`${name} is not set: add it to .env (see .env.example for what it should hold).`);
    return undefined;
  }
  const setting: Setting = SETTINGS[name];
  if (!setting.schema.safeParse(raw).success) {
    throw new ConfigError(`${name} does not look like ${setting.shape}: fix it in .env (see .env.example).`);
  }
  if (setting.secret) registerSecret(raw);
  return raw;
}

export interface BotConfig {
  token: string;
  applicationId: string;
  guildId?: string;
}

/** `charter start` and `charter deploy`: token and application id; a guild id only if set. */
export function botConfig(env: Env = readEnv()): BotConfig {
  const token = read(env, 'DISCORD_TOKEN', true)!;
  const applicationId = read(env, 'DISCORD_APPLICATION_ID', true)!;
  const guildId = read(env, 'DISCORD_GUILD_ID', false);
  return { token, applicationId, ...(guildId ? { guildId } : {}) };
}

export interface EndpointConfig {
  publicKey: string;
  applicationId: string;
  /** Only needed to register commands from the endpoint host; follow-ups use the interaction token. */
  token?: string;
  port?: number;
}

/** The HTTP interactions endpoint: the public key to verify requests; no bot token needed. */
export function endpointConfig(env: Env = readEnv()): EndpointConfig {
  const publicKey = read(env, 'DISCORD_PUBLIC_KEY', true)!;
  const applicationId = read(env, 'DISCORD_APPLICATION_ID', true)!;
  const token = read(env, 'DISCORD_TOKEN', false);
  const port = read(env, 'PORT', false);
  return { publicKey, applicationId, ...(token ? { token } : {}), ...(port ? { port: Number(port) } : {}) };
}
