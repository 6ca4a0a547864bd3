// A reply payload (what the dispatcher sends Discord) → a standalone HTML page that looks like the message in
// Discord's dark theme. Used to picture real replies for the docs, so it renders the payload as it is and never
// re-formats it. Pure: no I/O. Every string from the payload is HTML-escaped; only http(s) links become hrefs.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APISelectMenuComponent,
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';

/** The parts of a message payload that show. */
export type MessagePayload = Pick<
  APIInteractionResponseCallbackData,
  'content' | 'embeds' | 'components' | 'flags'
>;

export interface RenderOptions {
  /** The bot's display name (default "Charter"). */
  botName?: string;
  /** Shown after the name; fixed by the caller so the page is reproducible (default "Today at 12:00"). */
  time?: string;
  /** The "<user> used /<command>" line Discord shows above a reply to a slash command. */
  invokedBy?: { username: string; command: string };
  /** Display names for user mentions; others show as @unknown-user, as in Discord. */
  userNames?: Readonly<Record<string, string>>;
  /** Page title (default: "<botName> reply"). */
  title?: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: it can never open a tag, an attribute or an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** An href only for an absolute http(s) URL; anything else (javascript:, data:, relative) is not a link. */
function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? escapeHtml(url) : undefined;
  } catch {
    return undefined;
  }
}

function link(url: string, labelHtml: string): string {
  const href = safeHref(url);
  return href ? `<a href="${href}">${labelHtml}</a>` : labelHtml;
}

// ---------------------------------------------------------------------------------------------------------
// Markdown: the subset Discord renders that Charter's replies use (and the markup its escaping guards against).

/** A character (escaped ones never act as markup) or a finished piece of HTML (code, link, mention). */
type Token = { ch: string; escaped: boolean } | { html: string };

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const AUTOLINK = /^<(https?:\/\/[^\s>]+)>/;
const MENTION = /^<(@!?|@&|#)(\d{1,20})>/;
const MASKED_LINK = /^\[((?:\\.|[^\]\\\n])+)\]\(<?(https?:\/\/[^\s)>]+)>?\)/;
const BARE_URL = /^https?:\/\/[^\s<]*[^\s<.,:;"')\]]/;

function lex(text: string, userNames: Readonly<Record<string, string>>): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const rest = text.slice(i);
    if (ch === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1]!)) {
      tokens.push({ ch: text[i + 1]!, escaped: true });
      i += 2;
      continue;
    }
    if (ch === '`') {
      const fence = /^`+/.exec(rest)![0];
      const close = text.indexOf(fence, i + fence.length);
      if (close > i + fence.length) {
        tokens.push({ html: `<code>${escapeHtml(text.slice(i + fence.length, close))}</code>` });
        i = close + fence.length;
      } else {
        for (const tick of fence) tokens.push({ ch: tick, escaped: true });
        i += fence.length;
      }
      continue;
    }
    const match =
      ch === '<'
        ? (AUTOLINK.exec(rest) ?? MENTION.exec(rest))
        : ch === '['
          ? MASKED_LINK.exec(rest)
          : ch === 'h' && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? '')
            ? BARE_URL.exec(rest)
            : null;
    if (match) {
      tokens.push({ html: special(match, userNames) });
      i += match[0].length;
      continue;
    }
    tokens.push({ ch, escaped: false });
    i += 1;
  }
  return tokens;
}

function special(match: RegExpExecArray, userNames: Readonly<Record<string, string>>): string {
  const [whole, first, second] = match;
  if (whole.startsWith('[')) return link(second!, renderInline(first!, userNames));
  if (whole.startsWith('<@') || whole.startsWith('<#')) {
    const name =
      first === '#'
        ? '#unknown-channel'
        : first === '@&'
          ? '@unknown-role'
          : `@${userNames[second!] ?? 'unknown-user'}`;
    return `<span class="mention">${escapeHtml(name)}</span>`;
  }
  const url = first ?? whole;
  return link(url, escapeHtml(url));
}

interface Delimiter {
  mark: string;
  tag: string;
  /** Word-bound marks (`_`) only count outside words, so snake_case stays as typed. */
  wordBound?: boolean;
}

// Longest first, so "**" is bold rather than two italics.
const DELIMITERS: Delimiter[] = [
  { mark: '**', tag: 'strong' },
  { mark: '__', tag: 'u' },
  { mark: '~~', tag: 's' },
  { mark: '||', tag: 'span class="spoiler"' },
  { mark: '*', tag: 'em' },
  { mark: '_', tag: 'em', wordBound: true },
];

const isMark = (token: Token | undefined, ch: string) =>
  token !== undefined && 'ch' in token && !token.escaped && token.ch === ch;
const isWordChar = (token: Token | undefined) =>
  token !== undefined && 'ch' in token && /[\p{L}\p{N}]/u.test(token.ch);
const isSpace = (token: Token | undefined) => token !== undefined && 'ch' in token && /\s/.test(token.ch);

function marksAt(tokens: Token[], at: number, mark: string): boolean {
  for (let k = 0; k < mark.length; k++) if (!isMark(tokens[at + k], mark[k]!)) return false;
  return true;
}

/** Where the span opened at `open` by `d` closes, or -1. */
function closing(tokens: Token[], open: number, end: number, d: Delimiter): number {
  const inner = open + d.mark.length;
  if (isSpace(tokens[inner])) return -1;
  if (d.wordBound && isWordChar(tokens[open - 1])) return -1;
  for (let j = inner + 1; j + d.mark.length <= end; j++) {
    if (!marksAt(tokens, j, d.mark)) continue;
    // A single mark that is half of a double one ("*" of "**") belongs to that double.
    if (d.mark.length === 1 && (isMark(tokens[j + 1], d.mark) || isMark(tokens[j - 1], d.mark))) continue;
    if (d.wordBound && isWordChar(tokens[j + 1])) continue;
    return j;
  }
  return -1;
}

function renderTokens(tokens: Token[], start: number, end: number): string {
  let out = '';
  let i = start;
  while (i < end) {
    const token = tokens[i]!;
    if ('html' in token) {
      out += token.html;
      i += 1;
      continue;
    }
    const d = token.escaped ? undefined : DELIMITERS.find((c) => marksAt(tokens, i, c.mark));
    const close = d ? closing(tokens, i, end, d) : -1;
    if (d && close >= 0) {
      const tagName = d.tag.split(' ')[0];
      out += `<${d.tag}>${renderTokens(tokens, i + d.mark.length, close)}</${tagName}>`;
      i = close + d.mark.length;
      continue;
    }
    out += escapeHtml(token.ch);
    i += 1;
  }
  return out;
}

/** One line of Discord markdown as inline HTML. */
export function renderInline(text: string, userNames: Readonly<Record<string, string>> = {}): string {
  const tokens = lex(text, userNames);
  return renderTokens(tokens, 0, tokens.length);
}

/** Discord markdown (quotes, headings, lists, code blocks, inline marks) as HTML. */
export function renderMarkdown(text: string, userNames: Readonly<Record<string, string>> = {}): string {
  return renderLines(text.split('\n'), userNames, true);
}

function renderLines(lines: string[], userNames: Readonly<Record<string, string>>, quotes: boolean): string {
  let out = '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = /^```([\w+-]*)$/.exec(line.trimEnd());
    const fenceEnd = fence ? lines.findIndex((l, k) => k > i && l.trimEnd().endsWith('```')) : -1;
    if (fenceEnd > i) {
      const code = [...lines.slice(i + 1, fenceEnd), lines[fenceEnd]!.trimEnd().slice(0, -3)];
      if (code[code.length - 1] === '') code.pop();
      out += `<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`;
      i = fenceEnd + 1;
      continue;
    }
    const rest = quotes ? /^>>> ?(.*)$/.exec(line) : null;
    if (rest) {
      out += quoteBlock(renderLines([rest[1]!, ...lines.slice(i + 1)], userNames, false));
      break;
    }
    if (quotes && /^> /.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^> /.test(lines[i]!)) quoted.push(lines[i++]!.slice(2));
      out += quoteBlock(renderLines(quoted, userNames, false));
      continue;
    }
    const heading = /^(#{1,3}) +(\S.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      out += `<h${level}>${renderInline(heading[2]!, userNames)}</h${level}>`;
      i += 1;
      continue;
    }
    const subtext = /^-# +(\S.*)$/.exec(line);
    if (subtext) {
      out += `<div class="subtext">${renderInline(subtext[1]!, userNames)}</div>`;
      i += 1;
      continue;
    }
    if (/^[-*] +\S/.test(line)) {
      let items = '';
      while (i < lines.length && /^[-*] +\S/.test(lines[i]!))
        items += `<li>${renderInline(lines[i++]!.replace(/^[-*] +/, ''), userNames)}</li>`;
      out += `<ul>${items}</ul>`;
      continue;
    }
    out += `${renderInline(line, userNames)}<br>`;
    i += 1;
  }
  return out;
}

const quoteBlock = (html: string) => `<div class="quote">${html}</div>`;

// ---------------------------------------------------------------------------------------------------------
// Message parts.

function colorOf(color: number | undefined): string {
  return Number.isInteger(color) && color! >= 0 && color! <= 0xffffff
    ? `#${color!.toString(16).padStart(6, '0')}`
    : '#1e1f22';
}

function renderEmbed(embed: APIEmbed, names: Readonly<Record<string, string>>): string {
  let out = `<div class="embed" style="border-left-color:${colorOf(embed.color)}">`;
  if (embed.author?.name) {
    const name = escapeHtml(embed.author.name);
    out += `<div class="embed-author">${embed.author.url ? link(embed.author.url, name) : name}</div>`;
  }
  if (embed.title) {
    const title = renderInline(embed.title, names);
    out += `<div class="embed-title">${embed.url ? link(embed.url, title) : title}</div>`;
  }
  if (embed.description)
    out += `<div class="embed-description markdown">${renderMarkdown(embed.description, names)}</div>`;
  if (embed.fields?.length) {
    out += '<div class="embed-fields">';
    for (const field of embed.fields) {
      out += `<div class="embed-field${field.inline ? ' inline' : ''}"><div class="embed-field-name">${renderInline(field.name, names)}</div><div class="embed-field-value markdown">${renderMarkdown(field.value, names)}</div></div>`;
    }
    out += '</div>';
  }
  const footer = [embed.footer?.text, embed.timestamp].filter((part): part is string => Boolean(part));
  if (footer.length > 0) out += `<div class="embed-footer">${footer.map(escapeHtml).join(' • ')}</div>`;
  return `${out}</div>`;
}

const BUTTON_CLASS: Record<number, string> = {
  [ButtonStyle.Primary]: 'primary',
  [ButtonStyle.Secondary]: 'secondary',
  [ButtonStyle.Success]: 'success',
  [ButtonStyle.Danger]: 'danger',
  [ButtonStyle.Link]: 'secondary',
  [ButtonStyle.Premium]: 'primary',
};

const EXTERNAL_ICON =
  '<svg class="icon" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M15 2a1 1 0 1 0 0 2h3.6l-7.3 7.3a1 1 0 0 0 1.4 1.4L20 5.4V9a1 1 0 1 0 2 0V3a1 1 0 0 0-1-1h-6ZM5 4a3 3 0 0 0-3 3v12a3 3 0 0 0 3 3h12a3 3 0 0 0 3-3v-6a1 1 0 1 0-2 0v6a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h6a1 1 0 1 0 0-2H5Z"/></svg>';
const CHEVRON_ICON =
  '<svg class="icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M5.3 9.3a1 1 0 0 1 1.4 0l5.3 5.3 5.3-5.3a1 1 0 1 1 1.4 1.4l-6 6a1 1 0 0 1-1.4 0l-6-6a1 1 0 0 1 0-1.4Z"/></svg>';

function renderButton(button: APIButtonComponent): string {
  const classes = ['button', BUTTON_CLASS[button.style] ?? 'secondary', button.disabled ? 'disabled' : '']
    .filter(Boolean)
    .join(' ');
  const emoji =
    'emoji' in button && button.emoji?.name ? `<span>${escapeHtml(button.emoji.name)}</span>` : '';
  const label = 'label' in button && button.label ? `<span>${escapeHtml(button.label)}</span>` : '';
  const external = button.style === ButtonStyle.Link ? EXTERNAL_ICON : '';
  return `<div class="${classes}">${emoji}${label}${external}</div>`;
}

function renderSelect(select: APISelectMenuComponent): string {
  const chosen =
    select.type === ComponentType.StringSelect
      ? select.options.filter((option) => option.default).map((option) => option.label)
      : [];
  const text =
    chosen.length > 0
      ? `<span class="select-value">${escapeHtml(chosen.join(', '))}</span>`
      : `<span class="select-placeholder">${escapeHtml(select.placeholder ?? 'Make a selection')}</span>`;
  return `<div class="select${select.disabled ? ' disabled' : ''}">${text}${CHEVRON_ICON}</div>`;
}

function renderRow(row: APIActionRowComponent<APIComponentInMessageActionRow>): string {
  const parts = row.components.map((component) =>
    component.type === ComponentType.Button ? renderButton(component) : renderSelect(component),
  );
  return `<div class="row">${parts.join('')}</div>`;
}

/** The message in an interaction response that carries one (a reply or an update); throws otherwise. */
export function messageOf(response: APIInteractionResponse): MessagePayload {
  if (
    response.type === InteractionResponseType.ChannelMessageWithSource ||
    response.type === InteractionResponseType.UpdateMessage
  )
    return response.data ?? {};
  throw new Error(`Interaction response type ${response.type} carries no message to render`);
}

const initial = (name: string) => escapeHtml([...name.trim()][0]?.toUpperCase() ?? '?');

/** The whole page: one Discord message from the bot, with its embeds and components. */
export function renderReplyHtml(
  input: APIInteractionResponse | MessagePayload,
  options: RenderOptions = {},
): string {
  const message = 'type' in input ? messageOf(input) : input;
  const names = options.userNames ?? {};
  const botName = options.botName ?? 'Charter';
  let body = '';
  if (options.invokedBy) {
    const { username, command } = options.invokedBy;
    body += `<div class="invocation"><span class="spine"></span><span class="mini-avatar">${initial(username)}</span><span class="invoker">${escapeHtml(username)}</span> used <span class="command">/${escapeHtml(command)}</span></div>`;
  }
  body += `<div class="header"><span class="name">${escapeHtml(botName)}</span><span class="badge">APP</span><span class="time">${escapeHtml(options.time ?? 'Today at 12:00')}</span></div>`;
  if (message.content)
    body += `<div class="content markdown">${renderMarkdown(message.content, names)}</div>`;
  for (const embed of message.embeds ?? []) body += renderEmbed(embed, names);
  const rows = (message.components ?? []).filter(
    (c): c is APIActionRowComponent<APIComponentInMessageActionRow> => c.type === ComponentType.ActionRow,
  );
  if (rows.length > 0) body += `<div class="components">${rows.map(renderRow).join('')}</div>`;
  if (((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0)
    body +=
      '<div class="ephemeral">Only you can see this • <span class="dismiss">Dismiss message</span></div>';
  const title = escapeHtml(options.title ?? `${botName} reply`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>
<body><div class="chat"><div class="message${options.invokedBy ? ' has-invocation' : ''}"><div class="avatar">${initial(botName)}</div><div class="message-body">${body}</div></div></div></body></html>
`;
}

// Discord's dark theme, by its published colour tokens (background #313338, embeds #2b2d31, links #00a8fc).
const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;background:#313338}
body{font-family:"gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,"Liberation Sans","DejaVu Sans",sans-serif;color:#dbdee1;font-size:16px;line-height:1.375;-webkit-font-smoothing:antialiased}
.chat{width:640px;padding:12px 0 16px}
a{color:#00a8fc;text-decoration:none}
.message{position:relative;padding:2px 16px 2px 72px}
.avatar{position:absolute;left:16px;top:4px;width:40px;height:40px;border-radius:50%;background:#3b82f6;color:#fff;font-weight:700;font-size:20px;display:flex;align-items:center;justify-content:center}
.has-invocation .avatar{top:26px}
.invocation{position:relative;display:flex;align-items:center;gap:4px;height:22px;font-size:14px;color:#949ba4;margin-bottom:2px}
.spine{position:absolute;left:-38px;top:10px;width:32px;height:14px;border-left:2px solid #4e5058;border-top:2px solid #4e5058;border-top-left-radius:6px}
.mini-avatar{width:16px;height:16px;border-radius:50%;background:#5865f2;color:#fff;font-size:10px;font-weight:700;display:inline-flex;align-items:center;justify-content:center}
.invoker{color:#dbdee1;font-weight:500}
.command{color:#00a8fc}
.header{display:flex;align-items:baseline;gap:4px;height:22px}
.name{color:#f2f3f5;font-weight:500}
.badge{background:#5865f2;color:#fff;font-size:10px;font-weight:600;line-height:15px;height:15px;padding:0 4px;border-radius:3px;position:relative;top:-2px}
.time{color:#949ba4;font-size:12px;margin-left:2px}
.content{white-space:pre-wrap;overflow-wrap:anywhere}
.markdown strong{font-weight:700;color:inherit}
.markdown code{font-family:Consolas,"Andale Mono WT","Andale Mono","Lucida Console","Liberation Mono","DejaVu Sans Mono",monospace;font-size:85%;background:#1e1f22;border-radius:3px;padding:0 .2em}
.markdown pre{margin:6px 0 0;padding:7px;background:#2b2d31;border:1px solid #1e1f22;border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere}
.markdown pre code{background:none;padding:0;font-size:14px}
.markdown h1,.markdown h2,.markdown h3{margin:8px 0 4px;color:#f2f3f5;line-height:1.375}
.markdown h1{font-size:24px}.markdown h2{font-size:20px}.markdown h3{font-size:16px}
.markdown ul{margin:4px 0 0 16px;padding:0}
.subtext{font-size:13px;color:#949ba4}
.spoiler{background:#1e1f22;color:#1e1f22;border-radius:3px}
.mention{background:rgba(88,101,242,.3);color:#c9cdfb;border-radius:3px;padding:0 2px;font-weight:500}
.quote{position:relative;padding:0 8px 0 12px}
.quote::before{content:"";position:absolute;left:0;top:0;bottom:0;width:4px;border-radius:4px;background:#4e5058}
.embed{max-width:516px;margin-top:4px;background:#2b2d31;border-left:4px solid #1e1f22;border-radius:4px;padding:8px 16px 16px 12px}
.embed+.embed{margin-top:8px}
.embed-author{margin-top:8px;font-size:14px;font-weight:600;color:#f2f3f5;line-height:1.375}
.embed-title{margin-top:8px;font-size:16px;font-weight:600;color:#f2f3f5;line-height:1.375}
.embed-description{margin-top:8px;font-size:14px;line-height:18px;overflow-wrap:anywhere}
.embed-fields{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.embed-field{flex:1 1 100%;font-size:14px;line-height:18px}
.embed-field.inline{flex:1 1 30%}
.embed-field-name{font-weight:600;color:#f2f3f5;margin-bottom:2px}
.embed-footer{margin-top:8px;font-size:12px;line-height:16px;color:#dbdee1}
.components{margin-top:4px}
.row{display:flex;flex-wrap:wrap;gap:8px;padding:4px 0}
.button{display:inline-flex;align-items:center;gap:6px;height:32px;min-width:60px;padding:2px 16px;border-radius:8px;font-size:14px;font-weight:500;line-height:16px;color:#fff;white-space:nowrap}
.button.primary{background:#5865f2}.button.secondary{background:#4e5058}
.button.success{background:#248046}.button.danger{background:#da373c}
.disabled{opacity:.5}
.select{display:flex;align-items:center;justify-content:space-between;width:400px;height:40px;padding:0 8px 0 12px;background:#1e1f22;border:1px solid #1e1f22;border-radius:4px;font-size:16px;font-weight:500}
.select-value{color:#dbdee1}.select-placeholder{color:#949ba4}
.select .icon{color:#b5bac1;flex:none}
.ephemeral{margin-top:4px;font-size:12px;color:#949ba4}
.dismiss{color:#00a8fc}
`;
