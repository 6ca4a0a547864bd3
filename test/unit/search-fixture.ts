// Small invented passages (not corpus text) shaped like the real splitters' output, for search unit tests.
import { loadCatalog } from '../../src/corpus/catalog.js';
import { formatLocator, passageId } from '../../src/corpus/citation.js';
import type { Passage } from '../../src/corpus/types.js';

export const docs = loadCatalog();

let seq = 0;
/** An invented passage of a catalog document, with the locator its citation style writes. */
export function passage(
  docId: string,
  path: string[],
  text: string,
  headingPath: string[] = [],
  context?: string,
): Passage {
  const doc = docs.find((d) => d.id === docId)!;
  const locator = formatLocator(doc.citation.style, path, { unitLabel: doc.citation.unitLabel });
  const id = passageId(docId, path);
  return { id, docId, locator, path, headingPath, text, seq: seq++, ...(context ? { context } : {}) };
}

const EU = 'eu-ai-act-2024';
const CN = 'cn-deep-synthesis-provisions-2022';
const EO = 'us-eo-14110-2023';
const GDC = 'un-global-digital-compact-2024';
const HIRO = 'g7-hiroshima-code-of-conduct-2023';
const NIST = 'us-nist-ai-rmf-1-0-2023';

export const passages: Passage[] = [
  passage(
    EU,
    ['recital:1'],
    '(1) The purpose of this fixture regulation is to describe a pretend market for machines.',
  ),
  passage(
    EU,
    ['recital:2'],
    '(2) Scoring people by their social behaviour is considered harmful in this fixture.',
  ),
  passage(EU, ['art:5', '1'], '1. The following practices shall be prohibited:', [
    'Article 5 Prohibited practices',
  ]),
  passage(
    EU,
    ['art:5', '1', 'a'],
    '(a) the use of systems that manipulate people subliminally;',
    ['Article 5 Prohibited practices'],
    '1. The following practices shall be prohibited:',
  ),
  passage(
    EU,
    ['art:5', '1', 'b'],
    '(b) the use of systems for social scoring of natural persons;',
    ['Article 5 Prohibited practices'],
    '1. The following practices shall be prohibited:',
  ),
  passage(
    EU,
    ['art:5', '1', 'c'],
    '(c) the use of systems that build facial image databases by untargeted scraping;',
    ['Article 5 Prohibited practices'],
    '1. The following practices shall be prohibited:',
  ),
  passage(EU, ['art:50', '1'], '1. Providers shall inform persons that they are talking with a machine.', [
    'Article 50 Transparency',
  ]),
  passage(EU, ['art:50', '2'], '2. Deployers of a deep fake shall disclose that the content was generated.', [
    'Article 50 Transparency',
  ]),
  passage(
    EU,
    ['art:99', '1'],
    '1. Administrative fines of up to EUR 35 000 000 apply to prohibited practices.',
    ['Article 99 Penalties'],
  ),
  passage(EU, ['annex:iii', '4'], '4. Employment: systems used to rank job applicants.', [
    'Annex III High-risk areas',
  ]),
  passage(CN, ['art:6'], 'Article 6: Deep synthesis providers must not produce fake news information.'),
  passage(
    CN,
    ['art:7'],
    'Article 7: Deep synthesis providers shall verify the real identity of their users.',
  ),
  passage(
    CN,
    ['art:16'],
    'Article 16: Providers shall add labels to synthetic content that might confuse the public.',
  ),
  passage(
    'cn-generative-ai-interim-measures-2023',
    ['art:7'],
    'Article 7: Providers shall use training data from lawful sources.',
  ),
  passage(
    EO,
    ['sec:4.2', 'a'],
    '(a) Developers of dual-use foundation models shall report red-team results to the Secretary.',
  ),
  passage(
    EO,
    ['sec:4.2', 'b'],
    '(b) Cloud providers shall verify the identity of a foreign person opening an account.',
  ),
  passage(GDC, ['para:6'], '6. We commit to close the digital divides between and within countries.'),
  passage(
    GDC,
    ['para:50'],
    '50. We recognize the need for a balanced, risk-based approach to the governance of AI.',
  ),
  passage(
    HIRO,
    ['item:7'],
    '7 Develop content authentication such as watermarking so users can identify generated content.',
  ),
  passage(NIST, ['govern:1.1'], 'GOVERN 1.1: Legal requirements involving AI are understood and documented.'),
  passage(NIST, ['govern:1.2'], 'GOVERN 1.2: Characteristics of trustworthy AI are built into policies.'),
];
