// `npm run bench -- --help` printed a stack trace (node's parseArgs threw on an option it was not told of).
import { describe, expect, it } from 'vitest';
import { BENCH_HELP, parseBenchArgs } from '../../bench/run.js';
import { UsageError } from '../../src/cli/args.js';

describe('bench options', () => {
  it('knows --help, --quick and --json', () => {
    expect(parseBenchArgs(['--help'])).toEqual({ quick: false, json: false, help: true });
    expect(parseBenchArgs(['--quick', '--json'])).toEqual({ quick: true, json: true, help: false });
    expect(parseBenchArgs([])).toEqual({ quick: false, json: false, help: false });
    expect(BENCH_HELP).toContain('--quick');
  });

  it('answers a mistyped option with one sentence', () => {
    expect(() => parseBenchArgs(['--quik'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--quik'])).toThrow(/no option --quik/);
  });
});
