// Message context menu "Find sources": passages that bear on the selected message's text. The text comes
// from the interaction's resolved message, so the bot needs no Message Content intent.
import { ApplicationCommandType } from 'discord-api-types/v10';
import { clampQuery } from '../src/answer/query.js';
import type { CommandModule } from '../src/discord/command.js';
import { answer } from '../src/discord/ui/answer.js';
import { INSTALLABLE_EVERYWHERE } from '../src/discord/ui/options.js';
import { privateNotice } from '../src/reply/reply.js';

export const findSourcesCommand: CommandModule = {
  definition: {
    type: ApplicationCommandType.Message,
    name: 'Find sources',
    ...INSTALLABLE_EVERYWHERE,
  },
  isPrivate: () => true,
  async execute(request, services) {
    const query = clampQuery(request.target?.content ?? '');
    if (query === '') {
      return privateNotice(
        'No text to look up',
        'That message has no text (attachments and embeds are not read). Try `/ask` with its words.',
      );
    }
    return answer(services, { query, owner: request.user.id, ephemeral: true });
  },
};
