// Reference resolution: "AI Act Art. 5(1)(c)", "EO 14110 sec 4.2", "GDC paragraph 50" → the passages of
// exactly that place, in order, or a refusal saying why (failures.ts). A reference is quoted as written or
// not at all: the document by its catalog names (parse.ts), the place parsed into a canonical path prefix
// (place.ts; see RefPath in corpus/types.ts) and matched against the document's passage paths
// (document-places.ts); a place deeper than the passages is shown in the passage that holds it, with a note
// (sub-points.ts).
import type { CatalogDocument } from '../../corpus/catalog.js';
import { segmentType, segmentValue } from '../../corpus/citation.js';
import type { Passage } from '../../corpus/types.js';
import { DocNameMatcher, type NamedDoc } from '../docnames.js';
import { tokenize, tokens } from '../text.js';
import type { QuoteNote, QuoteResponse } from '../types.js';
import { DocumentPlaces, locate } from './document-places.js';
import { ExactLocators } from './exact-locator.js';
import { exampleReferences, fail, noSuchPoint, notFound, placesIn, unknownUnit } from './failures.js';
import { docOfChineseTitle, type ParsedReference, parseReference } from './parse.js';
import { blank, normalizeReference, parsePlace } from './place.js';
import { holding } from './sub-points.js';
import { editDistance } from './unit-words.js';

export class ReferenceResolver {
  private readonly places: DocumentPlaces;
  private readonly names: DocNameMatcher;
  private readonly exact: ExactLocators;

  constructor(docs: readonly CatalogDocument[], passages: readonly Passage[]) {
    this.places = new DocumentPlaces(docs, passages);
    this.names = new DocNameMatcher(docs);
    this.exact = new ExactLocators((docId) => this.places.passagesOf(docId));
  }

  /** Splits a reference into document, place and leftover words, without checking the place exists. */
  parse(reference: string): ParsedReference {
    return parseReference(reference, this.places, this.names);
  }

  /** Whether a message is a reference to quote rather than a question to search ("article 5 ai act"). */
  looksLikeReference(message: string): boolean {
    const parsed = this.parse(message);
    if (!parsed.place || parsed.leftover.length > 0) return false;
    if (parsed.doc) return true;
    const type = segmentType(parsed.place.path[0]!);
    return parsed.place.typed && this.places.allDocs().some((doc) => this.places.typesOf(doc.id).has(type));
  }

  /**
   * The place a reference names, or a refusal saying why; a locator Charter prints that the place grammar
   * reads only in part ("Art. 6(3), third subparagraph") or not at all ("Title") is quoted as printed
   * (exact-locator.ts).
   */
  resolve(reference: string): QuoteResponse {
    const answer = this.resolvePlace(reference);
    if (answer.ok && answer.note?.reason !== 'unread') return answer;
    const exact = this.exact.find(reference, this.places.allDocs());
    if (!exact) return answer;
    const { doc, passages } = exact;
    return { ok: true, reference, doc, locator: passages[0]!.locator, passages };
  }

  private resolvePlace(reference: string): QuoteResponse {
    const places = this.places;
    const parsed = this.parse(reference);
    const { place } = parsed;
    let doc = parsed.doc;
    // Words left over that name no document ("GDPR Recital 12"): never answer from another document.
    if (!doc && place && parsed.leftover.length > 0) {
      return fail(
        reference,
        { reason: 'unknown-document', words: joinWords(parsed.leftover) },
        placesIn(
          places,
          places.docsWithPlace(place.path),
          place.path,
          reference,
          nameDistance(parsed.leftover),
        ),
      );
    }
    if (!doc && place?.typed) {
      const owners = places.docsWithPlace(place.path);
      const withType = places.allDocs().filter((d) => places.typesOf(d.id).has(segmentType(place.path[0]!)));
      if (owners.length === 1) doc = owners[0];
      // "Recital 500": no document has it, but only one has recitals at all.
      else if (owners.length === 0 && withType.length === 1)
        return notFound(places, reference, withType[0]!, place.path);
      else
        return fail(reference, { reason: 'which-document' }, placesIn(places, owners, place.path, reference));
    }
    if (!doc) return fail(reference, { reason: 'no-document' }, []);
    // "Reciatl 27": never quoted as Art. 27; refused, with the reading it probably meant.
    if (parsed.misread) return unknownUnit(places, reference, doc, parsed.misread);
    if (!place) {
      return fail(
        reference,
        { reason: 'which-part', doc, examples: places.examples(doc, 3) },
        exampleReferences(places, doc, 3),
      );
    }
    const passages = places.passagesOf(doc.id);
    const candidates = places.candidatePaths(doc, place.path);
    for (const path of candidates) {
      const found = passages.filter((passage) => locate(passage.path, path));
      if (found.length === 0) continue;
      const locator = places.locatorOf(doc, path, found);
      return { ok: true, reference, doc, locator, passages: found, ...unreadNote(parsed, locator) };
    }
    const unsplit = this.withoutUnsplitSection(reference, doc, place.path);
    if (unsplit) return unsplit;
    const below = this.resolveBelowPassages(reference, doc, candidates);
    if (below?.ok && !below.note) return { ...below, ...unreadNote(parsed, below.locator) };
    return below ?? notFound(places, reference, doc, candidates[0] ?? place.path);
  }

  /**
   * Deeper than the passages go ("Annex VII, point 3.2", "Art. 6(1)(a)" in a paragraph kept whole): the
   * passage that opens with the sub-point, or else holds it, with a note saying it is not a passage of its
   * own; no passage of the unit has it, no such point. Undefined when not even the unit exists.
   */
  private resolveBelowPassages(
    reference: string,
    doc: CatalogDocument,
    candidates: readonly string[][],
  ): QuoteResponse | undefined {
    const passages = this.places.passagesOf(doc.id);
    for (const path of candidates) {
      for (let length = path.length - 1; length >= 1; length--) {
        const parent = path.slice(0, length);
        const found = passages.filter((passage) => locate(passage.path, parent));
        if (found.length === 0) continue;
        const held = holding(this.places, doc, found, path.slice(length), length);
        // A passage of the sub-point itself under another parent (['annex:vii', '3', '3.2']) needs no note.
        if (held && held.passages[0]?.path.at(-1) === path.at(-1))
          return { ok: true, reference, doc, locator: held.locator, passages: held.passages };
        if (held)
          return { ok: true, reference, doc, ...held, note: this.containing(doc, path, held.locator) };
        return noSuchPoint(this.places, reference, doc, found, parent, path);
      }
    }
    return undefined;
  }

  /**
   * "AI Act Annex I, Section B, point 13": an annex whose lettered sections number their points on (Annex I)
   * is not split by section, so the point is quoted with a note that the section was not read — never a
   * refusal denying a place the document has, nor a section's point taken for another's (Annex VIII is split).
   */
  private withoutUnsplitSection(
    reference: string,
    doc: CatalogDocument,
    path: readonly string[],
  ): QuoteResponse | undefined {
    const at = path.findIndex((segment) => segmentType(segment) === 'annexsec');
    if (at < 1) return undefined;
    const passages = this.places.passagesOf(doc.id);
    const split = passages.some(
      (passage) =>
        passage.path[at - 1] === path[at - 1] && segmentType(passage.path[at] ?? '') === 'annexsec',
    );
    if (split) return undefined;
    const without = [...path.slice(0, at), ...path.slice(at + 1)];
    const found = passages.filter((passage) => locate(passage.path, without));
    if (found.length === 0) return undefined;
    const locator = this.places.locatorOf(doc, without, found);
    const words = `Section ${segmentValue(path[at]!).toUpperCase()}`;
    return {
      ok: true,
      reference,
      doc,
      locator,
      passages: found,
      note: { reason: 'unread', words, shown: locator },
    };
  }

  private containing(doc: CatalogDocument, asked: readonly string[], shown: string): QuoteNote {
    return { reason: 'containing', asked: this.places.format(doc, asked), shown };
  }

  /**
   * The place a question names anywhere in it ("does GDPR article 22 mean …", "gdpr art 35 when do u need a
   * DPIA", "s. 15(a) BIPA", "section 3.3 of the NSM"), with its passages in document order: the place written
   * as a unit ("article 22", "s. 15(a)") in a document the question names exactly or by its Chinese title (no fuzzy names in a long
   * question), or in the one document among `among` that has it; `written` is the place as the question
   * wrote it ("article 22"). Undefined when the question names no place, or names it in no document that has
   * it.
   */
  placeInQuestion(
    question: string,
    among?: ReadonlySet<string>,
  ): { doc: CatalogDocument; passages: Passage[]; written: string } | undefined {
    const text = normalizeReference(question);
    const place = parsePlace(text);
    if (!place) return undefined;
    const rest = blank(text, place.start, place.end);
    const written = text.slice(place.start, place.end);
    // Named exactly, else by its Chinese title as a quoted reference is (parse.ts `docOfChineseTitle`); the
    // name bound to the place first ("Under the GDPR, what does Article 5 of the AI Act prohibit?": the AI Act).
    let named = [...new Set(boundFirst(this.names.findExact(rest), rest, place).map((name) => name.docId))];
    if (named.length === 0) {
      const titled = docOfChineseTitle(this.places, rest);
      if (titled) named = [titled.docId];
    }
    const pool = named.length > 0 ? named : [...(among ?? [])];
    const found: { doc: CatalogDocument; passages: Passage[]; written: string }[] = [];
    for (const id of pool) {
      const doc = this.places.doc(id);
      const passages = doc && this.places.passagesAt(doc, place.path);
      if (doc && passages) found.push({ doc, passages, written });
    }
    // Several named documents with the place ("article 5 of the AI Act and the GDPR"): the first named.
    return named.length > 0 || found.length === 1 ? found[0] : undefined;
  }
}

/** Words that bind a document's name to the place beside it: "Article 5 of the AI Act", "the AI Act's Art. 5". */
const BINDING = /^(?:\s|[,'’]|\bs\b|\bof\b|\bthe\b|\bin\b|\bunder\b|\bfrom\b)*$/iu;

/**
 * Names in a question, those written right after the place ("Art. 5 of the AI Act") or right before it ("AI Act
 * Art. 5") first, then the rest in the order written: only the words in BINDING may stand between.
 */
function boundFirst(
  found: readonly NamedDoc[],
  text: string,
  place: { start: number; end: number },
): NamedDoc[] {
  const spelled = tokens(text);
  const bound = (name: NamedDoc) => {
    const first = spelled[name.start];
    const last = spelled[name.end - 1];
    if (!first || !last) return false;
    const after = first.start >= place.end && BINDING.test(text.slice(place.end, first.start));
    const before =
      last.start + last.surface.length <= place.start &&
      BINDING.test(text.slice(last.start + last.surface.length, place.start));
    return after || before;
  };
  return [...found.filter(bound), ...found.filter((name) => !bound(name))];
}

/**
 * Words besides the document and the place that were read as neither ("AI Act Art. 5(1), second
 * subparagraph"): the whole place read is quoted, and the note says so, never a wider place silently. Words
 * the locator shown already has ("Introduction" of "Introduction, p. 1") need no note.
 */
function unreadNote(parsed: ParsedReference, shown: string): { note?: QuoteNote } {
  const said = new Set(tokenize(shown));
  if (parsed.leftover.every((word) => said.has(word))) return {};
  return { note: { reason: 'unread', words: parsed.unread, shown } };
}

/**
 * How closely a left-over word misspells a document's name, for its places to be suggested first ("GPDR art 22":
 * GDPR Art. 22 before AIDA s. 22): one edit, two letters swapped, or two edits in a word of six letters or more;
 * Infinity when no word does. Every document suggested still has the place, so every suggestion stays a real place.
 */
function nameDistance(words: readonly string[]): (doc: CatalogDocument) => number {
  return (doc) => {
    let best = Number.POSITIVE_INFINITY;
    for (const name of [doc.shortTitle, ...doc.aliases])
      for (const token of tokenize(name))
        for (const word of words)
          if (word.length >= 3 && token.length >= 3) {
            const edits = editDistance(word, token);
            if (edits <= 1 || (edits === 2 && (word.length >= 6 || swapped(word, token))))
              best = Math.min(best, edits);
          }
    return best;
  };
}

/** Whether two words have the same letters ("gpdr", "gdpr"). */
const swapped = (a: string, b: string) => [...a].sort().join('') === [...b].sort().join('');

/** Left-over words as one name: Chinese words are written without spaces ("深度合成", never "深度 合成"). */
const joinWords = (words: readonly string[]) =>
  words.reduce(
    (text, word) =>
      text === ''
        ? word
        : /\p{Script=Han}$/u.test(text) && /^\p{Script=Han}/u.test(word)
          ? text + word
          : `${text} ${word}`,
    '',
  );
