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
