// Structured logs: one JSON object per line. Secrets never reach the output: fields named like secrets are
// replaced, registered secret values and anything shaped like a bot token or webhook token are masked.

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

const REDACTED = '[redacted]';
const SECRET_KEY = /token|authorization|secret|password|public_?key|api_?key/i;
// A bot token: three base64url parts separated by dots; an interaction token inside a webhook route.
const TOKEN_SHAPE = /[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/g;
const WEBHOOK_ROUTE = /(webhooks\/\d+\/)[\w.-]+/g;
const INTERACTION_ROUTE = /(interactions\/\d+\/)[\w.-]+/g;

const secrets = new Set<string>();

/** Values (the token, keys) that must never appear in a log line, whatever field they hide in. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) secrets.add(value);
}

function maskString(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out
    .replace(TOKEN_SHAPE, REDACTED)
    .replace(WEBHOOK_ROUTE, `$1${REDACTED}`)
    .replace(INTERACTION_ROUTE, `$1${REDACTED}`);
}

/** A JSON replacer that masks secret fields, keeps an error's cause, and survives cycles. */
function makeReplacer(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return (key, value) => {
    if (key !== '' && SECRET_KEY.test(key) && value !== undefined && value !== null) return REDACTED;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object' || value === null) return value;
    // A record that refers to itself (or an error whose cause loops) must not make logging throw.
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (value instanceof Error) {
      const { name, message, stack } = value;
      // The cause says why (ECONNREFUSED under "fetch failed"): keep it, it is formatted the same way.
      return value.cause === undefined
        ? { name, message, stack }
        : { name, message, stack, cause: value.cause };
    }
    return value;
  };
}

/** The line for one record: JSON, secrets masked. Never throws: logging must not take a handler down. */
export function formatRecord(level: Level, msg: string, fields: Fields): string {
  const time = new Date().toISOString();
  try {
    return maskString(JSON.stringify({ time, level, msg, ...fields }, makeReplacer()));
  } catch (error) {
    return maskString(JSON.stringify({ time, level, msg, logError: String(error) }));
  }
}

export function createLogger(
  options: { write?: (line: string) => void; base?: Fields; level?: Level } = {},
): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const order: Level[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(options.level ?? 'info');
  const base = options.base ?? {};
  const at =
    (level: Level) =>
    (msg: string, fields: Fields = {}) => {
      if (order.indexOf(level) >= min) write(formatRecord(level, msg, { ...base, ...fields }));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => createLogger({ write, base: { ...base, ...fields }, level: options.level ?? 'info' }),
  };
}
