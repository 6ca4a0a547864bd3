// The law's own links on a quote: a select menu "Refers to · Defined terms · Cited by" whose options are the
// places themselves (`r:`/`t:`/`c:` + a place id), so choosing one quotes it privately, after a restart too
// (the handlers are /quote's, in quote.ts). On /ask, where the five action rows are taken, each passage has a
// "Links" button that quotes it privately with this menu.
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
  ComponentType,
} from 'discord-api-types/v10';
import { linkLabel, type PlaceLinks } from '../../answer/links.js';
import { plainText } from '../../reply/escape.js';
import { clip } from '../../reply/truncate.js';
import { LIMITS } from '../limits.js';
import { encodeState } from './state.js';

const KINDS = { r: 'Refers to', t: 'Defined term', c: 'Cited by' } as const;
type Kind = keyof typeof KINDS;

/** Options of one kind, most useful first (the order the links come in). */
function optionsOf(links: PlaceLinks): Record<Kind, APISelectMenuOption[]> {
  const option = (kind: Kind, id: string, label: string, description: string): APISelectMenuOption => ({
    label: clip(plainText(label).trim() || id, LIMITS.selectOptionLabel),
    value: `${kind}:${id}`,
    description: clip(plainText(description), LIMITS.selectOptionDescription),
  });
  const fits = (id: string | undefined): id is string => !!id && id.length + 2 <= LIMITS.selectOptionValue;
  // One option per place and kind: two terms defined in one place ("artificial intelligence" or "AI") are one.
  const once = (options: APISelectMenuOption[]) =>
    options.filter((o, i) => options.findIndex((x) => x.value === o.value) === i);
  const all = {
    r: links.references
      .filter((r) => r.status === 'resolved' && fits(r.id))
      .map((r) => option('r', r.id!, linkLabel(r), `${KINDS.r}: “${r.text}”`)),
    t: links.terms
      .filter((t) => fits(t.id))
      .map((t) => option('t', t.id, `${t.term} — ${t.locator}`, `${KINDS.t}, defined in ${t.locator}`)),
    c: links.citedBy
      .filter((c) => fits(c.id))
      .map((c) =>
        option('c', c.id, linkLabel(c), c.cites ? `${KINDS.c}: cites ${c.cites.locator}` : KINDS.c),
      ),
  };
  return { r: once(all.r), t: once(all.t), c: once(all.c) };
}

/**
 * The links menu, or undefined when there is nothing to follow. With more links than Discord's 25 options,
 * each kind keeps a fair share (references, then terms, then citing places) and the placeholder says how many
 * more there are.
 */
export function linksMenu(
  place: string,
  links: PlaceLinks,
): APIActionRowComponent<APIComponentInMessageActionRow> | undefined {
  const customId = encodeState({ action: 'links', place });
  if (!customId) return undefined;
  const all = optionsOf(links);
  const kinds: Kind[] = ['r', 't', 'c'];
  const total = kinds.reduce((n, k) => n + all[k].length, 0);
  if (total === 0) return undefined;
  // Round-robin shares: every kind gets a place before any gets a second one.
  const take: Record<Kind, number> = { r: 0, t: 0, c: 0 };
  for (let room = LIMITS.selectOptions; room > 0; ) {
    let gave = false;
    for (const k of kinds)
      if (room > 0 && take[k] < all[k].length) {
        take[k]++;
        room--;
        gave = true;
      }
    if (!gave) break;
  }
  const options = kinds.flatMap((k) => all[k].slice(0, take[k]));
  const counts = kinds
    .filter((k) => all[k].length > 0)
    .map((k) => `${k === 't' ? 'Defined terms' : KINDS[k]} ${all[k].length}`);
  const more = total - options.length;
  const placeholder = `${counts.join(' · ')}${more > 0 ? ` (and ${more} more: charter quote)` : ''}`;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: customId,
        placeholder: clip(placeholder, LIMITS.selectPlaceholder),
        options,
      },
    ],
  };
}
