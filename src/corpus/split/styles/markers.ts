// List markers at the start of a line — "1.", "3.2.", "(1)", "(a)", "(ii)", "(A)", "(IV)", and with `bare`
// "1 " and "a " — and the order their values run in, so the outline (outline.ts) can tell the next point
// from a wrapped line that happens to start with "a " or "2 ".

// 'dec': a decimal point "3.2." under point "3." (the AI Act's Annex VII); its value is "3.2".
export type MarkerKind = 'num' | 'dec' | 'alpha' | 'roman' | 'ALPHA' | 'ROMAN';
export type MarkerForm = 'dot' | 'paren' | 'bare';

export interface Marker {
  kind: MarkerKind;
  form: MarkerForm;
  value: string;
  /** The text after the marker. */
  rest: string;
}

const ROMANS = [
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'vi',
  'vii',
  'viii',
  'ix',
  'x',
  'xi',
  'xii',
  'xiii',
  'xiv',
  'xv',
  'xvi',
  'xvii',
  'xviii',
  'xix',
  'xx',
];

/** Reads a leading list marker: "1.", "(1)", "(a)", "(ii)", "(A)"; with `bare`, also "1 " and "a ". */
export function leadingMarker(text: string, bare = false): Marker[] {
  const t = text.trimStart();
  const out: Marker[] = [];
  // OCR text layers space out digits ("(1 1 )" for "(11)"); the marker is read without the spaces.
  let m = /^\((\d(?: ?\d){0,2} ?|[a-z]{1,5}|[A-Z]{1,5})\)(?:\s+|$|(?=[A-Z“"‘']))/.exec(t);
  if (m) {
    const v = m[1]!.replace(/ /g, '');
    const rest = t.slice(m[0].length);
    // "(0)" numbers nothing: it is OCR's reading of the letter point "(O)".
    if (v === '0') out.push({ kind: 'ALPHA', form: 'paren', value: 'O', rest });
    else if (/^\d+$/.test(v)) out.push({ kind: 'num', form: 'paren', value: v, rest });
    else if (/^[A-Z]+$/.test(v)) {
      // Colorado-style "(I)", "(II)" sub-subparagraphs; "(I)" may also be the letter after "(H)".
      if (ROMANS.includes(v.toLowerCase())) out.push({ kind: 'ROMAN', form: 'paren', value: v, rest });
      if (/^(?:[A-Z]|([A-Z])\1)$/.test(v)) out.push({ kind: 'ALPHA', form: 'paren', value: v, rest });
    } else {
      if (ROMANS.includes(v)) out.push({ kind: 'roman', form: 'paren', value: v, rest });
      if (/^(?:[a-z]|([a-z])\1)$/.test(v)) out.push({ kind: 'alpha', form: 'paren', value: v, rest });
    }
    return out;
  }
  m = /^(\d{1,3}\.\d{1,3})\.(?:\s+|$)/.exec(t);
  if (m) return [{ kind: 'dec', form: 'dot', value: m[1]!, rest: t.slice(m[0].length) }];
  m = /^(\d{1,3})\.(?:\s+|$)/.exec(t);
  if (m) return [{ kind: 'num', form: 'dot', value: m[1]!, rest: t.slice(m[0].length) }];
  if (bare) {
    m = /^(\d{1,3}) (?=\S)/.exec(t);
    if (m) return [{ kind: 'num', form: 'bare', value: m[1]!, rest: t.slice(m[0].length) }];
    m = /^([a-z]) (?=\S)/.exec(t);
    if (m) return [{ kind: 'alpha', form: 'bare', value: m[1]!, rest: t.slice(m[0].length) }];
  }
  return out;
}

/** The first value of a list of this kind: "1", "1.1", "a", "i", "A", "I". */
export function firstValue(kind: MarkerKind): string {
  return { num: '1', dec: '1.1', alpha: 'a', roman: 'i', ALPHA: 'A', ROMAN: 'I' }[kind];
}

/** The value after `value` in a list of this kind ("" past the last roman numeral this reads). */
export function nextValue(kind: MarkerKind, value: string): string {
  switch (kind) {
    case 'num':
      return String(Number(value) + 1);
    case 'dec': {
      const [whole, part] = value.split('.');
      return `${whole}.${Number(part) + 1}`;
    }
    case 'roman':
      return ROMANS[ROMANS.indexOf(value) + 1] ?? '';
    case 'ROMAN':
      return (ROMANS[ROMANS.indexOf(value.toLowerCase()) + 1] ?? '').toUpperCase();
    default: {
      // a … z, then aa, bb (EU style) — both cases.
      if (value.length === 1)
        return value === 'z' ? 'aa' : value === 'Z' ? 'AA' : String.fromCharCode(value.charCodeAt(0) + 1);
      const next = String.fromCharCode(value.charCodeAt(0) + 1);
      return next.repeat(value.length);
    }
  }
}
