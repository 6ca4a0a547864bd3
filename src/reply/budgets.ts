// Reply budgets: how much of Discord's limits (src/discord/limits.ts) each part of a reply may use, named
// once so a number in a builder always says what it is for. The room left over is for what a builder adds
// around the measured text (a title, the status line, a footer, escapes).
import { LIMITS } from '../discord/limits.js';

export const BUDGETS = {
  /** All the embeds of an answer or a comparison, shared equally among its passages. */
  passagesEmbeds: LIMITS.embedsTotal - 50,
  /** The one embed of a quote. */
  quoteEmbed: LIMITS.embedsTotal - 100,
  /** The quoted words of a quote (a passage in an answer gets `passageQuoteChars`). */
  quoteChars: 3500,
  passageQuoteChars: 1600,
  /** The catalog listing: all its embeds, and each embed's description. */
  catalogEmbeds: LIMITS.embedsTotal - 200,
  catalogDescription: LIMITS.embedDescription - 100,
  /** A document's licence in its /sources card. */
  licenceField: LIMITS.fieldValue - 100,
  /** One page of a unit's full text. */
  fullTextPage: LIMITS.embedDescription - 500,
  /** What a person typed, echoed back: a question or reference, and a document name. */
  echoedQuery: 200,
  echoedName: 100,
  /** A resolver's sentence on why a reference names no place. */
  reason: 500,
  /** Catalog facts in a status line, and a heading path as an embed's author line. */
  statusNote: 200,
  issuer: 160,
  locatorInTitle: 180,
  headingPath: 200,
} as const;
