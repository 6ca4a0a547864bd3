// /quote reference — the words of one place in a document, with autocomplete that offers documents first,
// then the places inside the chosen one (choice values are stable `<docId>#<path>` ids).
import {
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { isQuoteLanguage } from '../src/answer/languages.js';
import { linksOf, type PlaceLinks } from '../src/answer/links.js';
import type { QuoteOutcome } from '../src/answer/outcome.js';
import { commonPrefix, examplePlace, placeId } from '../src/answer/places.js';
import { quote } from '../src/answer/quote.js';
import type { Services } from '../src/answer/services.js';
import { suggestReferences } from '../src/answer/suggest.js';
import { notFoundWording, quotedNote } from '../src/answer/wording.js';
import type { CatalogDocument } from '../src/corpus/catalog.js';
import { ID_PATTERNS, unitId } from '../src/corpus/citation.js';
import type { Passage, RefPath } from '../src/corpus/types.js';
import type { CommandModule, ComponentAction } from '../src/discord/command.js';
import { LIMITS } from '../src/discord/limits.js';
import type { ComponentRequest } from '../src/discord/normalize.js';
import { PASSAGE_ACTIONS } from '../src/discord/ui/components.js';
import { linksMenu } from '../src/discord/ui/links.js';
import {
  booleanOption,
  hideOption,
  INSTALLABLE_EVERYWHERE,
  mentionOf,
  mentionOption,
  stringOption,
} from '../src/discord/ui/options.js';
import { decodeState, encodeState } from '../src/discord/ui/state.js';
import { bilingualEmbed } from '../src/reply/bilingual.js';
import { BUDGETS } from '../src/reply/budgets.js';
import { plainText } from '../src/reply/escape.js';
import { passageEmbed } from '../src/reply/format.js';
import { DISCORD, noticeOf } from '../src/reply/notice.js';
import { expiredNotice as expired, type MessageReply, privateNotice } from '../src/reply/reply.js';
import { clip } from '../src/reply/truncate.js';

export interface QuoteParams {
  ephemeral?: boolean;
  mention?: string;
  /** The place's own links: shown as the "Refers to · Defined terms · Cited by" menu. */
  links?: PlaceLinks;
  /** Said above the quote: it shows the place that holds the one asked (wording.ts quotedNote). */
  note?: string;
}

/** The reply quoting one place: the text (cut at a sentence if long), Full text and Cite buttons. */
export function quoteReply(
  doc: CatalogDocument,
  locator: string,
  passages: readonly Passage[],
  params: QuoteParams,
  alongside?: { doc: CatalogDocument; locator: string; passages: readonly Passage[] },
): MessageReply {
  const role = (d: CatalogDocument): 'authentic' | 'translation' =>
    d.originalOf ? 'authentic' : 'translation';
  const built = alongside
    ? bilingualEmbed([
        { doc, locator, passages, role: role(doc) },
        { ...alongside, role: role(alongside.doc) },
      ])
    : passageEmbed(doc, passages, {
        budget: BUDGETS.quoteEmbed,
        locator,
        maxQuoteChars: BUDGETS.quoteChars,
      });
  const prefix: RefPath = commonPrefix(passages);
  const first = passages[0]!;
  const buttons = [
    built.cut || passages.length > 1
      ? encodeState({ action: 'full', unit: unitId(doc.id, first.path), page: 0 })
      : undefined,
    encodeState({
      action: 'cite',
      passageId: placeId(doc.id, prefix.length > 0 ? prefix : first.path),
      count: 0,
    }),
  ]
    .map((customId, i): APIButtonComponent | undefined =>
      customId
        ? {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: i === 0 ? 'Full text' : 'Cite',
            custom_id: customId,
          }
        : undefined,
    )
    .filter((b): b is APIButtonComponent => !!b);
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] =
    buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
  const menu =
    params.links && linksMenu(placeId(doc.id, prefix.length > 0 ? prefix : first.path), params.links);
  if (menu) components.push(menu);
  return {
    type: 'message',
    ...(params.note ? { content: params.note } : {}),
    embeds: [built.embed],
    components,
    ...(params.ephemeral ? { ephemeral: true } : {}),
    ...(params.mention ? { mention: params.mention } : {}),
    outcome: 'ok',
  };
}

/** What a quote came to, as a reply: the passages, or a notice saying which place to name instead. */
export function quoteResultReply(result: QuoteOutcome, params: QuoteParams): MessageReply {
  if (result.kind === 'quoted') {
    const note = quotedNote(result, DISCORD);
    return quoteReply(
      result.doc,
      result.locator,
      result.passages,
      note ? { ...params, note } : params,
      result.alongside,
    );
  }
  return noticeOf(notFoundWording(result, DISCORD));
}

/** Quotes a place privately, with its own links menu: where a chosen link, or a "Links" button, leads. */
async function quotePrivately(services: Services, id: string): Promise<MessageReply> {
  if (!ID_PATTERNS.passage.test(id)) return expired();
  const result = await quote(services, id);
  if (result.kind !== 'quoted') return expired();
  return quoteReply(result.doc, result.locator, result.passages, {
    ephemeral: true,
    links: linksOf(services, result.doc, result.passages),
  });
}

async function followLink(request: ComponentRequest, services: Services): Promise<MessageReply> {
  const state = decodeState(request.customId);
  const value = request.values[0] ?? '';
  if (state?.action !== 'links' || !/^[rtc]:/.test(value)) return expired();
  return quotePrivately(services, value.slice(2));
}

async function openLinks(request: ComponentRequest, services: Services): Promise<MessageReply> {
  const state = decodeState(request.customId);
  return state?.action === 'linksof' ? quotePrivately(services, state.place) : expired();
}

/** The links menu on a quote, and the "Links" button on an answer's passages. */
export const LINK_ACTIONS: readonly ComponentAction[] = [
  { action: 'links', handle: followLink },
  { action: 'linksof', handle: openLinks },
];

/** Autocomplete for `reference`: documents until one is named, then places in it matching what follows. */
export function referenceChoices(
  services: Services,
  partial: string,
): APIApplicationCommandOptionChoice<string>[] {
  const suggested = suggestReferences(services, partial);
  if (suggested.kind === 'documents') {
    return suggested.docs.slice(0, LIMITS.autocompleteChoices).map((doc) => {
      // The example in the document's own citation style (s. 5, 第五条), not "Art. 5" for every document.
      const example = examplePlace(doc, services.passagesOf(doc.id));
      return {
        name: clip(
          `${plainText(doc.shortTitle)} — type a place${example ? `, e.g. ${plainText(example)}` : ''}`,
          LIMITS.choiceName,
        ),
        value: doc.id,
      };
    });
  }
  const { doc, places } = suggested;
  return places
    .slice(0, LIMITS.autocompleteChoices)
    .map((place) => ({
      name: clip(plainText(`${doc.shortTitle}, ${place.locator}`), LIMITS.choiceName),
      value: placeId(doc.id, place.path),
    }))
    .filter((c) => c.value.length <= LIMITS.choiceValue);
}

export const quoteCommand: CommandModule = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'quote',
    description: 'Quote one place in a document word for word, e.g. Art. 5(1)(c) of the AI Act',
    ...INSTALLABLE_EVERYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'reference',
        description: 'Document and place, e.g. "AI Act Art. 5(1)(c)" (pick from the list)',
        required: true,
        autocomplete: true,
        max_length: 200,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'lang',
        description: 'For the Chinese measures: the authentic Chinese, the English translation, or both',
        choices: [
          { name: '中文 — Chinese (authentic)', value: 'zh' },
          { name: 'English (translation)', value: 'en' },
          { name: 'Both, side by side', value: 'both' },
        ],
      },
      hideOption,
      mentionOption,
    ],
  },
  async execute(request, services) {
    const reference = stringOption(request, 'reference');
    if (!reference)
      return privateNotice(
        'Which reference?',
        'Give a reference, e.g. `/quote reference: AI Act Art. 5(1)(c)`.',
      );
    const mention = mentionOf(request);
    const lang = stringOption(request, 'lang');
    const result = await quote(services, reference.trim(), lang && isQuoteLanguage(lang) ? lang : undefined);
    return quoteResultReply(result, {
      ephemeral: booleanOption(request, 'hide'),
      ...(mention ? { mention } : {}),
      ...(result.kind === 'quoted' && !result.alongside
        ? { links: linksOf(services, result.doc, result.passages) }
        : {}),
    });
  },
  autocomplete(request, services) {
    return { type: 'choices', choices: referenceChoices(services, request.focused.value) };
  },
  components: [...PASSAGE_ACTIONS, ...LINK_ACTIONS],
};
