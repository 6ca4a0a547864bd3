// The words of every outcome (outcome.ts), written once for every front end. A front end supplies its
// `Medium` (how to echo the asker's words, show a catalog name or a reference to type, name another
// command) and only lays out what it gets: Discord as a notice with a title, the terminal as a sentence.
import type { CatalogDocument } from '../corpus/catalog.js';
import type { MissingName } from '../search/types.js';
import type { Ambiguous, Found, Missing, NotFound, PassagePage, Quoted, Unresolved } from './outcome.js';
import { unheldClause } from './unheld.js';

export interface Medium {
  /** The asker's words, made safe to echo (escaped, clipped). */
  echo(text: string): string;
  /** A catalog fact (a document's name) as text. */
  name(text: string): string;
  /** A reference, locator or command to type, as code. */
  code(text: string): string;
  /** An official URL (in Discord, without a preview card). */
  link(url: string): string;
  /** How another command is run here: `/sources` or `charter sources`. */
  command(name: 'ask' | 'quote' | 'sources'): string;
  /** Whether references are picked from a list as they are typed (Discord's autocomplete). */
  autocomplete: boolean;
}

/** A plain-text medium (a terminal, JSON): words as they are, commands as `charter …`. */
export const PLAIN: Medium = {
  echo: (text) => text,
  name: (text) => text,
  code: (text) => text,
  link: (url) => url,
  command: (name) => `charter ${name}`,
  autocomplete: false,
};

/** An outcome in words: a title, the sentence that says it, then what was probably meant and what to try. */
export interface Wording {
  title: string;
  text: string;
  /** "Did you mean: …?" — references, each once. */
  suggestions: string[];
  /** Things to try instead. */
  tries: string[];
}

/** "a, b or c" */
export function listed(names: readonly string[], last = 'or'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1)}`;
}

const NUMBER_WORDS: Record<number, string> = { 2: 'two', 3: 'three', 4: 'four', 5: 'five' };
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Why a reference quoted nothing, as one sentence. */
export function unresolvedText(why: Unresolved, m: Medium): string {
  switch (why.reason) {
    case 'unknown-document':
      return `No document in Charter's corpus is called “${m.echo(why.words)}”; ${m.command('sources')} lists the documents.`;
    case 'which-document':
      return `Name the document with the reference, e.g. ${m.code('AI Act Art. 5')}.`;
    case 'no-document':
      return `I could not tell which document that reference is in. Name it, e.g. ${m.code('AI Act Art. 5')} or ${m.code('EO 14110 Sec. 4.2')}.`;
    case 'which-part':
      return `Which part of ${m.name(why.doc.shortTitle)}?`;
    case 'no-such-unit':
      // No "The": short titles such as "EO 14110" or "NIST AI RMF 1.0" take none; a range cut short ends
      // with its own "…", so no full stop is added after it.
      return `${m.name(why.doc.shortTitle)} has ${why.units} ${why.range}${why.range.endsWith('…') ? '' : '.'}`;
    case 'not-cited-that-way':
      return `${m.name(why.doc.shortTitle)} is not cited that way.`;
    case 'no-such-point':
      return `${m.name(why.doc.shortTitle)} ${why.within} has no ${why.asked}.`;
    case 'unknown-unit': {
      // Refused, never read as the style's default unit ("Reciatl 27" is not Art. 27).
      const cites = why.units.length > 0 ? `; it cites ${listed(why.units, 'and')}` : '';
      return why.reading
        ? `Read “${m.echo(why.typed)}” as ${why.reading}? ${m.name(why.doc.shortTitle)} has no unit called that${cites}.`
        : `${m.name(why.doc.shortTitle)} has no unit called “${m.echo(why.typed)}”${cites}.`;
    }
    case 'not-synced':
      return `${listed(why.titles.map(m.name), 'and')} ${why.titles.length === 1 ? 'is' : 'are'} in Charter's catalog but not synced yet; run charter sync (with --mirror DIR when offline).`;
    case 'no-text':
      return 'That place has no text.';
    case 'no-language':
      return `${m.name(why.doc.shortTitle)} has no ${why.lang === 'zh' ? 'Chinese' : 'English'} text in Charter.`;
    case 'no-counterpart':
      return `${m.name(why.other.shortTitle)} has no place matching ${m.name(why.doc.shortTitle)} ${why.locator}.`;
  }
}

/**
 * The line said with a quote that shows another place than exactly the one asked ("Annex VII, point 3.2 is
 * not a passage of its own; showing Annex VII, point 3, which contains it."; "“second subparagraph” was not
 * read as a place; showing the whole of Art. 5(1)."), or in English for a reference written in Chinese
 * ("Deep Synthesis Provisions has no Chinese text in Charter; …"), or undefined.
 */
export function quotedNote(outcome: Quoted, m: Medium = PLAIN): string | undefined {
  const lines = [placeNote(outcome, m), languageNote(outcome, m)].filter((line) => line !== undefined);
  return lines.length > 0 ? lines.join(' ') : undefined;
}

function placeNote(outcome: Quoted, m: Medium): string | undefined {
  const note = outcome.note;
  if (!note) return undefined;
  if (note.reason === 'unread')
    return `“${m.echo(note.words)}” was not read as a place; showing the whole of ${m.echo(note.shown)}.`;
  return `${m.echo(note.asked)} is not a passage of its own; showing ${m.echo(note.shown)}, which contains it.`;
}

/** "Deep Synthesis Provisions has no Chinese text in Charter; showing its English translation." */
function languageNote(outcome: Quoted, m: Medium): string | undefined {
  if (!outcome.untranslated) return undefined;
  // The EU's English texts are authentic, not translations: "its English text" for them ("GDPR has no Chinese
  // text in Charter; showing its English text."), "its English translation" for a Chinese document's or a text
  // its title calls a translation.
  const doc = outcome.doc;
  const translated = doc.jurisdiction === 'CN' || /translation/i.test(doc.title);
  return `${m.name(doc.shortTitle)} has no Chinese text in Charter; showing its English ${translated ? 'translation' : 'text'}.`;
}

/** "Which part of the AI Act?": a document named without a place. */
function whichPart(doc: CatalogDocument, examples: readonly string[], m: Medium): Wording {
  const shown = examples.length > 0 ? examples.map(m.code).join(', ') : m.code('Art. 1');
  return {
    title: `Which part of ${doc.shortTitle}?`,
    text: `Add a place after the document, e.g. ${shown}${m.autocomplete ? '; autocomplete lists them as you type' : ''}.`,
    suggestions: [],
    tries: [],
  };
}

const TRY_REFERENCE = (m: Medium) =>
  `a reference with its document, e.g. ${m.code('Art. 5(1)(c) AI Act')}${m.autocomplete ? ', or pick one from the autocomplete list' : ''}`;

/**
 * What to try after a reference that quoted nothing. "A reference with its document" only when no document
 * was recognised: after "AI Act Art. 500" or "GOVERN 1.1" (whose sentence already asks for the document) it
 * told people to do what they had done; there the suggestions say it, and Discord adds its autocomplete.
 */
function triesAfter(why: Unresolved, m: Medium): string[] {
  if (why.reason === 'unknown-document' || why.reason === 'no-document') return [TRY_REFERENCE(m)];
  return m.autocomplete ? ['picking one from the autocomplete list'] : [];
}

/** A reference that quoted nothing, or a question that found nothing. */
export function notFoundWording(outcome: NotFound | Ambiguous, m: Medium): Wording {
  if (outcome.kind === 'ambiguous') {
    if (outcome.why.reason === 'which-part') return whichPart(outcome.why.doc, outcome.why.examples, m);
    return {
      title: 'Which document?',
      text: `“${m.echo(outcome.reference)}”: ${unresolvedText(outcome.why, m)}`,
      suggestions: outcome.suggestions,
      tries: triesAfter(outcome.why, m),
    };
  }
  const why = outcome.why;
  switch (why.reason) {
    case 'no-match': {
      const where = why.scope.length > 0 ? ` in ${listed(why.scope.map((d) => m.name(d.shortTitle)))}` : '';
      // What the question names that Charter lacks is said even when nothing matches ("charter ask PIPL").
      const lacking = missingParts(why.missing, [], m);
      return {
        title: 'No passage found',
        text: `${lacking.length > 0 ? `${lacking.join('; ')}. ` : ''}Nothing${where} matches “${m.echo(why.query)}”.`,
        suggestions: [],
        tries: [
          'fewer or plainer words (“biometric identification”, “risk assessment”)',
          ...(why.scope.length > 0 ? ['leaving out the document, to search them all'] : []),
          `${m.code(m.command('quote'))} with a reference, e.g. ${m.code('Art. 5 AI Act')}`,
          `${m.code(m.command('sources'))} to see which documents are covered`,
        ],
      };
    }
    case 'no-more':
      return {
        title: 'No more passages',
        text: 'That was everything that matches this question.',
        suggestions: [],
        tries: [],
      };
    case 'which-named-document':
      return {
        title: 'Which one?',
        text: `“${m.echo(why.typed)}” may mean ${listed(why.docs.map((d) => m.name(d.shortTitle)))}.`,
        suggestions: [],
        tries: [],
      };
    case 'no-such-document':
      // A name Charter knows but does not hold: where to read it and how to add it, in /ask's words.
      if (why.known)
        return {
          title: 'Not in Charter',
          text: `${unheldClause([why.known], m)}.`,
          suggestions: [],
          tries: [],
        };
      return {
        title: 'Unknown document',
        text: `No document is called “${m.echo(why.typed)}”. ${
          m.autocomplete
            ? `Pick one from the list as you type, or see ${m.code(m.command('sources'))}.`
            : `See ${m.command('sources')} for the list.`
        }`,
        suggestions: [],
        tries: [],
      };
    case 'document-count':
      return {
        title:
          why.given < why.min
            ? `${capitalized(NUMBER_WORDS[why.min] ?? String(why.min))} documents at least`
            : `${capitalized(NUMBER_WORDS[why.max] ?? String(why.max))} documents at most`,
        text: `Pick ${NUMBER_WORDS[why.min] ?? why.min} to ${NUMBER_WORDS[why.max] ?? why.max} different documents to compare.`,
        suggestions: [],
        tries: [],
      };
    default:
      return {
        title: 'Reference not found',
        text: `“${m.echo(why.reference)}”: ${unresolvedText(why, m)}`,
        suggestions: outcome.suggestions,
        tries: triesAfter(why, m),
      };
  }
}

/**
 * Why fewer results are shown than asked for ("charter ask --limit 5" showing 3), or undefined when the page
 * is full: every matching passage of the documents searched is shown, and/or further matches were parts of
 * results already shown.
 */
export function shortfallLine(page: PassagePage, m: Medium = PLAIN): string | undefined {
  const short = page.shortfall;
  if (!short) return undefined;
  const where =
    page.scope.length > 0
      ? ` in ${listed(
          page.scope.map((d) => m.name(d.shortTitle)),
          'or',
        )}`
      : '';
  const head = `${short.shown} of the ${short.asked} results asked for`;
  const folded =
    short.folded > 0
      ? `${short.folded} more ${short.folded === 1 ? 'match was a part' : 'matches were parts'} of results shown`
      : '';
  if (!short.exhausted) return `${head}: the next ${folded}.`;
  return `${head}: no other passage${where} matches the question${folded ? `; ${folded}` : ''}.`;
}

/** The line above a comparison: "On “transparency”, in 3 documents:". */
export function comparedLine(topic: string, documents: number, m: Medium = PLAIN): string {
  return `On “${m.echo(topic)}”, in ${documents} documents:`;
}

/** A compared document with no passage on the topic. */
export function noPassageOn(doc: CatalogDocument, m: Medium = PLAIN): string {
  return `${m.name(doc.shortTitle)} has no passage on this topic.`;
}

/** Said instead of passages that hold too little of the question to answer it. */
export function weakWording(query: string, scope: readonly CatalogDocument[], m: Medium): Wording {
  return {
    title: 'Nothing matches well',
    text: weakLine(query, m, scope),
    suggestions: [],
    tries: [
      'the words the documents would use (“biometric identification”, “risk assessment”)',
      'naming a document (“under the AI Act”)',
      `${m.code(m.command('sources'))} to see which documents are covered`,
    ],
  };
}

/** The sentence of a weak answer. */
export function weakLine(query: string, m: Medium = PLAIN, scope: readonly CatalogDocument[] = []): string {
  // The documents searched are said inside the sentence ("Nothing in the AI Act matches …"), not in
  // brackets after its full stop.
  const where =
    scope.length > 0 ? listed(scope.map((d) => m.name(d.shortTitle))) : 'the documents Charter holds';
  return `Nothing in ${where} matches “${m.echo(query)}” well.`;
}

/** The note above passages shown for a reference that named no place. */
export function couldNotQuote(query: string, m: Medium = PLAIN): string {
  return `Could not quote “${m.echo(query)}”; passages that share its words:`;
}

/**
 * The note said above passages, word for word the same on Discord, in the terminal and as `ask --json`'s
 * `note`: that the question was a reference naming no place (so the passages are never taken for it), or
 * what Charter lacks. Undefined when the passages need no note.
 */
export function passagesNote(
  outcome: Found | Missing,
  catalog: readonly CatalogDocument[],
  m: Medium = PLAIN,
  /** How the names Charter lacks are echoed, when not as the question is (Discord clips them shorter). */
  names: Pick<Medium, 'echo' | 'name'> = m,
): string | undefined {
  if (outcome.unquoted) return couldNotQuote(outcome.query, m);
  return outcome.kind === 'missing' ? missingLine(outcome.missing, catalog, { ...m, ...names }) : undefined;
}

/**
 * The opening line for what is missing ("Charter doesn't have Korea's AI Basic Act; nearest passages in what
 * it has:"), or undefined when nothing is. `echo` is applied to the asker's words and catalog facts; an
 * instrument of the known list is named properly, with where to read it (src/answer/unheld.ts).
 */
export function missingLine(
  missing: readonly MissingName[],
  catalog: readonly CatalogDocument[],
  m: Pick<Medium, 'echo' | 'name' | 'link' | 'code'> = PLAIN,
): string | undefined {
  if (missing.length === 0) return undefined;
  const parts = missingParts(missing, catalog, m);
  const only = missing.every((n) => n.kind === 'report');
  return `${parts.join('; ')}; ${only ? 'passages from the report:' : 'nearest passages in what it has:'}`;
}

/** The clauses of `missingLine`, without its ending. */
function missingParts(
  missing: readonly MissingName[],
  catalog: readonly CatalogDocument[],
  m: Pick<Medium, 'echo' | 'name' | 'link' | 'code'>,
): string[] {
  const parts: string[] = [];
  const known = unheldClause(
    missing.filter((n) => n.kind !== 'report' && n.known).map((n) => n.known!),
    m,
  );
  if (known) parts.push(known);
  const names = (kind: MissingName['kind']) =>
    missing.filter((n) => n.kind === kind && !n.known).map((n) => m.echo(n.name));
  // A name of no list is the asker's words (unheld.ts asAsked), so it is quoted, never dressed as a title.
  const named = [...names('instrument'), ...names('body')].map((name) => `“${name}”`);
  if (named.length > 0) parts.push(`Charter doesn't have ${listed(named)}`);
  const places = names('place');
  if (places.length > 0)
    parts.push(`${parts.length > 0 ? 'nor any document' : 'Charter has no document'} from ${listed(places)}`);
  for (const report of missing.filter((n) => n.kind === 'report')) {
    const doc = catalog.find((d) => d.id === report.reportId);
    const outlet = doc ? doc.issuer.replace(/\s*\(.*\)\s*$/, '') : 'a news outlet';
    const read = report.known?.url ? ` (read it at ${m.link(report.known.url)})` : '';
    parts.push(
      `${parts.length > 0 ? 'it' : 'Charter'} has only a news report about ${report.known?.the ? 'the ' : ''}${m.echo(report.name)} (${m.echo(outlet)}), not the document itself${read}`,
    );
  }
  return parts;
}

/** A wording as one paragraph for a terminal: the sentence, what was probably meant, what to try. */
export function asSentence(wording: Wording): string {
  const parts = [wording.title.endsWith('?') ? `${wording.title} ${wording.text}` : wording.text];
  if (wording.suggestions.length > 0) parts.push(`Did you mean: ${wording.suggestions.join('; ')}?`);
  if (wording.tries.length > 0) parts.push(`Try ${listed(wording.tries)}.`);
  return parts.join(' ');
}
