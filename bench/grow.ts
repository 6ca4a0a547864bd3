// A bigger corpus for the growth curve: the real passages plus copies of every document with perturbed
// wording — words swapped for others drawn from the corpus (so document frequencies shift the way they do
// in a bigger collection), some mutated into new terms (vocabulary keeps growing, as it does in real text),
// a few legal-English substitutions, and sentences shuffled. Copies get new document and passage ids.
import type { CatalogDocument } from '../src/corpus/catalog.js';
import type { Passage } from '../src/corpus/types.js';
import { type Random, seededRandom, seedOf } from './stats.js';

const SUBSTITUTIONS: Record<string, string> = {
  shall: 'must',
  must: 'shall',
  system: 'tool',
  systems: 'tools',
  provider: 'supplier',
  providers: 'suppliers',
  ensure: 'guarantee',
  risk: 'hazard',
  risks: 'hazards',
  data: 'information',
  appropriate: 'suitable',
  measures: 'steps',
  member: 'participating',
};

/** Per word: chance of a corpus word in its place, of a mutated (new) term, of a substitution. */
export const PERTURBATION = { replace: 0.12, mutate: 0.02, substitute: 0.5 } as const;

/** Plain words of the corpus, with repetition, so sampling follows the corpus's own word frequencies. */
export function vocabularyOf(passages: readonly Passage[]): string[] {
  const words: string[] = [];
  for (const passage of passages) {
    for (const word of passage.text.split(/\s+/)) if (/^[A-Za-z][a-z]{2,}$/.test(word)) words.push(word);
  }
  return words;
}

function mutate(word: string, random: Random): string {
  const at = Math.floor(random() * word.length);
  const letter = String.fromCharCode(97 + Math.floor(random() * 26));
  return word.slice(0, at) + letter + word.slice(at);
}

/** Perturbs one text: word replacements and substitutions, then a shuffle of its sentences. */
export function perturbText(text: string, random: Random, vocabulary: readonly string[]): string {
  const words = text.split(/(\s+)/).map((piece) => {
    if (/^\s*$/.test(piece)) return piece;
    const roll = random();
    const sample = () => vocabulary[Math.floor(random() * vocabulary.length)] ?? piece;
    if (roll < PERTURBATION.replace) return sample();
    if (roll < PERTURBATION.replace + PERTURBATION.mutate) return mutate(sample(), random);
    const substitute = SUBSTITUTIONS[piece.toLowerCase()];
    if (substitute && random() < PERTURBATION.substitute) return substitute;
    return piece;
  });
  const sentences = words.join('').split(/(?<=[.;:])\s+/);
  if (sentences.length < 2) return sentences.join(' ');
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
  }
  return sentences.join(' ');
}

export const copyDocId = (docId: string, copy: number): string => `${docId}-x${copy}`;

function copyDoc(doc: CatalogDocument, copy: number): CatalogDocument {
  // No aliases: a question naming "the AI Act" names the real one, not every copy.
  return {
    ...doc,
    id: copyDocId(doc.id, copy),
    title: `${doc.title} (copy ${copy})`,
    shortTitle: `${doc.shortTitle} (copy ${copy})`,
    aliases: [],
  };
}

export function copyPassage(passage: Passage, copy: number, vocabulary: readonly string[]): Passage {
  const random = seededRandom(seedOf(`${copy}:${passage.id}`));
  const docId = copyDocId(passage.docId, copy);
  return {
    ...passage,
    id: docId + passage.id.slice(passage.docId.length),
    docId,
    text: perturbText(passage.text, random, vocabulary),
    headingPath: passage.headingPath.map((heading) => perturbText(heading, random, vocabulary)),
  };
}

/** The corpus `factor` times over: the originals first, then copies 2..factor, each grouped by document. */
export function growCorpus(
  docs: readonly CatalogDocument[],
  passages: readonly Passage[],
  factor: number,
): { docs: CatalogDocument[]; passages: Passage[] } {
  const vocabulary = vocabularyOf(passages);
  const outDocs = [...docs];
  const outPassages = [...passages];
  for (let copy = 2; copy <= factor; copy++) {
    for (const doc of docs) outDocs.push(copyDoc(doc, copy));
    for (const passage of passages) outPassages.push(copyPassage(passage, copy, vocabulary));
  }
  return { docs: outDocs, passages: outPassages };
}
