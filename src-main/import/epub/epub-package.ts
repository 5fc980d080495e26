/**
 * An EPUB's structure: META-INF/container.xml names the package document (the OPF); the OPF holds the book's
 * metadata, its manifest (every file, by id) and its spine (the reading order, as manifest ids). EPUB 2 and 3 share
 * all of this; they differ in the table of contents (epub-toc.ts). Paths inside the book are relative URLs, resolved
 * here against the file that names them and percent-decoded into the archive's entry names.
 */
import { EpubError } from './epub-error';
import { attribute, children, elements, textOf, type XmlReader } from './xml';

const BASE = 'https://book.invalid/';

/** The archive entry an href points to, relative to the entry `from`; null for links out of the book. */
export function resolveHref(from: string, href: string): string | null {
  let url: URL;
  try {
    url = new URL(href, BASE + from.split('/').map(encodeURIComponent).join('/'));
  } catch {
    return null;
  }
  if (url.origin !== new URL(BASE).origin) return null;
  try {
    return decodeURIComponent(url.pathname.slice(1));
  } catch {
    return url.pathname.slice(1);
  }
}

/** The fragment of an href ("chapter2.xhtml#s3" gives "s3"), or ''. */
export function fragmentOf(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? '' : href.slice(hash + 1);
}

export interface ManifestItem {
  id: string;
  /** The archive entry. */
  path: string;
  mediaType: string;
  properties: string[];
}

export interface BookMetadata {
  title: string;
  authors: string[];
  language: string;
  /** YYYY-MM-DD, only when the book gives a full date. */
  publishedDate: string | null;
  publisher: string;
}

export interface BookPackage {
  opfPath: string;
  metadata: BookMetadata;
  manifest: Map<string, ManifestItem>;
  /** The reading order: the manifest items of the spine, linear or not, as listed. */
  spine: ManifestItem[];
  /** The EPUB 3 navigation document, when the book has one. */
  nav: ManifestItem | null;
  /** The EPUB 2 NCX table of contents, when the book has one. */
  ncx: ManifestItem | null;
}

/** The OPF's path from container.xml; throws EpubError when there is none. */
export function packagePath(containerXml: string | null, reader: XmlReader): string {
  if (containerXml === null)
    throw new EpubError('This EPUB is incomplete: it has no META-INF/container.xml, which says where the book is.');
  const rootfiles = elements(reader.parse(containerXml), 'rootfile');
  const opf =
    rootfiles.find((rootfile) => attribute(rootfile, 'media-type') === 'application/oebps-package+xml') ?? rootfiles[0];
  const path = opf ? attribute(opf, 'full-path').trim() : '';
  if (!path) throw new EpubError('This EPUB is incomplete: its container.xml names no package document (OPF).');
  return path;
}

/** A dc:date as YYYY-MM-DD when it names a whole day ("2019-05-03", "2019-05-03T00:00:00Z"); null for "2019" or "2019-05". */
function fullDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

/** The publication date: EPUB 2 marks it with opf:event="publication"; otherwise the first dc:date. */
function publicationDate(metadata: Element): string | null {
  const dates = children(metadata, 'date');
  const marked = dates.find((date) => attribute(date, 'event') === 'publication');
  for (const date of marked ? [marked, ...dates] : dates) {
    const value = fullDate(textOf(date));
    if (value) return value;
  }
  return null;
}

/** Creators who are authors: EPUB 2's opf:role, or EPUB 3's refining `<meta property="role">`, or no role at all. */
function authorsOf(metadata: Element): string[] {
  const roles = new Map<string, string>();
  for (const meta of children(metadata, 'meta')) {
    const refines = attribute(meta, 'refines');
    if (attribute(meta, 'property') === 'role' && refines.startsWith('#')) roles.set(refines.slice(1), textOf(meta));
  }
  const names: string[] = [];
  for (const creator of children(metadata, 'creator')) {
    const role = attribute(creator, 'role') || roles.get(creator.getAttribute('id') ?? '') || '';
    const name = textOf(creator);
    if (name && (!role || role === 'aut') && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The package document read; throws EpubError when it is missing or has no spine. */
export function readPackage(opfPath: string, opfXml: string | null, reader: XmlReader): BookPackage {
  if (opfXml === null)
    throw new EpubError(`This EPUB is incomplete: its package document (${opfPath.slice(0, 120)}) is missing.`);
  const doc = reader.parse(opfXml);
  const root = elements(doc, 'package')[0];
  if (!root) throw new EpubError('This EPUB’s package document cannot be read: it is not an OPF file.');
  const metadataElement = elements(root, 'metadata')[0];
  const metadata: BookMetadata = {
    title: metadataElement ? textOf(children(metadataElement, 'title')[0]) : '',
    authors: metadataElement ? authorsOf(metadataElement) : [],
    language: metadataElement ? textOf(children(metadataElement, 'language')[0]) : '',
    publishedDate: metadataElement ? publicationDate(metadataElement) : null,
    publisher: metadataElement ? textOf(children(metadataElement, 'publisher')[0]) : '',
  };
  const manifest = new Map<string, ManifestItem>();
  for (const item of elements(root, 'item')) {
    const id = attribute(item, 'id');
    const path = resolveHref(opfPath, attribute(item, 'href'));
    if (!id || !path) continue;
    manifest.set(id, {
      id,
      path,
      mediaType: attribute(item, 'media-type').toLowerCase(),
      properties: attribute(item, 'properties').split(/\s+/).filter(Boolean),
    });
  }
  const spineElement = elements(root, 'spine')[0];
  const spine = spineElement
    ? children(spineElement, 'itemref')
        .map((ref) => manifest.get(attribute(ref, 'idref')))
        .filter((item): item is ManifestItem => item !== undefined)
    : [];
  if (spine.length === 0)
    throw new EpubError('This EPUB has no chapters: its package document lists no reading order (spine).');
  const nav = [...manifest.values()].find((item) => item.properties.includes('nav')) ?? null;
  const tocId = spineElement ? attribute(spineElement, 'toc') : '';
  const ncx =
    manifest.get(tocId) ?? [...manifest.values()].find((item) => item.mediaType === 'application/x-dtbncx+xml') ?? null;
  return { opfPath, metadata, manifest, spine, nav, ncx };
}
