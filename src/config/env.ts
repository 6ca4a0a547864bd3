// THE environment (issue 17, point 8): every variable Charter reads, from the process environment with .env
// underneath it, checked by zod once per read, each listed with a comment in .env.example. The Discord
// settings are parsed per mode in ./index.ts (each mode asks only for what it needs); the settings every
// mode shares are here. A bad value is one sentence naming the variable and the fix — never its value.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotEnv } from 'dotenv';
import { z } from 'zod';
import { PROJECT_ROOT } from './root.js';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The environment with .env underneath it (a value set in the environment wins over the file). */
export function readEnv(env: Env = process.env, envFile = join(PROJECT_ROOT, '.env')): Env {
  const fromFile = existsSync(envFile) ? parseDotEnv(readFileSync(envFile)) : {};
  const merged: Env = { ...fromFile };
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && value !== '') merged[key] = value;
  return merged;
}

/** A flag as CI systems and no-color.org set them: any value but empty, "0" or "false" means on. */
const flag = z
  .string()
  .optional()
  .transform((value) => value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase()));

const SCHEMA = z.object({
  CHARTER_DATA_DIR: z
    .string()
    .trim()
    .min(
      1,
      'CHARTER_DATA_DIR is set but empty: unset it to use ./data, or set it to the folder for the synced documents.',
    )
    .optional(),
  CHARTER_MIRROR: z
    .string()
    .trim()
    .min(
      1,
      'CHARTER_MIRROR is set but empty: unset it, or set it to a folder of <id>.<ext> copies of the documents.',
    )
    .optional(),
  CI: flag,
  NO_COLOR: flag,
});

/** The shared variables, for the check that .env.example documents every variable Charter reads. */
export const SHARED_VARIABLES = Object.keys(SCHEMA.shape);

export interface Environment {
  /** CHARTER_DATA_DIR: where synced documents and the saved index live (default ./data). */
  dataDir?: string;
  /** CHARTER_MIRROR: a folder of <id>.<ext> copies of the documents, read before downloading. */
  mirror?: string;
  /** CI: plain progress lines, and golden tests fail instead of skipping without a mirror. */
  ci: boolean;
  /** NO_COLOR: no terminal styling (https://no-color.org). */
  noColor: boolean;
}

/**
 * The shared settings. A variable set but empty in the process environment is refused (it would otherwise
 * silently mean the default); left empty in .env it means unset, as .env.example leaves them.
 */
export function environment(env: Env = process.env, envFile?: string): Environment {
  const merged = readEnv(env, envFile);
  const raw = {
    CHARTER_DATA_DIR: env.CHARTER_DATA_DIR ?? merged.CHARTER_DATA_DIR,
    CHARTER_MIRROR: env.CHARTER_MIRROR ?? merged.CHARTER_MIRROR,
    CI: merged.CI,
    NO_COLOR: merged.NO_COLOR,
  };
  const parsed = SCHEMA.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]!.message);
  const { CHARTER_DATA_DIR, CHARTER_MIRROR, CI, NO_COLOR } = parsed.data;
  return {
    ...(CHARTER_DATA_DIR ? { dataDir: CHARTER_DATA_DIR } : {}),
    ...(CHARTER_MIRROR ? { mirror: CHARTER_MIRROR } : {}),
    ci: CI,
    noColor: NO_COLOR,
  };
}
