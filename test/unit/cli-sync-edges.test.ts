// charter sync's edges (issue 17 point 10): a mirror that is not a folder is refused in one sentence before
// anything is fetched, and the summary line counts in the right number.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { checkMirror, runSync, syncSummary } from '../../src/cli/corpus.js';
import { ConfigError } from '../../src/config/env.js';
import { defaultMirror } from '../../src/corpus/load.js';

describe('charter sync', () => {
  it('refuses a --mirror that is not a folder, in one sentence, before syncing', async () => {
    await expect(runSync(['--mirror', '/nonexistent'])).rejects.toThrow(UsageError);
    expect(() => checkMirror('/nonexistent')).toThrow(
      '--mirror /nonexistent is not a folder; give a folder of <id>.<ext> copies of the documents.',
    );
    expect(() => checkMirror(import.meta.filename)).toThrow(/is not a folder/);
    expect(() => checkMirror(import.meta.dirname)).not.toThrow();
    expect(() => checkMirror(undefined)).not.toThrow();
  });

  it('refuses a CHARTER_MIRROR that is not a folder, in one sentence that does not echo it', () => {
    expect(() => defaultMirror({ CHARTER_MIRROR: '/nonexistent' })).toThrow(ConfigError);
    expect(() => defaultMirror({ CHARTER_MIRROR: '/nonexistent' })).toThrow(
      /^CHARTER_MIRROR is set to a path that is not a folder: set it to a folder of <id>\.<ext> copies/,
    );
    expect(() => defaultMirror({ CHARTER_MIRROR: import.meta.filename })).toThrow(ConfigError);
    expect(defaultMirror({ CHARTER_MIRROR: import.meta.dirname })).toBe(import.meta.dirname);
  });

  it('says "1 document", "2 documents", "1 passage"', () => {
    const line = (documents: number, passages: number) =>
      syncSummary({ documents, passages, seconds: '0.1', changed: 0, failed: 0, rebuilt: false });
    expect(line(1, 1)).toBe('Synced 1 document (1 passage) in 0.1 s: 0 updated, 1 unchanged, 0 failed.');
    expect(line(2, 6031)).toMatch(/^Synced 2 documents \(6,031 passages\)/);
  });
});
