// Writes corpus/instruments-cited.json: the instruments the held documents cite by number and Charter does not
// hold — the EU regulations, directives and decisions the AI Act and the GDPR cite ("Directive (EU) 2016/680"),
// the executive orders the US documents cite ("Executive Order 14074") — read from the corpus-level link table
// (src/corpus/links.ts, `not-held` references), never typed. Each entry takes its facts from the citing text
// alone: the number, the date and title when the text gives them ("… of 20 June 2019 on market surveillance
// …", "Executive Order 14192 of January 31, 2025, “Unleashing Prosperity Through Deregulation,”"), and for an
// EU act the official ELI address its number makes (https://eur-lex.europa.eu/eli/reg/2019/1020/oj). A number
// corpus/instruments.json already lists (written by hand, with a name people use) is left to it. Instruments
// cited by words alone ("the Privacy Act", "Criminal Code") are not taken: a name without its country is no
// fact. Usage, after `charter sync`: npx tsx scripts/cited-instruments.ts (a golden test fails when the file is
// not what this script writes from the synced corpus).
import { writeFileSync } from 'node:fs';
import { type CatalogDocument, loadCatalog } from '../src/corpus/catalog.js';
import { findCitations } from '../src/corpus/citation-refs.js';
import { CITED_INSTRUMENTS_PATH, type KnownInstrument, loadInstruments } from '../src/corpus/instruments.js';
import { LinkTable } from '../src/corpus/links.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Passage } from '../src/corpus/types.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "20 June 2019" or "June 20, 2019" → "2019-06-20". */
function isoDate(text: string): string | undefined {
  const dm = /^(\d{1,2}) (\w+) (\d{4})$/.exec(text);
  const md = /^(\w+) (\d{1,2}), (\d{4})$/.exec(text);
  const [day, month, year] = dm ? [dm[1]!, dm[2]!, dm[3]!] : md ? [md[2]!, md[1]!, md[3]!] : [];
  const m = MONTHS.indexOf(month ?? '');
  if (m < 0 || !year) return undefined;
  return `${year}-${String(m + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** An EU act by its number: "Regulation (EU) No 1025/2012", "Directive 95/46/EC", "Decision No 768/2008/EC". */
const EU_ACT =
  /^(Regulation|Directive|Decision)(?: \((EU|EC|EEC)\))?(?: No)? (\d+)\/(\d+)(?:\/(EC|EU|EEC|JHA))?$/;
const EXECUTIVE_ORDER = /^Executive Order (\d{5})$/;

interface Cited {
  instrument: string;
  passage: Passage;
  doc: CatalogDocument;
  /** The citing text from the citation on. */
  after: string;
}

/** The facts of one EU act from its number and, when a citing text gives them, its date and title. */
function euAct(cites: readonly Cited[]): KnownInstrument | undefined {
  const match = EU_ACT.exec(cites[0]!.instrument);
  if (!match) return undefined;
  const [, type, prefix, first, second, suffix] = match;
  // "No" writes number/year ("Regulation (EU) No 1025/2012", "Decision No 768/2008/EC"); without it the year
  // comes first ("Directive 95/46/EC", "Regulation (EU) 2016/679").
  const yearFirst = !/ No /.test(cites[0]!.instrument);
  const [yearText, number] = yearFirst ? [first!, second!] : [second!, first!];
  const year = yearText.length === 2 ? `19${yearText}` : yearText;
  if (Number(year) < 1950 || Number(year) > 2100) return undefined;
  const label = `${type} ${prefix ? `(${prefix}) ` : ''}${yearFirst ? '' : 'No '}${first}/${second}${suffix ? `/${suffix}` : ''}`;
  const short = `${type} ${first}/${second}`;
  let date: string | undefined;
  let title: string | undefined;
  let issuer = 'European Union';
  for (const cite of cites) {
    const full =
      /^ of the (European Parliament and of the )?Council(?: of (\d{1,2} \w+ \d{4}))?(?: ((?:on|laying down|concerning|establishing|relating to) [^();]{10,200}?))?(?=[ ,]*(?:\(|;|\.|$|amending|and repealing))/.exec(
        cite.after,
      );
    if (!full) continue;
    issuer = full[1] ? 'European Parliament and Council of the EU' : 'Council of the EU';
    if (full[2] && !date) date = isoDate(full[2]);
    if (full[3] && !title) title = `${label} ${full[3].replace(/[ ,]+$/, '')}`;
    if (date && title) break;
  }
  // As the hand-written list has them: a directive (or decision) binds as a law, a regulation is one.
  const kind = type === 'Regulation' ? 'regulation' : 'law';
  const slug = { Regulation: 'reg', Directive: 'dir', Decision: 'dec' }[type!]!;
  const first_ = cites[0]!;
  return {
    id: `eu-${slug}-${year}-${number}`,
    name: label,
    ...(title ? { title } : {}),
    aliases: [...new Set([label, short, `${first}/${second}${suffix ? `/${suffix}` : ''}`])],
    issuer,
    ...(date ? { date } : {}),
    jurisdiction: 'EU',
    kind,
    url: `https://eur-lex.europa.eu/eli/${slug}/${year}/${Number(number)}/oj`,
    source: { citedIn: first_.doc.id, locator: first_.passage.locator },
  };
}

/** The facts of an executive order from its number and, when a citing text gives them, its date and title. */
function executiveOrder(cites: readonly Cited[]): KnownInstrument | undefined {
  const match = EXECUTIVE_ORDER.exec(cites[0]!.instrument);
  if (!match) return undefined;
  const number = match[1]!;
  let date: string | undefined;
  let title: string | undefined;
  for (const cite of cites) {
    const dated = /^ of (\w+ \d{1,2}, \d{4})/.exec(cite.after);
    if (dated && !date) date = isoDate(dated[1]!);
    const named = /^(?: of \w+ \d{1,2}, \d{4})?,? (?:\(([^()]{10,200})\)|“([^”]{10,200}?),?”)/.exec(
      cite.after,
    );
    if (named && !title) title = (named[1] ?? named[2])!.replace(/[ ,]+$/, '');
    if (date && title) break;
  }
  const first = cites[0]!;
  return {
    id: `us-eo-${number}`,
    name: `Executive Order ${number}`,
    ...(title ? { title: `Executive Order ${number}: ${title}` } : {}),
    aliases: [`Executive Order ${number}`, `EO ${number}`, `E.O. ${number}`],
    issuer: 'President of the United States',
    ...(date ? { date } : {}),
    jurisdiction: 'US',
    kind: 'executive order',
    source: { citedIn: first.doc.id, locator: first.passage.locator },
  };
}

/** The instruments the held documents cite by number and do not hold, each once, in order of first citation. */
export function citedInstruments(
  docs: readonly CatalogDocument[],
  passages: readonly Passage[],
  listed: readonly KnownInstrument[],
): KnownInstrument[] {
  const table = new LinkTable(docs, passages);
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  const groups = new Map<string, Cited[]>();
  for (const passage of passages) {
    const refs = table.referencesOf(passage.id).filter((ref) => ref.status === 'not-held');
    if (refs.length === 0) continue;
    const doc = byId.get(passage.docId)!;
    const citations = findCitations(passage.text, doc.citation.style);
    for (const ref of refs) {
      const citation = citations.find((c) => c.text === ref.text);
      const instrument = citation?.instrument?.replace(/\s+/g, ' ');
      if (!instrument) continue;
      // The words after the instrument's own name, where a first citation gives its date and title.
      let after = '';
      for (
        let at = passage.text.indexOf(instrument);
        at >= 0;
        at = passage.text.indexOf(instrument, at + 1)
      ) {
        const rest = passage.text
          .slice(at + instrument.length, at + instrument.length + 400)
          .replace(/\s+/g, ' ');
        if (/^ of /.test(rest) || after === '') after = rest;
        if (/^ of /.test(rest)) break;
      }
      const key = keyOf(instrument);
      if (!key) continue;
      const list = groups.get(key) ?? [];
      list.push({ instrument, passage, doc, after });
      groups.set(key, list);
    }
  }
  // A number the hand-written list already knows ("Directive 85/374/EEC") stays its entry.
  const listedNumbers = new Set(
    listed.flatMap((entry) => [entry.name, ...entry.aliases]).flatMap((name) => keyOf(name) ?? []),
  );
  const out: KnownInstrument[] = [];
  for (const [key, cites] of groups) {
    if (listedNumbers.has(key)) continue;
    const entry = euAct(cites) ?? executiveOrder(cites);
    if (entry) out.push(entry);
  }
  return out;
}

/** One key for the ways an instrument's number is written ("Regulation (EU) No 1025/2012" = "Regulation 1025/2012"). */
function keyOf(name: string): string | undefined {
  const eu = EU_ACT.exec(name.replace(/\s+/g, ' '));
  if (eu) return `${eu[1]!.toLowerCase()} ${eu[3]}/${eu[4]}`;
  const eo = /^(?:Executive Order|EO|E\.O\.) (\d{5})$/.exec(name);
  if (eo) return `eo ${eo[1]}`;
  return undefined;
}

export function citedInstrumentsFile(instruments: readonly KnownInstrument[]): string {
  const comment =
    'Generated by scripts/cited-instruments.ts from the link table of the synced corpus: the instruments the held documents cite by number and Charter does not hold, with the facts the citing text gives (number, date and title when written there) and, for an EU act, the ELI address its number makes. Do not edit by hand; hand-written entries belong in corpus/instruments.json, which wins over this file.';
  return `${JSON.stringify({ $comment: comment, instruments }, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = await loadCorpus({});
  const instruments = citedInstruments(loadCatalog(), corpus.passages, loadInstruments());
  writeFileSync(CITED_INSTRUMENTS_PATH, citedInstrumentsFile(instruments));
  console.log(`Wrote ${instruments.length} instruments to ${CITED_INSTRUMENTS_PATH}.`);
}
