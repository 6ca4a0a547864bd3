// Passages and catalog facts → embed parts. Pure: no Discord calls, no search. Every builder takes a size
// budget and stays within it; limits.ts has the numbers.
import type { APIEmbed } from 'discord-api-types/v10';
import {
  followingItems,
  jointBetween,
  leadInOf,
  locatorOf,
  OMISSION,
  omittedBetween,
  precedingItems,
  sourceUrl,
} from '../answer/places.js';
import { type CatalogDocument, isFlaggedStatus } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { LIMITS } from '../discord/limits.js';
import { BUDGETS } from './budgets.js';
import { escapeMarkdown, highlight, plainText, quoteBlock } from './escape.js';
import { clip, cutText, ELLIPSIS } from './truncate.js';

export const COLORS = {
  ok: 0x3b82f6,
  revoked: 0xdc2626,
  superseded: 0xf59e0b,
  draft: 0x9ca3af,
  notice: 0x6b7280,
};

export function statusColor(doc: CatalogDocument): number {
  if (doc.status === 'revoked' || doc.status === 'died on the order paper') return COLORS.revoked;
  if (doc.status === 'superseded') return COLORS.superseded;
  if (doc.status === 'draft') return COLORS.draft;
  return COLORS.ok;
}

/** "issuer · date · status", with a flagged status (revoked, superseded, lapsed) in bold and its note. */
export function statusLine(doc: CatalogDocument): string {
  const flagged = isFlaggedStatus(doc.status);
  const status = flagged ? `**${doc.status.toUpperCase()}**` : doc.status;
  const note = doc.statusNote ? ` (${escapeMarkdown(clip(doc.statusNote, BUDGETS.statusNote))})` : '';
  return `${escapeMarkdown(clip(doc.issuer, BUDGETS.issuer))} · ${doc.date} · ${status}${note}`;
}

const FORMAL_DESIGNATION =
  /^(?:Regulation \(EU\) \d{4}\/\d+|Directive \(EU\) \d{4}\/\d+|Executive Order \d+|[A-Z][A-Za-z]* Senate Bill(?: No\.)? [\d-]+)/;

/** How the document is formally named in a citation: its designation, or its title when short. */
function formalName(doc: CatalogDocument): string | undefined {
  const designation = FORMAL_DESIGNATION.exec(doc.title)?.[0];
  if (designation) return designation;
  return doc.title.length <= 90 ? doc.title : undefined;
}

/** A copy-ready citation: `Regulation (EU) 2024/1689 (AI Act), Art. 5(1)(c) — <url>`. */
export function citeLine(doc: CatalogDocument, locator: string, url = doc.officialUrl ?? undefined): string {
  const formal = formalName(doc);
  const name = formal && formal !== doc.shortTitle ? `${formal} (${doc.shortTitle})` : doc.shortTitle;
  return `${name}, ${locator}${url ? ` — <${url}>` : ''}`;
}

/** Embed title: short title and locator, cut to fit but never dropping the locator. */
export function passageTitle(doc: CatalogDocument, locator: string): string {
  const loc = clip(locator, BUDGETS.locatorInTitle);
  return `${clip(doc.shortTitle, LIMITS.embedTitle - loc.length - 3)} · ${loc}`;
}

/** The markdown line under a quote saying which items follow (empty when none). */
function followedBy(shown: readonly Passage[]): string {
  const names = followingItems(shown);
  return names ? `\n\n-# followed by ${escapeMarkdown(names)}` : '';
}

/** The markdown line above a quote saying which items of its list come before it (empty when none). */
function precededBy(passages: readonly Passage[]): string {
  const names = precedingItems(passages);
  // A block of its own: a quote block's lines all start with ">".
  return names ? `-# preceded by ${escapeMarkdown(names)}\n\n` : '';
}

/** Between two pieces of a quote that are not neighbours in the document: the omission mark, a paragraph. */
const OMISSION_JOINT = `\n\n${OMISSION}\n\n`;

export interface QuotedPassage {
  /** Markdown: the quote block (with context lead-in when useful). */
  markdown: string;
  /** The passages at least partly shown, for the locator. */
  shown: Passage[];
  /** Whether text was left out. */
  cut: boolean;
}

/**
 * The passages' words, verbatim, in a quote block with the terms in bold, within `maxChars` of markdown.
 * When cut, it ends at a sentence with "…"; the locator covers only what is shown.
 */
export function quotePassages(
  passages: readonly Passage[],
  terms: readonly string[],
  maxChars: number,
  showLeadIn = true,
): QuotedPassage {
  const context = showLeadIn ? leadInOf(passages[0]) : undefined;
  // A later piece of a unit shown first is marked as the rest of that unit, as a list point is.
  const lead =
    precededBy(passages) +
    (context
      ? `${quoteBlock(escapeMarkdown(context))}\n> ${OMISSION}\n`
      : passages[0]?.continued
        ? `> ${OMISSION}\n`
        : '');
  const render = (budget: number): QuotedPassage => {
    const shown: Passage[] = [];
    // Runs of passages that follow each other in the document; between two runs, words of the document
    // were left out, and the quote says so with an omission mark of its own.
    const runs: string[][] = [];
    let used = 0;
    let cut = false;
    for (const passage of passages) {
      const previous = shown.at(-1);
      const gap = previous !== undefined && omittedBetween(previous, passage);
      const joint = previous === undefined ? 0 : gap ? OMISSION_JOINT.length : 2;
      const room = budget - used - joint;
      // The first passage is always begun, however small the room: a tight budget (the markdown's escaping and
      // bold marks shrink it) once left an empty quote that claimed to show the passage.
      if (room < 40 && shown.length > 0) {
        cut = true;
        // No room for the next passage: the quote ends with "…" as a cut piece does, never as if complete.
        if (runs.length > 0) runs.at(-1)!.push(ELLIPSIS);
        break;
      }
      const piece = cutText(passage.text, room);
      if (gap || runs.length === 0) runs.push([]);
      const run = runs.at(-1)!;
      // The rest of a paragraph cut into pieces goes on in that paragraph, after a space.
      if (run.length > 0 && jointBetween(previous!, passage) === 'space')
        run[run.length - 1] += ` ${piece.text}`;
      else run.push(piece.text);
      shown.push(passage);
      used += piece.text.length + joint;
      if (piece.cut) {
        cut = true;
        break;
      }
    }
    const body = runs.map((run) => highlight(run.join('\n\n'), terms)).join(OMISSION_JOINT);
    const markdown = lead + quoteBlock(body) + followedBy(shown);
    return { markdown, shown: shown.length > 0 ? shown : passages.slice(0, 1), cut };
  };
  // Escaping and quote markers lengthen the text; shrink the raw budget until the markdown fits.
  let budget = Math.max(0, maxChars - lead.length);
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = render(budget);
    if (result.markdown.length <= maxChars) return result;
    budget = Math.floor(budget * Math.min(0.9, maxChars / result.markdown.length));
  }
  return { markdown: '> …', shown: passages.slice(0, 1), cut: true };
}

export interface PassageEmbedOptions {
  terms?: readonly string[];
  /** Characters this embed may use in all (title + author + description + footer). */
  budget: number;
  footer?: string;
  /** The place asked for (a quote of "Art. 5"), instead of the locator of the passages shown. */
  locator?: string;
  /** Most characters of quoted text, however much room there is: answers stay readable. Default 1,600. */
  maxQuoteChars?: number;
  /** false: the point's lead-in was shown by an earlier hit of the answer (`leadInsShown`). */
  leadIn?: boolean;
}

/** One embed for one hit: header with locator linked to the source, status line, quote. */
export function passageEmbed(
  doc: CatalogDocument,
  passages: readonly Passage[],
  options: PassageEmbedOptions,
): { embed: APIEmbed; cut: boolean; shown: Passage[] } {
  const status = statusLine(doc);
  const author = clip(plainText(passages[0]?.headingPath.join(' › ') ?? ''), BUDGETS.headingPath);
  const footer = options.footer ? clip(options.footer, LIMITS.footerText) : undefined;
  const titleGuess = passageTitle(doc, options.locator ?? locatorOf(passages));
  const fixed = titleGuess.length + author.length + (footer?.length ?? 0) + status.length + 2;
  const room = Math.min(
    LIMITS.embedDescription - status.length - 2,
    options.budget - fixed,
    options.maxQuoteChars ?? BUDGETS.passageQuoteChars,
  );
  const quoted = quotePassages(passages, options.terms ?? [], Math.max(60, room), options.leadIn !== false);
  const embed: APIEmbed = {
    title: passageTitle(doc, options.locator ?? locatorOf(quoted.shown)),
    description: `${status}\n\n${quoted.markdown}`,
    color: statusColor(doc),
  };
  const url = sourceUrl(doc, quoted.shown[0]);
  if (url) embed.url = url;
  if (author) embed.author = { name: author };
  if (footer) embed.footer = { text: footer };
  return { embed, cut: quoted.cut, shown: quoted.shown };
}

/** A plain notice embed (no results, unknown reference, help text). */
export function noticeEmbed(title: string, description: string): APIEmbed {
  return {
    title: clip(title, LIMITS.embedTitle),
    description: clip(description, LIMITS.embedDescription),
    color: COLORS.notice,
  };
}
