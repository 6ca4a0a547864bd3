// /help — what each command does, with one example each.
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandModule } from '../src/discord/command.js';
import { INSTALLABLE_EVERYWHERE } from '../src/discord/ui/options.js';
import { COLORS } from '../src/reply/format.js';

const ENTRIES: [string, string][] = [
  [
    '/ask',
    'The passages that answer a question, word for word, with their place and a link.\nExample: `/ask question: which AI practices are prohibited?`',
  ],
  [
    '/quote',
    'One place in a document, word for word. Autocomplete lists documents, then their places.\nExample: `/quote reference: AI Act, Art. 5(1)(c)`',
  ],
  [
    '/compare',
    'What 2–5 documents each say on a topic, side by side.\nExample: `/compare topic: transparency document1: AI Act document2: EO 14110`',
  ],
  [
    '/sources',
    'The documents covered, with dates, status and links; with a document, its structure and provenance.\nExample: `/sources document: AI Act`',
  ],
  [
    'Find sources',
    'Right-click a message → Apps → Find sources: passages that bear on what it says (shown only to you).',
  ],
  [
    'Options',
    '`hide`: only you see the answer. `mention`: the one person the answer is for (only they are pinged). `document`: search one document.',
  ],
];

export const helpCommand: CommandModule = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'help',
    description: 'What Charter can do, with an example for each command',
    ...INSTALLABLE_EVERYWHERE,
  },
  isPrivate: () => true,
  async execute() {
    return {
      type: 'message',
      ephemeral: true,
      embeds: [
        {
          title: 'Charter quotes AI-governance documents word for word',
          description:
            'Every answer is the documents’ own words with the exact place (Art. 5(1)(c), Sec. 4.2(a), para. 6) and a link to the official text. Nothing is paraphrased.',
          color: COLORS.ok,
          fields: ENTRIES.map(([name, value]) => ({ name, value })),
        },
      ],
      outcome: 'ok',
    };
  },
};
