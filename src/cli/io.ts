// Where a CLI command reads its corpus and writes its output: the process by default, fixtures in tests.
import { type Charter, openCharter } from '../app.js';
import { syncReporter } from './progress.js';
import type { Terminal } from './terminal.js';

export interface CliIo {
  stdout: Terminal;
  stderr: Terminal;
  /** Opens the corpus and its index (syncing first when needed). */
  open(): Promise<Charter>;
  env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    open: () => openCharter({ onProgress: syncReporter() }),
    env: process.env,
  };
}
