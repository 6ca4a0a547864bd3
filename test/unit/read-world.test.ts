// Readers and splitters added for the GDPR, AIDA, SB 1001, BIPA and the NSM, on small fixtures of their shapes.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/corpus/read/markdown.js';
import { unMarkPoints } from '../../src/corpus/read/md-points.js';
import { cutSiteChrome } from '../../src/corpus/read/site-chrome.js';
import { parseXmlTree, readXml, xmlLines } from '../../src/corpus/read/xml.js';
import { splitCaAct } from '../../src/corpus/split/styles/ca-act.js';
import { splitIlcs } from '../../src/corpus/split/styles/ilcs.js';
import { fixtureDoc } from '../fixtures/text/check.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('markdown points set as tables or bullets', () => {
  it('a two-column row is its cells; the delimiter row a blank line', () => {
    expect(
      unMarkPoints(['(a) |  is necessary for a contract;  ', '---|---  ', '(b) |  is authorised;  ']),
    ).toEqual(['(a) is necessary for a contract;', '', '(b) is authorised;']);
  });

  it('a nested list flattened into one row starts a block at each marker cell', () => {
    expect(
      unMarkPoints(['(16) |  ‘main establishment’ means: |  (a) |  as regards a controller,', '---|---']),
    ).toEqual(['(16) ‘main establishment’ means:', '', '(a) as regards a controller,', '']);
  });

  it('a pipe in running text, a footnote label link and a bullet before a point', () => {
    expect(unMarkPoints(['A | B in prose'])).toEqual(['A | B in prose']);
    expect(unMarkPoints(['[(1)](#ntc1-L_2016119EN.01000101-E0001) OJ C 229.'])).toEqual(['(1) OJ C 229.']);
    expect(unMarkPoints(['  * (1) informs the subject;', '  * not a point'])).toEqual([
      '(1) informs the subject;',
      '  * not a point',
    ]);
  });

  it('underscore emphasis is markup; snake_case words are not', () => {
    const read = parseMarkdown('_3.1_. Promoting Progress. Testing _in silico_ and some_name_here.\n');
    expect(read.lines.map((l) => l.text)).toEqual([
      '3.1. Promoting Progress. Testing in silico and some_name_here.',
    ]);
  });
});

describe('site chrome', () => {
  it('a leginfo page starts after its "Bill Start" anchor', () => {
    const page = [
      '[x](/faces/billTextClient.xhtml?bill_id=1)',
      'Quick Search:',
      '## Bill Start',
      '',
      'Senate Bill No. 1',
    ];
    expect(cutSiteChrome(page)).toEqual(['', 'Senate Bill No. 1']);
  });

  it('a Justia page keeps what lies between its Previous/Next links', () => {
    const page = [
      '![Justia](//justatic.com/logo.svg)',
      '**[ Previous ](/a) ** **[ Next',
      '](/b) **',
      '',
      'Sec. 1. Short title.',
      '**[ Previous ](/a) ** **[ Next',
      'Disclaimer',
    ];
    expect(cutSiteChrome(page)).toEqual(['', 'Sec. 1. Short title.']);
  });

  it('pages of no known site are left alone', () => {
    const page = ['# Title', '**[ Previous ](/a) **', 'text'];
    expect(cutSiteChrome(page)).toBe(page);
  });
});

const BILL = `<?xml version="1.0" encoding="UTF-8"?><!--c--><Bill xml:lang="en"><Body>
<Heading level="1"><Label>PART 1</Label><TitleText>Other Act</TitleText></Heading>
<Section><MarginalNote>Enactment</MarginalNote><Label>2</Label><Text>The <XRefExternal>Other Act</XRefExternal> is enacted as follows:</Text></Section>
<Section><MarginalNote>Enactment of Act</MarginalNote><Label>39</Label><Text>The <XRefExternal>Test Act</XRefExternal> is enacted as follows:</Text>
<AmendedText><BillInternal><LongTitle>An Act respecting tests</LongTitle><Body>
<Heading level="1"><TitleText>Definitions</TitleText></Heading>
<Section><MarginalNote>Definitions</MarginalNote><Label>2</Label><Text>The following definitions apply in this Act.</Text>
<Definition><Text><DefinedTermEn>harm</DefinedTermEn> means</Text><Paragraph><Label>(a)</Label><Text>physical harm; or</Text></Paragraph><Paragraph><Label>(b)</Label><Text>economic loss. (<DefinedTermFr>préjudice</DefinedTermFr>)</Text></Paragraph></Definition></Section>
<Heading level="1"><Label>PART 1</Label><TitleText>Rules</TitleText></Heading>
<Section><MarginalNote>Duty</MarginalNote><Label>3</Label><Subsection><Label>(1)</Label><Text>A person must</Text><Paragraph><Label>(a)</Label><Text>assess;</Text><Subparagraph><Label>(i)</Label><Text>first, and</Text></Subparagraph></Paragraph></Subsection>
<Subsection><MarginalNote>Exception</MarginalNote><Label>(2)</Label><Text>Subsection (1) does not apply to &amp; tests.</Text></Subsection><Subsection><Label>(3)</Label><Text>No note here.</Text></Subsection></Section>
</Body></BillInternal></AmendedText></Section></Body></Bill>`;

describe('XML reader and the ca-act splitter', () => {
  it('keeps mixed content in order, drops comments and processing instructions, decodes entities', () => {
    const root = parseXmlTree('<?xml version="1.0"?><!--x--><a>One <b>two</b> &amp; <?pi x?>three</a>');
    expect(root.name).toBe('a');
    expect(xmlLines(root).map((l) => l.text)).toEqual(['One two & three', '']);
  });

  it('refuses XML that is not well-formed with one sentence', () => {
    expect(() => parseXmlTree('<a><b></a>')).toThrow(/^The XML is not well-formed \(line 1: /);
  });

  it('sets a short label in front of the line that follows it', async () => {
    const read = await readXml(bytes(BILL));
    const texts = read.lines.map((l) => l.text).filter((t) => t !== '');
    expect(texts).toContain('(a) physical harm; or');
    expect(texts).toContain('39 The Test Act is enacted as follows:');
  });

  it('splits only the Act the catalog names, cited by its own sections', async () => {
    const doc = { ...fixtureDoc('ca-act'), citation: { style: 'ca-act' as const, act: 'Test Act' } };
    const passages = splitCaAct(doc, await readXml(bytes(BILL)));
    expect(passages.map((p) => [p.locator, p.text])).toEqual([
      ['Bill s. 39', 'The Test Act is enacted as follows:'],
      ['Long title', 'An Act respecting tests'],
      ['s. 2', 'The following definitions apply in this Act.'],
      ['s. 2, “harm”', 'harm means'],
      ['s. 2, “harm”(a)', '(a) physical harm; or'],
      ['s. 2, “harm”(b)', '(b) economic loss. (préjudice)'],
      ['s. 3(1)', '(1) A person must'],
      ['s. 3(1)(a)', '(a) assess;'],
      ['s. 3(1)(a)(i)', '(i) first, and'],
      ['s. 3(2)', '(2) Subsection (1) does not apply to & tests.'],
      ['s. 3(3)', '(3) No note here.'],
    ]);
    const byLocator = (l: string) => passages.find((p) => p.locator === l)!;
    expect(byLocator('s. 3(2)').headingPath).toEqual(['Test Act', 'PART 1 Rules', '3 Duty', 'Exception']);
    expect(byLocator('s. 3(3)').headingPath).toEqual(['Test Act', 'PART 1 Rules', '3 Duty']);
    expect(byLocator('s. 3(1)(a)(i)').path).toEqual(['sec:3', '1', 'a', 'i']);
  });

  it('names the Act it could not find', async () => {
    const doc = { ...fixtureDoc('ca-act'), citation: { style: 'ca-act' as const, act: 'Missing Act' } };
    expect(() => splitCaAct(doc, { lines: [], footnotes: [], xml: parseXmlTree(BILL) })).toThrow(
      /no bill section enacts the Missing Act/,
    );
  });
});

describe('Illinois Compiled Statutes', () => {
  it('cites sections by their own numbers, catchlines and ILCS cites in the heading', () => {
    const read = parseMarkdown(
      [
        '(740 ILCS 14/15)',
        '',
        'Sec. 15. Retention; collection. (a) A private entity must develop a policy.',
        '',
        '(b) No private entity may collect, unless it first:',
        '',
        '  * (1) informs the subject;',
        '  * (2) receives a written release.',
        '',
        '(Source: P.A. 95-994, eff. 10-3-08.)',
        '',
        '(740 ILCS 14/30)',
        '',
        'Sec. 30. (Repealed).',
        '',
      ].join('\n'),
    );
    const passages = splitIlcs(fixtureDoc('ilcs'), read);
    expect(passages.map((p) => [p.locator, p.text])).toEqual([
      ['Sec. 15(a)', '(a) A private entity must develop a policy.'],
      ['Sec. 15(b)', '(b) No private entity may collect, unless it first:'],
      ['Sec. 15(b)(1)', '(1) informs the subject;'],
      ['Sec. 15(b)(2)', '(2) receives a written release.'],
      ['Sec. 15, source note', '(Source: P.A. 95-994, eff. 10-3-08.)'],
    ]);
    expect(passages[0]!.headingPath).toEqual(['Sec. 15. Retention; collection. (740 ILCS 14/15)']);
  });
});
