// Start-up preparation of `charter serve` off the HTTP thread (issue 21, W20). Syncing what is missing,
// recovering a lost manifest or passages file, re-splitting passages made by another pipeline version and
// building and saving the index can take seconds to minutes of synchronous work; on the HTTP thread it held
// /healthz and Discord's signed PING (13.6 s in the report). A worker thread does it
// (src/cli/prepare-worker.ts) while the HTTP thread answers; it then ends.
import { existsSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { Services } from '../answer/services.js';
import { assemble, openCharter } from '../app.js';
import type { CatalogDocument } from '../corpus/catalog.js';
import { spawnWorker } from '../discord/http/pool.js';
import type { HealthStatus } from '../discord/http/types.js';
import { CorpusIndex } from '../search/index.js';

/** What the preparation worker is told. */
export interface PrepareSetup {
  dataDir: string;
  /**
   * Hand the index over to the HTTP thread (`--workers 0`, which answers there): it then only parses it,
   * as it would read the saved file, and never re-splits or rebuilds — even when the index could not be
   * saved (a read-only data directory). With answer workers, each loads the saved index itself.
   */
  handOver: boolean;
}

/** What the data directory now serves; with `handOver`, the index as the saved file holds it. */
export interface Prepared {
  health: HealthStatus;
  corpus?: HandedOver;
}

export interface HandedOver {
  docs: CatalogDocument[];
  /** The deployment catalog (documents listed but not served are "not synced yet"). */
  catalog: readonly CatalogDocument[];
  version: string;
  /** `JSON.stringify(index.toJSON())`: a string crosses threads as one copy, not a clone of a graph. */
  index: string;
}

/** Worker → HTTP thread. */
export type PrepareMessage = { kind: 'prepared'; prepared: Prepared } | { kind: 'failed'; error: string };

/** The preparation itself (run in the worker): open Charter as every entry point does, report what it serves. */
export async function prepareData(setup: PrepareSetup): Promise<Prepared> {
  const charter = await openCharter({ dataDir: setup.dataDir });
  const health = { corpusVersion: charter.version, passages: charter.index.passages.length };
  if (!setup.handOver) return { health };
  return {
    health,
    corpus: {
      docs: charter.docs,
      catalog: charter.catalog,
      version: charter.version,
      index: JSON.stringify(charter.index.toJSON()),
    },
  };
}

/** The worker module: compiled next to this file, or the TypeScript source when running from src/. */
export function prepareEntry(): URL {
  const js = new URL('./prepare-worker.js', import.meta.url);
  return existsSync(js) ? js : new URL('./prepare-worker.ts', import.meta.url);
}

/**
 * Runs the preparation in a worker thread and resolves with what it prepared; rejects with its error, or
 * when the worker stops without an answer. `signal` ends the worker (a stop while loading: every write of
 * the preparation is atomic, so ending it half-way leaves nothing half-written).
 */
export function prepareInWorker(
  setup: PrepareSetup,
  options: { entry?: URL; signal?: AbortSignal } = {},
): Promise<Prepared> {
  const worker: Worker = spawnWorker(options.entry ?? prepareEntry(), setup);
  const end = () => void worker.terminate();
  options.signal?.addEventListener('abort', end, { once: true });
  return new Promise<Prepared>((resolve, reject) => {
    worker.on('message', (message: PrepareMessage) => {
      if (message.kind === 'prepared') resolve(message.prepared);
      else reject(new Error(message.error));
      end(); // a PDF reader thread it kept would otherwise keep it alive
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      reject(new Error(`the start-up preparation stopped before it was done (exit code ${code})`)),
    );
  }).finally(() => options.signal?.removeEventListener('abort', end));
}

/**
 * The services over a handed-over index, on the HTTP thread (`--workers 0`): a parse and a load, the same
 * work as reading the saved file at a fast start, never a re-split or a build.
 */
export function handedOverServices(corpus: HandedOver): Services {
  const index = CorpusIndex.load(corpus.docs, JSON.parse(corpus.index));
  if (!index) throw new Error('the prepared index is of another format version');
  return assemble(corpus.docs, index, corpus.version, corpus.catalog).services;
}
