import { describe, expect, it } from 'vitest';
import { joinLines } from '../../src/corpus/split/styles/text-lines.js';

// Hard-wrapped text copies (the NSM's and the METI guidelines' pages) break lines after a compound's hyphen;
// the join must give back the compound as the document writes it, never with a space inside it.
describe('joinLines', () => {
  it('keeps a compound whole when its second part is capitalised', () => {
    expect(joinLines(['the National Geospatial-', 'Intelligence Agency (NGA) shall'])).toBe(
      'the National Geospatial-Intelligence Agency (NGA) shall',
    );
    expect(joinLines(['“Social Principles of Human-', 'Centric AI” was established'])).toBe(
      '“Social Principles of Human-Centric AI” was established',
    );
  });

  it('keeps a lower-case compound whole, hyphen and all', () => {
    expect(joinLines(['deployers of high-', 'risk AI systems'])).toBe('deployers of high-risk AI systems');
  });

  it('keeps the space after a suspended hyphen', () => {
    expect(joinLines(['two-', 'or three-wheel vehicles'])).toBe('two- or three-wheel vehicles');
    expect(joinLines(['pre-', 'and post-market'])).toBe('pre- and post-market');
    expect(joinLines(['Pre-', 'and post-market'])).toBe('Pre- and post-market');
  });

  it('puts a space between ordinary wrapped lines', () => {
    expect(joinLines(['a dash -', 'Then', '', '  more  text '])).toBe('a dash - Then more text');
  });
});
