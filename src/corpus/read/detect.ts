// Which reader a file needs: from its name's extension, else from its first bytes (`charter add`). The
// catalog's documents name their format; only an operator's own files need this.
import { extname } from 'node:path';
import type { Format } from '../catalog.js';

const BY_EXTENSION: Record<string, Format> = {
  md: 'md',
  markdown: 'md',
  txt: 'txt',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  xml: 'xml',
};

/**
 * A local file's extension that names a kind Charter does not read (`policy.docx`, `notes.rtf`), or
 * undefined. Such a file is refused rather than sniffed: its name says it is something else, so text in it
 * is a mistake to report, not a format to guess (trial 7: markdown named .docx was added as plain text).
 * URLs are not checked: a page's path (`/policy.aspx`) says nothing about what the server sends.
 */
export function foreignExtension(path: string): string | undefined {
  const ext = extname(path).slice(1).toLowerCase();
  return ext && !BY_EXTENSION[ext] ? ext : undefined;
}

/** The extensions Charter reads, for sentences. */
export const READ_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The format from the name's extension (a path or a URL), else from the bytes; plain text otherwise. */
export function detectFormat(name: string, bytes: Uint8Array): Format {
  const ext = extname(new URL(name, 'file:///').pathname).slice(1).toLowerCase();
  const byExt = BY_EXTENSION[ext];
  if (byExt) return byExt;
  const head = new TextDecoder().decode(bytes.slice(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'pdf';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<html[\s>]/.test(head)) return 'html';
  if (head.startsWith('<?xml')) return 'xml';
  return 'txt';
}

const TEXT_NAMES: Record<Format, string> = {
  md: 'Markdown text',
  txt: 'plain text',
  html: 'an HTML page',
  xml: 'an XML document',
  pdf: 'a PDF',
};

/**
 * A CommonAccord "prose object": lines of `key=value` (`1.3.0.sec=AI Actors should…`, `Ti=…`) that a
 * renderer assembles into a document. Read as text it would be quoted with its keys and under locators
 * Charter invented, so `charter add` refuses it (decision, issue 20): add the rendered document instead.
 */
function isKeyValueSource(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 3) return false;
  const keyed = lines.filter((line) => /^[A-Za-z0-9_.{}-]+=\S?/.test(line.trim())).length;
  return keyed / lines.length >= 0.3;
}

/**
 * Whether the bytes really are what the format says (issue 20: a PDF named .txt, random bytes named .md and
 * a PNG named .html were all "read"): the file's magic bytes (file-type) and, for text formats, valid UTF-8
 * without NUL bytes. Returns what the file is instead, as a clause ("is a PNG image (image/png), not an HTML
 * page"), or undefined when it is what it says.
 */
export async function realTypeProblem(bytes: Uint8Array, format: Format): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await import('file-type');
  const sniffed = await fileTypeFromBuffer(bytes);
  if (format === 'pdf') {
    if (sniffed?.ext === 'pdf') return undefined;
    return sniffed
      ? `is a ${sniffed.ext.toUpperCase()} file (${sniffed.mime}), not a PDF`
      : 'is not a PDF (it does not start with the %PDF- signature)';
  }
  const wanted = TEXT_NAMES[format];
  if (sniffed && !(sniffed.ext === 'xml' && (format === 'xml' || format === 'html')))
    return `is a ${sniffed.ext.toUpperCase()} file (${sniffed.mime}), not ${wanted}`;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return `is not ${wanted}: its bytes are not valid UTF-8 (binary data, or text in another encoding; save it as UTF-8)`;
  }
  if (text.includes('\0')) return `is not ${wanted}: it contains NUL bytes (binary data)`;
  if ((format === 'txt' || format === 'md') && isKeyValueSource(text))
    return 'is a CommonAccord-style source of key=value lines (such as 1.3.0.sec=…), not a document’s text; add the rendered document instead';
  return undefined;
}
