// `charter serve`'s structured log, kept for a test, with the moment the index is loaded as a promise: tests
// wait for readiness on that event instead of polling /healthz against a wall-clock budget.
import { createLogger, type Logger } from '../../src/log.js';

export interface ServeLog {
  logger: Logger;
  lines: string[];
  /** Resolves at "index loaded"; rejects at "index failed to load". */
  loaded: Promise<void>;
}

export function serveLog(): ServeLog {
  const lines: string[] = [];
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const loaded = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  loaded.catch(() => {});
  const logger = createLogger({
    write: (line) => {
      lines.push(line);
      if (line.includes('"index loaded"')) settle.resolve();
      if (line.includes('"index failed to load"')) settle.reject(new Error(line));
    },
  });
  return { logger, lines, loaded };
}
