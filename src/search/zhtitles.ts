// A Chinese question that uses the words of a Chinese rule's own title (`zhTitleWords`): "推荐算法" is the topic of
// 互联网信息服务算法推荐管理规定, "深度合成" of 互联网信息服务深度合成管理规定, "内容 … 标识" of 人工智能生成合成内容标识办法.
// A title's distinctive words are its dictionary words (CC-CEDICT, bilingual.ts) that no other Chinese title has
// (互联网, 信息, 服务, 管理, 规定 are in several). The catalog gives each title: a Chinese document's title, or the
// Chinese name an English translation's title carries in parentheses.
import type { CatalogDocument } from '../corpus/catalog.js';
import { dictionaryWords } from './bilingual.js';

const HAN_TITLE = /\p{Script=Han}{4,}/u;
/** Fewest characters of a title run that names the document on its own ("深度合成", "暂行办法"). */
const MIN_RUN = 4;

interface TitleWords {
  docId: string;
  title: string;
  distinctive: string[];
}

const CACHE = new WeakMap<ReadonlyMap<string, CatalogDocument>, TitleWords[]>();

function titleWords(docs: ReadonlyMap<string, CatalogDocument>): TitleWords[] {
  let found = CACHE.get(docs);
  if (found) return found;
  // A translation whose original is held is reached through the original.
  const translated = new Set([...docs.values()].flatMap((doc) => (doc.originalOf ? [doc.originalOf] : [])));
  const titled = [...docs.values()].flatMap((doc) => {
    const title = HAN_TITLE.exec(doc.title)?.[0];
    return title && !translated.has(doc.id)
      ? [{ docId: doc.id, title, words: [...new Set(dictionaryWords(title).map((w) => w.word))] }]
      : [];
  });
  const count = new Map<string, number>();
  for (const { words } of titled) for (const word of words) count.set(word, (count.get(word) ?? 0) + 1);
  found = titled.map(({ docId, title, words }) => ({
    docId,
    title,
    distinctive: words.filter((word) => count.get(word) === 1),
  }));
  CACHE.set(docs, found);
  return found;
}

/**
 * The documents whose title a Chinese question takes up: two of its distinctive words anywhere in the question,
 * or a run of at least four characters of the title that holds one.
 */
export function documentsByTitleWords(
  question: string,
  docs: ReadonlyMap<string, CatalogDocument>,
): string[] {
  const out: string[] = [];
  for (const { docId, title, distinctive } of titleWords(docs)) {
    const held = distinctive.filter((word) => question.includes(word));
    if (held.length >= 2 || held.some((word) => runAround(question, title, word))) out.push(docId);
  }
  return out;
}

/**
 * The documents whose title's head the question writes as the rule's common short name, when no other Chinese
 * title holds it: "生成式人工智能" (of 生成式人工智能服务管理暂行办法) has no word the other titles lack — 生成 is also in
 * 人工智能生成合成内容标识办法, 人工智能 in three — but only one title has the run 生成式人工智能. The longest head of at
 * least `MIN_RUN` characters the question holds counts, so "人工智能" alone (in three titles) names none.
 */
export function documentsByTitleHead(question: string, docs: ReadonlyMap<string, CatalogDocument>): string[] {
  const titles = titleWords(docs);
  const out: string[] = [];
  for (const { docId, title } of titles) {
    let head = '';
    for (let end = MIN_RUN; end <= title.length && question.includes(title.slice(0, end)); end++)
      head = title.slice(0, end);
    if (head && titles.every((other) => other.docId === docId || !other.title.includes(head)))
      out.push(docId);
  }
  return out;
}

/** Whether the question writes a run of at least `MIN_RUN` characters of the title around `word`. */
function runAround(question: string, title: string, word: string): boolean {
  const at = title.indexOf(word);
  for (let start = Math.max(0, at + word.length - MIN_RUN); start <= at; start++)
    for (let end = Math.max(start + MIN_RUN, at + word.length); end <= title.length; end++)
      if (question.includes(title.slice(start, end))) return true;
  return false;
}
