// `--guild` is a server id for `charter commands` as for `charter deploy`: a new-user trial's `commands --guild abc`
// printed the commands as if for a server "abc".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printCommands } from '../../src/cli/discord.js';

describe('charter commands --guild', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses an id that is not a server id, in one sentence, exit 2', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await printCommands(['--guild', 'abc'])).toBe(2);
    expect(error).toHaveBeenCalledWith('--guild takes a server id (a number of 17–21 digits).');
    expect(log).not.toHaveBeenCalled();
  });

  it('prints the commands for a real server id', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await printCommands(['--json', '--guild', '123456789012345678'])).toBe(0);
    expect(JSON.parse(String(log.mock.calls[0]?.[0])).length).toBeGreaterThan(0);
  });
});
