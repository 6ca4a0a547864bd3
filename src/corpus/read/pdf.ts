// PDF reader (pdfjs-dist). Placeholder until implemented.
import type { ReadDocument } from '../types.js';
import { ReadError } from './index.js';

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  throw new ReadError(`The PDF reader is not implemented yet (${bytes.length} bytes).`);
}
