// The start-up preparation of `charter serve`, in its own thread (see src/cli/prepare.ts): it reports what
// it prepared, or why it could not, and is then ended by the HTTP thread.
import { parentPort, workerData } from 'node:worker_threads';
import { type PrepareMessage, type PrepareSetup, prepareData } from './prepare.js';

const post = (message: PrepareMessage) => parentPort!.postMessage(message);
try {
  post({ kind: 'prepared', prepared: await prepareData(workerData as PrepareSetup) });
} catch (error) {
  post({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
}
