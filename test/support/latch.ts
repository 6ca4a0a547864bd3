// A latch a worker thread blocks on synchronously (Atomics.wait, as a long search or a re-split keeps its
// thread busy) until the test releases it: tests order events with it, never with a sleep or a deadline.
// The two ends meet by name over a BroadcastChannel (which reaches every thread of the process), so the
// worker needs nothing from the code under test to find it.
import { BroadcastChannel } from 'node:worker_threads';

const HOLDING = 0;
const RELEASE = 1;

/** Node 20 has Atomics.waitAsync; TypeScript's lib declares it from es2024 on. */
interface AtomicsWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string };
}

export interface TestLatch {
  name: string;
  /** Resolves once a worker is blocked at the latch. */
  holding(): Promise<void>;
  /** True until `release()`. */
  isHeld(): boolean;
  /** Lets every worker blocked at it (and any that reaches it later) go on. */
  release(): void;
  close(): void;
}

/** The test's end: hands the shared slots to every worker that asks under `name`. */
export function testLatch(name: string): TestLatch {
  const buffer = new SharedArrayBuffer(8);
  const slots = new Int32Array(buffer);
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event) => {
    if ((event as unknown as { data: unknown }).data === 'waiting') channel.postMessage(buffer);
  };
  return {
    name,
    holding: async () => {
      await (Atomics as unknown as AtomicsWaitAsync).waitAsync(slots, HOLDING, 0).value;
    },
    isHeld: () => Atomics.load(slots, RELEASE) === 0,
    release: () => {
      Atomics.store(slots, RELEASE, 1);
      Atomics.notify(slots, RELEASE);
    },
    close: () => channel.close(),
  };
}

/** The worker's end: asks for the slots under `name`, says it is holding, and blocks until released. */
export async function holdAt(name: string): Promise<void> {
  const channel = new BroadcastChannel(name);
  const buffer = await new Promise<SharedArrayBuffer>((resolve) => {
    // Other workers waiting under the same name say so on this channel too: only the slots count.
    channel.onmessage = (event) => {
      const { data } = event as unknown as { data: unknown };
      if (data instanceof SharedArrayBuffer) resolve(data);
    };
    channel.postMessage('waiting');
  });
  channel.close();
  const slots = new Int32Array(buffer);
  Atomics.store(slots, HOLDING, 1);
  Atomics.notify(slots, HOLDING);
  Atomics.wait(slots, RELEASE, 0);
}
