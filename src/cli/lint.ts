// `charter lint [--json] [--doc ID]…`: the corpus linter over the synced passages (see src/corpus/lint).
// Exit 1 when any finding is not on the allow-list (corpus/lint-allow.json).

import { isAllowed, loadAllowList } from '../corpus/lint/allow.js';
import { CHECKS, lintPassages, vocabulary } from '../corpus/lint/checks.js';
import { deploymentCatalog } from '../corpus/local.js';
import { parseCommandArgs } from './args.js';
import { currentCorpus } from './current.js';
import { selectDocuments } from './docs.js';

export async function runLint(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('lint', args, {
    json: { type: 'boolean', default: false },
    doc: { type: 'string', multiple: true },
  });
  const chosen = values.doc
    ? new Set(selectDocuments(deploymentCatalog(), values.doc).map((d) => d.id))
    : undefined;
  const corpus = await currentCorpus();
  if (!corpus) return 1;
  const all = corpus.passages;
  // The vocabulary is always the whole corpus's, so --doc never changes what counts as a word.
  const selected = chosen ? all.filter((p) => chosen.has(p.docId)) : all;
  const allow = loadAllowList();
  const findings = lintPassages(selected, vocabulary(all));
  const open = findings.filter((f) => !isAllowed(f, allow));
  const counts = Object.fromEntries(CHECKS.map((c) => [c, open.filter((f) => f.check === c).length]));
  if (values.json) {
    console.log(JSON.stringify({ counts, findings: open, allowed: findings.length - open.length }, null, 2));
  } else {
    for (const check of CHECKS) {
      const mine = open.filter((f) => f.check === check);
      if (mine.length === 0) continue;
      console.log(`${check} (${mine.length})`);
      for (const f of mine) console.log(`  ${f.passageId}  ${f.excerpt}`);
    }
    console.log(
      `${open.length} finding(s) in ${selected.length} passages; ${findings.length - open.length} allowed by corpus/lint-allow.json.`,
    );
  }
  return open.length > 0 ? 1 : 0;
}
