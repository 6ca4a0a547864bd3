// Every way talking to Discord's API can fail, as ONE sentence an operator can act on: the cause (401 bad
// token, 403 missing access, 404 unknown application or server, rate limit, Discord's own error, network
// unreachable) and what to check. Never the token.

/** What went wrong, for an error from @discordjs/rest, discord.js or the network; undefined if not Discord's. */
export function describeDiscordFailure(error: unknown, doing = 'talk to Discord'): string | undefined {
  const status = statusOf(error);
  if (status === 401)
    return `Discord refused the bot token (401 Unauthorized) when trying to ${doing}: check DISCORD_TOKEN (reset it in the Developer Portal if it was revoked).`;
  if (status === 403)
    return `Discord denied access (403 Missing Access) when trying to ${doing}: the bot must be in that server, invited with the applications.commands scope, and DISCORD_APPLICATION_ID must be the bot's own application.`;
  if (status === 404)
    return `Discord does not know that application or server (404 Not Found) when trying to ${doing}: check DISCORD_APPLICATION_ID and --guild.`;
  if (status === 429)
    return `Discord is rate-limiting these requests (429 Too Many Requests) when trying to ${doing}: wait a minute and try again.`;
  if (status !== undefined && status >= 500)
    return `Discord had an error of its own (${status}) when trying to ${doing}: try again later; https://discordstatus.com says whether it is down.`;
  if (status !== undefined) return `Discord answered ${status} when trying to ${doing}.`;
  const network = networkCode(error);
  if (network)
    return `Discord could not be reached (${network}) when trying to ${doing}: check this machine's network connection, DNS and proxy settings.`;
  if (isTokenInvalid(error))
    return `Discord refused the bot token when trying to ${doing}: check DISCORD_TOKEN (reset it in the Developer Portal if it was revoked).`;
  return undefined;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

const fieldOf = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

/** The HTTP status of a DiscordAPIError / HTTPError / RateLimitError. */
function statusOf(error: unknown): number | undefined {
  const status = fieldOf(error, 'status');
  if (typeof status === 'number' && status >= 400) return status;
  if (fieldOf(error, 'name') === 'RateLimitError' || fieldOf(error, 'retryAfter') !== undefined) return 429;
  return undefined;
}

/** The network error code anywhere in the cause chain ("fetch failed" → ENOTFOUND), or a timeout. */
function networkCode(error: unknown): string | undefined {
  for (let at = error, depth = 0; at !== undefined && at !== null && depth < 5; depth++) {
    const code = fieldOf(at, 'code');
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    const errors = fieldOf(at, 'errors'); // AggregateError of several addresses
    if (Array.isArray(errors) && errors.length > 0) return networkCode(errors[0]);
    if (fieldOf(at, 'name') === 'AbortError' || fieldOf(at, 'name') === 'TimeoutError') return 'timed out';
    at = fieldOf(at, 'cause');
  }
  return undefined;
}

function isTokenInvalid(error: unknown): boolean {
  const code = fieldOf(error, 'code');
  return (
    code === 'TokenInvalid' || code === 4004 || /\binvalid token\b/i.test(String(fieldOf(error, 'message')))
  );
}
