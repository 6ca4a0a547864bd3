// `charter lint`'s check of the reader questions (corpus/asks, ../asks.ts): a question whose snippet is in no
// passage of its document, or whose document is not held, is indexed with nothing, so it is a finding (the
// index leaves it out; it never stops a build). Its "passage" is the file and line that holds it.
import { type ReaderQuestion, resolveAsks, unresolvedSentence } from '../asks.js';
import type { Passage } from '../types.js';
import type { Finding } from './checks.js';

/** Findings for the questions that join no passage; `docs`, when given, keeps those of these documents. */
export function lintAsks(
  questions: readonly ReaderQuestion[],
  passages: readonly Passage[],
  docs?: ReadonlySet<string>,
): Finding[] {
  return resolveAsks(questions, passages)
    .unresolved.filter(({ question }) => !docs || docs.has(question.docId))
    .map((unresolved) => ({
      check: 'reader-question',
      passageId: `${unresolved.question.file}:${unresolved.question.line}`,
      excerpt: unresolvedSentence(unresolved),
    }));
}
