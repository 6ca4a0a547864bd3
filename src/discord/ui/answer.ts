// The answer to a question: the best passages, quoted word for word, with buttons to page, read the full
// unit and cite, and a menu that narrows to one document. Shared by /ask, its buttons and "Find sources".
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { search } from '../../answer/ask.js';
import { linksOf } from '../../answer/links.js';
import type { AskOutcome, PassagePage } from '../../answer/outcome.js';
import { commonPrefix, leadInsShown, locatorOf, placeId } from '../../answer/places.js';
import type { Services } from '../../answer/services.js';
import { notFoundWording, passagesNote, weakWording } from '../../answer/wording.js';
import type { CatalogDocument } from '../../corpus/catalog.js';
import { unitId } from '../../corpus/citation.js';
import type { Passage } from '../../corpus/types.js';
import { BUDGETS } from '../../reply/budgets.js';
import { escapeMarkdown, escapeUserText, plainText } from '../../reply/escape.js';
import { passageEmbed } from '../../reply/format.js';
import { DISCORD, noticeOf } from '../../reply/notice.js';
import type { MessageReply } from '../../reply/reply.js';
import { clip } from '../../reply/truncate.js';
import { LIMITS } from '../limits.js';
import { encodeState, queryHash } from './state.js';

export { clampQuery, MAX_QUERY_CHARS } from '../../answer/query.js';

export const PAGE_SIZE = 3;
/** Prefix of the first embed's footer that carries the question, so buttons can read it back after a restart. */
export const QUESTION_FOOTER = 'Q: ';

/** The question read back from a message's first footer; undefined when missing or not matching the hash. */
export function questionFromFooter(footer: string | undefined, hash: string): string | undefined {
  if (!footer?.startsWith(QUESTION_FOOTER)) return undefined;
  const query = footer.slice(QUESTION_FOOTER.length);
  return queryHash(query) === hash ? query : undefined;
}

export interface AnswerParams {
  query: string;
  /** Who asked: the only one who may page or narrow. */
  owner: string;
  offset?: number;
  /** Only this document. */
  doc?: CatalogDocument;
  ephemeral?: boolean;
  mention?: string;
  /** Replace the message (paging, narrowing). */
  update?: boolean;
}

const row = (
  ...components: APIComponentInMessageActionRow[]
): APIActionRowComponent<APIComponentInMessageActionRow> => ({ type: ComponentType.ActionRow, components });

function button(
  label: string,
  customId: string | undefined,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
): APIButtonComponent | undefined {
  return customId
    ? {
        type: ComponentType.Button,
        style,
        label: clip(plainText(label), LIMITS.buttonLabel),
        custom_id: customId,
      }
    : undefined;
}

// Every menu lists the same few documents: their option texts are cleaned and cut once per document (and
// again only if its fields change).
interface MenuTexts {
  shortTitle: string;
  issuer: string;
  date: string;
  label: string;
  description: string;
}
const menuTexts = new WeakMap<CatalogDocument, MenuTexts>();

function menuTextsOf(doc: CatalogDocument): MenuTexts {
  const cached = menuTexts.get(doc);
  if (
    cached &&
    cached.shortTitle === doc.shortTitle &&
    cached.issuer === doc.issuer &&
    cached.date === doc.date
  )
    return cached;
  const texts: MenuTexts = {
    shortTitle: doc.shortTitle,
    issuer: doc.issuer,
    date: doc.date,
    label: clip(plainText(doc.shortTitle), LIMITS.selectOptionLabel),
    description: clip(plainText(`${doc.issuer} · ${doc.date}`), LIMITS.selectOptionDescription),
  };
  menuTexts.set(doc, texts);
  return texts;
}

/** The narrowing menu: all documents, plus the documents that have passages on the question. */
function narrowMenu(services: Services, params: AnswerParams, hash: string, listed: readonly string[]) {
  const customId = encodeState({ action: 'narrow', owner: params.owner, queryHash: hash });
  if (!customId) return undefined;
  const docIds = [...listed];
  if (params.doc && !docIds.includes(params.doc.id)) docIds.unshift(params.doc.id);
  const docs = docIds
    .map((id) => services.catalog.find((d) => d.id === id))
    .filter((d): d is CatalogDocument => !!d)
    .slice(0, LIMITS.selectOptions - 1);
  if (docs.length < 2 && !params.doc) return undefined;
  const options = [
    { label: 'All documents', value: '*', default: !params.doc },
    ...docs.map((d) => {
      const { label, description } = menuTextsOf(d);
      return { label, value: d.id, description, default: params.doc?.id === d.id };
    }),
  ];
  return row({
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: 'Narrow to one document…',
    options,
  });
}

/** Whether passages have links to follow: a resolved reference, a defined term, or a place citing them. */
function hasLinks(services: Services, doc: CatalogDocument, passages: readonly Passage[]): boolean {
  // Whether a place has links never changes for one corpus (services), and gathering them all just to decide
  // on a button was a fifth of an /ask: remembered per place, a bounded number of places.
  let known = linkedPlaces.get(services);
  if (!known) {
    known = new Map();
    linkedPlaces.set(services, known);
  }
  const key = passages.map((p) => p.id).join('\u0000');
  let has = known.get(key);
  if (has === undefined) {
    const links = linksOf(services, doc, passages);
    has = links.references.some((r) => r.id) || links.terms.length > 0 || links.citedBy.length > 0;
    if (known.size >= 4096) known.clear();
    known.set(key, has);
  }
  return has;
}

const linkedPlaces = new WeakMap<Services, Map<string, boolean>>();

/** Searches (never quotes) and shows one page of passages: for paging, narrowing and Find sources. */
export async function answer(services: Services, params: AnswerParams): Promise<MessageReply> {
  const outcome = await search(services, {
    query: params.query,
    limit: PAGE_SIZE,
    offset: params.offset ?? 0,
    facets: LIMITS.selectOptions,
    ...(params.doc ? { docs: [params.doc] } : {}),
  });
  if (outcome.kind === 'quoted') throw new Error('search never quotes');
  return outcomeReply(services, params, outcome);
}

/**
 * What /ask came to, as a reply: passages (with what is missing, or that the question was a reference naming
 * no place, said first), or a notice. A quote is replied by /quote's builder (commands/quote.ts).
 */
export function outcomeReply(
  services: Services,
  params: AnswerParams,
  outcome: Exclude<AskOutcome, { kind: 'quoted' }>,
): MessageReply {
  switch (outcome.kind) {
    case 'ambiguous':
    case 'not-found':
      return noticeOf(notFoundWording(outcome, DISCORD));
    case 'weak':
      return noticeOf(weakWording(outcome.query, outcome.scope, DISCORD));
    case 'missing':
    case 'found': {
      // Said first, in the asker's words: that the question was a reference naming no place (so the passages
      // are never taken for it), or what Charter lacks.
      const echo = (text: string) => escapeUserText(clip(text, BUDGETS.echoedName));
      const opening = passagesNote(outcome, services.catalog, DISCORD, { echo, name: escapeUserText });
      return passagesReply(services, params, outcome, opening);
    }
  }
}

/** The Links button of the passages shown, once per place in a message; undefined when they have no links. */
function linksButton(
  services: Services,
  doc: CatalogDocument,
  shown: readonly Passage[],
  linked: Set<string>,
): APIButtonComponent | undefined {
  const place = placeId(doc.id, commonPrefix(shown));
  if (linked.has(place) || !hasLinks(services, doc, shown)) return undefined;
  linked.add(place);
  return button('Links', encodeState({ action: 'linksof', place }));
}

/** One page of passages with their buttons and the narrowing menu. */
function passagesReply(
  services: Services,
  params: AnswerParams,
  found: PassagePage,
  opening: string | undefined,
): MessageReply {
  const offset = found.offset;
  const { hits } = found;
  const hash = queryHash(params.query);
  const budget = Math.floor(BUDGETS.passagesEmbeds / hits.length);
  const embeds: APIEmbed[] = [];
  const hitRows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const units = new Set<string>();
  // Two hits of one unit can share the place whose links they show: one Links button for it (Discord
  // refuses a message whose custom_ids repeat).
  const linked = new Set<string>();
  // Two points of one paragraph show its lead-in once.
  const leadIns = leadInsShown(hits);
  for (const [i, hit] of hits.entries()) {
    const doc = services.catalog.find((d) => d.id === hit.passages[0]?.docId);
    if (!doc) continue;
    const built = passageEmbed(doc, hit.passages, {
      terms: hit.terms,
      budget,
      leadIn: leadIns[i]!,
      ...(i === 0 ? { footer: `${QUESTION_FOOTER}${params.query}` } : {}),
    });
    embeds.push(built.embed);
    const first = built.shown[0]!;
    const unit = unitId(doc.id, first.path);
    const buttons = [
      units.has(unit)
        ? undefined
        : button(`Full text · ${locatorOf(built.shown)}`, encodeState({ action: 'full', unit, page: 0 })),
      button(
        `Cite ${offset + i + 1}`,
        encodeState({ action: 'cite', passageId: first.id, count: built.shown.length }),
      ),
      // The law's own links of the passage shown (quoted privately with its menu: the rows are all taken).
      linksButton(services, doc, built.shown, linked),
    ].filter((b): b is APIButtonComponent => !!b);
    units.add(unit);
    if (buttons.length > 0) hitRows.push(row(...buttons));
  }
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const menu = narrowMenu(services, params, hash, found.documents ?? []);
  if (menu) components.push(menu);
  components.push(...hitRows);
  if (found.more) {
    const more = button(
      'More results',
      encodeState({
        action: 'more',
        owner: params.owner,
        offset: offset + PAGE_SIZE,
        doc: params.doc?.id ?? '*',
        queryHash: hash,
      }),
      ButtonStyle.Primary,
    );
    if (more) components.push(row(more));
  }
  const scope = params.doc ? ` in **${escapeMarkdown(params.doc.shortTitle)}**` : '';
  const range = offset > 0 ? ` (results ${offset + 1}–${offset + hits.length})` : '';
  return {
    type: 'message',
    content: opening
      ? opening
      : `Passages for “${escapeUserText(clip(params.query, BUDGETS.echoedQuery))}”${scope}${range}`,
    embeds,
    components: components.slice(0, LIMITS.actionRows),
    ...(params.ephemeral ? { ephemeral: true } : {}),
    ...(params.mention ? { mention: params.mention } : {}),
    ...(params.update ? { update: true } : {}),
    outcome: 'ok',
  };
}
