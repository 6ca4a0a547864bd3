// What the missing-name detector (missing.ts) reports: one thing a question names that Charter does not hold.
import type { KnownFacts } from './instruments.js';

export interface MissingName {
  /**
   * As the question wrote it ("Korea's AI Basic Act", "Texas", "CCPA"); a known instrument as the list writes
   * it ("Bletchley Declaration"); words the question wrote in lower case are capitalized as the catalog, the
   * places and the list write them ("korea's ai basic act" → "Korea's AI Basic Act"), never lower-cased.
   */
  name: string;
  /**
   * `instrument`: a law, act, bill, standard or other document by name; `place`: a country or US state with no
   * document; `body`: an organisation or instrument known by an acronym; `report`: the corpus holds only a
   * report about it (`reportId`).
   */
  kind: 'instrument' | 'place' | 'body' | 'report';
  reportId?: string;
  /** For an instrument of corpus/instruments.json (or the instrument a held report is about): its facts. */
  known?: KnownFacts;
}
