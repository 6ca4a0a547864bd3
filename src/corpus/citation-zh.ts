// Chinese citation: the authentic Chinese texts are cited as they cite themselves. A passage's path is the
// same as the English translation's at the same place, so the two align by path:
//   ['art:7', '1']        → "第七条（一）"        (cn-articles; Art. 7(1) in the translation)
//   ['sec:3.1.1', 'a']    → "3.1.1（a）"          (cn-sections; Sec. 3.1.1(a) in the translation)
// Chinese numerals are read and written here too, for references typed in Chinese ("第二十四条").

const DIGITS = '零一二三四五六七八九';

/** 7 → "七", 10 → "十", 24 → "二十四", 105 → "一百零五" (1–999). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) out += `${tens === 1 && hundreds === 0 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGITS[ones];
  return out;
}

/** "七" → 7, "十" → 10, "二十四" → 24, "一百零五" → 105; Arabic digits pass; undefined for anything else. */
export function fromChineseNumber(text: string): number | undefined {
  if (/^\d{1,3}$/.test(text)) return Number(text);
  const m =
    /^(?:([一二三四五六七八九])百)?(?:零)?(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/.exec(
      text,
    );
  if (!m || text === '') return undefined;
  const [, h, t, ten, o] = m;
  const value =
    (h ? DIGITS.indexOf(h) * 100 : 0) +
    (ten ? (t ? DIGITS.indexOf(t) : 1) * 10 : 0) +
    (o ? DIGITS.indexOf(o) : 0);
  return value > 0 ? value : undefined;
}

const HEADINGS: Record<string, string> = {
  preamble: '序言',
  cover: '封面',
  contents: '目录',
  table: '映射表',
  closing: '附则',
};

/** Formats a canonical path in the Chinese texts' own style. */
export function formatChineseLocator(path: readonly string[]): string {
  let out = '';
  for (const segment of path) {
    const colon = segment.indexOf(':');
    const type = colon < 0 ? '' : segment.slice(0, colon);
    const value = colon < 0 ? segment : segment.slice(colon + 1);
    if (type === 'art') out += `第${toChineseNumber(Number(value))}条`;
    else if (type === 'chapter') out += `第${toChineseNumber(Number(value))}章`;
    else if (type === 'sec') out += value;
    else if (type === 'h') out += HEADINGS[value] ?? value;
    else if (type === '' && /^\d+$/.test(value)) out += `（${toChineseNumber(Number(value))}）`;
    else if (type === '') out += `（${value}）`;
    else out += value;
  }
  return out;
}
