// One place in two languages side by side: the authentic Chinese text and the English translation as two
// inline fields of one embed (Discord shows inline fields next to each other), each within a field's limit,
// cut at a sentence with "…" when long (the Full text button gives the rest).
import type { APIEmbed } from 'discord-api-types/v10';
import { sourceUrl } from '../answer/places.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import type { Passage } from '../corpus/types.js';
import { LIMITS } from '../discord/limits.js';
import { plainText } from './escape.js';
import { passageTitle, quotePassages, statusColor, statusLine } from './format.js';
import { clip } from './truncate.js';

export interface BilingualSide {
  doc: CatalogDocument;
  locator: string;
  passages: readonly Passage[];
  /** "authentic" for the original, "translation" for an unofficial translation. */
  role: 'authentic' | 'translation';
}

const ROLE_LABELS = {
  authentic: '中文（正式文本）· Chinese, authentic',
  translation: 'English · unofficial translation',
} as const;

/** The embed showing both sides; `cut` when either side was shortened. */
export function bilingualEmbed(sides: readonly [BilingualSide, BilingualSide]): {
  embed: APIEmbed;
  cut: boolean;
} {
  const [first, second] = sides;
  let cut = false;
  const fields = sides.map((side) => {
    const name = clip(plainText(`${ROLE_LABELS[side.role]} — ${side.locator}`), LIMITS.fieldName);
    const quoted = quotePassages(side.passages, [], LIMITS.fieldValue);
    cut ||= quoted.cut;
    return { name, value: quoted.markdown, inline: true };
  });
  const embed: APIEmbed = {
    title: passageTitle(first.doc, `${first.locator} · ${second.doc.shortTitle}, ${second.locator}`),
    description: clip(`${statusLine(first.doc)}\n${statusLine(second.doc)}`, LIMITS.embedDescription),
    color: statusColor(first.doc),
    fields,
  };
  const url = sourceUrl(first.doc, first.passages[0]);
  if (url) embed.url = url;
  return { embed, cut };
}
