// Help names every key a command's --json prints: the keys of a printed value, and whether help names one.

/** Every key of a JSON value, at any depth. */
export function keys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keys(item, into);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keys(inner, into);
    }
  return into;
}

/** Whether a help text's JSON shape names a key ("{id, url?, …}"). */
export const named = (help: string, key: string) => new RegExp(`[{ ,]${key}\\??[,:}]`).test(help);
