// The generic custom_id codec. Button and select state lives in custom_id (≤ 100 chars) so it still works
// after a restart: "c1|<action>|<field>|<field>…", versioned. Which actions exist and what their fields
// mean is the commands' business (each registers its actions); this module only frames and routes.
import { LIMITS } from './limits.js';

export const CUSTOM_ID_VERSION = 'c1';
const SEPARATOR = '|';
const ACTION = /^[a-z][a-z0-9-]{0,15}$/;

/** The custom_id for an action and its fields, or undefined when it would not fit (or a field has a '|'). */
export function encodeCustomId(action: string, fields: readonly (string | number)[]): string | undefined {
  if (!ACTION.test(action) || fields.some((f) => String(f).includes(SEPARATOR))) return undefined;
  const id = [CUSTOM_ID_VERSION, action, ...fields].join(SEPARATOR);
  return id.length <= LIMITS.customId ? id : undefined;
}

/** The action and fields of a custom_id this version wrote; null for anything else. Never throws. */
export function decodeCustomId(customId: unknown): { action: string; fields: string[] } | null {
  if (typeof customId !== 'string' || customId.length > LIMITS.customId) return null;
  const [version, action, ...fields] = customId.split(SEPARATOR);
  if (version !== CUSTOM_ID_VERSION || action === undefined || !ACTION.test(action)) return null;
  return { action, fields };
}
