// Other versions of a held document (missing.ts runs this beside earlierVersions in name-shapes.ts, which reads
// a year): a draft, proposal or revision of it ("the april 2023 draft of the generative ai interim measures",
// "the global digital compact zero draft", "the ai act proposal") or a version number its names never write
// ("tc260's ai safety governance framework 2.0": Charter holds V1.0; "nist ai rmf v2"). Charter holds the
// texts as adopted, so these are texts it lacks; a held text that is itself a draft (a bill that died at first
// reading) is what "the draft" means.
import type { CatalogDocument } from '../corpus/catalog.js';
import { MONTHS } from './docnames.js';
import type { HeldNameAt } from './held-vocabulary.js';
import type { Scan } from './name-shapes.js';
import { range } from './name-words.js';
import { STOP_WORDS } from './text.js';

/** Words that name another stage of a text: "draft", "proposal", "revision". */
const STAGE_WORDS = new Set(['draft', 'drafts', 'proposal', 'proposals', 'revision', 'revisions']);
/** Words between a stage word and the name it is of: "the draft of the …", "the proposal for the …". */
const STAGE_JOINS = new Set(['of', 'for', 'to', 'the']);
/** Words before a stage word that belong to it: "the 2023 zero draft", "the april 2023 draft". */
const STAGE_BEFORE = new Set(['zero', 'first', 'second', 'revised', ...MONTHS]);
const YEAR = /^(19|20)\d\d$/;
/** Words before a stage word right before a name that make it a noun ("the draft AI act", not "draft gdpr notices"). */
const DETERMINERS = new Set(['the', 'a', 'an', 's', 'its', 'their']);

/** A version after a name: "2.0", "v2", "v2.0", "version 2" ("ver" and "version" are separate words). */
const VERSION = /^v?(\d{1,2})(?:\.(\d{1,2}))?$/;
const VERSION_WORDS = new Set(['v', 'ver', 'version']);

/** The versions a held document's names write ("AI RMF 1.0", "Ver1.1", "(V1.0)"), normalized to "1.0". */
export function ownVersions(doc: CatalogDocument): Set<string> {
  const names = [doc.title, doc.shortTitle, ...doc.aliases].join(' ');
  const versions = new Set<string>();
  for (const match of names.matchAll(/(?:^|[^\d.])(?:v|ver|version)?\s?(\d{1,2})\.(\d{1,2})(?![\d.])/gi))
    versions.add(`${Number(match[1])}.${Number(match[2])}`);
  return versions;
}

/** Whether a held document is itself a draft: a bill that never passed ("as at first reading"). */
export function isDraftText(doc: CatalogDocument): boolean {
  return /died|first reading|draft/i.test(`${doc.status} ${doc.title}`);
}

export interface VersionKnowledge {
  versions: (docId: string) => ReadonlySet<string>;
  draft: (docId: string) => boolean;
  /** Whether a word is one of the catalog's names or issuers ("council", "europe"). */
  catalogWord: (norm: string) => boolean;
  /** Whether a word is common English (Zipf ≥ `COMMON_ZIPF`): a name of such words only is generic. */
  common: (norm: string) => boolean;
}

/** Drafts, proposals, revisions and other-numbered versions of a held document (`versions` rule). */
export function otherVersions(
  scan: Scan,
  know: VersionKnowledge,
  namedDocs: readonly (HeldNameAt & { end: number })[],
): void {
  const { norms, claimed, surface } = scan;
  const free = (from: number, to: number) => range(from, to).every((k) => !claimed.has(k));
  const report = (from: number, to: number) => {
    if (!free(from, to)) return;
    scan.found.push({ at: from, missing: { name: surface(from, to), kind: 'instrument' } });
    for (let k = from; k <= to; k++) claimed.add(k);
  };
  for (const name of namedDocs) {
    const last = name.end - 1;
    // A held name of common words only ("code of conduct", the Hiroshima code's) is as much anyone's: "our
    // association's draft code of conduct" is not a draft of the Hiroshima code.
    const words = range(name.start, last).filter((i) => !STOP_WORDS.has(norms[i]!));
    if (words.every((i) => know.common(norms[i]!))) continue;
    // A version number right after the name, or after "v"/"version": one its names never write.
    let v = name.end;
    if (VERSION_WORDS.has(norms[v] ?? '')) v++;
    const version = VERSION.exec(norms[v] ?? '');
    if (version && (v > name.end || norms[v]!.includes('.') || norms[v]!.startsWith('v'))) {
      const number = `${Number(version[1])}.${Number(version[2] ?? 0)}`;
      if (!know.versions(name.docId).has(number)) {
        report(name.start, v);
        continue;
      }
    }
    if (know.draft(name.docId)) continue;
    // A stage word before the name, only joining words between ("the draft of the …", "proposal for the …").
    // (Over the issuer's name too: "the draft of the council of europe AI convention".)
    let k = name.start - 1;
    let joins = 0;
    while (
      k >= 0 &&
      name.start - k <= 6 &&
      ((STAGE_JOINS.has(norms[k]!) && ++joins <= 3) || scan.heldAt.has(k) || know.catalogWord(norms[k]!))
    )
      k--;
    if (k >= 0 && STAGE_WORDS.has(norms[k]!)) {
      let from = k;
      while (from > 0 && (STAGE_BEFORE.has(norms[from - 1]!) || YEAR.test(norms[from - 1]!))) from--;
      const before = norms[from - 1] ?? '';
      // "the draft of the …", "proposal for the …"; right before the name only as a noun ("the draft AI
      // act", "the 2023 draft …"; not "how do i draft gdpr notices"), and never a verb before "the" ("draft
      // the …").
      const noun = k < name.start - 1 ? norms[k + 1] !== 'the' : from < k || DETERMINERS.has(before);
      if (noun) {
        report(from, last);
        continue;
      }
    }
    // Or after it, ending the phrase ("the global digital compact zero draft from april 2024"; not "the AI
    // Act's draft codes of practice", where the stage is the codes').
    let a = name.end;
    if (norms[a] === 's' || norms[a] === 'zero' || norms[a] === 'first' || norms[a] === 'second') a++;
    const next = norms[a + 1];
    if (STAGE_WORDS.has(norms[a] ?? '') && (next === undefined || STOP_WORDS.has(next)))
      report(name.start, a);
  }
}
