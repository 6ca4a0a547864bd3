// One answer worker of `charter serve --workers N` (see src/discord/http/pool.ts): loads the read-only index once
// from the data directory the HTTP thread prepared, then dispatches what it is sent.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openCharter } from '../app.js';
import { Cooldowns } from '../discord/cooldown.js';
import type { WorkerMessage, WorkerSetup } from '../discord/http/pool.js';
import type { Interaction } from '../discord/interaction.js';
import { createLogger } from '../log.js';
import { charterDispatcher } from './wiring.js';

const setup = workerData as WorkerSetup;
// On Linux this lowers only this thread: the HTTP thread (PING, /healthz, signatures) wins the CPU.
if (setup.nice) {
  try {
    setPriority(setup.nice);
  } catch {
    // not permitted here: run at the default priority
  }
}
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
const logger = createLogger({ base: { mode: 'http', worker: setup.index } });

try {
  const charter = await openCharter({
    dataDir: setup.dataDir,
    autoSync: false,
    // The HTTP thread already reported any recovery when it prepared the data directory; what a worker
    // sees again (say, an index it cannot save either) is logged once, by the first worker, not N times.
    onWarning: (message) => (setup.index === 0 ? logger.warn(message) : logger.debug(message)),
  });
  const unlimited = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1 };
  const dispatcher = charterDispatcher(charter.services, {
    logger,
    ...(setup.cooldowns === 'off'
      ? { cooldowns: new Cooldowns({ user: unlimited, channel: unlimited }) }
      : {}),
  });
  port.on('message', ({ id, interaction }: { id: number; interaction: Interaction }) => {
    dispatcher.dispatch(interaction).then((result) => post({ kind: 'result', id, result }));
  });
  post({
    kind: 'ready',
    health: { corpusVersion: charter.version, passages: charter.index.passages.length },
  });
} catch (error) {
  post({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
}
