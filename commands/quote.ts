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
import type { CatalogDocument } from '../src/corpus/catalog.js';
import type { Passage, RefPath } from '../src/corpus/types.js';
import { encodeState } from '../src/discord/custom-id.js';
import { LIMITS } from '../src/discord/limits.js';
import type { Services } from '../src/discord/services.js';
import { escapeMarkdown, escapeUserText, plainText } from '../src/reply/escape.js';
import { passageEmbed } from '../src/reply/format.js';
import { type MessageReply, privateNotice } from '../src/reply/reply.js';
import { clip } from '../src/reply/truncate.js';
import { documentChoices, documentPrefix, findDocument } from './documents.js';
import {
  booleanOption,
  hideOption,
  INSTALLABLE_EVERYWHERE,
  mentionOf,
  mentionOption,
  stringOption,
} from './options.js';
import { commonPrefix, parsePlaceId, passagesUnder, placeId, placeLocator, placesOf } from './places.js';
import type { CommandModule } from './types.js';

export interface QuoteParams {
  ephemeral?: boolean;
  mention?: string;
}

/** The reply quoting one place: the text (cut at a sentence if long), Full text and Cite buttons. */
export function quoteReply(
  doc: CatalogDocument,
  locator: string,
  passages: readonly Passage[],
  params: QuoteParams,
): MessageReply {
  const built = passageEmbed(doc, passages, {
    budget: LIMITS.embedsTotal - 100,
    locator,
    maxQuoteChars: 3500,
  });
  const prefix: RefPath = commonPrefix(passages);
  const first = passages[0]!;
  const buttons = [
    built.cut || passages.length > 1
      ? encodeState({ action: 'full', unit: `${doc.id}#${first.path[0] ?? ''}`, page: 0 })
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
  return {
    type: 'message',
    embeds: [built.embed],
    components,
    ...(params.ephemeral ? { ephemeral: true } : {}),
    ...(params.mention ? { mention: params.mention } : {}),
    outcome: 'ok',
  };
}

function examplesOf(doc: CatalogDocument, services: Services): string {
  return placesOf(doc, services.passagesOf(doc.id))
    .filter((p) => p.path.length === 1)
    .slice(0, 3)
    .map((p) => `\`${plainText(p.locator).replace(/`/g, '')}\``)
    .join(', ');
}

/** Quotes a stable place id (from autocomplete) or a typed reference. */
export async function quoteReference(
  services: Services,
  reference: string,
  params: QuoteParams,
): Promise<MessageReply> {
  const place = parsePlaceId(reference);
  if (place) {
    const doc = services.catalog.find((d) => d.id === place.docId);
    const all = doc ? services.passagesOf(doc.id) : [];
    const passages = passagesUnder(all, place.path);
    if (doc && passages.length > 0)
      return quoteReply(doc, placeLocator(doc, all, place.path), passages, params);
  }
  const docOnly = findDocument(services.catalog, reference);
  if (docOnly) {
    return privateNotice(
      `Which part of ${docOnly.shortTitle}?`,
      `Add a place after the document, e.g. ${examplesOf(docOnly, services) || '`Art. 1`'}; autocomplete lists them as you type.`,
    );
  }
  const result = await services.quote(reference);
  if (result.ok && result.passages.length > 0)
    return quoteReply(result.doc, result.locator, result.passages, params);
  const suggestions = result.ok ? [] : result.suggestions.slice(0, 5);
  const why = result.ok ? 'That place has no text.' : escapeMarkdown(clip(result.message, 500));
  return privateNotice(
    'Reference not found',
    `“${escapeUserText(clip(reference, 200))}”: ${why}` +
      (suggestions.length > 0
        ? `\n\nDid you mean: ${suggestions.map((s) => `\`${plainText(s).replace(/`/g, '')}\``).join(', ')}?`
        : '') +
      '\n\nTry a reference with its document, e.g. `Art. 5(1)(c) AI Act`, or pick one from the autocomplete list.',
  );
}

/** People type "article 5(1)" or "Art. 5 1"; locators read "Art. 5(1)". Both fold to "art 5 1". */
export function referenceKey(text: string): string {
  return plainText(text)
    .toLowerCase()
    .replace(/\barticles?\b/g, 'art')
    .replace(/\bsections?\b|§/g, 'sec')
    .replace(/\bparagraphs?\b/g, 'para')
    .replace(/\brecitals\b/g, 'recital')
    .replace(/\bannexes\b/g, 'annex')
    .replace(/\bpoints?\b/g, ' ')
    .replace(/[^\p{L}\p{N}.]+|\.(?!\d)/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Autocomplete for `reference`: documents until one is named, then places in it matching what follows. */
export function referenceChoices(
  services: Services,
  partial: string,
): APIApplicationCommandOptionChoice<string>[] {
  const named = documentPrefix(services.catalog, partial);
  if (!named) {
    return documentChoices(services.catalog, partial).map((c) => {
      const doc = services.catalog.find((d) => d.id === c.value)!;
      return {
        name: clip(`${plainText(doc.shortTitle)} — type a place, e.g. Art. 5`, LIMITS.choiceName),
        value: c.value,
      };
    });
  }
  const rest = referenceKey(named.rest.replace(/^\d{4}\b/, ''));
  const places = placesOf(named.doc, services.passagesOf(named.doc.id));
  const matches = places.filter((place) => {
    if (rest === '') return place.path.length === 1;
    const key = referenceKey(place.locator);
    return key.startsWith(rest) || key.split(' ').slice(1).join(' ').startsWith(rest);
  });
  return matches
    .slice(0, LIMITS.autocompleteChoices)
    .map((place) => ({
      name: clip(plainText(`${named.doc.shortTitle}, ${place.locator}`), LIMITS.choiceName),
      value: placeId(named.doc.id, place.path),
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
    return quoteReference(services, reference.trim(), {
      ephemeral: booleanOption(request, 'hide'),
      ...(mention ? { mention } : {}),
    });
  },
  autocomplete(request, services) {
    return { type: 'choices', choices: referenceChoices(services, request.focused.value) };
  },
};
