// The search engines the bench compares, each built over the same passages and answering with ranked
// groups of passages (top `DEPTH`). Peers run with their documented defaults: only the field to index is
// given. Charter is timed twice: search alone, and search + the /ask reply a user gets (the "Charter" row).
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import type { Services } from '../src/answer/services.js';
import { assemble } from '../src/app.js';
import type { CatalogDocument } from '../src/corpus/catalog.js';
import type { Passage } from '../src/corpus/types.js';
import { answer } from '../src/discord/ui/answer.js';
import type { CorpusIndex } from '../src/search/index.js';
import {
  bm25Ranking,
  charterRanking,
  DEPTH,
  lunrRanking,
  miniSearchDefaultRanking,
} from '../tools/eval/baselines.js';

export { DEPTH };

export interface Engine {
  name: string;
  /** What is timed: one query, as the user of that engine would run it. */
  run(query: string): unknown;
  /** The ranking used for recall (untimed). */
  rank(query: string): Passage[][] | Promise<Passage[][]>;
}

/** The services the bot runs on, over an index the bench built itself. */
export function charterServices(index: CorpusIndex, docs: readonly CatalogDocument[]): Services {
  return assemble([...docs], index, 'bench').services;
}

/** Search and the /ask reply payload (embeds, buttons, narrowing menu) as the bot sends it. */
export function charterEngine(index: CorpusIndex, docs: readonly CatalogDocument[]): Engine {
  const services = charterServices(index, docs);
  return {
    name: 'charter',
    run: (query) => answer(services, { query, owner: 'bench' }),
    rank: charterRanking(index),
  };
}

export function charterSearchEngine(index: CorpusIndex, name = 'charter-search'): Engine {
  const rank = charterRanking(index);
  return { name, run: rank, rank };
}

export function bm25Engine(passages: readonly Passage[]): Engine {
  const rank = bm25Ranking(passages);
  return { name: 'bm25', run: rank, rank };
}

export function miniSearchEngine(passages: readonly Passage[]): Engine {
  const rank = miniSearchDefaultRanking(passages);
  return { name: 'minisearch', run: rank, rank };
}

export function lunrEngine(passages: readonly Passage[]): Engine {
  const rank = lunrRanking(passages);
  return { name: 'lunr', run: rank, rank };
}

export function flexSearchEngine(passages: readonly Passage[]): Engine {
  const index = new FlexSearch.Document<{ id: number; text: string }>({
    document: { id: 'id', index: ['text'] },
  });
  for (const [id, passage] of passages.entries()) index.add({ id, text: passage.text });
  const rank = (query: string) => {
    const fields = index.search(query, { limit: DEPTH }) as unknown as { result: number[] }[];
    return (fields[0]?.result ?? []).map((id) => [passages[id]!]);
  };
  return { name: 'flexsearch', run: rank, rank };
}

export async function oramaEngine(passages: readonly Passage[]): Promise<Engine> {
  const db = create({ schema: { text: 'string' } as const });
  await insertMultiple(
    db,
    passages.map((p, id) => ({ id: String(id), text: p.text })),
  );
  const rank = async (query: string) => {
    const results = await oramaSearch(db, { term: query, limit: DEPTH });
    return results.hits.map((hit) => [passages[Number(hit.id)]!]);
  };
  return { name: 'orama', run: rank, rank };
}

export type PeerName = 'minisearch' | 'lunr' | 'flexsearch' | 'orama' | 'bm25';
export const PEER_NAMES: readonly PeerName[] = ['minisearch', 'lunr', 'flexsearch', 'orama', 'bm25'];

/** Builds a peer, timing the build. */
export async function buildPeer(
  name: PeerName,
  passages: readonly Passage[],
): Promise<{ engine: Engine; buildMs: number }> {
  const start = performance.now();
  const engine =
    name === 'minisearch'
      ? miniSearchEngine(passages)
      : name === 'lunr'
        ? lunrEngine(passages)
        : name === 'flexsearch'
          ? flexSearchEngine(passages)
          : name === 'orama'
            ? await oramaEngine(passages)
            : bm25Engine(passages);
  return { engine, buildMs: performance.now() - start };
}
