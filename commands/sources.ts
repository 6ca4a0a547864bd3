// /sources [document] — the catalog with dates, status and links; for one document, its structure (counted
// from its passages) and where its text came from (source, fingerprint, licence).

import { type APIEmbed, ApplicationCommandType } from 'discord-api-types/v10';
import { newestFirst, type SourceRow, sources, structureSummary, textOrigin } from '../src/answer/sources.js';
import { notFoundWording } from '../src/answer/wording.js';
import { type CatalogDocument, isFlaggedStatus } from '../src/corpus/catalog.js';
import { describeCitation } from '../src/corpus/citation.js';
import { correctionsFor } from '../src/corpus/corrections.js';
import type { Passage } from '../src/corpus/types.js';
import type { CommandModule } from '../src/discord/command.js';
import { LIMITS } from '../src/discord/limits.js';
import { documentChoices } from '../src/discord/ui/documents.js';
import {
  booleanOption,
  documentOption,
  hideOption,
  INSTALLABLE_EVERYWHERE,
  stringOption,
} from '../src/discord/ui/options.js';
import { BUDGETS } from '../src/reply/budgets.js';
import { escapeMarkdown } from '../src/reply/escape.js';
import { COLORS, statusColor, statusLine } from '../src/reply/format.js';
import { DISCORD, noticeOf } from '../src/reply/notice.js';
import type { MessageReply } from '../src/reply/reply.js';
import { clip } from '../src/reply/truncate.js';

/** A URL safe inside a masked link (no closing parenthesis or spaces to end it early). */
const linkTarget = (url: string) => url.replace(/\)/g, '%29').replace(/\s/g, '%20');

function catalogLine(row: SourceRow): string {
  const name = `**${escapeMarkdown(row.shortTitle)}**`;
  const linked = row.url ? `[${name}](${linkTarget(row.url)})` : name;
  const status = isFlaggedStatus(row.status) ? `**${row.status.toUpperCase()}**` : row.status;
  const local = row.addedLocally ? ' · added locally' : '';
  return `${linked} · ${escapeMarkdown(row.jurisdiction)} · ${row.date} · ${status} · \`${row.id}\`${local}`;
}

export function catalogReply(rows: readonly SourceRow[]): MessageReply {
  const sorted = newestFirst(rows);
  const embeds: APIEmbed[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    embeds.push({ description: lines.join('\n'), color: COLORS.ok });
    lines = [];
  };
  let total = 0;
  for (const doc of sorted) {
    const line = catalogLine(doc);
    if (total + line.length + 1 > BUDGETS.catalogEmbeds) break;
    if ([...lines, line].join('\n').length > BUDGETS.catalogDescription) flush();
    lines.push(line);
    total += line.length + 1;
  }
  flush();
  const first = embeds[0];
  if (first) first.title = `${rows.length} documents (newest first)`;
  const last = embeds[embeds.length - 1];
  if (last)
    last.footer = { text: 'Use /sources document: <name> for a document’s structure and provenance.' };
  return { type: 'message', embeds: embeds.slice(0, LIMITS.embedsPerMessage), outcome: 'ok' };
}

export function documentReply(doc: CatalogDocument, passages: readonly Passage[]): MessageReply {
  const source = doc.source;
  const origin = textOrigin(doc);
  const fields = [
    { name: 'Structure', value: passages.length > 0 ? structureSummary(passages) : 'Not indexed yet.' },
    {
      name: 'Text taken from',
      value:
        'url' in origin
          ? `<${origin.url}>`
          : `${origin.text.charAt(0).toUpperCase()}${origin.text.slice(1)}.`,
    },
    {
      name: 'Fingerprint',
      value: `${source.format}, ${source.bytes.toLocaleString('en')} bytes, sha256 \`${source.sha256}\`${
        source.textSha256 && source.textSha256 !== source.sha256
          ? `\ntext sha256 \`${source.textSha256}\``
          : ''
      }`,
    },
    ...correctionsFor(doc.id).map((c, i, all) => ({
      name: all.length > 1 ? `Correction of the source copy (${i + 1})` : 'Correction of the source copy',
      value: `“${escapeMarkdown(c.find)}” → “${escapeMarkdown(c.replace)}”: ${escapeMarkdown(c.reason)}`,
    })),
    { name: 'Licence', value: escapeMarkdown(clip(doc.license, BUDGETS.licenceField)) },
    {
      name: 'Cited as',
      value: escapeMarkdown(describeCitation(doc.citation)),
    },
  ].map((f) => ({ name: f.name, value: clip(f.value, LIMITS.fieldValue) }));
  const embed: APIEmbed = {
    title: clip(doc.shortTitle, LIMITS.embedTitle),
    description: clip(`${escapeMarkdown(doc.title)}\n${statusLine(doc)}`, LIMITS.embedDescription),
    color: statusColor(doc),
    fields,
    footer: { text: `id: ${doc.id} · ${doc.kind} · ${doc.jurisdiction}` },
  };
  if (doc.officialUrl) embed.url = doc.officialUrl;
  return { type: 'message', embeds: [embed], outcome: 'ok' };
}

export const sourcesCommand: CommandModule = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'sources',
    description: 'The documents Charter quotes, with dates, status and links; or one document in detail',
    ...INSTALLABLE_EVERYWHERE,
    options: [
      documentOption('document', false, 'One document: its structure and where its text came from'),
      hideOption,
    ],
  },
  async execute(request, services) {
    const ephemeral = booleanOption(request, 'hide');
    const found = await sources(services.catalog, stringOption(request, 'document'), {
      count: (id) => services.passagesOf(id).length,
      passages: (id) => services.passagesOf(id),
    });
    if (found.kind === 'not-found') return noticeOf(notFoundWording(found, DISCORD));
    const reply =
      found.kind === 'catalog' ? catalogReply(found.rows) : documentReply(found.doc, found.passages);
    return { ...reply, ...(ephemeral ? { ephemeral } : {}) };
  },
  autocomplete(request, services) {
    return { type: 'choices', choices: documentChoices(services.catalog, request.focused.value) };
  },
};
