// The learned off-topic stage of the judge (judge.ts): a logistic regression over evidence search already
// reports (offtopic.ts `Topicality`, evidence.ts coverage, the held places named), fitted by
// tools/fit-judge.ts on the tuning sets (off-topic messages against answerable questions) and written to
// offtopic-model.ts. It adds to the hand-set bars, never overrides them: a question is off-topic when the bars
// say so, or when this model is at least `threshold` sure. It judges only what the bars judge: an English
// question that names no document and has a word to weigh.
import type { SearchEvidence } from '../search/types.js';

/** The evidence the model reads, in this order (`JudgeModel.features` names them). */
export const FEATURE_NAMES = [
  'best',
  'second',
  'meanBalance',
  'spokenShare',
  'coverage',
  'logWords',
  'asksRule',
  'heldPlace',
  'meanWeight',
  'cohesion',
  'asked',
] as const;

export interface JudgeModel {
  features: readonly string[];
  /** Each feature's mean and standard deviation on the fitting data (features are standardized). */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  /** The probability from which a question is judged off-topic. */
  threshold: number;
}

/**
 * The features of a search's evidence (`FEATURE_NAMES`), or null when the learned stage does not judge it:
 * no evidence, a question that names a document, one in Chinese (judged by its glosses), one with no word.
 */
export function judgeFeatures(evidence: SearchEvidence | undefined): number[] | null {
  const t = evidence?.topicality;
  if (!evidence || !t || t.words === 0 || t.han || evidence.named.length > 0) return null;
  return [
    // How governance-specific the question's strongest words are (log-ratio against SUBTLEX-US, ≥ 0) ...
    t.best,
    t.second ?? 0,
    // ... how far its words lean toward the documents or toward everyday English, on average ...
    t.balance / t.words,
    // ... which share of them the documents use at all ...
    (t.spoken ?? t.words) / t.words,
    // ... how much of it the best hits hold, how long it is, whether it asks what one must or may do, and
    // whether it names a place Charter holds documents of.
    evidence.coverage ?? 0,
    Math.log(t.words),
    t.asksRule ? 1 : 0,
    (evidence.places?.length ?? 0) > 0 ? 1 : 0,
    t.total / t.words,
    // ... and how strongly its words go together in the documents (a word borrowed into chatter does not).
    t.cohesion ?? 0,
    // ... and how much of it one reader question holds (corpus/asks: how people ask about the documents);
    // NaN when not measured (an index without reader questions), which `probability` reads as the mean.
    t.asked ?? Number.NaN,
  ];
}

/** The model's probability that a question with these features is off-topic. */
export function probability(model: JudgeModel, features: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++)
    // A feature not measured (NaN) is no evidence either way: it counts as its mean on the fitting data.
    if (!Number.isNaN(features[i]!))
      z += model.weights[i]! * ((features[i]! - model.mean[i]!) / model.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}
