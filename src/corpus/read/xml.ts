// XML reader (parliamentary bill XML such as the House of Commons' Arbortext bills, or any other XML):
// fast-xml-parser builds the element tree in document order (mixed content kept, comments and processing
// instructions dropped); the tree goes to the splitter as `ReadDocument.xml`, and the text as lines.
//
// Lines: an element with text of its own (a <Text>, a <Label>, a <TitleText>) is one line holding all the
// text beneath it (inline elements such as cross-references keep their words). A short label ("39", "(a)",
// "PART 3") is set in front of the line that follows it among its siblings, so "(a)" and "the Minister …"
// read "(a) the Minister …" as they are printed. A blank line follows each line (each is a block). Whitespace runs become one space; words are not touched.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ReadDocument, TextLine, XmlElement, XmlNode } from '../types.js';
import { decodeText } from './clean.js';

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toNode(raw: Ordered): XmlNode | undefined {
  if ('#text' in raw) return String(raw['#text']);
  const name = Object.keys(raw).find((key) => key !== ':@');
  if (name === undefined) return undefined;
  const children = (raw[name] as Ordered[]).map(toNode).filter((n): n is XmlNode => n !== undefined);
  return { name, attributes: { ...(raw[':@'] ?? {}) }, children };
}

/** Parses XML text into its root element. Throws one sentence when the XML is not well-formed. */
export function parseXmlTree(source: string): XmlElement {
  const valid = XMLValidator.validate(source);
  if (valid !== true)
    throw new Error(`The XML is not well-formed (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignorePiTags: true,
    processEntities: true,
  });
  const roots = (parser.parse(source) as Ordered[])
    .map(toNode)
    .filter((n): n is XmlElement => typeof n !== 'string' && n !== undefined && !n.name.startsWith('?'));
  if (roots.length !== 1) throw new Error('The XML has no single root element');
  return roots[0]!;
}

/** All the text beneath a node, whitespace runs collapsed to one space. */
export function xmlText(node: XmlNode): string {
  const raw = (n: XmlNode): string => (typeof n === 'string' ? n : n.children.map(raw).join(''));
  return raw(node).replace(/\s+/g, ' ').trim();
}

const hasOwnText = (el: XmlElement) => el.children.some((c) => typeof c === 'string' && c.trim() !== '');
const LABEL =
  /^(?:\(?[0-9A-Za-z]{1,6}(?:\.[0-9A-Za-z]{1,4})*\)?\.?|(?:PART|DIVISION|SCHEDULE|CHAPTER) [0-9A-Z.]{1,8})$/;

/** The document's lines: one per element with text of its own, labels set before what follows them. */
export function xmlLines(root: XmlElement): TextLine[] {
  const lines: TextLine[] = [];
  let pendingLabel: string | undefined;
  const visit = (el: XmlElement) => {
    if (hasOwnText(el)) {
      const text = xmlText(el);
      if (text === '') return;
      if (LABEL.test(text) && text.length <= 12) {
        if (pendingLabel !== undefined) lines.push({ text: pendingLabel }, { text: '' });
        pendingLabel = text;
        return;
      }
      lines.push({ text: pendingLabel !== undefined ? `${pendingLabel} ${text}` : text }, { text: '' });
      pendingLabel = undefined;
      return;
    }
    for (const child of el.children) if (typeof child !== 'string') visit(child);
  };
  visit(root);
  if (pendingLabel !== undefined) lines.push({ text: pendingLabel });
  return lines;
}

export async function readXml(bytes: Uint8Array): Promise<ReadDocument> {
  const root = parseXmlTree(decodeText(bytes));
  return { lines: xmlLines(root), footnotes: [], xml: root };
}
