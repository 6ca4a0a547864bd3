// The structure-aware splitters on small fixture documents written for the purpose.
import { describe, expect, it } from 'vitest';
import type { CitationStyle } from '../../src/corpus/citation.js';
import { parseMarkdown } from '../../src/corpus/read/markdown.js';
import { parseText } from '../../src/corpus/read/text.js';
import { splitDocument } from '../../src/corpus/split/index.js';
import type { Passage } from '../../src/corpus/types.js';
import { coverage, duplicateLocators, fixtureDoc } from '../fixtures/text/check.js';

function split(style: CitationStyle, source: string, reader = parseMarkdown) {
  const read = reader(source);
  const passages = splitDocument(fixtureDoc(style), read);
  const { missing, skipped } = coverage(read, passages);
  expect(missing).toEqual([]);
  expect(duplicateLocators(passages)).toEqual([]);
  return { passages, skipped };
}

const byLocator = (passages: Passage[], locator: string) => {
  const hit = passages.find((p) => p.locator === locator);
  if (!hit) throw new Error(`no ${locator} in ${passages.map((p) => p.locator).join(', ')}`);
  return hit;
};

const EU_ACT = `THE PARLIAMENT,

Having regard to the Treaty,

Whereas:

(1)   The purpose of this Regulation is to improve
the internal market.  


(2)   This Regulation should be applied in accordance with the values of the Union.  


HAVE ADOPTED THIS REGULATION:

CHAPTER II

PROHIBITED PRACTICES

Article 5

Prohibited practices

1. The following practices shall be
prohibited:

(a)   the use of a system that deploys subliminal techniques;  
  
(b)   the use of a system that exploits vulnerabilities;  
  
(c)   social scoring;  
  
(d)   predictive policing;  
  
(e)   untargeted scraping;  
  
(f)   emotion recognition at work;  
  
(g)   biometric categorisation;  
  
(h)   the use of remote identification, unless strictly necessary for one of the following objectives:

(i)  the targeted search for specific victims;  
  
(ii)   the prevention of a specific threat;  
  
(i)   a letter point after (h), since (h) does not introduce a list here;  
  
  
Point (h) of the first subparagraph is without prejudice to other law.

2. Member States may provide for non-
professional use.

Article 6

Definitions

For the purposes of this Regulation, the following definitions apply:

(1)   ‘system’ means a machine-based system;  
  
(2)   ‘risk’ means the combination of harm and probability;  
  

Done at Brussels, 13 June 2024.

For the Parliament

ANNEX III

High-risk systems

High-risk systems are those listed in any of the following areas:

1.   Biometrics: 

(a)   remote identification systems;  
  
2.   Employment, workers’ management and access to self-employment: 

(a)   systems for recruitment;  
`;

describe('eu-act', () => {
  it('cites recitals, articles with paragraphs, points and roman sub-points, annex points', () => {
    const { passages } = split('eu-act', EU_ACT);
    expect(passages.map((p) => p.locator)).toEqual([
      'Preamble',
      'Recital 1',
      'Recital 2',
      'Enacting formula',
      'Art. 5(1)',
      'Art. 5(1)(a)',
      'Art. 5(1)(b)',
      'Art. 5(1)(c)',
      'Art. 5(1)(d)',
      'Art. 5(1)(e)',
      'Art. 5(1)(f)',
      'Art. 5(1)(g)',
      'Art. 5(1)(h)',
      'Art. 5(1)(h)(i)',
      'Art. 5(1)(h)(ii)',
      'Art. 5(1)(i)',
      'Art. 5(1), second subparagraph',
      'Art. 5(2)',
      'Art. 6',
      'Art. 6(1)',
      'Art. 6(2)',
      'Closing',
      'Annex III',
      'Annex III, point 1',
      'Annex III, point 1(a)',
      'Annex III, point 2',
      'Annex III, point 2(a)',
    ]);
    expect(byLocator(passages, 'Recital 1').text).toBe(
      '(1) The purpose of this Regulation is to improve the internal market.',
    );
    expect(byLocator(passages, 'Art. 5(2)').text).toBe(
      '2. Member States may provide for non-professional use.',
    );
    expect(byLocator(passages, 'Art. 5(1)(a)').headingPath).toEqual([
      'Chapter II Prohibited practices',
      'Article 5 Prohibited practices',
    ]);
  });

  it('puts a lead-in in its own passage and as context on the points that hang from it', () => {
    const { passages } = split('eu-act', EU_ACT);
    const leadIn = '1. The following practices shall be prohibited:';
    expect(byLocator(passages, 'Art. 5(1)').text).toBe(leadIn);
    expect(byLocator(passages, 'Art. 5(1)(a)').context).toBe(leadIn);
    expect(byLocator(passages, 'Art. 5(1)(h)(ii)').context).toMatch(
      /^\(h\) the use of remote identification/,
    );
    expect(byLocator(passages, 'Art. 6(1)').context).toBe(
      'For the purposes of this Regulation, the following definitions apply:',
    );
    expect(passages.filter((p) => p.text.includes(leadIn))).toHaveLength(1);
  });

  it('cites the points of an annex\'s lettered sections under their section ("Section B, point 1")', () => {
    const annex = `HAVE ADOPTED THIS REGULATION:

Article 1

Subject matter

This Regulation lays down rules.

ANNEX VIII

Information to be submitted

Section A — Information to be submitted by providers
in accordance with Article 49(1)

The following information shall be provided:

1.   The name of the provider;  
  
2.   The AI system trade name.  
  
  
Section B — Information to be submitted by deployers

The following information shall be provided:

1.   The name of the deployer;  
`;
    const { passages } = split('eu-act', annex);
    expect(passages.map((p) => p.locator).filter((l) => l.startsWith('Annex'))).toEqual([
      'Annex VIII, Section A',
      'Annex VIII, Section A, point 1',
      'Annex VIII, Section A, point 2',
      'Annex VIII, Section B',
      'Annex VIII, Section B, point 1',
    ]);
    expect(byLocator(passages, 'Annex VIII, Section B, point 1').headingPath.at(-1)).toBe(
      'Section B — Information to be submitted by deployers',
    );
  });

  it('cites an annex point numbered "3.2." as point 3.2, not as a subparagraph of point 3', () => {
    const annex = `HAVE ADOPTED THIS REGULATION:

Article 1

Subject matter

This Regulation lays down rules.

ANNEX VII

Conformity based on an assessment of the quality management system

1.  Introduction

The procedure is based on points 2 and 3.

2.  Quality management system

  2.1.   The application of the provider shall include: 

(a)   the name and address of the provider;  
  
(b)   the list of AI systems covered;  
  
  2.2.   The quality management system shall be assessed by the notified body.  
  
The decision shall be notified to the provider.

  2.3.   Any intended change shall be brought to the attention of the notified body.  

3.  Control of the technical documentation.

  3.1.   In addition to the application referred to in point 2, an application shall be lodged.  
`;
    const { passages } = split('eu-act', annex);
    expect(passages.map((p) => p.locator).filter((l) => l.startsWith('Annex'))).toEqual([
      'Annex VII, point 1',
      'Annex VII, point 2',
      'Annex VII, point 2.1',
      'Annex VII, point 2.1(a)',
      'Annex VII, point 2.1(b)',
      'Annex VII, point 2.2',
      'Annex VII, point 2.3',
      'Annex VII, point 3',
      'Annex VII, point 3.1',
    ]);
    expect(byLocator(passages, 'Annex VII, point 2.2').text).toBe(
      '2.2. The quality management system shall be assessed by the notified body.\n\nThe decision shall be notified to the provider.',
    );
    expect(byLocator(passages, 'Annex VII, point 2.1(b)').context).toBe(
      '2.1. The application of the provider shall include:',
    );
  });
});

describe('articles', () => {
  it('reads a China Law Translate page: "Article N:" run-in, items (1), a closing paragraph', () => {
    const { passages } = split(
      'articles',
      [
        '---',
        'id: x',
        '---',
        '# Measures for Things',
        '',
        '**Chapter I: General Provisions**',
        '',
        '**Article 1:** These Measures are drafted on the basis of the law.',
        '',
        '**Article 2:** Providers shall comply with the following provisions:',
        '',
        '(1) Use lawful data;',
        '',
        '(2) Label content.',
        '',
        'Where Article 3 of other provisions applies, it is followed.',
        '',
        '**Article 3:** These Measures take effect on 1 May 2025.',
        '',
        'Click to rate this post!',
        '',
        '12 comments: Great translation!',
      ].join('\n'),
    );
    expect(passages.map((p) => p.locator)).toEqual([
      'Preamble',
      'Art. 1',
      'Art. 2',
      'Art. 2(1)',
      'Art. 2(2)',
      'Art. 2, second paragraph',
      'Art. 3',
    ]);
    expect(byLocator(passages, 'Art. 2(1)').context).toBe(
      'Article 2: Providers shall comply with the following provisions:',
    );
    expect(passages.some((p) => /Click to rate|comments/.test(p.text))).toBe(false);
  });

  it('reads a treaty extracted from PDF: bare "1 " and "a " markers, wrapped lines, page headers', () => {
    const { passages } = split(
      'articles',
      [
        'Chapter V – Assessment of risks',
        'Article 16 – Risk management framework',
        '1 Each Party shall adopt measures for the identification of risks posed by',
        'a system.',
        '2 Such measures shall be graduated and:',
        'a take due account of the context;',
        'b take due account of the severity and',
        '-- 1 of 4 --',
        ...['CETS 1 – Test', '_'.repeat(30), '2'],
        'probability of potential impacts; and',
        'c require testing.',
        '-- 2 of 4 --',
        ...['CETS 1 – Test', '_'.repeat(30), '3'],
        '3 Each Party shall report.',
        '-- 3 of 4 --',
        ...['CETS 1 – Test', '_'.repeat(30), '4'],
        '4 Each Party shall cooperate.',
        '-- 4 of 4 --',
      ].join('\n'),
      parseText,
    );
    expect(passages.map((p) => p.locator)).toEqual([
      'Art. 16(1)',
      'Art. 16(2)',
      'Art. 16(2)(a)',
      'Art. 16(2)(b)',
      'Art. 16(2)(c)',
      'Art. 16(3)',
      'Art. 16(4)',
    ]);
    const b = byLocator(passages, 'Art. 16(2)(b)');
    expect(b.text).toBe('b take due account of the severity and probability of potential impacts; and');
    expect([b.page, b.pageEnd]).toEqual([1, 2]);
    expect(byLocator(passages, 'Art. 16(1)').text).toBe(
      '1 Each Party shall adopt measures for the identification of risks posed by a system.',
    );
  });
});

describe('us-eo', () => {
  it('reads points set off only by markdown hard line breaks, not breaks inside a sentence', () => {
    const { passages } = split(
      'us-eo',
      [
        'By the authority vested in me, it is hereby ordered:',
        '',
        '<span style="text-decoration: underline">  ',
        'Sec. 6. General Provisions.</span> (a) Nothing in this order shall be',
        'construed to impair or otherwise affect:  ',
        '(i) the authority granted by law to an agency; or  ',
        '(ii) the functions of the Director of the Office of  ',
        'Management and Budget.  ',
        '(b) This order shall be implemented consistent with law.',
      ].join('\n'),
    );
    expect(passages.map((p) => p.locator)).toEqual([
      'Preamble',
      'Sec. 6(a)',
      'Sec. 6(a)(i)',
      'Sec. 6(a)(ii)',
      'Sec. 6(b)',
    ]);
    expect(byLocator(passages, 'Sec. 6(a)(ii)').text).toBe(
      '(ii) the functions of the Director of the Office of Management and Budget.',
    );
  });

  it('cites sections, subsections and (a)/(i)/(A), with titles in the heading path', () => {
    const { passages } = split(
      'us-eo',
      [
        '     By the authority vested in me, it is hereby ordered as follows:',
        '',
        '     Section 1.  Purpose.  Artificial intelligence holds',
        'extraordinary potential.',
        '',
        '     Sec. 4.  Ensuring Safety.',
        '',
        '     4.2.  Ensuring Safe and Reliable AI.  (a)  Within 90 days, the',
        'Secretary shall require:',
        '',
        '          (i)   Companies to report on the following:',
        '',
        '               (A)  any ongoing activities; and',
        '',
        '               (B)  the ownership of weights.',
        '',
        '          (ii)  Companies to report clusters.',
        '',
        '                             JOSEPH R. BIDEN JR.',
        '',
        'THE WHITE HOUSE,',
        '  October 30, 2023.',
      ].join('\n'),
    );
    expect(passages.map((p) => p.locator)).toEqual([
      'Preamble',
      'Sec. 1',
      'Sec. 4.2(a)',
      'Sec. 4.2(a)(i)',
      'Sec. 4.2(a)(i)(A)',
      'Sec. 4.2(a)(i)(B)',
      'Sec. 4.2(a)(ii)',
      'Closing',
    ]);
    expect(byLocator(passages, 'Sec. 1').headingPath).toEqual(['Sec. 1. Purpose.']);
    expect(byLocator(passages, 'Sec. 4.2(a)').headingPath).toEqual([
      'Sec. 4. Ensuring Safety.',
      '4.2. Ensuring Safe and Reliable AI.',
    ]);
    expect(byLocator(passages, 'Sec. 4.2(a)(i)(A)').path).toEqual(['sec:4.2', 'a', 'i', 'a']);
  });
});

describe('un-resolution', () => {
  it('cites numbered paragraphs with subparagraphs under section headings; preamble paragraphs apart', () => {
    const { passages } = split(
      'un-resolution',
      [
        'RECOMMENDATION ON THINGS',
        '',
        'PREAMBLE',
        '',
        'The General Conference,',
        '',
        'Recognizing the value of things,',
        '',
        '1. Adopts the present Recommendation;',
        '',
        'I. SCOPE OF APPLICATION',
        '',
        '1. This Recommendation addresses the following:',
        '',
        '  (a) things that matter;',
        '      (i)  small things;',
        '      (ii) large things;',
        '  (b) other things.',
        '',
        'Objective 1. Close all digital divides and accelerate progress across the',
        'Sustainable Development Goals',
        '2.',
        'We commit to act. 17',
        'Human rights',
        '3. We commit to respect rights.',
      ].join('\n'),
    );
    expect(passages.map((p) => p.locator)).toEqual([
      'Title',
      'Preamble',
      'preambular para. 1',
      'Preamble, para. 1',
      'para. 1',
      'para. 1(a)',
      'para. 1(a)(i)',
      'para. 1(a)(ii)',
      'para. 1(b)',
      'para. 2',
      'para. 3',
    ]);
    expect(byLocator(passages, 'para. 2').headingPath).toEqual([
      'I. SCOPE OF APPLICATION',
      'Objective 1. Close all digital divides and accelerate progress across the Sustainable Development Goals',
    ]);
    expect(byLocator(passages, 'para. 3').headingPath.at(-1)).toBe('Human rights');
  });
});

describe('sections', () => {
  it('follows the section numbering, skips a table of contents, reads run-in headings and points', () => {
    const { passages } = split(
      'sections',
      [
        'Content',
        '1. Principles…………… 1',
        '2. Measures…………… 4',
        'Framework text that opens the document.',
        '1. Principles',
        '1.1 Be inclusive and prudent to',
        'ensure safety',
        'We encourage development.',
        '2. Measures',
        '2.1 To develop a traceability system. We should use',
        'digital certificates.',
        '2.2 Guidelines for developers',
        '(a) Developers should uphold a people-centered approach, adhere to the',
        '-1-',
        '\fAI Framework',
        '',
        'principle of AI for good.',
        '(b)Developers should protect data.',
        '-2-',
        '\fAI Framework',
        '-3-',
        '\fAI Framework',
      ].join('\n'),
      parseText,
    );
    expect(passages.map((p) => p.locator)).toEqual([
      'Preamble',
      'Sec. 1.1',
      'Sec. 2.1',
      'Sec. 2.2(a)',
      'Sec. 2.2(b)',
    ]);
    expect(byLocator(passages, 'Sec. 2.1').text).toBe(
      '2.1 To develop a traceability system. We should use digital certificates.',
    );
    expect(byLocator(passages, 'Sec. 2.2(a)').text).toBe(
      '(a) Developers should uphold a people-centered approach, adhere to the principle of AI for good.',
    );
    expect(byLocator(passages, 'Sec. 1.1').headingPath).toEqual([
      '1. Principles',
      '1.1 Be inclusive and prudent to ensure safety',
    ]);
  });

  it('keeps a point title set on its own line apart from the sentence after it, and a caption wrapped in title case whole', () => {
    const { passages } = split(
      'sections',
      [
        '1. Classification of risks',
        'Safety risks exist at every stage throughout the chain, from system design',
        'to research and development, training, testing, deployment and use.',
        '1.1 Inherent risks',
        '(a) Risks of explainability',
        'AI algorithms, represented by deep learning, have complex internal',
        'workings, which makes their outputs hard to trace or to explain.',
        '(b) Risks of confusing facts, misleading users, and bypassing',
        'authentication',
        'AI systems and their outputs, if not clearly labeled, can make it hard for',
        'users to discern whether they are interacting with AI or with a person.',
        '(c) Risks of stealing and tampering',
        '-7-',
        '\fAI Framework',
        '',
        'Core algorithm information, including parameters, structures and functions,',
        'faces risks of inversion attacks and stealing, and of backdoor injection.',
        '(d) Developers should assess potential biases in AI models and algorithms,',
        'and improve sampling and testing for training data content and quality.',
        'Table of Safety and Security Risks to Technical',
        'Countermeasures and Comprehensive Measures',
        'Safety risks',
        '-8-',
        '\fAI Framework',
        '-9-',
        '\fAI Framework',
        '-10-',
        '\fAI Framework',
      ].join('\n'),
      parseText,
    );
    expect(byLocator(passages, 'Sec. 1.1(a)').text).toBe(
      '(a) Risks of explainability\n\nAI algorithms, represented by deep learning, have complex internal workings, which makes their outputs hard to trace or to explain.',
    );
    expect(byLocator(passages, 'Sec. 1.1(b)').text).toMatch(
      /^\(b\) Risks of confusing facts, misleading users, and bypassing authentication\n\nAI systems and/,
    );
    expect(byLocator(passages, 'Sec. 1.1(c)').text).toMatch(
      /^\(c\) Risks of stealing and tampering\n\nCore algorithm/,
    );
    // A point whose first line is cut by the wrap ("… algorithms," then "and improve …") is one paragraph.
    expect(byLocator(passages, 'Sec. 1.1(d)').text).not.toContain('\n');
    const table = passages.find((p) => p.path[0] === 'h:table')!;
    expect(table.headingPath).toEqual([
      'Table of Safety and Security Risks to Technical Countermeasures and Comprehensive Measures',
    ]);
    expect(table.text).toBe('Safety risks');
  });
});

describe('us-statute', () => {
  it('cites code sections and the bill’s own sections; a subdivision with no words of its own is skipped', () => {
    const { passages } = split(
      'us-statute',
      [
        'Senate Bill No. 1',
        "LEGISLATIVE COUNSEL'S DIGEST",
        'SB 1, Author. Things.',
        '(1) Existing law regulates things.',
        'Bill Text',
        'The people of the State of California do enact as follows:',
        'SECTION 1. The Legislature finds and declares all of the following:',
        '(a) Things matter.',
        'SEC. 2. Chapter 25.1 (commencing with Section 22757.10) is added to the Code, to read:',
        'CHAPTER  25.1. Things Act',
        '22757.10. This chapter shall be known as the Things Act.',
        '22757.11. For purposes of this chapter:',
        '(a) “Affiliate” means a person.',
        '(b) (1) “Risk” means a risk of any of the following:',
        '(A) Harm.',
        '(2) “Risk” does not include lawful activity.',
      ].join('\n'),
      parseText,
    );
    expect(passages.map((p) => p.locator)).toEqual([
      'Preamble',
      "Legislative Counsel's Digest",
      "Legislative Counsel's Digest (1)",
      'Enacting clause',
      'SEC. 1',
      'SEC. 1(a)',
      'SEC. 2',
      '§ 22757.10',
      '§ 22757.11',
      '§ 22757.11(a)',
      '§ 22757.11(b)(1)',
      '§ 22757.11(b)(1)(A)',
      '§ 22757.11(b)(2)',
    ]);
    expect(byLocator(passages, '§ 22757.11(b)(1)').text).toBe(
      '(b) (1) “Risk” means a risk of any of the following:',
    );
    expect(byLocator(passages, '§ 22757.11(a)').headingPath).toEqual([
      'SEC. 2.',
      'CHAPTER 25.1. Things Act',
      '§ 22757.11',
    ]);
  });

  it('reads a Colorado enrolled act: catchlines, subsections in capitals, OCR-misread markers', () => {
    const { passages } = split(
      'us-statute',
      [
        'SECTION 1. In Colorado Revised Statutes, add part 17 to article 1 of title 6 as follows:',
        '6-1-1701. Definitions. AS USED IN THIS PART 17, UNLESS THE',
        'CONTEXT OTHERWISE REQUIRES:',
        '(1) "WIDGET" MEANS A THING.',
        '(2 ) "GADGET" INCLUDES:',
        ...[...'ABCDEFGHIJKLMN'].map((letter) => `(${letter}) PART ${letter};`),
        '(0) OPTICS; AND',
        '(P) PULLEYS.',
        '6-1-1702. Maker duty to avoid harm -',
        'required documentation. (1) ON AND AFTER JUNE 1, A MAKER SHALL',
        'TAKE CARE.',
        '(2) A MAKER SHALL MAKE AVAILABLE:',
        '(a) A STATEMENT; AND',
        '(b) DOCUMENTATION DESCRIBING:',
        '(I) THE DATA; AND',
        '(II) THE LIMITS;',
        '(C) A SUMMARY; AND',
        '(d) A NOTICE.',
      ].join('\n'),
      parseText,
    );
    expect(passages.map((p) => p.locator)).toEqual([
      'SEC. 1',
      '§ 6-1-1701',
      '§ 6-1-1701(1)',
      '§ 6-1-1701(2)',
      ...[...'ABCDEFGHIJKLMN'].map((letter) => `§ 6-1-1701(2)(${letter})`),
      '§ 6-1-1701(2)(O)',
      '§ 6-1-1701(2)(P)',
      '§ 6-1-1702(1)',
      '§ 6-1-1702(2)',
      '§ 6-1-1702(2)(a)',
      '§ 6-1-1702(2)(b)',
      '§ 6-1-1702(2)(b)(I)',
      '§ 6-1-1702(2)(b)(II)',
      '§ 6-1-1702(2)(c)',
      '§ 6-1-1702(2)(d)',
    ]);
    // The catchline is the section's heading; the enacted words start at "(1)".
    expect(byLocator(passages, '§ 6-1-1702(1)').text).toBe(
      '(1) ON AND AFTER JUNE 1, A MAKER SHALL TAKE CARE.',
    );
    expect(byLocator(passages, '§ 6-1-1702(1)').headingPath).toEqual([
      'SEC. 1.',
      '§ 6-1-1702 Maker duty to avoid harm - required documentation.',
    ]);
    expect(byLocator(passages, '§ 6-1-1701').text).toBe(
      'AS USED IN THIS PART 17, UNLESS THE CONTEXT OTHERWISE REQUIRES:',
    );
    expect(byLocator(passages, '§ 6-1-1702(2)(c)').text).toBe('(C) A SUMMARY; AND');
  });
});
