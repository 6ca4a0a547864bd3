// `charter add FILE|URL --id ID --title T --issuer I --date YYYY-MM-DD [--jurisdiction J] [--kind K]
// [--short-title S] [--alias A]…` and `charter remove ID`: parses the arguments, lets the corpus add or
// remove the document (src/corpus/add.ts), rebuilds the index and says what happened.

import { listed } from '../answer/wording.js';
import { rebuildIndex } from '../app.js';
import { AddError, addDocument, findingLines, removeDocument } from '../corpus/add.js';
import { dataDir } from '../paths.js';
import { parseCommandArgs, UsageError } from './args.js';
import { type CliIo, processIo, terminalIo } from './io.js';

/** The corpus's one-sentence refusals are usage errors here (exit 2, pointing to --help). */
async function refusing<T>(io: CliIo, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AddError) {
      for (const line of error.details) io.stderr.write(`${line}\n`);
      throw new UsageError(error.message);
    }
    throw error;
  }
}

export async function runAdd(args: string[], given: CliIo = processIo()): Promise<number> {
  const io = terminalIo(given);
  const { values, positionals } = parseCommandArgs(
    'add',
    args,
    {
      id: { type: 'string' },
      title: { type: 'string' },
      issuer: { type: 'string' },
      date: { type: 'string' },
      jurisdiction: { type: 'string' },
      kind: { type: 'string' },
      'short-title': { type: 'string' },
      alias: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
    },
    true,
  );
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0)
    throw new UsageError('Give one file or URL to add, e.g. charter add policy.pdf --id … .');
  const { id, title, issuer, date } = values;
  // Name only what is missing ("charter add f.md --title X" said to give --title too).
  const missing = (['id', 'title', 'issuer', 'date'] as const).filter((name) => !values[name]);
  if (!id || !title || !issuer || !date)
    throw new UsageError(
      `Give ${listed(
        missing.map((name) => `--${name}`),
        'and',
      )}: a document needs --id, --title, --issuer and --date.`,
    );
  const dir = dataDir(io.env);
  const added = await refusing(io, () =>
    addDocument(
      {
        source,
        id,
        title,
        issuer,
        date,
        ...(values.jurisdiction !== undefined ? { jurisdiction: values.jurisdiction } : {}),
        ...(values.kind !== undefined ? { kind: values.kind } : {}),
        ...(values['short-title'] !== undefined ? { shortTitle: values['short-title'] } : {}),
        ...(values.alias !== undefined ? { aliases: values.alias } : {}),
        force: values.force === true,
      },
      dir,
    ),
  );
  const built = await rebuildIndex({
    dataDir: dir,
    catalog: added.catalog,
    onWarning: (m) => io.stderr.write(`${m}\n`),
  });
  const { doc } = added;
  if (added.findings.length > 0) {
    io.stderr.write(`charter lint found ${added.findings.length} thing(s) to check in the new passages:\n`);
    for (const line of findingLines(added.findings)) io.stderr.write(`${line}\n`);
  }
  io.stdout.write(
    `Added ${doc.id}: ${added.passages} passages (${added.style} style), ${doc.source.format}, sha256 ${doc.source.sha256.slice(0, 12)}…; index rebuilt with ${built.docs.length} documents.\n`,
  );
  return 0;
}

export async function runRemove(args: string[], given: CliIo = processIo()): Promise<number> {
  const io = terminalIo(given);
  const { positionals } = parseCommandArgs('remove', args, {}, true);
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError('Give the id of one document added with charter add.');
  const dir = dataDir(io.env);
  const catalog = await refusing(io, () => removeDocument(id, dir));
  const built = await rebuildIndex({ dataDir: dir, catalog, onWarning: (m) => io.stderr.write(`${m}\n`) });
  io.stdout.write(`Removed ${id}; index rebuilt with ${built.docs.length} documents.\n`);
  return 0;
}
