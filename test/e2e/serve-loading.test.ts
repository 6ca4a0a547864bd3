// Issue 21, W20: start-up recovery (re-splitting passages made by another pipeline version, rebuilding the
// index) ran on the HTTP thread of `charter serve`: the first /healthz took 13.6 s and a signed PING timed
// out. Now a worker thread prepares the data directory while the HTTP thread answers.
//
// No timing: the preparation worker is held at a latch (test/fixtures/workers/held-prepare.ts blocks its
// thread synchronously at test/support/latch.ts, as a re-split does) while /healthz, a real Ed25519-signed PING and commands are
// sent over 127.0.0.1; their answers must arrive while it is still held. Released, it runs the real
// preparation on a copy of the synced corpus whose index is gone and one document's passages are stale.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCharter } from '../../src/app.js';
import { type PrepareSetup, prepareInWorker } from '../../src/cli/prepare.js';
import { runServe } from '../../src/cli/serve.js';
import { PIPELINE_VERSION } from '../../src/corpus/pipeline.js';
import { STILL_LOADING } from '../../src/discord/respond.js';
import { autocomplete, slash } from '../fixtures/discord/interactions.js';
import { TEST_DATA_DIR } from '../global-setup.js';
import { describeGolden } from '../support/corpus.js';
import { testLatch } from '../support/latch.js';
import { serveRun } from '../support/serve-run.js';
import {
  generateDiscordKeys,
  type HttpReply,
  interactions,
  send,
  signatureHeaders,
} from './discord-client.js';

const keys = generateDiscordKeys();
const HELD = new URL('../fixtures/workers/held-prepare.ts', import.meta.url);
/** A small Markdown document, re-split from its kept copy when its passages are marked stale. */
const STALE = 'brics-ai-governance-statement-2025';

let reference: { corpusVersion: string; passages: number };
const made: string[] = [];

beforeAll(async () => {
  if (!describeGolden) return;
  const charter = await openCharter({ dataDir: TEST_DATA_DIR, autoSync: false });
  reference = { corpusVersion: charter.version, passages: charter.index.passages.length };
});

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the synced corpus with what the recovery must redo: the index is gone, and one document's
 * passages were made by "another" pipeline version.
 */
function staleDataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'charter-w20-'));
  made.push(parent);
  const dataDir = join(parent, 'data');
  cpSync(TEST_DATA_DIR, dataDir, { recursive: true });
  rmSync(join(dataDir, 'index.json'));
  const manifestPath = join(dataDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.documents[STALE].pipeline = 'an-older-pipeline';
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const passagesPath = join(dataDir, 'passages', `${STALE}.json`);
  const passages = JSON.parse(readFileSync(passagesPath, 'utf8'));
  writeFileSync(passagesPath, JSON.stringify({ ...passages, pipeline: 'an-older-pipeline' }));
  return dataDir;
}

function signed(url: string, interaction: unknown): Promise<HttpReply> {
  const body = JSON.stringify(interaction);
  return send(`${url}/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signatureHeaders(keys.privateKey, body) },
    body,
  });
}

const PING = interactions.ping();

/** `charter serve` whose preparation worker is held at a latch until `release()`. */
let runs = 0;

async function heldServe(workers: number) {
  const dataDir = staleDataDir();
  const latch = testLatch(`w20-${process.pid}-${++runs}`);
  const { logger, lines, loaded, stop, stopSignal, onListening, url: listening } = serveRun();
  const exit = runServe(['--port', '0', '--host', '127.0.0.1', '--workers', String(workers)], {
    config: { publicKey: keys.publicKeyHex },
    logger,
    dataDir,
    prepare: (setup, signal) =>
      prepareInWorker({ ...setup, latch: latch.name } as PrepareSetup, { entry: HELD, signal }),
    stopSignal,
    onListening,
  });
  const url = await listening;
  await latch.holding(); // the preparation worker has started and is blocked
  return { url, dataDir, lines, exit, stop, latch, loaded };
}

describe.runIf(describeGolden)('W20: serve answers while a worker prepares the data directory', () => {
  it.each([0, 1])(
    '--workers %i: /healthz, PING and commands answer while held; ready after',
    async (workers) => {
      const serve = await heldServe(workers);
      try {
        const health = await send(`${serve.url}/healthz`);
        expect(health.status).toBe(503);
        expect(JSON.parse(health.text)).toEqual({ status: 'loading' });

        const pong = await signed(serve.url, PING);
        expect(pong.status).toBe(200);
        expect(JSON.parse(pong.text)).toEqual({ type: 1 });

        const early = await signed(serve.url, slash('ask', { question: 'Is social scoring prohibited?' }));
        expect(early.status).toBe(200);
        expect(JSON.parse(early.text)).toEqual({
          type: 4,
          data: { content: STILL_LOADING, flags: 64, allowed_mentions: { parse: [] } },
        });
        const choices = await signed(serve.url, autocomplete('quote', 'reference', 'AI Act Art'));
        expect(JSON.parse(choices.text)).toEqual({ type: 8, data: { choices: [] } });
        // Every answer above arrived while the preparation was still blocked.
        expect(serve.latch.isHeld()).toBe(true);
        expect(serve.lines.some((l) => l.includes('"index loaded"'))).toBe(false);

        serve.latch.release();
        await serve.loaded;
        const ready = await send(`${serve.url}/healthz`);
        expect(ready.status).toBe(200);
        expect(JSON.parse(ready.text)).toEqual({ status: 'ready', ...reference });
        const answer = await signed(serve.url, slash('ask', { question: 'Is social scoring prohibited?' }));
        expect(answer.status).toBe(200);
        const body = JSON.parse(answer.text) as { type: number; data: { embeds: unknown[] } };
        expect(body.type).toBe(4);
        expect(body.data.embeds.length).toBeGreaterThan(0);
        // The recovery was real: the stale passages were re-split by this pipeline, the index saved again.
        const resplit = JSON.parse(readFileSync(join(serve.dataDir, 'passages', `${STALE}.json`), 'utf8'));
        expect(resplit.pipeline).toBe(PIPELINE_VERSION);
        expect(readFileSync(join(serve.dataDir, 'index.json'), 'utf8')).toContain(reference.corpusVersion);
      } finally {
        serve.latch.release();
        serve.stop();
      }
      expect(await serve.exit).toBe(0);
    },
    120_000, // a real recovery on a loaded machine: the limit only catches a hang
  );

  it('a stop while the preparation is held ends it and exits 0', async () => {
    const serve = await heldServe(0);
    expect((await send(`${serve.url}/healthz`)).status).toBe(503);
    serve.stop();
    expect(await serve.exit).toBe(0);
    expect(serve.lines.some((l) => l.includes('"index loaded"') || l.includes('failed'))).toBe(false);
    expect(serve.latch.isHeld()).toBe(true); // never released: the worker was ended while blocked
    serve.latch.close();
  });
});
