// Downloads a pinned URL with a timeout and a few retries, and says in one sentence why it could not.
export interface FetchOptions {
  timeoutMs?: number;
  retries?: number;
  /** Base delay between retries (doubled each time). */
  backoffMs?: number;
  fetchImpl?: typeof fetch;
}

export class DownloadError extends Error {}

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'the host name could not be resolved (are you offline?)',
  EAI_AGAIN: 'the host name could not be resolved (are you offline?)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENETUNREACH: 'the network is unreachable (are you offline?)',
  EHOSTUNREACH: 'the host is unreachable (are you offline?)',
};

function describeFailure(error: unknown): string {
  if (error instanceof DownloadError) return error.message;
  const err = error as { name?: string; cause?: { code?: string }; message?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'the server did not answer in time';
  const code = err.cause?.code;
  if (code && NETWORK_CODES[code]) return NETWORK_CODES[code];
  return err.message ?? String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function download(url: string, options: FetchOptions = {}): Promise<Uint8Array> {
  const { timeoutMs = 60_000, retries = 2, backoffMs = 500, fetchImpl = fetch } = options;
  let lastReason = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1));
    try {
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
      if (!response.ok) {
        lastReason = `the server answered HTTP ${response.status}`;
        // 4xx other than 408/429 will not get better by retrying.
        if (response.status < 500 && response.status !== 408 && response.status !== 429) break;
        continue;
      }
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      lastReason = describeFailure(error);
    }
  }
  throw new DownloadError(`could not download ${url}: ${lastReason}`);
}
