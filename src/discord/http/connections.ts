// Which connections the endpoint keeps open when it is full (issue 21, W18): see MAX_CONNECTIONS_PER_ADDRESS
// in server.ts for the policy, and test/faults/endpoint-connections.test.ts for the attacks it stands.
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Open connections by address, with whether each has a request in flight and since when it is idle. Makes
 * room for a new connection by closing the longest-idle one (of the same address when that address is at
 * its cap); refuses it only when none is idle.
 */
export class Connections {
  private readonly open = new Map<Socket, { address: string; busy: number; idleSince: number }>();
  private readonly perAddress = new Map<string, number>();
  constructor(
    private readonly max: number,
    private readonly maxPerAddress: number,
  ) {}

  admit(socket: Socket): boolean {
    const address = socket.remoteAddress ?? '';
    if (this.open.size >= this.max) {
      const victim = this.longestIdle() ?? this.hogOtherThan(address);
      if (!victim) return false;
      this.forget(victim);
      victim.destroy();
    }
    this.open.set(socket, { address, busy: 0, idleSince: performance.now() });
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    socket.once('close', () => this.forget(socket));
    return true;
  }

  /** Marks the connection busy until the response is done. */
  busy(socket: Socket, res: ServerResponse): void {
    const entry = this.open.get(socket);
    if (!entry) return;
    entry.busy++;
    res.once('close', () => {
      entry.busy--;
      entry.idleSince = performance.now();
    });
  }

  /** The oldest connection of an address past its cap, when the newcomer comes from elsewhere. */
  private hogOtherThan(address: string): Socket | undefined {
    for (const [socket, entry] of this.open)
      if (entry.address !== address && (this.perAddress.get(entry.address) ?? 0) > this.maxPerAddress)
        return socket;
    return undefined;
  }

  private longestIdle(address?: string): Socket | undefined {
    let best: Socket | undefined;
    let since = Number.POSITIVE_INFINITY;
    for (const [socket, entry] of this.open)
      if (
        entry.busy === 0 &&
        entry.idleSince < since &&
        (address === undefined || entry.address === address)
      ) {
        best = socket;
        since = entry.idleSince;
      }
    return best;
  }

  private forget(socket: Socket): void {
    const entry = this.open.get(socket);
    if (!entry) return;
    this.open.delete(socket);
    const left = (this.perAddress.get(entry.address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(entry.address, left);
    else this.perAddress.delete(entry.address);
  }
}
