// A governance thesaurus for query-time expansion: people ask about "bans", "deepfakes" and "kids"; the
// documents say "prohibited practices", "deep synthesis" and "minors". Each group lists phrases that mean the
// same thing here; a query phrase from a group adds the group's other phrases at a lower weight.
import { termsOf } from './text.js';

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['ban', 'banned', 'prohibit', 'prohibition', 'prohibited practices', 'forbid', 'outlaw'],
  ['fine', 'penalty', 'administrative fines', 'sanction'],
  ['face recognition', 'facial recognition', 'biometric identification', 'remote biometric identification'],
  ['social credit', 'social scoring', 'social score'],
  ['watermark', 'label', 'labelling', 'marking', 'content provenance'],
  ['deepfake', 'deep fake', 'deep synthesis', 'synthetic content'],
  ['ai', 'artificial intelligence'],
  [
    'gpai',
    'general-purpose ai',
    'general-purpose ai model',
    'foundation model',
    'llm',
    'large language model',
    'frontier model',
  ],
  ['united states', 'usa', 'america', 'american'],
  ['eu', 'european union'],
  ['prc', 'china', 'chinese'],
  ['uk', 'united kingdom', 'britain', 'british'],
  ['un', 'united nations'],
  ['open source', 'open-weight', 'open weights', 'open models'],
  ['kids', 'children', 'minors', 'child'],
  ['chatbot', 'chat bot', 'conversational agent', 'interact with natural persons'],
  ['copyright', 'intellectual property'],
  ['privacy', 'personal data', 'data protection', 'personal information'],
  ['bias', 'discrimination', 'algorithmic discrimination', 'discriminatory'],
  ['jobs', 'employment', 'workers', 'workforce', 'labor market'],
  ['red team', 'red-teaming', 'adversarial testing'],
  ['compute', 'computing power', 'computational resources', 'floating-point operations', 'flops'],
  ['emotion recognition', 'emotion detection', 'infer emotions'],
  ['police', 'law enforcement'],
  ['military', 'defence', 'defense', 'national security'],
  ['hallucination', 'hallucinate', 'confabulation', 'fabricated'],
  ['energy', 'electricity', 'power grid'],
  ['developing countries', 'global south', 'developing nations'],
  ['sandbox', 'regulatory sandbox', 'testing environment'],
  ['human oversight', 'human in the loop', 'human control', 'human-in-the-loop'],
  ['explainability', 'explicability', 'interpretability', 'explainable'],
  ['environment', 'environmental', 'sustainability', 'climate'],
  ['misinformation', 'disinformation', 'false information', 'fake news'],
  ['company', 'companies', 'businesses', 'enterprises', 'organizations'],
  ['self-driving', 'autonomous vehicles'],
  ['weapons', 'weapon systems', 'autonomous weapons'],
  ['csam', 'child sexual abuse material'],
  ['bioweapons', 'biological weapons', 'cbrn'],
  ['whistleblower', 'whistleblowing', 'whistle-blower'],
  ['kill switch', 'shut down', 'shutdown'],
  ['data centers', 'data centres', 'datacenters', 'data center'],
  ['schools', 'education', 'students'],
  ['hiring', 'recruitment', 'employment decisions'],
  ['cybersecurity', 'cyber security', 'cyberattacks'],
  ['register', 'registration', 'filing', 'record-filing'],
];

/** How much a synonym counts next to the word the user typed. Chosen by the relevance eval. */
export const SYNONYM_WEIGHT = 0.45;

export interface WeightedTerm {
  term: string;
  weight: number;
}

interface Phrase {
  terms: string[];
  group: number;
}

// Phrases as index-term sequences, longest first so "administrative fines" wins over "fine".
const PHRASES: Phrase[] = SYNONYM_GROUPS.flatMap((group, index) =>
  group.map((phrase) => ({ terms: termsOf(phrase), group: index })),
)
  .filter((phrase) => phrase.terms.length > 0)
  .sort((a, b) => b.terms.length - a.terms.length);

const FIRST_TERM = new Map<string, Phrase[]>();
for (const phrase of PHRASES) {
  const list = FIRST_TERM.get(phrase.terms[0]!) ?? [];
  list.push(phrase);
  FIRST_TERM.set(phrase.terms[0]!, list);
}

/**
 * The query's own terms at weight 1, then the synonyms of any phrase it contains at SYNONYM_WEIGHT
 * (a term both typed and implied keeps weight 1). Order: typed terms first, in query order.
 */
export function expandTerms(queryTerms: readonly string[], synonymWeight = SYNONYM_WEIGHT): WeightedTerm[] {
  const weights = new Map<string, number>();
  for (const term of queryTerms) weights.set(term, 1);
  const groups = new Set<number>();
  for (let i = 0; i < queryTerms.length; i++) {
    for (const phrase of FIRST_TERM.get(queryTerms[i]!) ?? []) {
      if (phrase.terms.every((term, k) => queryTerms[i + k] === term)) {
        groups.add(phrase.group);
        break;
      }
    }
  }
  for (const group of groups) {
    for (const phrase of PHRASES) {
      if (phrase.group !== group) continue;
      for (const term of phrase.terms) if (!weights.has(term)) weights.set(term, synonymWeight);
    }
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}
