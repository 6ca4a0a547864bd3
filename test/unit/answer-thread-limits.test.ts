// The threads that answer run with a young generation large enough that a collection falls inside an answer
// rarely (README, Speed: the p99 tail was young-generation collections). One place sets it
// (ANSWER_THREAD_LIMITS); the bot's answer workers and the bench's fresh-process answers (bench/child.ts) both
// start their thread through it, so the bench measures what the bot runs.
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_THREAD_LIMITS,
  createWorkerPool,
  spawnAnswerWorker,
  spawnWorker,
} from '../../src/discord/http/pool.js';
import { createLogger } from '../../src/log.js';

const entry = new URL('../fixtures/workers/limits-worker.ts', import.meta.url);
const limitsOf = (corpusVersion: string) => JSON.parse(corpusVersion) as { maxYoungGenerationSizeMb: number };

async function reported(worker: ReturnType<typeof spawnWorker>) {
  const [message] = (await once(worker, 'message')) as [{ health: { corpusVersion: string } }];
  await worker.terminate();
  return limitsOf(message.health.corpusVersion);
}

describe('the answer threads’ V8 limits', () => {
  it('are larger than V8’s default young generation (48 MB), which collected every ~50 answers', async () => {
    expect(ANSWER_THREAD_LIMITS.maxYoungGenerationSizeMb).toBeGreaterThan(48);
    // What a thread gets without them (the preparation thread, say): V8's default, 48 MB on 64-bit machines
    // with memory enough.
    expect((await reported(spawnWorker(entry, {}))).maxYoungGenerationSizeMb).toBeLessThan(
      ANSWER_THREAD_LIMITS.maxYoungGenerationSizeMb,
    );
    expect((await reported(spawnAnswerWorker(entry, {}))).maxYoungGenerationSizeMb).toBe(
      ANSWER_THREAD_LIMITS.maxYoungGenerationSizeMb,
    );
  });

  it('are what the pool’s answer workers run with', async () => {
    const pool = createWorkerPool({
      size: 1,
      entry,
      dataDir: '.',
      logger: createLogger({ write() {} }),
    });
    try {
      const health = await pool.ready;
      expect(limitsOf(health.corpusVersion).maxYoungGenerationSizeMb).toBe(
        ANSWER_THREAD_LIMITS.maxYoungGenerationSizeMb,
      );
    } finally {
      await pool.close();
    }
  });
});
