// The HTTP load test itself runs end to end (briefly): its signed requests are accepted, both endpoints are
// measured, and it stops by itself. Nothing here is timed: the bench's phases last what they last, and on a
// loaded 2-core machine the whole run takes several times longer, so the tests' limits only catch a hang.
import { describe, expect, it } from 'vitest';
import { benchHttp } from '../../bench/http.js';
import { COMMANDS } from '../../commands/index.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { createDispatcher } from '../../src/discord/dispatcher.js';
import { createLogger } from '../../src/log.js';
import { fakeServices } from '../fixtures/discord/services.js';

describe('benchHttp', () => {
  it('measures /ask and the floor with every request answered 200', async () => {
    const unlimited = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1 };
    const dispatcher = createDispatcher(fakeServices(), COMMANDS, {
      cooldowns: new Cooldowns({ user: unlimited, channel: unlimited }),
      logger: createLogger({ write() {} }),
    });
    const result = await benchHttp({ dispatcher, concurrency: 5, durationMs: 400, maxRequests: 200 });
    for (const value of Object.values(result)) expect(value).toBeGreaterThan(0);
    expect(result.askP99Ms).toBeGreaterThanOrEqual(result.askP50Ms);
    expect(result.floorP99Ms).toBeGreaterThanOrEqual(result.floorP50Ms);
  }, 120_000);
});

describe('benchHttpModes', () => {
  it('measures the single loop and a worker pool over the real index, with /healthz probed and open-loop rates', async () => {
    const { TEST_DATA_DIR } = await import('../global-setup.js');
    const { openCharter } = await import('../../src/app.js');
    const { benchHttpModes } = await import('../../bench/http.js');
    const charter = await openCharter({ dataDir: TEST_DATA_DIR, autoSync: false });
    const unlimited = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1 };
    const dispatcher = createDispatcher(charter.services, COMMANDS, {
      cooldowns: new Cooldowns({ user: unlimited, channel: unlimited }),
      logger: createLogger({ write() {} }),
    });
    const result = await benchHttpModes({
      dispatcher,
      dataDir: TEST_DATA_DIR,
      workers: [1],
      durationMs: 300,
      concurrency: 4,
      cpuProbeMs: 100,
    });
    expect(result.rows.map((r) => r.mode)).toEqual(['single loop', '1 worker']);
    for (const row of result.rows) {
      expect(row.askRps).toBeGreaterThan(0);
      expect(row.healthP99Ms).toBeGreaterThan(0);
      expect(Object.keys(row.openP99Ms)).toEqual(['100', '200', '400']);
    }
    expect(result.floorRps).toBeGreaterThan(0);
    expect(result.machineScaling).toBeGreaterThan(0);
  }, 300_000);
});
