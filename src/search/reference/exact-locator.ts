// A locator Charter prints is quoted back as printed ("AI Act Art. 6(3), third subparagraph", "UN GA Res. 78/265
// Title", "Illinois BIPA Sec. 10, fifth paragraph", "BRICS AI Statement “The Road Ahead”, second paragraph"): the
// place grammar (place.ts) reads units and their points, not every locator a citation style writes (ordinal
// paragraphs and subparagraphs, headings, front and back matter). When it reads a reference only in part or not
// at all, and the reference is one of the document's catalog names followed by exactly the locator of some of its
// passages, those passages are the answer. Words are compared (letters and digits, case folded; each Chinese
// character a word), so quotation marks, commas and spacing may differ; the name must be whole and come first.
import type { CatalogDocument } from '../../corpus/catalog.js';
import type { Passage } from '../../corpus/types.js';

const WORD = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

const words = (text: string): string[] => text.normalize('NFKC').toLowerCase().match(WORD) ?? [];

export class ExactLocators {
  /** Per document: the locator's words → its passages in document order (continuation pieces share one). */
  private readonly byDoc = new Map<string, Map<string, Passage[]>>();
  /** Per document: its catalog names' words. */
  private readonly names = new Map<string, Set<string>>();

  constructor(private readonly passagesOf: (docId: string) => readonly Passage[]) {}

  /**
   * The document and passages whose locator follows a name of that document in the reference, or undefined;
   * every document is tried, since a locator's words can name another document ("NIST AI 600-1 “Artificial
   * Intelligence Risk Management Framework: …”, unnumbered page" is read by the names as the AI RMF).
   */
  find(
    reference: string,
    docs: readonly CatalogDocument[],
  ): { doc: CatalogDocument; passages: Passage[] } | undefined {
    const typed = words(reference);
    for (const doc of docs) {
      const names = this.namesOf(doc);
      for (let at = 1; at < typed.length; at++) {
        if (!names.has(typed.slice(0, at).join(' '))) continue;
        const passages = this.locators(doc.id).get(typed.slice(at).join(' '));
        if (passages) return { doc, passages };
      }
    }
    return undefined;
  }

  private namesOf(doc: CatalogDocument): Set<string> {
    let names = this.names.get(doc.id);
    if (!names) {
      names = new Set(
        [doc.id, doc.shortTitle, doc.title, ...doc.aliases].map((name) => words(name).join(' ')),
      );
      this.names.set(doc.id, names);
    }
    return names;
  }

  private locators(docId: string): Map<string, Passage[]> {
    let map = this.byDoc.get(docId);
    if (!map) {
      map = new Map();
      for (const passage of this.passagesOf(docId)) {
        const key = words(passage.locator).join(' ');
        const list = map.get(key);
        if (list) list.push(passage);
        else map.set(key, [passage]);
      }
      this.byDoc.set(docId, map);
    }
    return map;
  }
}
