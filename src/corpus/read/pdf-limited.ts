// PDFs are read in a worker thread with a time and a memory limit (issue 21, W21): a decompression bomb
// (916 KB of streams inflating to 300 MB took 218 s and 834 MB, and was added) or a PDF of endless content
// is stopped and refused in one sentence, and the thread that asked stays responsive. The byte limit is the
// download's (32 MiB, fetch.ts) and the page limit the reader's own (MAX_PDF_PAGES, pdf.ts).
//
// One worker per set of limits reads PDFs one at a time and is kept (unref'd) between them; a worker that
// ran out of time or memory is ended and the next PDF gets a new one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadDocument } from '../types.js';
import { ReadError } from './error.js';

export interface PdfLimits {
  /** Wall-clock time for one PDF; the largest of the corpus takes seconds on a busy machine. */
  timeMs: number;
  /** The worker's JavaScript heap. */
  heapMb: number;
}

export const PDF_LIMITS: PdfLimits = { timeMs: 60_000, heapMb: 512 };

type Reply = { id: number; ok: boolean; doc?: ReadDocument; read?: boolean; message?: string };

/** The worker module: compiled next to this file, or the TypeScript source (through tsx) in development. */
function spawn(heapMb: number): Worker {
  const js = new URL('./pdf-worker.js', import.meta.url);
  const options = { resourceLimits: { maxOldGenerationSizeMb: heapMb } };
  if (existsSync(js)) return new Worker(js, options);
  const boot = new URL('../../../scripts/ts-worker.mjs', import.meta.url);
  const entry = fileURLToPath(new URL('./pdf-worker.ts', import.meta.url));
  return new Worker(boot, { ...options, workerData: { entry } });
}

const workers = new Map<string, Worker>();
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

function readOnce(bytes: Uint8Array, limits: PdfLimits): Promise<ReadDocument> {
  const key = `${limits.heapMb}`;
  let worker = workers.get(key);
  if (!worker) {
    worker = spawn(limits.heapMb);
    workers.set(key, worker);
  }
  const current = worker;
  const id = nextId++;
  return new Promise<ReadDocument>((resolve, reject) => {
    let settled = false;
    const end = () => {
      workers.delete(key);
      void current.terminate();
    };
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
      current.unref();
      outcome();
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      finish(() => {
        if (reply.ok) resolve(reply.doc!);
        else if (reply.read) reject(new ReadError(reply.message!));
        else reject(new ReadError(`The PDF could not be read (${reply.message}).`));
      });
    };
    const onError = (error: Error & { code?: string }) => {
      end();
      finish(() =>
        reject(
          new ReadError(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `Reading the PDF needed more than ${limits.heapMb} MB of memory (a decompression bomb?), so it was stopped.`
              : `The PDF reader failed (${error.message}).`,
          ),
        ),
      );
    };
    const onExit = () => {
      workers.delete(key);
      finish(() => reject(new ReadError('The PDF reader stopped before it finished (out of memory?).')));
    };
    const timer = setTimeout(() => {
      end();
      finish(() =>
        reject(
          new ReadError(
            `Reading the PDF took longer than ${Math.round(limits.timeMs / 1000)} s (a decompression bomb, or far too much content?), so it was stopped.`,
          ),
        ),
      );
    }, limits.timeMs);
    current.on('message', onMessage);
    current.on('error', onError);
    current.on('exit', onExit);
    current.ref();
    current.postMessage({ id, bytes });
  });
}

/** Reads a PDF in the worker, one at a time, within the limits; throws ReadError with one sentence. */
export function readPdfLimited(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<ReadDocument> {
  const result = queue.then(() => readOnce(bytes, limits));
  queue = result.catch(() => undefined);
  return result;
}
