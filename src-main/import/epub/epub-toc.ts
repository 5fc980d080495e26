/**
 * The book's table of contents, flattened to entries in reading order with their depth: from the EPUB 3 navigation
 * document (`<nav epub:type="toc">`, nested `<ol>`s) or, for EPUB 2, the NCX (nested `<navPoint>`s). Each entry names
 * the archive entry it points to, so chapters get their titles and levels from it.
 */
import { fragmentOf, resolveHref } from './epub-package';
import { attribute, children, elements, localName, textOf } from './xml';

export interface TocEntry {
  title: string;
  /** The archive entry the entry points to. */
  path: string;
  /** The id inside that file, or ''. */
  fragment: string;
  /** 1 for a top-level entry. */
  level: number;
}

function walkNavList(list: Element, navPath: string, level: number, out: TocEntry[]): void {
  for (const item of children(list, 'li')) {
    const link = children(item, 'a')[0] ?? children(item, 'span')[0];
    const href = link && localName(link) === 'a' ? attribute(link, 'href') : '';
    const path = href ? resolveHref(navPath, href) : null;
    const title = textOf(link);
    if (path && title) out.push({ title, path, fragment: fragmentOf(href), level });
    for (const nested of children(item, 'ol')) walkNavList(nested, navPath, level + 1, out);
  }
}

/** The entries of an EPUB 3 navigation document's table of contents (the first `<nav>` when none is marked "toc"). */
export function navEntries(doc: Document, navPath: string): TocEntry[] {
  const navs = elements(doc, 'nav');
  const toc = navs.find((nav) => attribute(nav, 'type').split(/\s+/).includes('toc')) ?? navs[0];
  const list = toc ? children(toc, 'ol')[0] : undefined;
  const out: TocEntry[] = [];
  if (list) walkNavList(list, navPath, 1, out);
  return out;
}

function walkNavPoints(parent: Element, ncxPath: string, level: number, out: TocEntry[]): void {
  for (const point of children(parent, 'navpoint')) {
    const label = children(point, 'navlabel')[0];
    const content = children(point, 'content')[0];
    const src = content ? attribute(content, 'src') : '';
    const path = src ? resolveHref(ncxPath, src) : null;
    const title = label ? textOf(children(label, 'text')[0] ?? label) : '';
    if (path && title) out.push({ title, path, fragment: fragmentOf(src), level });
    walkNavPoints(point, ncxPath, level + 1, out);
  }
}

/** The entries of an EPUB 2 NCX's navMap. */
export function ncxEntries(doc: Document, ncxPath: string): TocEntry[] {
  const map = elements(doc, 'navmap')[0];
  const out: TocEntry[] = [];
  if (map) walkNavPoints(map, ncxPath, 1, out);
  return out;
}
