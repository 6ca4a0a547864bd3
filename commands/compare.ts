// /compare topic document1 document2 [document3..5] — the best passage on a topic from each document,
// side by side; a document with nothing on it says so plainly.
import {
  type APIApplicationCommandBasicOption,
  type APIEmbed,
  ApplicationCommandOptionType,
  ApplicationCommandType,
} from 'discord-api-types/v10';
import { compare } from '../src/answer/compare.js';
import { findDocument } from '../src/answer/documents.js';
import { clampQuery, MAX_QUERY_CHARS } from '../src/answer/query.js';
import type { CatalogDocument } from '../src/corpus/catalog.js';
import type { CommandModule } from '../src/discord/command.js';
import { LIMITS } from '../src/discord/limits.js';
import { documentChoices } from '../src/discord/ui/documents.js';
import {
  booleanOption,
  documentOption,
  hideOption,
  INSTALLABLE_EVERYWHERE,
  mentionOf,
  mentionOption,
  stringOption,
} from '../src/discord/ui/options.js';
import { BUDGETS } from '../src/reply/budgets.js';
import { escapeMarkdown, escapeUserText } from '../src/reply/escape.js';
import { COLORS, passageEmbed, statusLine } from '../src/reply/format.js';
import { privateNotice } from '../src/reply/reply.js';
import { clip } from '../src/reply/truncate.js';

const DOCUMENT_OPTIONS = ['document1', 'document2', 'document3', 'document4', 'document5'];

const documentOptions: APIApplicationCommandBasicOption[] = DOCUMENT_OPTIONS.map((name, i) =>
  documentOption(name, i < 2, i < 2 ? `Document ${i + 1} to compare` : `Document ${i + 1} (optional)`),
);

export const compareCommand: CommandModule = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'compare',
    description: 'What 2–5 documents each say on one topic, side by side',
    ...INSTALLABLE_EVERYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'The topic, e.g. "transparency obligations"',
        required: true,
        max_length: MAX_QUERY_CHARS,
      },
      ...documentOptions,
      hideOption,
      mentionOption,
    ],
  },
  async execute(request, services) {
    const topic = clampQuery(stringOption(request, 'topic') ?? '');
    if (topic === '')
      return privateNotice('Which topic?', 'Give a topic, e.g. `/compare topic: transparency`.');
    const docs: CatalogDocument[] = [];
    for (const name of DOCUMENT_OPTIONS) {
      const typed = stringOption(request, name);
      if (!typed) continue;
      const doc = findDocument(services.catalog, typed);
      if (!doc) {
        return privateNotice(
          'Unknown document',
          `No document is called “${escapeUserText(clip(typed, BUDGETS.echoedName))}”. Pick documents from the list as you type, or see \`/sources\`.`,
        );
      }
      if (!docs.includes(doc)) docs.push(doc);
    }
    if (docs.length < 2)
      return privateNotice('Two documents at least', 'Pick two to five different documents to compare.');
    const budget = Math.floor(BUDGETS.passagesEmbeds / docs.length);
    const embeds: APIEmbed[] = [];
    for (const { doc, hit } of await compare(services, topic, docs)) {
      if (hit) {
        embeds.push(passageEmbed(doc, hit.passages, { terms: hit.terms, budget }).embed);
      } else {
        embeds.push({
          title: clip(doc.shortTitle, LIMITS.embedTitle),
          description: `${statusLine(doc)}\n\n*${escapeMarkdown(doc.shortTitle)} has no passage on this topic.*`,
          color: COLORS.notice,
          ...(doc.officialUrl ? { url: doc.officialUrl } : {}),
        });
      }
    }
    const mention = mentionOf(request);
    return {
      type: 'message',
      content: `On “${escapeUserText(clip(topic, BUDGETS.echoedQuery))}”, in ${docs.length} documents:`,
      embeds,
      ...(booleanOption(request, 'hide') ? { ephemeral: true } : {}),
      ...(mention ? { mention } : {}),
      outcome: 'ok',
    };
  },
  autocomplete(request, services) {
    return { type: 'choices', choices: documentChoices(services.catalog, request.focused.value) };
  },
};
