// The missing-name detector's switchable rules (missing.ts, name-shapes.ts): each is on by default and can be
// turned off to measure what it does alone (`npm run eval -- --without NAME`, CorpusIndexOptions.missingRules).
export interface MissingRules {
  /**
   * `withinHeld`: a place with no document of its own inside a jurisdiction Charter holds is not reported
   * "no document from" — an EU member state (places.json `within`: the EU's regulations apply there: "i run
   * a startup in germany"), or a US state in a question that names another held place of the same country
   * ("i'm in texas but my employer is in illinois").
   */
  withinHeld: boolean;
  /**
   * `heldOwner`: an owner before "'s" whom the catalog names (a held document's issuer or signer: "trump's
   * action plan", "biden's earlier AI order") makes no name by itself, as an owner rarer than `OWNER_ZIPF`
   * otherwise does ("google's AI principles"): a held document's issuer owns the held documents.
   */
  heldOwner: boolean;
  /**
   * `indefinite`: words in lower case after "a" or "an" before a head make no name — a name is definite ("can
   * a single officer act on it", "do i need a no-hate-speech usage policy"); with capitals or an acronym they
   * still do ("a new EU Data Act"), and so does an unheld place in front.
   */
  indefinite: boolean;
  /**
   * `guidanceWord`: "guidance" after a held place stands for any of its documents that binds no one
   * (guidelines, a framework, principles, a recommendation, a code of conduct): "singapore's guidance" is the
   * Model AI Governance Framework, not another instrument of Singapore's.
   */
  guidanceWord: boolean;
  /**
   * `symbols`: a document symbol no held document has ("S/RES/2250", "A/HRC/RES/48/4", "A/73/348") names an
   * instrument Charter does not hold (name-symbols.ts).
   */
  symbols: boolean;
  /**
   * `versions`: a draft, proposal or revision of a held document, or a version number its names never write
   * ("the april 2023 draft of the generative ai interim measures", "ai safety governance framework 2.0"), is a
   * text Charter does not hold (name-versions.ts).
   */
  versions: boolean;
  /**
   * `rareWords`: a word neither English, the documents nor the catalog use, and no misspelling of one, in the
   * place of a name ("the unicri toolkit", "the christchurch call", "cobit 2019") is a name of something
   * Charter does not hold (name-rare.ts).
   */
  rareWords: boolean;
  /**
   * `codeCitation`: a code's name with a section number that a held law has as its own section ("Labor Code
   * 1107.1", "Bus. & Prof. Code 17941", "government code 11546.8": SB 53 and SB 1001 add those sections to the
   * codes they name) cites that held law, not another instrument. The name's last word (or its abbreviation:
   * "Prof.") must be one the law's own text writes before "Code" ("Business and Professions Code").
   */
  codeCitation: boolean;
  /**
   * `placeInName`: a place's word that begins with a word of a held document's title or issuer names that
   * document when the head is of its kind ("the european AI treaty": the Council of Europe's convention,
   * though no EU document is a treaty).
   */
  placeInName: boolean;
  /**
   * `spelledAcronym`: an acronym the question itself writes out ("IIT (Indian Institute of Technology)"), or
   * whose words the held texts use as a term of their own, in lower case, one after the other, at least
   * `SPELLED_TERM_REPEATS` times ("DPIA": the GDPR's "data protection impact assessment"; "DPA": "data
   * protection authority"), names something the corpus talks about, not a body or instrument it lacks; and in
   * a question about a held document, so does a body the held texts write out in capitals ("the ITU" beside
   * the Global Digital Compact: "International Telecommunication Union"; "CSIS" beside AIDA).
   */
  spelledAcronym: boolean;
  /**
   * `sameScript`: a name's words before an English head are not Chinese ("有人故意在输入里加扰动骗模型出错，framework里叫什么风险"
   * is no instrument called "里加扰动骗模型出错，framework"): a Chinese question that slips in an English word
   * ("framework", "act") names nothing by the Chinese words before it.
   */
  sameScript: boolean;
  /**
   * `knownPossessive`: a known instrument's alias is read with an owner's "'s" inside it ("what does China's
   * Cybersecurity Law require?" names the alias "China Cybersecurity Law"; instrument-forms.ts).
   */
  knownPossessive: boolean;
  /**
   * `chineseNames`: a Chinese instrument's official Chinese title in corpus/instruments.json is one of its
   * names ("个人信息保护法第二十四条" names the PIPL; instrument-forms.ts).
   */
  chineseNames: boolean;
}

export const MISSING_RULE_NAMES = [
  'withinHeld',
  'heldOwner',
  'indefinite',
  'guidanceWord',
  'symbols',
  'versions',
  'rareWords',
  'codeCitation',
  'placeInName',
  'spelledAcronym',
  'sameScript',
  'knownPossessive',
  'chineseNames',
] as const;
export type MissingRuleName = (typeof MISSING_RULE_NAMES)[number];
export const DEFAULT_MISSING_RULES: MissingRules = {
  withinHeld: true,
  heldOwner: true,
  indefinite: true,
  guidanceWord: true,
  symbols: true,
  versions: true,
  rareWords: true,
  codeCitation: true,
  placeInName: true,
  spelledAcronym: true,
  sameScript: true,
  knownPossessive: true,
  chineseNames: true,
};

export const isMissingRuleName = (name: string): name is MissingRuleName =>
  (MISSING_RULE_NAMES as readonly string[]).includes(name);
