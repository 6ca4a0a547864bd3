// Reader questions (corpus/asks/*.jsonl): for a passage, questions a reader might ask that it answers, in
// everyday words ("we got hacked, how long do we have to tell the regulator?"), written from the documents
// alone by people who saw no code, no result and no test set (README, "Reader questions"). Search indexes
// them with their passage (document expansion, the `readerQuestions` signal); they are never shown, never
// quoted. Each line is {"q", "docId", "snippet"}: the snippet is a verbatim piece of the passage's text and
// names it by the same rule as the relevance sets' (snippet.ts).
//
// A line is validated by zod when the questions are loaded (an index build, `charter lint`): a malformed line
// is refused with one sentence naming its file and line. A well-formed line whose snippet is in no passage of
// its document is not an error: `charter lint` reports it and the index leaves it out.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { PROJECT_ROOT } from '../paths.js';
import { DOCUMENT_ID, DOCUMENT_ID_RULE } from './catalog.js';
import { SnippetMatcher } from './snippet.js';
import type { Passage } from './types.js';

export const ASKS_DIR = join(PROJECT_ROOT, 'corpus', 'asks');

function buildSchema() {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  return z
    .object({
      /** The question, as a reader would type it. */
      q: z.string().trim().min(3, 'must be a question of at least 3 characters').max(500),
      docId: z.string().regex(DOCUMENT_ID, DOCUMENT_ID_RULE),
      /** 10–200 characters of the passage's text, verbatim (white space may differ). */
      snippet: z.string().trim().min(10, 'must be at least 10 characters').max(200),
    })
    .strict();
}

export type ReaderQuestionLine = z.infer<ReturnType<typeof buildSchema>>;

/** A question with the file and line it was read from (for lint findings). */
export interface ReaderQuestion extends ReaderQuestionLine {
  file: string;
  line: number;
}

export class AsksError extends Error {}

/** The files of the folder, by name: every `.jsonl` file, each a set of reader questions. */
export function asksFiles(dir = ASKS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(dir, name));
}

/** Parses one file's text; a malformed line is one sentence naming the file, the line and the field. */
export function parseAsks(text: string, file: string): ReaderQuestion[] {
  const schema = buildSchema();
  const out: ReaderQuestion[] = [];
  for (const [n, line] of text.split('\n').entries()) {
    if (line.trim().length === 0) continue;
    const where = `${file} line ${n + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new AsksError(`${where} is not a JSON object: write {"q": …, "docId": …, "snippet": …}.`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.');
      throw new AsksError(
        field
          ? `${where} has a bad field "${field}": ${issue.message}.`
          : `${where} is malformed: ${issue.message}.`,
      );
    }
    out.push({ ...parsed.data, file, line: n + 1 });
  }
  return out;
}

const loaded = new Map<string, ReaderQuestion[]>();

/** Every reader question of the folder (read and validated once per process). */
export function loadAsks(dir = ASKS_DIR): ReaderQuestion[] {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const questions = asksFiles(dir).flatMap((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new AsksError(`The file ${path} could not be read.`);
    }
    return parseAsks(text, `corpus/asks/${basename(path)}`);
  });
  loaded.set(dir, questions);
  return questions;
}

/**
 * Identifies the folder's questions without parsing them (file names and bytes): part of the corpus version
 * (store.ts), so a saved index is rebuilt when the questions change. Cheap enough for every start.
 */
export function asksVersion(dir = ASKS_DIR): string {
  const hash = createHash('sha256');
  for (const path of asksFiles(dir))
    hash
      .update(`${basename(path)}\0`)
      .update(readFileSync(path))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Why a question attaches to no passage. */
export type UnresolvedReason = 'no-document' | 'no-passage';

export interface ResolvedAsks {
  /** Corpus position → the questions of that passage, in file order. */
  byPassage: Map<number, string[]>;
  /** The questions left out, each with why. */
  unresolved: { question: ReaderQuestion; reason: UnresolvedReason }[];
  /** How many questions had a snippet found in several passages (each went to one of them, see below). */
  ambiguous: number;
}

/**
 * Each question joined to the passage of its document whose text contains its snippet (snippet.ts).
 *
 * A snippet found in several passages (a definition's words repeated by a recital, Art. 22 and Art. 54's
 * twin mandates) goes to ONE of them, not to all: a question was written for one passage, and the same
 * questions on the recital as on the article would only blur which answers. The writers went through each
 * document in order, so it goes to the candidate nearest, in document order, the passage of the closest line
 * before it in the same file whose snippet named exactly one passage of that document (else the closest line
 * after it; else the first candidate). The relevance sets count every passage that contains a snippet as
 * the answer; the questions pick one because they are written for one.
 *
 * Questions for a document not held (`no-document`, e.g. a deployment that lacks it) and snippets in no
 * passage (`no-passage`) are left out; `charter lint` reports both.
 */
export function resolveAsks(
  questions: readonly ReaderQuestion[],
  passages: readonly Passage[],
): ResolvedAsks {
  const matcher = new SnippetMatcher(passages);
  const found = new Map<string, number[]>();
  const candidates = questions.map((question) => {
    if (!matcher.holds(question.docId)) return undefined;
    const key = `${question.docId}\0${question.snippet}`;
    const known = found.get(key);
    if (known) return known;
    const at = matcher.find(question.docId, question.snippet);
    found.set(key, at);
    return at;
  });
  const unique = (k: number) => (candidates[k]?.length === 1 ? candidates[k]![0] : undefined);
  const sameSource = (a: ReaderQuestion, b: ReaderQuestion) => a.file === b.file && a.docId === b.docId;
  /** The passage of the closest uniquely named line of the same file and document, before k or else after. */
  const anchor = (k: number): number | undefined => {
    const question = questions[k]!;
    for (const step of [-1, 1])
      for (
        let j = k + step;
        j >= 0 && j < questions.length && questions[j]!.file === question.file;
        j += step
      )
        if (sameSource(questions[j]!, question) && unique(j) !== undefined) return unique(j);
    return undefined;
  };
  const byPassage = new Map<number, string[]>();
  const unresolved: ResolvedAsks['unresolved'] = [];
  let ambiguous = 0;
  questions.forEach((question, k) => {
    const at = candidates[k];
    if (!at || at.length === 0) {
      unresolved.push({ question, reason: at ? 'no-passage' : 'no-document' });
      return;
    }
    let i = at[0]!;
    if (at.length > 1) {
      ambiguous++;
      const near = anchor(k);
      if (near !== undefined)
        for (const candidate of at) if (Math.abs(candidate - near) < Math.abs(i - near)) i = candidate;
    }
    const list = byPassage.get(i);
    if (list) list.push(question.q);
    else byPassage.set(i, [question.q]);
  });
  return { byPassage, unresolved, ambiguous };
}

/** One sentence a person can act on, for `charter lint`. */
export function unresolvedSentence({ question, reason }: ResolvedAsks['unresolved'][number]): string {
  const where = `${question.file} line ${question.line}`;
  return reason === 'no-document'
    ? `${where}: no document ${question.docId} is held, so the reader question “${question.q}” is not indexed.`
    : `${where}: no passage of ${question.docId} contains the snippet “${question.snippet}”, so the reader question is not indexed; copy a piece of the passage's text exactly.`;
}
