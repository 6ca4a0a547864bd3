// Discord signs every interaction it POSTs: Ed25519 over `X-Signature-Timestamp + raw body`, with the
// application's public key (32 bytes, hex). We check that before looking at the body at all.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Discord's own window: requests whose timestamp is further off than this are refused (replays). */
export const MAX_TIMESTAMP_SKEW_SECONDS = 5 * 60;

const HEX_32_BYTES = /^[0-9a-f]{64}$/i;
const HEX_64_BYTES = /^[0-9a-f]{128}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

/** Builds a verification key from the application's public key as the Developer Portal shows it (hex). */
export function ed25519PublicKeyFromHex(hex: string): KeyObject {
  if (!HEX_32_BYTES.test(hex)) {
    throw new Error('DISCORD_PUBLIC_KEY must be the 64 hex characters shown in the Developer Portal.');
  }
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export type VerifyFailure = 'missing-signature' | 'bad-timestamp' | 'stale-timestamp' | 'bad-signature';

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/**
 * Checks a request the way Discord requires: both headers present, the timestamp within five minutes of
 * `nowMs`, and a valid Ed25519 signature over timestamp + body. Returns undefined when it is genuine.
 */
export function verifyInteractionRequest(
  key: KeyObject,
  request: SignedRequest,
  nowMs: number = Date.now(),
): VerifyFailure | undefined {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return 'missing-signature';
  if (!UNIX_SECONDS.test(timestamp)) return 'bad-timestamp';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_TIMESTAMP_SKEW_SECONDS) return 'stale-timestamp';
  if (!HEX_64_BYTES.test(signature)) return 'bad-signature';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  return verify(null, signed, key, Buffer.from(signature, 'hex')) ? undefined : 'bad-signature';
}
