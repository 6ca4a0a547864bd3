// Buttons and the select menu. All state comes from the custom_id (and, for a question too long for it,
// the message footer checked against the hash in the custom_id), so they work after a restart.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { locatorOf, parsePlaceId, passagesUnder, placeLocator, sourceUrl } from '../../answer/places.js';
import type { Services } from '../../answer/services.js';
import { citeLine, passageTitle, statusColor, statusLine } from '../../reply/format.js';
import { fullTextPages } from '../../reply/full-text.js';
import { expiredNotice as expired, type MessageReply, privateNotice } from '../../reply/reply.js';
import type { ComponentAction } from '../command.js';
import type { ComponentRequest } from '../normalize.js';
import { answer, questionFromFooter } from './answer.js';
import { type ComponentState, decodeState, encodeState } from './state.js';

const notYours = () =>
  privateNotice(
    'Not your question',
    'Only the person who asked can page or narrow these results. Ask your own with `/ask`.',
    'refused',
  );

function fullText(
  services: Services,
  state: Extract<ComponentState, { action: 'full' | 'page' }>,
): MessageReply {
  const place = parsePlaceId(state.unit);
  const doc = place && services.catalog.find((d) => d.id === place.docId);
  const all = doc ? services.passagesOf(doc.id) : [];
  const passages = place ? passagesUnder(all, place.path) : [];
  if (!doc || !place || passages.length === 0) return expired();
  const pages = fullTextPages(passages);
  const page = Math.min(state.page, pages.length - 1);
  const nav = (label: string, target: number, disabled: boolean): APIButtonComponent | undefined => {
    const customId = encodeState({ action: 'page', unit: state.unit, page: target });
    return customId
      ? { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId, disabled }
      : undefined;
  };
  const buttons =
    pages.length > 1
      ? [
          nav('← Previous', Math.max(0, page - 1), page === 0),
          nav('Next →', Math.min(pages.length - 1, page + 1), page === pages.length - 1),
        ]
      : [];
  const unique = buttons.filter((b): b is APIButtonComponent => !!b);
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] =
    unique.length > 0 ? [{ type: ComponentType.ActionRow, components: unique }] : [];
  const locator = placeLocator(doc, all, place.path);
  const url = sourceUrl(doc, passages[0]);
  return {
    type: 'message',
    embeds: [
      {
        title: passageTitle(doc, locator),
        description: `${statusLine(doc)}\n\n${pages[page]}`,
        color: statusColor(doc),
        footer: { text: `Full text · page ${page + 1} of ${pages.length}` },
        ...(url ? { url } : {}),
      },
    ],
    components,
    ephemeral: true,
    ...(state.action === 'page' ? { update: true } : {}),
    outcome: 'ok',
  };
}

function cite(services: Services, state: Extract<ComponentState, { action: 'cite' }>): MessageReply {
  const place = parsePlaceId(state.passageId);
  const doc = place && services.catalog.find((d) => d.id === place.docId);
  if (!doc || !place) return expired();
  const all = services.passagesOf(doc.id);
  let locator: string;
  let first = all.find((p) => p.id === state.passageId);
  if (state.count === 0) {
    const under = passagesUnder(all, place.path);
    if (under.length === 0) return expired();
    locator = placeLocator(doc, all, place.path);
    first = under[0];
  } else {
    if (!first) return expired();
    const start = all.indexOf(first);
    locator = locatorOf(all.slice(start, start + state.count));
  }
  const line = citeLine(doc, locator, sourceUrl(doc, first));
  return {
    type: 'message',
    content: `\`\`\`\n${line.replace(/`/g, 'ʼ')}\n\`\`\``,
    ephemeral: true,
    outcome: 'ok',
  };
}

async function page(request: ComponentRequest, services: Services): Promise<MessageReply> {
  const state = decodeState(request.customId);
  if (!state || (state.action !== 'more' && state.action !== 'narrow')) return expired();
  if (state.owner !== request.user.id) return notYours();
  const query = questionFromFooter(request.message.firstFooter, state.queryHash);
  if (!query) return expired();
  const docId = state.action === 'more' ? state.doc : (request.values[0] ?? '*');
  const doc = docId === '*' ? undefined : services.catalog.find((d) => d.id === docId);
  if (docId !== '*' && !doc) return expired();
  return answer(services, {
    query,
    owner: state.owner,
    offset: state.action === 'more' ? state.offset : 0,
    ...(doc ? { doc } : {}),
    update: true,
    ...(request.message.ephemeral ? { ephemeral: true } : {}),
  });
}

function fullTextAction(request: ComponentRequest, services: Services): MessageReply {
  const state = decodeState(request.customId);
  return state && (state.action === 'full' || state.action === 'page')
    ? fullText(services, state)
    : expired();
}

function citeAction(request: ComponentRequest, services: Services): MessageReply {
  const state = decodeState(request.customId);
  return state?.action === 'cite' ? cite(services, state) : expired();
}

/** "More results" and the narrowing menu on an answer: only the asker may use them. */
export const ANSWER_ACTIONS: readonly ComponentAction[] = [
  { action: 'more', handle: page },
  { action: 'narrow', handle: page },
];

/** "Full text" (and its pages) and "Cite" on any quoted passage. */
export const PASSAGE_ACTIONS: readonly ComponentAction[] = [
  { action: 'full', handle: fullTextAction },
  { action: 'page', handle: fullTextAction },
  { action: 'cite', handle: citeAction },
];
