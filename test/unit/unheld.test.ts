// The note for an instrument Charter knows of but does not hold: one wording for /ask and `charter ask`.
import { describe, expect, it } from 'vitest';
import { asAsked, missingJson, shortDate, unheldName } from '../../src/answer/unheld.js';
import { missingLine, notFoundWording, PLAIN } from '../../src/answer/wording.js';
import { loadCatalog } from '../../src/corpus/catalog.js';
import { loadKnownInstruments } from '../../src/corpus/instruments.js';
import type { KnownFacts } from '../../src/search/instruments.js';
import type { MissingName } from '../../src/search/types.js';

const catalog = loadCatalog();
const facts = (id: string): KnownFacts => {
  const {
    id: _,
    aliases,
    title,
    source,
    jurisdiction,
    ...rest
  } = loadKnownInstruments().find((e) => e.id === id)!;
  return { id, ...rest };
};
const bletchley: MissingName = {
  name: 'Bletchley Declaration',
  kind: 'instrument',
  known: facts('uk-bletchley-declaration-2023'),
};
const discord = {
  echo: (t: string) => t,
  name: (t: string) => t,
  link: (url: string) => `<${url}>`,
  code: (t: string) => `\`${t}\``,
};

describe('naming an instrument Charter does not hold', () => {
  it('quotes a title that begins with an article, so its capital does not read as a slip mid-sentence', () => {
    const title = {
      ...facts('uk-bletchley-declaration-2023'),
      name: 'A pro-innovation approach to AI regulation',
    };
    expect(unheldName({ ...title, url: undefined, the: undefined })).toMatch(
      /^“A pro-innovation approach to AI regulation” \(/,
    );
  });

  it('writes the issue’s line: name, issuer, place, date, where to read it, how to add it', () => {
    expect(shortDate('2023-11-01')).toBe('1 Nov 2023');
    expect(missingLine([bletchley], catalog)).toBe(
      `Charter doesn't hold the Bletchley Declaration (28 countries and the EU, Bletchley Park, 1 Nov 2023) — read it at ${bletchley.known!.url}; an operator can add it with charter add; nearest passages in what it has:`,
    );
    // On Discord, the same words: the link without a preview card, the command as code.
    expect(missingLine([bletchley], catalog, discord)).toBe(
      `Charter doesn't hold the Bletchley Declaration (28 countries and the EU, Bletchley Park, 1 Nov 2023) — read it at <${bletchley.known!.url}>; an operator can add it with \`charter add\`; nearest passages in what it has:`,
    );
  });

  it('names an instrument a held document cites by number with the facts the citing text gives', () => {
    // Generated from the link table (scripts/cited-instruments.ts): the AI Act's Annex I gives the date, its
    // Recital 9 none, so the note says only what a source says.
    expect(unheldName(facts('eu-reg-2016-425'))).toBe(
      'Regulation (EU) 2016/425 (European Parliament and Council of the EU, 9 Mar 2016) — read it at https://eur-lex.europa.eu/eli/reg/2016/425/oj',
    );
    expect(unheldName(facts('eu-dec-2008-768'))).toBe(
      'Decision No 768/2008/EC (European Parliament and Council of the EU) — read it at https://eur-lex.europa.eu/eli/dec/2008/768/oj',
    );
    expect(
      missingJson([{ name: 'Decision No 768/2008/EC', kind: 'instrument', known: facts('eu-dec-2008-768') }]),
    ).toEqual([
      {
        name: 'Decision No 768/2008/EC',
        kind: 'law',
        issuer: 'European Parliament and Council of the EU',
        url: 'https://eur-lex.europa.eu/eli/dec/2008/768/oj',
      },
    ]);
  });

  it('names known and unknown instruments and places in one line, never lower-cased', () => {
    const line = missingLine(
      [
        { name: 'OECD AI Principles', kind: 'instrument', known: facts('oecd-ai-principles-2019') },
        { name: "Korea's AI Basic Act", kind: 'instrument' },
        { name: 'Texas', kind: 'place' },
      ],
      catalog,
    )!;
    expect(line).toMatch(
      /^Charter doesn't hold the OECD AI Principles \(OECD Council, 22 May 2019\) — read it at https:/,
    );
    expect(line).toContain("; Charter doesn't have “Korea's AI Basic Act”; nor any document from Texas;");
    expect(unheldName(facts('cn-shanghai-declaration-2024'))).toBe(
      'the Shanghai Declaration on Global AI Governance (World Artificial Intelligence Conference 2024, Shanghai, 4 Jul 2024)',
    );
  });

  it('says a name of no list as the question wrote it, quoted, never with capitals the asker did not type', () => {
    // Trial finding 14: "new york city hiring bias audit law" was said as "New York City Hiring Bias Audit Law",
    // a title nobody wrote. A known instrument keeps its list's name, a place the place list's.
    const query =
      'does the new york city hiring bias audit law apply, like the bletchley declaration, in texas?';
    const said = asAsked(
      [
        { name: 'New York City Hiring Bias Audit Law', kind: 'instrument' },
        { ...bletchley, name: 'Bletchley Declaration' },
        { name: 'Texas', kind: 'place' },
      ],
      query,
    );
    expect(said.map((n) => n.name)).toEqual([
      'new york city hiring bias audit law',
      'Bletchley Declaration',
      'Texas',
    ]);
    expect(missingLine(said, catalog)).toMatch(
      /^Charter doesn't hold the Bletchley Declaration \(.*; Charter doesn't have “new york city hiring bias audit law”; nor any document from Texas; nearest passages in what it has:$/,
    );
    // Written with capitals, it is said with them; a name not found in the question stays as search gave it.
    expect(
      asAsked([{ name: "Korea's AI Basic Act", kind: 'instrument' }], "is Korea's AI Basic Act")[0]!.name,
    ).toBe("Korea's AI Basic Act");
    expect(asAsked([{ name: 'ISO 42001', kind: 'instrument' }], 'iso/iec 42001')[0]!.name).toBe('ISO 42001');
  });

  it('says what it lacks even when nothing in the documents matches', () => {
    const wording = notFoundWording(
      {
        kind: 'not-found',
        why: { reason: 'no-match', query: 'Bletchley', scope: [], missing: [bletchley] },
      } as never,
      PLAIN,
    );
    expect(wording.text).toMatch(
      /^Charter doesn't hold the Bletchley Declaration \(28 countries and the EU, Bletchley Park, 1 Nov 2023\) — read it at https:\S+; an operator can add it with charter add\. Nothing matches “Bletchley”\.$/,
    );
  });

  it('gives --json {name, kind, issuer?, date?, url?}', () => {
    expect(missingJson([bletchley, { name: 'Texas', kind: 'place' }])).toEqual([
      {
        name: 'Bletchley Declaration',
        kind: 'declaration',
        issuer: '28 countries and the EU',
        date: '2023-11-01',
        url: bletchley.known!.url,
      },
      { name: 'Texas', kind: 'place' },
    ]);
  });
});
