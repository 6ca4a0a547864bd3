// Defined terms: where a document defines a term ("‘deployer’ means …", "The term “AI model” means …",
// "high-impact system means …" under a `def:` path, "生成式人工智能技术，是指…"), and which of its passages use
// it. Only legal instruments are read for definitions (a report's "X means" is prose, not a definition).
import type { CatalogDocument } from './catalog.js';
import { parseSegment } from './citation.js';
import { CITING_STYLES } from './citation-refs.js';
import type { Passage } from './types.js';

export interface Definition {
  /** The term as the document writes it where it defines it ("deployer", "HIGH-RISK ARTIFICIAL INTELLIGENCE SYSTEM"). */
  term: string;
  /** The passage holding the definition. */
  passageId: string;
  locator: string;
}

const QUOTE_OPEN = '[‘“"]';
const QUOTE_CLOSE = '[’”"]';
const QUOTED = `${QUOTE_OPEN}([^’”"\\n]{1,80})${QUOTE_CLOSE}`;
// One or more quoted terms ("“artificial intelligence” or “AI”"), then the defining verb.
const QUOTED_DEFINITION = new RegExp(
  `((?:${QUOTED}(?:\\s*,?\\s*(?:or|and)\\s+|\\s*,\\s*)?)+)\\s*(?:\\([^)]{0,40}\\)\\s*)?(?:means|refers to|has the meaning|shall mean)\\b`,
  'gi',
);
const QUOTED_TERM = new RegExp(QUOTED, 'g');
/** Unquoted terms at the start of a paragraph, only in a passage that says it lists definitions. */
const UNQUOTED_DEFINITION =
  /(?:^|\n)(?:\(\d+\)\s*)?([A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,6}) (?:refers to|means)\b/g;
const DEFINITIONS_CONTEXT =
  /following (?:terms|definitions)|definitions apply|meanings? of the following|terms used in/i;
const CHINESE_DEFINITION = /(?:^|\n)(?:（[一二三四五六七八九十]+）)?([^，。；：\n（）]{2,30})，?是指/g;
const DEFINING_VERB = /means|refers to|has the meaning/i;
const DEF_VERB = /\s+(?:means|includes|has the meaning)\b/;

const isLegal = (doc: CatalogDocument) => CITING_STYLES.has(doc.citation.style);

/** The definitions a document gives, in document order. */
export function findDefinitions(doc: CatalogDocument, passages: readonly Passage[]): Definition[] {
  if (!isLegal(doc)) return [];
  const out: Definition[] = [];
  const add = (term: string, passage: Passage) => {
    const clean = term.trim().replace(/\s+/g, ' ');
    if (clean.length >= 2) out.push({ term: clean, passageId: passage.id, locator: passage.locator });
  };
  for (const passage of passages) {
    const first = parseSegment(passage.path[0] ?? '');
    if (first.type === 'recital' || first.type === 'h') continue;
    const last = parseSegment(passage.path[passage.path.length - 1] ?? '');
    // Bill XML marks each definition (AIDA): the term is what comes before "means".
    if (last.type === 'def' && !passage.id.includes('~')) {
      const verb = DEF_VERB.exec(passage.text);
      if (verb && verb.index < 100) add(passage.text.slice(0, verb.index), passage);
      continue;
    }
    if (doc.citation.style === 'cn-articles') {
      for (const m of passage.text.matchAll(CHINESE_DEFINITION)) add(m[1]!, passage);
      continue;
    }
    if (!DEFINING_VERB.test(passage.text)) continue;
    let quoted = false;
    for (const m of passage.text.matchAll(QUOTED_DEFINITION)) {
      quoted = true;
      for (const t of m[1]!.matchAll(QUOTED_TERM)) add(t[1]!, passage);
    }
    if (!quoted && DEFINITIONS_CONTEXT.test(`${passage.context ?? ''}\n${passage.text}`))
      for (const m of passage.text.matchAll(UNQUOTED_DEFINITION)) add(m[1]!, passage);
  }
  return out;
}

const key = (term: string) => term.toLocaleLowerCase('en');

/** Finds a document's defined terms in its passages (longest term first; "deployers" finds "deployer"). */
export class TermMatcher {
  /** Lower-cased term → its definitions. */
  readonly byTerm = new Map<string, Definition[]>();
  private readonly terms: string[];

  constructor(
    definitions: readonly Definition[],
    private readonly chinese: boolean,
  ) {
    for (const d of definitions) {
      const list = this.byTerm.get(key(d.term)) ?? [];
      if (!list.some((x) => x.passageId === d.passageId)) list.push(d);
      this.byTerm.set(key(d.term), list);
    }
    this.terms = [...this.byTerm.keys()].sort((a, b) => b.length - a.length);
  }

  /** The defined terms a text uses, each once, in order of first use, as the definition writes them. */
  termsIn(text: string): { term: string; definitions: Definition[] }[] {
    const lower = key(text);
    // Every whole-word occurrence of every term, then the leftmost-longest ones ("high-risk AI system"
    // before "AI system"): a plain scan, as a pattern per passage costs more than the scan.
    const hits: { start: number; end: number; term: string }[] = [];
    for (const term of this.terms) {
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        const end = this.wordEnd(lower, at, term.length);
        if (end !== undefined) hits.push({ start: at, end, term });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const seen = new Set<string>();
    const out: { term: string; definitions: Definition[] }[] = [];
    let covered = 0;
    for (const hit of hits) {
      if (hit.start < covered) continue;
      covered = hit.end;
      if (seen.has(hit.term)) continue;
      seen.add(hit.term);
      const definitions = this.byTerm.get(hit.term)!;
      out.push({ term: definitions[0]!.term, definitions });
    }
    return out;
  }

  /**
   * Where a term found at `at` ends when it stands as a whole word (a plural "s"/"es" included), else
   * undefined: "risk" is not used in "high-risk", nor "provider" in "providers-to-be". Chinese has no spaces:
   * any occurrence counts.
   */
  private wordEnd(text: string, at: number, length: number): number | undefined {
    if (this.chinese) return at + length;
    if (at > 0 && WORD_CHAR.test(text[at - 1]!)) return undefined;
    let end = at + length;
    if (text.startsWith('es', end) && !WORD_CHAR.test(text[end + 2] ?? ' ')) end += 2;
    else if (text[end] === 's' && !WORD_CHAR.test(text[end + 1] ?? ' ')) end += 1;
    if (WORD_CHAR.test(text[end] ?? ' ')) return undefined;
    if (text[end] === '-' && /\p{L}/u.test(text[end + 1] ?? ' ')) return undefined;
    return end;
  }
}

/** A letter, digit or hyphen: what continues a word. */
const WORD_CHAR = /[\p{L}\p{N}-]/u;
