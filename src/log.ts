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

function replacer(key: string, value: unknown): unknown {
  if (key !== '' && SECRET_KEY.test(key) && value !== undefined && value !== null) return REDACTED;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** The line for one record: JSON, secrets masked. */
export function formatRecord(level: Level, msg: string, fields: Fields): string {
  return maskString(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, replacer));
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
