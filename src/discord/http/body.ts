// Reading a request's body before its signature is checked: capped per request, and held against one budget
// of unverified bytes shared by all requests (issue 13, W3), so a flood of uploads cannot take the memory.
import type { IncomingMessage } from 'node:http';

/** The first bytes of every request may use the whole budget; bytes past them leave this much free. */
const SMALL_BODY_BYTES = 64 * 1024;

/**
 * Body bytes held before verification, across all requests. Large uploads cannot take the last eighth:
 * Discord's own payloads (a few KiB) still get through while stalled large uploads hold the rest.
 */
export class ByteBudget {
  used = 0;
  constructor(readonly limit: number) {}
  take(bytes: number, heldByRequest: number): boolean {
    const cap = heldByRequest + bytes > SMALL_BODY_BYTES ? this.limit - this.limit / 8 : this.limit;
    if (this.used + bytes > cap) return false;
    this.used += bytes;
    return true;
  }
  give(bytes: number): void {
    this.used -= bytes;
  }
}

/**
 * Reads the body up to `limit` bytes, holding its bytes against the shared budget of unverified bytes
 * until it is handed over (the caller verifies it at once, synchronously, so the hold ends there).
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  budget: ByteBudget,
): Promise<Buffer | 'too-large' | 'busy' | 'aborted'> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: Buffer | 'too-large' | 'busy' | 'aborted'): void => {
      req.off('data', onData);
      budget.give(size);
      size = 0;
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      if (size + chunk.length > limit) {
        req.pause();
        finish('too-large');
        return;
      }
      if (!budget.take(chunk.length, size)) {
        req.pause();
        finish('busy');
        return;
      }
      size += chunk.length;
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(Buffer.concat(chunks, size)));
    req.once('error', () => finish('aborted'));
    req.once('close', () => finish('aborted'));
  });
}
