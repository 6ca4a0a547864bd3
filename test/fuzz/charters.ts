// The services the fuzz suites drive: the real CorpusIndex and ReferenceResolver (through app.ts
// `assemble`) over the fixture passages (fast, for the high-volume runs) or over a few real documents.

import { COMMANDS } from '../../commands/index.js';
import { assemble, type Charter } from '../../src/app.js';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import type { Passage } from '../../src/corpus/types.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { CorpusIndex } from '../../src/search/index.js';
import { createRawDispatcher as createDispatcher } from '../fixtures/discord/parsed.js';
import { passages as fixturePassages } from '../fixtures/discord/services.js';
import { catalog, realPassages } from '../support/corpus.js';

/** Real documents small enough to read in well under a second (Markdown and text, no PDF). */
export const REAL_DOCS = [
  'eu-ai-act-2024',
  'us-eo-14110-2023',
  'cn-generative-ai-interim-measures-2023',
  'us-ca-sb-53-2025',
];

function charterOver(passages: readonly Passage[], version: string): Charter {
  const docs: CatalogDocument[] = catalog.filter((d) => passages.some((p) => p.docId === d.id));
  return assemble(docs, CorpusIndex.build(docs, passages), version);
}

export const fixtureCharter = (): Charter => charterOver(fixturePassages, 'fixture');

export async function realCharter(): Promise<Charter> {
  const passages = (await Promise.all(REAL_DOCS.map((id) => realPassages(id)))).flat();
  return charterOver(passages, 'real');
}

/** A dispatcher without cooldowns (the abuse suite tests those) whose error log lines are kept. */
export function fuzzDispatcher(charter: Charter) {
  const errors: string[] = [];
  const dispatcher = createDispatcher(charter.services, COMMANDS, {
    logger: createLogger({ write: (line) => line.includes('"level":"error"') && errors.push(line) }),
    cooldowns: new Cooldowns({ user: { limit: 1e9, windowMs: 1 }, channel: { limit: 1e9, windowMs: 1 } }),
  });
  return { dispatcher, errors };
}
