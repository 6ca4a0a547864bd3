// The memory-pinning attack of issue 13 (W3), over loopback: many unauthenticated uploads that declare a
// body just under the 1 MiB limit, send most of it and stall. The server runs in a child process
// (bench/endpoint-child.ts) so its RSS is its own; measured idle, during the attack and after it.
// No sleeps decide anything: "during" is when every upload was either refused or fully read by the server
// (the child reports what it read of each connection), "after" when the server holds no connection. On a
// loaded machine it takes longer; it never measures too early.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface AttackResult {
  connections: number;
  /** Uploads the server refused early (503 or closed) rather than buffered. */
  refused: number;
  idleMb: number;
  duringMb: number;
  afterMb: number;
  /** A /healthz answered during the attack. */
  healthDuring: number;
}

function childCommand(): string[] {
  const js = fileURLToPath(new URL('./endpoint-child.js', import.meta.url));
  if (existsSync(js)) return ['--expose-gc', js];
  return ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./endpoint-child.ts', import.meta.url))];
}

class Child {
  private buffer = '';
  private waiting: ((line: Record<string, unknown>) => void)[] = [];
  constructor(readonly proc: ChildProcess) {
    proc.stdout!.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString();
      let newline = this.buffer.indexOf('\n');
      while (newline >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        this.waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
        newline = this.buffer.indexOf('\n');
      }
    });
  }
  next(): Promise<Record<string, unknown>> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  async rssMb(): Promise<number> {
    const reply = this.next();
    this.proc.stdin!.write('rss\n');
    return Math.round((((await reply).rss as number) / 2 ** 20) * 10) / 10;
  }
  /** Bytes the server has read of each open connection, by the client's port. */
  async read(): Promise<Record<string, number>> {
    const reply = this.next();
    this.proc.stdin!.write('read\n');
    return (await reply).read as Record<string, number>;
  }
  /** Asks again (after a short pause, not a deadline) until `done` holds. */
  async until(done: (read: Record<string, number>) => boolean): Promise<void> {
    while (!done(await this.read())) await sleep(20);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function health(port: number): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.end('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    );
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0)));
    socket.on('error', () => resolve(0));
  });
}

const headerOf = (declared: number) =>
  `POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n` +
  'X-Signature-Ed25519: 00\r\nX-Signature-Timestamp: 0\r\n\r\n';

/**
 * One stalled upload; resolves once it has handed the kernel all it will send, or was refused (an answer
 * before the body is complete, 503/413, or a close).
 */
function stalledUpload(port: number, declared: number, sent: number, sockets: Socket[]): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    socket.on('data', () => socket.destroy());
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    socket.on('connect', () => {
      socket.write(headerOf(declared));
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let left = sent;
      const pump = () => {
        while (left > 0 && !socket.destroyed) {
          const n = Math.min(left, chunk.length);
          left -= n;
          // The server stopped reading: go on once it reads again (or closes).
          if (!socket.write(n === chunk.length ? chunk : chunk.subarray(0, n)))
            return socket.once('drain', pump);
        }
        resolve();
      };
      pump();
    });
  });
}

export async function pinningAttack(
  options: { connections?: number; bytes?: number } = {},
): Promise<AttackResult> {
  const connections = options.connections ?? 500;
  const declared = options.bytes ?? 1024 * 1024 - 1;
  const { publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const proc = spawn(process.execPath, childCommand(), {
    env: { ...process.env, PUBLIC_KEY: spki.subarray(spki.length - 32).toString('hex') },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const child = new Child(proc);
  const sockets: Socket[] = [];
  try {
    const { port } = (await child.next()) as { port: number };
    const whole = Buffer.byteLength(headerOf(declared)) + declared - 1024;
    await health(port);
    const idleMb = await child.rssMb();
    const outcomes: Promise<void>[] = [];
    for (let i = 0; i < connections; i++) {
      outcomes.push(stalledUpload(port, declared, declared - 1024, sockets));
      if (i % 50 === 49) await sleep(20);
    }
    await Promise.all(outcomes);
    // Every upload refused (the client saw the answer or the close) or read to its last byte by the server.
    await child.until((read) =>
      sockets.every((socket) => socket.destroyed || (read[String(socket.localPort)] ?? 0) >= whole),
    );
    const refused = sockets.filter((socket) => socket.destroyed).length;
    const healthDuring = await health(port);
    const duringMb = await child.rssMb();
    for (const socket of sockets) socket.destroy();
    await child.until((read) => Object.keys(read).length === 0);
    const afterMb = await child.rssMb();
    return { connections, refused, idleMb, duringMb, afterMb, healthDuring };
  } finally {
    for (const socket of sockets) socket.destroy();
    proc.stdin!.end();
    proc.kill();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  pinningAttack({ connections: Number(process.env.ATTACK_CONNECTIONS ?? 500) }).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
