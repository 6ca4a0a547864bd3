// Where the project lives on disk, whether running from src/ (tests) or dist/src/ (the bin).
import { join, resolve } from 'node:path';
import { environment } from './config/env.js';
import { PROJECT_ROOT } from './config/root.js';

export { PROJECT_ROOT };

/**
 * Where synced documents and the saved index live (git-ignored). CHARTER_DATA_DIR overrides it; set but
 * empty it is refused, rather than silently meaning the current directory (issue 13, W8).
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(environment(env).dataDir ?? join(PROJECT_ROOT, 'data'));
}
