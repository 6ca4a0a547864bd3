// Dispatches a read document to the splitter of its citation style.
import type { CatalogDocument } from '../catalog.js';
import type { CitationStyle } from '../citation.js';
import type { Passage, ReadDocument } from '../types.js';
import { splitArticles } from './styles/articles.js';
import { splitCaAct } from './styles/ca-act.js';
import { splitEuAct } from './styles/eu-act.js';
import { splitIlcs } from './styles/ilcs.js';
import { splitJpGuidelines } from './styles/jp-guidelines.js';
import { splitNistCore } from './styles/nist-core.js';
import { splitNumbered } from './styles/numbered.js';
import { splitReport } from './styles/report.js';
import { splitSections } from './styles/sections.js';
import { splitUnResolution } from './styles/un-resolution.js';
import { splitUsEo } from './styles/us-eo.js';
import { splitUsStatute } from './styles/us-statute.js';
import { splitCnArticles, splitCnSections } from './styles/zh.js';

const SPLITTERS: Record<CitationStyle, (doc: CatalogDocument, read: ReadDocument) => Passage[]> = {
  'eu-act': splitEuAct,
  articles: splitArticles,
  'us-eo': splitUsEo,
  'un-resolution': splitUnResolution,
  numbered: splitNumbered,
  'nist-core': splitNistCore,
  sections: splitSections,
  'us-statute': splitUsStatute,
  report: splitReport,
  'ca-act': splitCaAct,
  ilcs: splitIlcs,
  'jp-guidelines': splitJpGuidelines,
  'cn-articles': splitCnArticles,
  'cn-sections': splitCnSections,
};

export function splitDocument(doc: CatalogDocument, read: ReadDocument): Passage[] {
  return SPLITTERS[doc.citation.style](doc, read);
}
