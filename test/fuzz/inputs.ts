// Generators of bad input, by category: what people (and people trying to break a bot) type.
import fc from 'fast-check';

const WORDS = [
  'risk',
  'biometric',
  'identification',
  'provider',
  'deployer',
  'transparency',
  'prohibited',
  'practices',
  'safety',
  'model',
  'foundation',
  'incident',
  'report',
  'social',
  'scoring',
  'human',
  'oversight',
  'generative',
  'content',
  'labelling',
  'the',
  'of',
  'and',
  'AI',
  'Act',
];

const MENTIONS = [
  '@everyone',
  '@here',
  '<@123>',
  '<@!123456789012345678>',
  '<@&456>',
  '<#789>',
  '</ask:1>',
  '<t:1700000000:R>',
  '<:emoji:123>',
  '[x](https://evil.example)',
  '[AI Act](https://evil.example/eu)',
  '@EVERYONE',
  '@\u200beveryone',
];

const MARKDOWN = [
  '```',
  '```js\nalert(1)\n```',
  '`',
  '**',
  '__',
  '*',
  '_',
  '||',
  '~~',
  '> ',
  '>>> ',
  '# ',
  '-# ',
  '1. ',
  '- ',
  '\\',
  '\n',
  '\n\n',
];

const INVISIBLE = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufeff',
  '\u00ad',
  '\u180e',
  '\u2060',
];

const FOREIGN = [
  '人工智能 生成 内容 标识',
  '生成式人工智能服务管理暂行办法',
  'الذكاء الاصطناعي',
  'مرحبا بالعالم',
  'שלום עולם',
  'Искусственный интеллект',
  'Künstliche Intelligenz',
  'इंटेलिजेंस',
  '😀',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  'ﷺ',
];

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

const join = (parts: string[]) => parts.join('');

/** Question categories; each value is what a user typed into a text option. */
export const QUESTION_CATEGORIES = {
  empty: fc.constantFrom('', ' ', '   ', '\n', '\t\n ', '\u200b', '\u200b\u200b\u202e', '\ufeff '),
  whitespace: fc
    .array(fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2028'), { maxLength: 40 })
    .map(join),
  long6000: fc
    .tuple(
      fc.constantFrom('word ', 'risk ', 'x', '@everyone ', '<@&1> ', '```', '人工', 'الذ ', '😀', 'a😀'),
      fc.string({ maxLength: 8 }),
    )
    .map(([unit, tail]) => (unit.repeat(Math.ceil(6000 / unit.length)) + tail).slice(0, 6000)),
  invisibleAndControl: fc
    .array(fc.oneof(fc.constantFrom(...INVISIBLE), controlChar, fc.constantFrom(...WORDS)), { maxLength: 30 })
    .map((p) => p.join(' ')),
  rtlEmojiForeign: fc
    .array(fc.oneof(fc.constantFrom(...FOREIGN), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 12 })
    .map((p) => p.join(' ')),
  markdown: fc
    .array(fc.oneof(fc.constantFrom(...MARKDOWN), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 20 })
    .map((p) => p.join(' ')),
  mentions: fc
    .array(fc.oneof(fc.constantFrom(...MENTIONS), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 12 })
    .map((p) => p.join(' ')),
  manyTerms: fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[a-z]{3,10}$/)), {
      minLength: 200,
      maxLength: 800,
    })
    .map((p) => p.join(' ')),
  anyString: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
  ),
} satisfies Record<string, fc.Arbitrary<string>>;

const ROMAN = fc.constantFrom('I', 'III', 'IV', 'XIV', 'XIII', 'MMMCM', 'iiii', 'ix');
const NUMBER = fc.oneof(
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.constantFrom('0', '99999', '-1', '1e99', '5.5.5', '4.2', '22757.12', '007', '١٢', '²'),
);
const UNIT = fc.constantFrom(
  'Art.',
  'Article',
  'art',
  'Recital',
  'Annex',
  'Sec.',
  'Section',
  '§',
  'para.',
  'paragraph',
  'GOVERN',
  'MAP',
  'Action',
  'point',
  'p.',
  'Chapter',
);
const SUB = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 99 }).map((n) => `(${n})`),
      fc.constantFrom('(a)', '(c)', '(z)', '(iv)', '(', ')', '()', '((('),
    ),
    { maxLength: 4 },
  )
  .map(join);
const DOC_NAME = fc.constantFrom(
  'AI Act',
  'EU AI Act',
  'EO 14110',
  'SB 53',
  'Generative AI Interim Measures',
  'eu-ai-act-2024',
  'us-eo-14110-2023',
  'GDPR',
  'Magna Carta',
  '',
);

/** Reference categories for /quote (and /ask, which quotes reference-like questions). */
export const REFERENCE_CATEGORIES = {
  fixed: fc.constantFrom(
    'Art. 99999',
    'Art. 99999 AI Act',
    'Art. -1 AI Act',
    'Annex XIV AI Act',
    'Recital 0 AI Act',
    'Recital 181 AI Act',
    'Recital 180 AI Act',
    'AI Act Art. 5(99)(z)',
    'AI Act Annex III point 99',
    'EO 14110 Sec. 99',
    'Art. 5(1)(c) AI Act; Recital 27',
    'AI Act Art. 5 and EO 14110 Sec. 4.2',
    'asdf qwer',
    'AI Act',
    '',
  ),
  unitAndNumber: fc
    .tuple(DOC_NAME, UNIT, fc.oneof(NUMBER, ROMAN), SUB, fc.boolean())
    .map(([doc, unit, n, sub, docFirst]) =>
      (docFirst ? `${doc} ${unit} ${n}${sub}` : `${unit} ${n}${sub} ${doc}`).trim(),
    ),
  placeIds: fc
    .tuple(
      fc.constantFrom('eu-ai-act-2024', 'us-eo-14110-2023', 'nope', 'eu-ai-act-2024x'),
      fc.constantFrom(
        'art:5',
        'art:99999',
        'recital:0',
        'annex:xiv',
        'art:5/1/c',
        'art:5/99',
        'sec:4.2/a',
        '',
        '/',
        'art:5~2',
      ),
    )
    .map(([d, p]) => `${d}#${p}`),
  mixtures: fc
    .array(
      fc.oneof(
        DOC_NAME,
        UNIT,
        NUMBER,
        ROMAN,
        SUB,
        fc.constantFrom(...MENTIONS),
        fc.constantFrom(...MARKDOWN),
        fc.constantFrom(...FOREIGN),
      ),
      { minLength: 1, maxLength: 10 },
    )
    .map((p) => p.join(' ')),
  nonsense: fc.string({ maxLength: 80 }),
} satisfies Record<string, fc.Arbitrary<string>>;
