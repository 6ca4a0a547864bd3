// The endpoint's logger, kept in memory so a test can read what was logged (and what was not).
import type { HttpLogger } from '../../src/discord/http/types.js';

export interface LogLine {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

export function memoryLogger(lines: LogLine[]): HttpLogger {
  const at =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      lines.push({ level, message, fields });
    };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
