// Runs a TypeScript worker thread from the sources (tests): the compiled CLI starts `.js` workers directly
// and never loads this file. tsx is a devDependency, so this is for development only.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
