// /sources [document] — the catalog with dates, status and links; for one document, its structure (counted
// from its passages) and where its text came from (source, fingerprint, licence).
import { type APIEmbed, ApplicationCommandType } from 'discord-api-types/v10';
import { findDocument } from '../src/answer/documents.js';
import type { Services } from '../src/answer/services.js';
import { newestFirst } from '../src/answer/sources.js';
import { type CatalogDocument, isFlaggedStatus } from '../src/corpus/catalog.js';
import { correctionsFor } from '../src/corpus/corrections.js';
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
import { escapeMarkdown, escapeUserText } from '../src/reply/escape.js';
import { COLORS, statusColor, statusLine, structureSummary } from '../src/reply/format.js';
import { type MessageReply, privateNotice } from '../src/reply/reply.js';
import { clip } from '../src/reply/truncate.js';

/** A URL safe inside a masked link (no closing parenthesis or spaces to end it early). */
const linkTarget = (url: string) => url.replace(/\)/g, '%29').replace(/\s/g, '%20');

function catalogLine(doc: CatalogDocument): string {
  const name = `**${escapeMarkdown(doc.shortTitle)}**`;
  const linked = doc.officialUrl ? `[${name}](${linkTarget(doc.officialUrl)})` : name;
  const status = isFlaggedStatus(doc.status) ? `**${doc.status.toUpperCase()}**` : doc.status;
  const local = doc.addedLocally ? ' · added locally' : '';
  return `${linked} · ${escapeMarkdown(doc.jurisdiction)} · ${doc.date} · ${status} · \`${doc.id}\`${local}`;
}

export function catalogReply(catalog: readonly CatalogDocument[]): MessageReply {
  const sorted = newestFirst(catalog);
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
  if (first) first.title = `${catalog.length} documents (newest first)`;
  const last = embeds[embeds.length - 1];
  if (last)
    last.footer = { text: 'Use /sources document: <name> for a document’s structure and provenance.' };
  return { type: 'message', embeds: embeds.slice(0, LIMITS.embedsPerMessage), outcome: 'ok' };
}

export function documentReply(doc: CatalogDocument, services: Services): MessageReply {
  const passages = services.passagesOf(doc.id);
  const source = doc.source;
  const fields = [
    { name: 'Structure', value: passages.length > 0 ? structureSummary(passages) : 'Not indexed yet.' },
    {
      name: 'Text taken from',
      value: source.url ? `<${source.url}>` : 'A copy supplied with Charter (no public download URL).',
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
      value: `${doc.citation.style}${doc.citation.unitLabel ? ` (${doc.citation.unitLabel})` : ''}`,
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
    const typed = stringOption(request, 'document');
    const ephemeral = booleanOption(request, 'hide');
    if (!typed) return { ...catalogReply(services.catalog), ...(ephemeral ? { ephemeral } : {}) };
    const doc = findDocument(services.catalog, typed);
    if (!doc) {
      return privateNotice(
        'Unknown document',
        `No document is called “${escapeUserText(clip(typed, BUDGETS.echoedName))}”. Run \`/sources\` for the list.`,
      );
    }
    return { ...documentReply(doc, services), ...(ephemeral ? { ephemeral } : {}) };
  },
  autocomplete(request, services) {
    return { type: 'choices', choices: documentChoices(services.catalog, request.focused.value) };
  },
};
