// Where an HTTP /ask's CPU goes, each part measured alone over loopback (process CPU time of all threads —
// the load generator, the HTTP thread, the answer worker — per request, warm-up included):
//   floor        a signed PING verified and answered PONG (HTTP, Ed25519, JSON: what any request costs);
//   /healthz     the probe the bench sends every 5 ms beside saturated /ask;
//   /ask         one answer worker, 20 in flight, with and without those probes.
// The bench's "CPU ms/ask" is the last of these; on a slow or shared machine the probes (a fixed number per
// second) weigh more per /ask, since fewer /asks are answered in the same time.
//   npm run build && node dist/bench/http-cpu.js [rounds]
import { generateKeyPairSync } from 'node:crypto';
import { deferringResponder, discordRest } from '../src/discord/http/deferral.js';
import { createWorkerPool } from '../src/discord/http/pool.js';
import { createInteractionsServer } from '../src/discord/http/server.js';
import { createLogger } from '../src/log.js';
import { dataDir } from '../src/paths.js';
import { askInteraction, DEFAULT_QUESTIONS, floorServer, generateLoad, listen, workerEntry } from './http.js';

const rounds = Number(process.argv[2] ?? 2);
const sink = createLogger({ write() {} });
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const bodies = Array.from({ length: 256 }, (_, n) =>
  askInteraction(
    DEFAULT_QUESTIONS[n % DEFAULT_QUESTIONS.length]!,
    n,
    String(1200000000000000000n + BigInt(n % 64)),
  ),
);
const pings = [JSON.stringify({ id: '1', application_id: '1', type: 1, token: 'ping', version: 1 })];
const pool = createWorkerPool({
  size: 1,
  entry: workerEntry(),
  dataDir: dataDir(),
  logger: sink,
  cooldowns: 'off',
});
await pool.ready;
const server = createInteractionsServer({
  publicKey,
  dispatcher: pool,
  health: () => ({ corpusVersion: 'bench', passages: 0 }),
  logger: sink,
  respond: deferringResponder({ rest: discordRest(), logger: sink }),
});
const port = await listen(server);
const floor = floorServer(publicKey);
const floorPort = await listen(floor);
const load = { concurrency: 20, durationMs: 3_000, maxRequests: 1_000_000 };
const probes = { ...load, mode: 'health' as const, intervalMs: 5, warmupMs: 0 };
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU per request of the first load's kind (the others run beside it). */
async function measure(name: string, run: () => Promise<{ latencies: number[]; sent?: number }[]>) {
  const started = cpuMs();
  const [first] = await run();
  const sent = first!.sent ?? first!.latencies.length;
  const perRequest = (cpuMs() - started) / sent;
  process.stdout.write(
    `${name.padEnd(36)} ${String(sent).padStart(6)} requests  ${perRequest.toFixed(2)} CPU ms each\n`,
  );
}

for (let round = 0; round < rounds; round++) {
  await measure('floor (verify + PONG)', async () => [
    await generateLoad(floorPort, privateKey, pings, load),
  ]);
  await measure('/healthz alone, every 5 ms', async () => [await generateLoad(port, privateKey, [], probes)]);
  await measure('/ask, 1 worker, no probes', async () => [
    await generateLoad(port, privateKey, bodies, load),
  ]);
  await measure('/ask, 1 worker, /healthz probes', () =>
    Promise.all([
      generateLoad(port, privateKey, bodies, load),
      generateLoad(port, privateKey, [], { ...probes, durationMs: load.durationMs - 100 }),
    ]),
  );
}
await pool.close();
server.closeAllConnections();
floor.closeAllConnections();
server.close();
floor.close();
