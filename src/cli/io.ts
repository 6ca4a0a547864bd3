// Where a CLI command reads its corpus and writes its output: the process by default, fixtures in tests.
import { type Charter, openCharter } from '../app.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import { deploymentCatalog } from '../corpus/local.js';
import { syncReporter } from './progress.js';
import { safeTerminal, type Terminal } from './terminal.js';

export interface CliIo {
  stdout: Terminal;
  stderr: Terminal;
  /** The documents this deployment serves, read without the index: options are checked against it first. */
  catalog(): readonly CatalogDocument[];
  /** Opens the corpus and its index (syncing first when needed). */
  open(): Promise<Charter>;
  env: NodeJS.ProcessEnv;
}

/** The io with both streams behind the terminal edge (`safeTerminal`): what every command writes through. */
export function terminalIo(io: CliIo): CliIo {
  return { ...io, stdout: safeTerminal(io.stdout, io.env), stderr: safeTerminal(io.stderr, io.env) };
}

export function processIo(): CliIo {
  return terminalIo({
    stdout: process.stdout,
    stderr: process.stderr,
    catalog: () => deploymentCatalog(),
    open: async () => {
      // The first answer syncs the corpus: it ends, like `charter sync`, with one summary line.
      const started = performance.now();
      const report = syncReporter();
      let synced = 0;
      const charter = await openCharter({
        onProgress: (event) => {
          if (event.type === 'done' && event.outcome.status === 'updated') synced++;
          report(event);
        },
      });
      if (synced > 0)
        process.stderr.write(
          `Synced ${charter.docs.length} documents (${charter.index.passages.length.toLocaleString('en')} passages) in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
        );
      return charter;
    },
    env: process.env,
  });
}
