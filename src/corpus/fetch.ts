// Downloads a URL with a deadline, a few retries and hard limits, and says in one sentence why it could not.
//
// Untrusted bodies (issue 21): every download is streamed and counted — the bytes on the wire and, for a
// compressed body, the bytes after decompression — and abandoned the moment either passes its cap, so an
// endless body or a gzip bomb costs at most the cap in memory. Redirects are followed by hand (at most
// MAX_REDIRECTS): each hop's host is resolved and refused when any address it resolves to is not public
// (loopback, private, link-local, unique-local, CGNAT, unspecified, …; IPv4 and IPv6, ipaddr.js's ranges),
// checked on the address the connection actually uses, so a DNS name pointing there is caught too. The URL a
// caller gives first is the operator's own choice and may be anywhere (an intranet policy server); only where
// a server sends us is checked. The final URL is returned with the bytes.

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import ipaddr from 'ipaddr.js';

/** Most bytes read off the wire for one document (the largest pinned copy is a few MB). */
export const MAX_DOWNLOAD_BYTES = 32 * 1024 * 1024;
/** Most bytes a compressed body may inflate to. */
export const MAX_DECODED_BYTES = 32 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  /** The whole download (every hop, every byte) must finish within this. */
  timeoutMs?: number;
  retries?: number;
  /** Base delay between retries (doubled each time). */
  backoffMs?: number;
  maxBytes?: number;
  maxDecodedBytes?: number;
  /** Is this resolved address one a redirect may not lead to? (Tests narrow it; the default is every non-public range.) */
  forbiddenAddress?: (address: string) => boolean;
}

export interface Downloaded {
  bytes: Uint8Array;
  /** Where the bytes came from after redirects. */
  finalUrl: string;
}

export class DownloadError extends Error {}
/** A refusal that retrying cannot change (a cap, a forbidden redirect). */
class Refused extends DownloadError {}

/** Not a public unicast address: loopback, private, link-local, unique-local, CGNAT, multicast, reserved… */
export function isNonPublicAddress(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return true;
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() !== 'unicast';
}

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'the host name could not be resolved (are you offline?)',
  EAI_AGAIN: 'the host name could not be resolved (are you offline?)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENETUNREACH: 'the network is unreachable (are you offline?)',
  EHOSTUNREACH: 'the host is unreachable (are you offline?)',
};

/** Failures that mean "no network here" rather than "this server is wrong" (see `isOfflineError`). */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNREFUSED']);

export class OfflineError extends DownloadError {}

function describeFailure(error: unknown): string {
  if (error instanceof DownloadError) return error.message;
  const err = error as { name?: string; code?: string; cause?: { code?: string }; message?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'the server did not answer in time';
  const code = err.code ?? err.cause?.code;
  if (code && NETWORK_CODES[code]) return NETWORK_CODES[code];
  return err.message ?? String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** A DNS lookup that refuses a host resolving to any forbidden address (checked on the address used). */
function guardedLookup(forbidden: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => forbidden(a.address));
      if (bad)
        return callback(
          new Refused(`it redirects to ${hostname}, which resolves to the non-public address ${bad.address}`),
          '',
          0,
        );
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

interface Hop {
  response: IncomingMessage;
  url: URL;
}

function get(url: URL, guarded: boolean, options: Required<FetchOptions>, signal: AbortSignal): Promise<Hop> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(
      new Refused(`it redirects to a ${url.protocol} URL, which Charter does not follow`),
    );
  if (guarded) {
    // A literal address is checked here; a name is checked by the lookup, on the address it connects to.
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (ipaddr.isValid(host) && options.forbiddenAddress(host))
      return Promise.reject(new Refused(`it redirects to the non-public address ${host}`));
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        signal,
        headers: { 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'charter (document sync)' },
        ...(guarded ? { lookup: guardedLookup(options.forbiddenAddress) } : {}),
      },
      (response) => resolve({ response, url }),
    );
    req.on('error', reject);
    req.end();
  });
}

/** Reads a body within both caps; rejects (and stops reading) the moment either is passed. */
function readBody(
  response: IncomingMessage,
  signal: AbortSignal,
  options: Required<FetchOptions>,
): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    response.destroy();
    return Promise.reject(
      new Refused(
        `it is larger than the ${mib(options.maxBytes)} Charter accepts (the server declares ${declared} bytes)`,
      ),
    );
  }
  const encoding = String(response.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder && encoding !== 'identity' && encoding !== '') {
    response.destroy();
    return Promise.reject(
      new Refused(`the server sent it in an encoding Charter cannot read ("${encoding}")`),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let wire = 0;
    let decoded = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      response.destroy();
      decoder?.destroy();
      reject(error);
    };
    response.on('data', (chunk: Buffer) => {
      wire += chunk.length;
      if (wire > options.maxBytes)
        fail(new Refused(`it is larger than the ${mib(options.maxBytes)} Charter accepts`));
    });
    const cut = () =>
      fail(
        new DownloadError(
          signal.aborted
            ? 'the server did not answer in time'
            : 'the connection was cut before the end of the file',
        ),
      );
    response.on('error', cut);
    response.on('aborted', cut);
    const out = decoder ?? response;
    if (decoder) {
      decoder.on('error', () => fail(new DownloadError(`its ${encoding} compression is corrupt`)));
      response.pipe(decoder);
    }
    out.on('data', (chunk: Buffer) => {
      if (settled) return;
      decoded += chunk.length;
      if (decoder && decoded > options.maxDecodedBytes)
        return fail(
          new Refused(
            `it inflates past the ${mib(options.maxDecodedBytes)} Charter accepts (a compression bomb?)`,
          ),
        );
      chunks.push(chunk);
    });
    out.on('end', () => {
      if (settled) return;
      settled = true;
      // A body that ends when the connection closes (HTTP/1.0, no Content-Length) looks complete when our own
      // deadline destroys the socket: what arrived by then is part of the file, not the file.
      if (signal.aborted) return reject(new DownloadError('the server did not answer in time'));
      if (!response.complete)
        return reject(new DownloadError('the connection was cut before the end of the file'));
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
  });
}

async function attempt(start: string, options: Required<FetchOptions>): Promise<Downloaded> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = new URL(start);
  for (let hop = 0; ; hop++) {
    const { response } = await get(url, hop > 0, options, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= MAX_REDIRECTS) throw new Refused(`it redirects more than ${MAX_REDIRECTS} times`);
      url = new URL(response.headers.location, url);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      const error = new DownloadError(`the server answered HTTP ${status}`) as DownloadError & {
        status: number;
      };
      error.status = status;
      throw error;
    }
    return { bytes: await readBody(response, signal, options), finalUrl: url.href };
  }
}

/** Downloads a URL (see the top of this file); throws DownloadError with one clause saying why not. */
export async function fetchDocument(url: string, options: FetchOptions = {}): Promise<Downloaded> {
  const settings: Required<FetchOptions> = {
    timeoutMs: 60_000,
    retries: 2,
    backoffMs: 500,
    maxBytes: MAX_DOWNLOAD_BYTES,
    maxDecodedBytes: MAX_DECODED_BYTES,
    forbiddenAddress: isNonPublicAddress,
    ...options,
  };
  let lastReason = '';
  let offline = false;
  for (let tries = 0; tries <= settings.retries; tries++) {
    if (tries > 0) await sleep(settings.backoffMs * 2 ** (tries - 1));
    try {
      return await attempt(url, settings);
    } catch (error) {
      lastReason = describeFailure(error);
      const code = (error as { code?: string }).code;
      offline = code !== undefined && OFFLINE_CODES.has(code);
      if (error instanceof Refused) break;
      const status = (error as { status?: number }).status;
      // 4xx other than 408/429 will not get better by retrying; neither does a host that does not resolve.
      if (status !== undefined && status < 500 && status !== 408 && status !== 429) break;
      if (code === 'ENOTFOUND') break;
    }
  }
  const Failure = offline ? OfflineError : DownloadError;
  throw new Failure(`could not download ${url}: ${lastReason}`);
}

/** The bytes only (see `fetchDocument`). */
export async function download(url: string, options: FetchOptions = {}): Promise<Uint8Array> {
  return (await fetchDocument(url, options)).bytes;
}
