/// <reference lib="dom" />
/**
 * XML reading for the EPUB importer, over jsdom's parser (already the web import's DOM). EPUB files are XML, but books
 * in the wild often are not well-formed (an HTML entity such as `&nbsp;` in an EPUB 2 chapter, an unclosed tag): such a
 * file is read again with the HTML parser, which accepts anything, rather than refusing the book. Lookups go by local
 * name so that a prefixed OPF (`<opf:item>`) or one parsed as HTML (`dc:title` as a tag name) reads the same.
 */
import { JSDOM } from 'jsdom';

export interface XmlReader {
  window: Window & typeof globalThis;
  /** The file as a document: as XML when well-formed, else as HTML. */
  parse(text: string): Document;
  close(): void;
}

export function createXmlReader(): XmlReader {
  const { window } = new JSDOM('');
  const parser = new window.DOMParser();
  return {
    window,
    parse(text) {
      const xml = parser.parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
      if (xml.documentElement?.localName !== 'parsererror') return xml;
      return parser.parseFromString(text, 'text/html');
    },
    close: () => window.close(),
  };
}

/** The element's name without any prefix, lower-cased. */
export function localName(element: Element): string {
  const name = element.localName.toLowerCase();
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Every element under `root` with this local name, in document order. */
export function elements(root: Document | Element, name: string): Element[] {
  const found: Element[] = [];
  for (const element of root.getElementsByTagName('*')) if (localName(element) === name) found.push(element);
  return found;
}

/** The element's child elements with this local name. */
export function children(parent: Element, name: string): Element[] {
  return [...parent.children].filter((child) => localName(child) === name);
}

/** An attribute by local name, whatever its prefix (`opf:role`, `epub:type`), or ''. */
export function attribute(element: Element, name: string): string {
  const direct = element.getAttribute(name);
  if (direct !== null) return direct;
  for (const attr of element.attributes)
    if (attr.localName === name || attr.name.endsWith(`:${name}`)) return attr.value;
  return '';
}

/** The element's text with runs of white space collapsed. */
export function textOf(element: Element | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
