// The state of Charter's buttons and menu, carried in the custom_id through the generic codec
// (src/discord/custom-id.ts). Decoding never trusts it: anything malformed decodes to null.
import { createHash } from 'node:crypto';
import { ID_PATTERNS } from '../../corpus/citation.js';
import { decodeCustomId, encodeCustomId } from '../custom-id.js';

export type ComponentState =
  /** Next page of /ask results; only `owner` may page. `doc` narrows to one document ('*' = all). */
  | { action: 'more'; owner: string; offset: number; doc: string; queryHash: string }
  /** The select menu that narrows an /ask answer to one document. */
  | { action: 'narrow'; owner: string; queryHash: string }
  /** Opens page `page` of the full text of one unit (`<docId>#<first path segment>`) in a new private message. */
  | { action: 'full'; unit: string; page: number }
  /** Turns the page inside that private full-text message. */
  | { action: 'page'; unit: string; page: number }
  /**
   * A copy-ready citation for `count` passages starting at `passageId`; with count 0, `passageId` is a
   * `<docId>#<path>` naming a place (a whole article, say) rather than one passage.
   */
  | { action: 'cite'; passageId: string; count: number }
  /** The "Refers to · Defined terms · Cited by" menu of the quoted place `place` (the options carry the targets). */
  | { action: 'links'; place: string }
  /** Quotes the place `place` privately with its links menu (the "Links" button on /ask). */
  | { action: 'linksof'; place: string };

const SNOWFLAKE = /^\d{15,21}$/;
const DOC_ID = ID_PATTERNS.doc;
const HASH = /^[0-9a-f]{8}$/;
const PASSAGE_ID = ID_PATTERNS.passage;
const UNIT_ID = ID_PATTERNS.unit;

/** A short fingerprint of the question, to check the question read back from the message is the same. */
export function queryHash(query: string): string {
  return createHash('sha256').update(query).digest('hex').slice(0, 8);
}

/** The custom_id for a state, or undefined when it would not fit in 100 characters. */
export function encodeState(state: ComponentState): string | undefined {
  let parts: (string | number)[];
  switch (state.action) {
    case 'more':
      parts = [state.owner, state.offset, state.doc, state.queryHash];
      break;
    case 'narrow':
      parts = [state.owner, state.queryHash];
      break;
    case 'full':
    case 'page':
      parts = [state.page, state.unit];
      break;
    case 'cite':
      parts = [state.count, state.passageId];
      break;
    case 'links':
    case 'linksof':
      parts = [state.place];
      break;
  }
  return encodeCustomId(state.action, parts);
}

const smallInt = (text: string | undefined, max: number): number | undefined => {
  if (text === undefined || !/^\d{1,4}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
};

/** Reads a custom_id back; null for anything this version did not write. */
export function decodeState(customId: unknown): ComponentState | null {
  const decoded = decodeCustomId(customId);
  if (!decoded) return null;
  const { action } = decoded;
  const [a, b, c, d, ...rest] = decoded.fields;
  switch (action) {
    case 'more': {
      const offset = smallInt(b, 1000);
      if (!SNOWFLAKE.test(a ?? '') || offset === undefined || !(c === '*' || DOC_ID.test(c ?? '')))
        return null;
      if (!HASH.test(d ?? '') || rest.length > 0) return null;
      return { action, owner: a!, offset, doc: c!, queryHash: d! };
    }
    case 'narrow':
      if (!SNOWFLAKE.test(a ?? '') || !HASH.test(b ?? '') || c !== undefined) return null;
      return { action, owner: a!, queryHash: b! };
    case 'full':
    case 'page': {
      const page = smallInt(a, 1000);
      if (page === undefined || !UNIT_ID.test(b ?? '') || c !== undefined) return null;
      return { action, page, unit: b! };
    }
    case 'cite': {
      const count = smallInt(a, 50);
      if (count === undefined || !PASSAGE_ID.test(b ?? '') || c !== undefined) return null;
      return { action, count, passageId: b! };
    }
    case 'links':
    case 'linksof':
      if (!PASSAGE_ID.test(a ?? '') || b !== undefined) return null;
      return { action, place: a! };
    default:
      return null;
  }
}
