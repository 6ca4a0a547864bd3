// Outcomes in Discord: the wording (src/answer/wording.ts) in Discord's medium — the asker's words escaped
// and clipped, references as code, commands as slash commands — laid out as a private notice.
import type { Medium, Wording } from '../answer/wording.js';
import { BUDGETS } from './budgets.js';
import { escapeMarkdown, escapeUserText, plainText } from './escape.js';
import { type MessageReply, privateNotice } from './reply.js';
import { clip } from './truncate.js';

export const DISCORD: Medium = {
  echo: (text) => escapeUserText(clip(text, BUDGETS.echoedQuery)),
  name: (text) => escapeMarkdown(clip(text, BUDGETS.echoedName)),
  code: (text) => `\`${plainText(text).replace(/`/g, '')}\``,
  // An official URL in angle brackets: a link without a preview card.
  link: (url) => `<${url}>`,
  command: (name) => `/${name}`,
  autocomplete: true,
};

/** The notice's text: the sentence, "Did you mean" once, then what to try (one line, or a list). */
export function noticeText(wording: Wording): string {
  const parts = [clip(wording.text, BUDGETS.reason + BUDGETS.echoedQuery)];
  if (wording.suggestions.length > 0)
    parts.push(`Did you mean: ${wording.suggestions.map(DISCORD.code).join(', ')}?`);
  if (wording.tries.length === 1) parts.push(`Try ${wording.tries[0]}.`);
  else if (wording.tries.length > 1) parts.push(`Try:\n${wording.tries.map((t) => `• ${t}`).join('\n')}`);
  return parts.join('\n\n');
}

export function noticeOf(wording: Wording): MessageReply {
  return privateNotice(wording.title, noticeText(wording));
}
