// What the catalog and the held documents' headings say about names, for the missing-name detector
// (missing.ts): the words of each held document's names, its titles and headings as phrases, the numbers it
// is known by; and, for a held name found in a question, whether it stands for another place's instrument
// ("Korea's AI Act") or for what a held news report is about ("China's Global AI Governance Action Plan").
import type { CatalogDocument } from '../corpus/catalog.js';
import { BINDING_WORDS, issuerOf, KIND_WORDS } from './docnames.js';
import { COMMON_ZIPF, GENERIC, HEADS } from './name-words.js';
import { STOP_WORDS, termOf, tokenize } from './text.js';

/** A held document's name found in a question (docnames.ts `findExact`). */
export interface HeldNameAt {
  docId: string;
  start: number;
  positions: readonly number[];
}

export class HeldVocabulary {
  private readonly docs: ReadonlyMap<string, CatalogDocument>;
  /** Each document's name words (title, short title, aliases, issuer, jurisdiction), normalized. */
  private readonly nameWords: ReadonlySet<string>[];
  private readonly nameWordsOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** The same words as index terms. */
  private readonly nameTerms: ReadonlySet<string>[];
  /** Two or three consecutive words of each document's names run together ("un ga" → "unga"). */
  private readonly nameJoined: ReadonlySet<string>[];
  /** Every normalized token of the catalog's names and issuers. */
  readonly catalogTokens: ReadonlySet<string>;
  /** The held documents' titles and headings, normalized, each between spaces. */
  private readonly heldPhrases: readonly string[];
  /** Each document's kind (catalog `kind`), in the order of `nameWords`. */
  private readonly kinds: readonly string[];

  constructor(
    docs: readonly CatalogDocument[],
    headings: Iterable<string>,
    /** How common an index term is in English (Zipf; frequencies.ts): tells a proper word of a name. */
    private readonly englishZipf: (term: string) => number,
  ) {
    this.docs = new Map(docs.map((doc) => [doc.id, doc]));
    this.kinds = docs.map((doc) => doc.kind);
    this.nameWords = docs.map(
      (doc) =>
        new Set(
          tokenize([doc.title, doc.shortTitle, ...doc.aliases, issuerOf(doc), doc.jurisdiction].join(' ')),
        ),
    );
    this.nameTerms = this.nameWords.map(
      (words) => new Set([...words].map((word) => termOf(word)).filter((t): t is string => t !== null)),
    );
    this.nameJoined = docs.map((doc) => {
      const joined = new Set<string>();
      for (const name of [doc.title, doc.shortTitle, ...doc.aliases, issuerOf(doc)]) {
        const words = tokenize(name);
        for (let i = 0; i + 1 < words.length; i++) {
          joined.add(words[i]! + words[i + 1]!);
          if (i + 2 < words.length) joined.add(words[i]! + words[i + 1]! + words[i + 2]!);
        }
      }
      return joined;
    });
    this.catalogTokens = new Set(this.nameWords.flatMap((words) => [...words]));
    this.nameWordsOf = new Map(docs.map((doc, i) => [doc.id, this.nameWords[i]!]));
    const phrases = new Set<string>();
    for (const text of [...docs.flatMap((doc) => [doc.title, doc.shortTitle]), ...headings])
      phrases.add(` ${tokenize(text).join(' ')} `);
    this.heldPhrases = [...phrases];
  }

  /**
   * Whether all these name words belong to one held document's names ("frontier" for SB 53), each as written,
   * by its index term ("biometrics" for BIPA's "Biometric") or as its words run together ("UNGA" for "UN GA").
   */
  isHeldName(words: readonly string[], head?: string): boolean {
    const terms = words.map((word) => termOf(word) ?? word);
    return this.nameTerms.some(
      (names, d) =>
        words.every(
          (word, i) => this.nameWords[d]!.has(word) || names.has(terms[i]!) || this.nameJoined[d]!.has(word),
        ) &&
        (head === undefined || this.headFits(d, head)),
    );
  }

  /**
   * Whether a head word can stand for the held document d: a word of its names ("framework" for the NIST AI
   * RMF), a word of its kind ("guidance" for guidelines), or a word for a binding text for a law or
   * regulation ("the Colorado AI law"). "Human rights council resolution" is no name of the CoE Convention,
   * whose names hold the other three words; "data protection directive" none of the GDPR, a regulation.
   */
  private headFits(d: number, head: string): boolean {
    const kind = KIND_WORDS[this.kinds[d]!] ?? [];
    return (
      this.nameWords[d]!.has(head) ||
      this.nameTerms[d]!.has(termOf(head) ?? head) ||
      kind.includes(head) ||
      (BINDING_WORDS.has(head) && kind.some((word) => BINDING_WORDS.has(word)))
    );
  }

  /** Whether a numbered id ("sb 1047") is one a held document is known by. */
  isHeldId(idTokens: readonly string[]): boolean {
    const number = idTokens.at(-1)!.replace(/^[a-z]+-?/, '');
    return this.catalogTokens.has(idTokens.at(-1)!) || this.catalogTokens.has(number);
  }

  /** Whether these words, in this order, are part of a held document's title or of one of its headings. */
  isHeldPhrase(words: readonly string[]): boolean {
    const phrase = ` ${words.filter((word, i) => !(i === 0 && (word === 'the' || word === 's'))).join(' ')} `;
    return this.heldPhrases.some((held) => held.includes(phrase));
  }

  /**
   * Whether a held document's name in the question is that of another instrument: a name of common words
   * ("AI Act", "code of conduct": none a place or a word rarer in English than `COMMON_ZIPF`) with the name of
   * a place that is not the document's just before it ("Korea's AI Act", "Canada's Voluntary Code of Conduct").
   */
  isOthersName(
    name: HeldNameAt,
    norms: readonly string[],
    places: { codes: ReadonlyMap<number, readonly string[]> },
  ): boolean {
    const doc = this.docs.get(name.docId);
    if (!doc || doc.kind === 'news') return false;
    const common = name.positions.every((i) => {
      const norm = norms[i]!;
      if (places.codes.has(i)) return false;
      return (
        STOP_WORDS.has(norm) ||
        GENERIC.has(norm) ||
        HEADS.has(norm) ||
        this.englishZipf(termOf(norm) ?? norm) >= COMMON_ZIPF
      );
    });
    if (!common) return false;
    const jurisdiction = doc.jurisdiction.toUpperCase();
    const own = new Set([jurisdiction, jurisdiction.split('-')[0]!]);
    const names = this.nameWordsOf.get(doc.id) ?? new Set<string>();
    // Back over "'s" and up to two name words ("Canada's Voluntary …"), to a place.
    for (let j = name.start - 1, words = 0; j >= 0 && words <= 2; j--) {
      const norm = norms[j]!;
      const codes = places.codes.get(j);
      if (codes) return !names.has(norm) && !codes.some((code) => own.has(code));
      if (norm === 's') continue;
      if (STOP_WORDS.has(norm)) return false;
      words++;
    }
    return false;
  }

  /**
   * Whether a held name stands for what a news report reports on ("China's Global AI Governance Action Plan"),
   * not for the report itself, which is named by its publisher ("the Global Times report").
   */
  isReportOf(name: HeldNameAt, norms: readonly string[]): boolean {
    const doc = this.docs.get(name.docId);
    if (doc?.kind !== 'news') return false;
    const issuer = new Set(tokenize(doc.issuer));
    return !name.positions.every((i) => issuer.has(norms[i]!));
  }
}
