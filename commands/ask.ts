// /ask question [document] [hide] [mention] — the best passages on a question, quoted word for word. A
// question that reads like a reference ("article 5 ai act") is answered with the quote itself.

import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { ask } from '../src/answer/ask.js';
import { namedDocuments } from '../src/answer/documents.js';
import { clampQuery, MAX_QUERY_CHARS } from '../src/answer/query.js';
import { notFoundWording } from '../src/answer/wording.js';
import type { CommandModule } from '../src/discord/command.js';
import { LIMITS } from '../src/discord/limits.js';
import { outcomeReply, PAGE_SIZE } from '../src/discord/ui/answer.js';
import { ANSWER_ACTIONS } from '../src/discord/ui/components.js';
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
import { DISCORD, noticeOf } from '../src/reply/notice.js';
import { privateNotice } from '../src/reply/reply.js';
import { quoteResultReply } from './quote.js';

export const askCommand: CommandModule = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'ask',
    description: 'Ask about AI governance; get the exact words of the documents, with where they come from',
    ...INSTALLABLE_EVERYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'Your question, e.g. "which AI practices are prohibited?"',
        required: true,
        max_length: MAX_QUERY_CHARS,
      },
      documentOption(),
      hideOption,
      mentionOption,
    ],
  },
  async execute(request, services) {
    const raw = stringOption(request, 'question');
    const query = raw ? clampQuery(raw) : '';
    if (query === '')
      return privateNotice(
        'Which question?',
        'Type a question, e.g. `/ask question: which AI practices are prohibited?`',
      );
    const typedDoc = stringOption(request, 'document');
    const named = namedDocuments(services.catalog, typedDoc ? [typedDoc] : []);
    if (named.kind === 'not-found') return noticeOf(notFoundWording(named, DISCORD));
    const doc = named.docs[0];
    const mention = mentionOf(request);
    const common = { ephemeral: booleanOption(request, 'hide'), ...(mention ? { mention } : {}) };
    const result = await ask(services, {
      query,
      limit: PAGE_SIZE,
      facets: LIMITS.selectOptions,
      ...(doc ? { docs: [doc] } : {}),
    });
    if (result.kind === 'quoted') return quoteResultReply(result, common);
    return outcomeReply(
      services,
      { query, owner: request.user.id, ...(doc ? { doc } : {}), ...common },
      result,
    );
  },
  autocomplete(request, services) {
    return { type: 'choices', choices: documentChoices(services.catalog, request.focused.value) };
  },
  components: ANSWER_ACTIONS,
};
