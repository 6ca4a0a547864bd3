// `charter lint [--json] [--doc ID]…`: the corpus linter over the synced passages (see src/corpus/lint).
// Exit 1 when any finding is not on the allow-list (corpus/lint-allow.json).

import { loadAsks } from '../corpus/asks.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import { LinkTable } from '../corpus/links.js';
import { isAllowed, loadAllowList } from '../corpus/lint/allow.js';
import { lintAsks } from '../corpus/lint/asks.js';
import { CHECKS, lintPassages, vocabulary } from '../corpus/lint/checks.js';
import { deploymentCatalog } from '../corpus/local.js';
import type { Passage } from '../corpus/types.js';
import { parseCommandArgs } from './args.js';
import { currentCorpus } from './current.js';
import { selectDocuments } from './docs.js';
import { safeTerminal } from './terminal.js';

// Excerpts are a passage's words (or an operator's document's): written through the terminal edge.
let out: ReturnType<typeof safeTerminal> | undefined;
function print(line: string): void {
  out ??= safeTerminal(process.stdout);
  out.write(`${line}\n`);
}

export async function runLint(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('lint', args, {
    json: { type: 'boolean', default: false },
    doc: { type: 'string', multiple: true },
    links: { type: 'boolean', default: false },
  });
  const chosen = values.doc
    ? new Set(selectDocuments(deploymentCatalog(), values.doc).map((d) => d.id))
    : undefined;
  const corpus = await currentCorpus();
  if (!corpus) return 1;
  const all = corpus.passages;
  if (values.links) return printLinks(corpus.docs, all, chosen, values.json);
  // The vocabulary is always the whole corpus's, so --doc never changes what counts as a word.
  const selected = chosen ? all.filter((p) => chosen.has(p.docId)) : all;
  const allow = loadAllowList();
  // Reader questions are joined over the whole corpus (as the index does), reported for the chosen documents.
  const asks = loadAsks();
  const findings = [...lintPassages(selected, vocabulary(all)), ...lintAsks(asks, all, chosen)];
  const open = findings.filter((f) => !isAllowed(f, allow));
  const counts = Object.fromEntries(CHECKS.map((c) => [c, open.filter((f) => f.check === c).length]));
  if (values.json) {
    print(JSON.stringify({ counts, findings: open, allowed: findings.length - open.length }, null, 2));
  } else {
    for (const check of CHECKS) {
      const mine = open.filter((f) => f.check === check);
      if (mine.length === 0) continue;
      print(`${check} (${mine.length})`);
      for (const f of mine) print(`  ${f.passageId}  ${f.excerpt}`);
    }
    print(
      `${open.length} finding(s) in ${selected.length} passages and ${chosen ? asks.filter((q) => chosen.has(q.docId)).length : asks.length} reader questions; ${findings.length - open.length} allowed by corpus/lint-allow.json.`,
    );
  }
  return open.length > 0 ? 1 : 0;
}

/** `charter lint --links`: the link report per document (resolution is over the whole corpus either way). */
function printLinks(
  docs: CatalogDocument[],
  passages: Passage[],
  chosen: Set<string> | undefined,
  json: boolean,
): number {
  const started = performance.now();
  const table = new LinkTable(docs, passages);
  const reports = table.reports.filter((r) => !chosen || chosen.has(r.docId));
  const ms = Math.round(performance.now() - started);
  if (json) {
    print(JSON.stringify({ ms, documents: reports }, null, 2));
    return 0;
  }
  const header = [
    'document',
    'found',
    'resolved',
    'document',
    'unresolved',
    'not held',
    'rate',
    'terms',
    'uses',
  ];
  const rows = reports
    .filter((r) => r.found > 0 || r.termsDefined > 0)
    .map((r) => [
      r.docId,
      ...[r.found, r.resolved, r.document, r.unresolved, r.notHeld].map(String),
      rate(r.resolved, r.resolved + r.unresolved),
      String(r.termsDefined),
      String(r.termsLinked),
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows])
    print(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  print(
    'rate = resolved ÷ (resolved + unresolved): of the places cited in documents Charter holds, those it links to.',
  );
  return 0;
}

const rate = (n: number, of: number) => (of === 0 ? '–' : `${Math.round((100 * n) / of)}%`);
