/** Reading WordprocessingML with @xmldom/xmldom: its parts parsed, and its `w:` elements and attributes found by local name. */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { ReadError } from './model';

/** The transitional namespace Word and WPS write, and ISO 29500 Strict's. */
const W_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const ELEMENT_NODE = 1;

export type { Element };

export function brokenPart(): ReadError {
  return new ReadError('corrupt', { 'zh-cn': '文件已损坏：文档内容不是有效的 XML', en: 'the file is damaged: its document part is not valid XML' });
}

/**
 * Tags a part may hold. xmldom keeps some 800 bytes a node, so LIMITS.inflatedBytes of bare tags
 * (100 MB of `<w:p/>`) would need gigabytes; a 300-page report has well under this many.
 */
const MAX_TAGS = 500_000;

/** A part's XML (UTF-8, or UTF-16 with its byte order mark); a DOCTYPE is refused, as OOXML never has one and entities could expand without bound. */
export function parseXmlPart(bytes: Uint8Array): Element {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes);
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) throw brokenPart();
  if (countTags(text) > MAX_TAGS)
    throw new ReadError('too-large', {
      'zh-cn': `文档的 XML 元素超过 ${MAX_TAGS} 个，未读取（可能是恶意构造的文件）`,
      en: `the document has more than ${MAX_TAGS} XML elements and was not read (it may be a hostile file)`,
    });
  let root: Element | null;
  try {
    root = new DOMParser({
      locator: false,
      onError: (level) => {
        if (level !== 'warning') throw brokenPart();
      },
    }).parseFromString(text, 'text/xml').documentElement;
  } catch {
    throw brokenPart();
  }
  if (!root) throw brokenPart();
  return root;
}

function countTags(text: string): number {
  let count = 0;
  for (let at = text.indexOf('<'); at !== -1 && count <= MAX_TAGS; at = text.indexOf('<', at + 1)) count++;
  return count;
}

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** A `w:` element of that local name. */
export function isW(node: Node, name: string): boolean {
  return isElement(node) && node.localName === name && W_NAMESPACES.includes(node.namespaceURI ?? '');
}

/** The local name of a `w:` element; undefined for any other node. */
export function wName(node: Node): string | undefined {
  return isElement(node) && W_NAMESPACES.includes(node.namespaceURI ?? '') ? (node.localName ?? undefined) : undefined;
}

export function* childElements(element: Element): Generator<Element> {
  for (let node = element.firstChild; node; node = node.nextSibling) if (isElement(node)) yield node;
}

/** The first `w:` child of that name. */
export function wChild(element: Element | undefined, name: string): Element | undefined {
  if (!element) return undefined;
  for (const child of childElements(element)) if (isW(child, name)) return child;
  return undefined;
}

/** Every `w:` child of that name. */
export function wChildren(element: Element | undefined, name: string): Element[] {
  return element ? [...childElements(element)].filter((c) => isW(c, name)) : [];
}

/** A `w:` attribute's value (Word writes them prefixed), or undefined. */
export function wAttr(element: Element | undefined, name: string): string | undefined {
  if (!element) return undefined;
  for (const ns of W_NAMESPACES) {
    const value = element.getAttributeNS(ns, name);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}

/** The `w:val` of a `w:` child, e.g. wVal(pPr, 'pStyle'). */
export function wVal(element: Element | undefined, child: string): string | undefined {
  return wAttr(wChild(element, child), 'val');
}

export function wIntVal(element: Element | undefined, child: string): number | undefined {
  const value = Number.parseInt(wVal(element, child) ?? '', 10);
  return Number.isFinite(value) ? value : undefined;
}

const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export function isAlternateContent(node: Node): boolean {
  return isElement(node) && node.localName === 'AlternateContent' && node.namespaceURI === MARKUP_COMPATIBILITY;
}

/** The extensions whose markup this reader understands: text boxes in DrawingML shapes, groups and canvases, and Word 2010's additions. */
const UNDERSTOOD = [
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
  'http://schemas.microsoft.com/office/word/2010/wordml',
];

/**
 * The one branch of an mc:AlternateContent to read, as Markup Compatibility asks: the first
 * mc:Choice whose Requires names only understood namespaces, else the mc:Fallback (reading both
 * would double the text; Word puts e.g. an emoji's w:t only in the Fallback of a w16se Choice).
 */
export function alternateBranch(alternate: Element): Element | undefined {
  const branches = [...childElements(alternate)].filter((c) => c.namespaceURI === MARKUP_COMPATIBILITY);
  const understood = (choice: Element) =>
    (choice.getAttribute('Requires') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .every((prefix) => UNDERSTOOD.includes(choice.lookupNamespaceURI(prefix) ?? ''));
  return branches.find((c) => c.localName === 'Choice' && understood(c)) ?? branches.find((c) => c.localName === 'Fallback');
}
