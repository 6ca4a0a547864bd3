// The corpus's link table is saved with the search index (SavedIndex.links) so no answer builds it; a saved
// table is used only for the documents and the link code it was made for (corpus/links-version.ts).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogDocument } from '../../src/corpus/catalog.js';
import { formatLocator, passageId } from '../../src/corpus/citation.js';
import { LinkTable, type SavedLinks } from '../../src/corpus/links.js';
import { linkModules, linksEntry, linksKey } from '../../src/corpus/links-version.js';
import { pipelineGraph } from '../../src/corpus/pipeline.js';
import type { Passage } from '../../src/corpus/types.js';
import { CorpusIndex, INDEX_FORMAT_VERSION, type SavedIndex } from '../../src/search/index.js';
import { readIndexFile } from '../../src/search/store.js';
import { docs as fixtureDocs } from './search-fixture.js';

// A small corpus with references and defined terms (as in links.test.ts): an EU act and a Chinese measure.
const EU = fixtureDocs.find((d) => d.id === 'eu-ai-act-2024')!;
const ZH = fixtureDocs.find((d) => d.id === 'cn-generative-ai-interim-measures-2023.zh')!;
const docs = [EU, ZH];
let seq = 0;
const at = (doc: CatalogDocument, path: string[], text: string, context?: string): Passage => ({
  id: passageId(doc.id, path),
  docId: doc.id,
  locator: formatLocator(doc.citation.style, path, {}),
  path,
  headingPath: [],
  text,
  seq: seq++,
  ...(context ? { context } : {}),
});
const defs = 'the following definitions apply:';
const passages: Passage[] = [
  at(EU, ['art:3', '1'], '(1) ‘fixture system’ means a pretend machine;', defs),
  at(EU, ['art:3', '2'], '(2) ‘keeper’ means whoever keeps a fixture system;', defs),
  at(EU, ['art:4', '1'], '1. Keepers of fixture systems shall follow paragraph 2 and Annex I.'),
  at(
    EU,
    ['art:4', '2'],
    '2. A keeper shall comply with Article 9(3) and with Article 4 of Directive 2000/31/EC.',
  ),
  at(EU, ['annex:i', '1'], '1. A first point of the fixture annex.'),
  at(ZH, ['art:14'], '第十四条 提供者发现违法内容的，应当及时处置。'),
  at(ZH, ['art:15'], '第十五条 提供者违反本办法第十四条规定的，依法处理。'),
  at(ZH, ['art:22', '1'], '（一）提供者，是指提供服务的组织。', '第二十二条 本办法下列用语的含义是：'),
];

const built = CorpusIndex.build(docs, passages);
const saved = (): SavedIndex => JSON.parse(JSON.stringify(built));
const fresh = (forDocs = docs) => new LinkTable(forDocs, passages);
const everything = (table: LinkTable) => ({
  saved: table.toJSON('k'),
  reports: table.reports,
  citedBy: passages.map((p) => table.citedBy(p.id)),
  references: passages.map((p) => table.referencesOf(p.id)),
  terms: passages.map((p) => table.termsOf(p.id)),
});

describe('the saved link table', () => {
  it('is written with the index and gives the links a table built from the passages gives', () => {
    const json = saved();
    expect(json.format).toBe(INDEX_FORMAT_VERSION);
    const links = JSON.parse(json.links!) as SavedLinks;
    expect(links.references.length).toBeGreaterThan(0);
    expect(links.terms.length).toBeGreaterThan(0);
    const loaded = CorpusIndex.load(docs, json)!;
    expect(everything(loaded.linkTable(docs))).toEqual(everything(fresh()));
  });

  it('is used as saved when made for these documents by this code', () => {
    const json = saved();
    const links = JSON.parse(json.links!) as SavedLinks;
    expect(links.key).toBe(linksKey(docs, json.fingerprint));
    const tampered = { ...links, references: [] };
    const loaded = CorpusIndex.load(docs, { ...json, links: JSON.stringify(tampered) })!;
    expect(loaded.linkTable(docs).toJSON('k').references).toEqual([]); // read, not rebuilt
  });

  it('is built again when the documents, the code or the file differ', () => {
    const json = saved();
    const links = JSON.parse(json.links!) as SavedLinks;
    const stale = JSON.stringify({ ...links, references: [], key: 'made by other link code' });
    expect(everything(CorpusIndex.load(docs, { ...json, links: stale })!.linkTable(docs))).toEqual(
      everything(fresh()),
    );
    const renamed = docs.map((d, i) => (i === 0 ? { ...d, aliases: [...d.aliases, 'Renamed Act'] } : d));
    const tampered = JSON.stringify({ ...links, references: [] });
    expect(everything(CorpusIndex.load(renamed, { ...json, links: tampered })!.linkTable(renamed))).toEqual(
      everything(fresh(renamed)),
    );
    for (const damaged of ['{"key":', undefined]) {
      const { links: _, ...without } = json;
      const loaded = CorpusIndex.load(docs, damaged === undefined ? without : { ...json, links: damaged })!;
      expect(everything(loaded.linkTable(docs))).toEqual(everything(fresh()));
    }
  });

  it('makes an index saved before it (format 3, no table) one to rebuild', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-links-'));
    const path = join(dir, 'index.json');
    const { links: _, ...previous } = saved();
    writeFileSync(path, JSON.stringify({ corpusVersion: 'v1', ...previous, format: 3 }));
    expect(readIndexFile(path, docs, 'v1')).toBeUndefined();
    writeFileSync(path, JSON.stringify({ corpusVersion: 'v1', ...saved() }));
    expect(readIndexFile(path, docs, 'v1')).toBeDefined();
  });
});

describe('the link code version', () => {
  it('reads the same modules from the import statements as the pipeline lexer does', () => {
    const entry = linksEntry();
    expect(entry.endsWith('links.ts')).toBe(true);
    const modules = linkModules(entry);
    expect(modules).toEqual(pipelineGraph(entry).modules);
    expect(modules.length).toBeGreaterThan(3);
  });
});
