// Readers: bytes of one format in, cleaned page-tagged lines out (see ReadDocument).
import type { Format } from '../catalog.js';
import type { ReadDocument } from '../types.js';

export class ReadError extends Error {}

/** Reads a document's bytes. Throws ReadError with one sentence a person can act on. */
export async function readDocument(bytes: Uint8Array, format: Format): Promise<ReadDocument> {
  throw new ReadError(`No reader for ${format} yet (${bytes.length} bytes).`);
}
