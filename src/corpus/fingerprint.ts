// Fingerprints that identify a document's content. Raw bytes are checked first; for text formats a copy that
// differs only by invisible characters (zero-width, BOM, control characters, line endings, Unicode
// composition) still verifies by its normalized-text fingerprint. Three mirror copies are known to differ
// from the served files exactly that way (see their .source.json notes).
import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

// Cc (controls) and Cf (format characters: zero-width space/joiners, BOM, soft hyphen, bidi marks).
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/** The text as compared for verification: NFC, LF line ends, no invisible characters except \n and \t. */
export function normalizeForFingerprint(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(INVISIBLE, (ch) => (ch === '\n' || ch === '\t' ? ch : ''));
}

export function textFingerprint(bytes: Uint8Array): string {
  return sha256Hex(normalizeForFingerprint(new TextDecoder('utf-8').decode(bytes)));
}
