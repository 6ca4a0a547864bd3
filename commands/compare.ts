// /compare topic document1 document2 [document3..5] — the best passage on a topic from each document,
// side by side; a document with nothing on it says so plainly.

import {
  type APIApplicationCommandBasicOption,
  type APIEmbed,
  ApplicationCommandOptionType,
  ApplicationCommandType,
} from 'discord-api-types/v10';
import { compare } from '../src/answer/compare.js';
import { clampQuery, MAX_QUERY_CHARS } from '../src/answer/query.js';
import { comparedLine, noPassageOn, notFoundWording } from '../src/answer/wording.js';
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
import { COLORS, passageEmbed, statusLine } from '../src/reply/format.js';
import { DISCORD, noticeOf } from '../src/reply/notice.js';
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
    const names = DOCUMENT_OPTIONS.map((name) => stringOption(request, name)).filter(
      (typed): typed is string => typed !== undefined,
    );
    const compared = await compare(services, topic, names);
    if (compared.kind === 'not-found') return noticeOf(notFoundWording(compared, DISCORD));
    const docs = compared.rows.map((row) => row.doc);
    const budget = Math.floor(BUDGETS.passagesEmbeds / docs.length);
    const embeds: APIEmbed[] = [];
    for (const { doc, hit } of compared.rows) {
      if (hit) {
        embeds.push(passageEmbed(doc, hit.passages, { terms: hit.terms, budget }).embed);
      } else {
        embeds.push({
          title: clip(doc.shortTitle, LIMITS.embedTitle),
          description: `${statusLine(doc)}\n\n*${noPassageOn(doc, DISCORD)}*`,
          color: COLORS.notice,
          ...(doc.officialUrl ? { url: doc.officialUrl } : {}),
        });
      }
    }
    const mention = mentionOf(request);
    return {
      type: 'message',
      content: comparedLine(topic, docs.length, DISCORD),
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
