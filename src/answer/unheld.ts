// How an answer names an instrument Charter knows of but does not hold (corpus/instruments.json): one wording
// for every front end (/ask, Find sources, `charter ask`), from the facts alone — "the Bletchley Declaration
// (28 countries and the EU, Bletchley Park, 1 Nov 2023) — read it at <official URL>".
import type { KnownFacts } from '../search/instruments.js';
import type { MissingName } from '../search/types.js';

/** How a front end shows the parts of the note: plain by default (a terminal, JSON). */
export interface NoteMedium {
  /** Text from the catalog or the known list (a name, an issuer). */
  name(text: string): string;
  /** An official URL. */
  link(url: string): string;
  /** A command to type. */
  code(text: string): string;
}

export const PLAIN_NOTE: NoteMedium = { name: (text) => text, link: (url) => url, code: (text) => text };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-11-01" → "1 Nov 2023". */
export function shortDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month! - 1]} ${year}`;
}

/** "the Bletchley Declaration (28 countries and the EU, Bletchley Park, 1 Nov 2023) — read it at <url>" */
export function unheldName(known: KnownFacts, m: NoteMedium = PLAIN_NOTE): string {
  const facts = [known.issuer, known.place, known.date && shortDate(known.date)].filter(
    (fact): fact is string => !!fact,
  );
  // A title that begins with an article is quoted whole, so its capital does not read as a slip mid-sentence
  // ("Charter doesn't hold “A pro-innovation approach to AI regulation” (…)", trial 7).
  const title = /^(?:A|An|The)\s/.test(known.name) ? `“${m.name(known.name)}”` : m.name(known.name);
  const name = `${known.the ? 'the ' : ''}${title} (${facts.map(m.name).join(', ')})`;
  return known.url ? `${name} — read it at ${m.link(known.url)}` : name;
}

/**
 * The clause for the known instruments a question names: "Charter doesn't hold the Bletchley Declaration (…) —
 * read it at <url>; an operator can add it with `charter add`", or undefined when it names none.
 */
export function unheldClause(known: readonly KnownFacts[], m: NoteMedium = PLAIN_NOTE): string | undefined {
  if (known.length === 0) return undefined;
  const it = known.length === 1 ? 'it' : 'them';
  return `Charter doesn't hold ${known.map((k) => unheldName(k, m)).join('; nor ')}; an operator can add ${it} with ${m.code('charter add')}`;
}

/** One missing name in `--json`: `{name, kind, issuer?, date?, url?}` (a known instrument's kind is its own). */
export interface MissingJson {
  name: string;
  kind: string;
  issuer?: string;
  date?: string;
  url?: string;
}

export function missingJson(missing: readonly MissingName[]): MissingJson[] {
  return missing.map((entry) => {
    const known = entry.known;
    if (!known || entry.kind === 'report') return { name: entry.name, kind: entry.kind };
    return {
      name: known.name,
      kind: known.kind,
      issuer: known.issuer,
      ...(known.date ? { date: known.date } : {}),
      ...(known.url ? { url: known.url } : {}),
    };
  });
}

/**
 * The names Charter lacks as the answer says them: an instrument or body of no list exactly as the question
 * wrote it (the note quotes it: “new york city hiring bias audit law”), never given capitals the asker did
 * not type, which would read as a title Charter knows (trial finding 14: "New York City Hiring Bias Audit
 * Law"); a known instrument as its list entry writes it and a place as the place list does. Search's
 * capitalised form stays search's (it matches names against the catalog); only the words said change.
 */
export function asAsked(missing: readonly MissingName[], query: string): MissingName[] {
  const lower = query.toLowerCase();
  // Lower-casing that changes a length (rare Unicode) would move the span: then the name stays as search gave it.
  const sameLength = lower.length === query.length;
  return missing.map((entry) => {
    if (entry.known || (entry.kind !== 'instrument' && entry.kind !== 'body') || !sameLength) return entry;
    const at = lower.indexOf(entry.name.toLowerCase());
    return at < 0 ? entry : { ...entry, name: query.slice(at, at + entry.name.length) };
  });
}
