// What a test needs around `runServe`: its structured log kept in memory, the moment the index is loaded as
// a promise (tests wait on that event, never poll /healthz against a wall-clock budget), a stop signal the
// test fires, and the URL once listening.
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '../../src/log.js';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface ServeRun {
  logger: Logger;
  lines: string[];
  /** Resolves at "index loaded"; rejects at "index failed to load". */
  loaded: Promise<void>;
  /** Resolves once a line with this message has been logged (say, "stopping"). */
  logged(message: string): Promise<void>;
  stopSignal: Promise<void>;
  stop: () => void;
  onListening: (address: AddressInfo) => void;
  /** `http://127.0.0.1:<port>` once listening. */
  url: Promise<string>;
}

export function serveRun(): ServeRun {
  const lines: string[] = [];
  const watchers: { text: string; resolve: () => void }[] = [];
  const loaded = deferred<void>();
  loaded.promise.catch(() => {});
  const logger = createLogger({
    write: (line) => {
      lines.push(line);
      for (const watcher of watchers) if (line.includes(watcher.text)) watcher.resolve();
      if (line.includes('"index loaded"')) loaded.resolve();
      if (line.includes('"index failed to load"')) loaded.reject(new Error(line));
    },
  });
  const stop = deferred<void>();
  const listening = deferred<AddressInfo>();
  return {
    logger,
    lines,
    loaded: loaded.promise,
    logged: (message) => {
      const text = `"msg":${JSON.stringify(message)}`;
      if (lines.some((line) => line.includes(text))) return Promise.resolve();
      return new Promise<void>((resolve) => watchers.push({ text, resolve }));
    },
    stopSignal: stop.promise,
    stop: () => stop.resolve(),
    onListening: listening.resolve,
    url: listening.promise.then(({ port }) => `http://127.0.0.1:${port}`),
  };
}
