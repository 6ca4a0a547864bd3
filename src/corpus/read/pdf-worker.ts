// The worker thread that reads PDFs (see pdf-limited.ts): one request at a time, bytes in, the ReadDocument
// or the reader's one sentence out. It stays up between PDFs, so a sync pays for loading pdfjs once.
import { parentPort } from 'node:worker_threads';
import { ReadError } from './error.js';
import { readPdf } from './pdf.js';

parentPort!.on('message', ({ id, bytes }: { id: number; bytes: Uint8Array }) => {
  readPdf(bytes).then(
    (doc) => parentPort!.postMessage({ id, ok: true, doc }),
    (error: unknown) =>
      parentPort!.postMessage({
        id,
        ok: false,
        read: error instanceof ReadError,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
