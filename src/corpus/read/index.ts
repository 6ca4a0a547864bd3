// Readers: bytes of one format in, cleaned page-tagged lines out (see ReadDocument).
import type { Format } from '../catalog.js';
import type { ReadDocument } from '../types.js';
import { ReadError } from './error.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { normalizeRead } from './normalize.js';
import { readPdfLimited } from './pdf-limited.js';
import { readText } from './text.js';
import { readXml } from './xml.js';

export { ReadError };

const READERS: Record<Format, (bytes: Uint8Array) => Promise<ReadDocument>> = {
  md: readMarkdown,
  txt: readText,
  html: readHtml,
  // In a worker with time and memory limits (pdf-limited.ts).
  pdf: (bytes) => readPdfLimited(bytes),
  xml: readXml,
};

/** Reads a document's bytes (normalized for every format: read/normalize.ts). Throws ReadError with one sentence a person can act on. */
export async function readDocument(bytes: Uint8Array, format: Format): Promise<ReadDocument> {
  const reader = READERS[format];
  if (!reader) throw new ReadError(`There is no reader for the format "${format}".`);
  const doc = normalizeRead(await reader(bytes));
  if (!doc.lines.some((line) => line.text.trim() !== '')) {
    throw new ReadError(`The ${format} document has no readable text (${bytes.length} bytes).`);
  }
  return doc;
}
