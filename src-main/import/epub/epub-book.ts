/**
 * An EPUB (2 or 3) into one Lectio document: the chapters of the spine, in its order, joined into one text, each a
 * section titled and levelled by the table of contents. A spine file the contents do not name continues the section
 * before it (publishers split long chapters into several files); with no table of contents at all, each file is a
 * section titled by its first heading. The book is read whole before anything is returned, so a failure anywhere
 * leaves nothing half-imported; every failure is an EpubError with a message for the reader.
 */
import DOMPurify from 'dompurify';
import { MAX_IMPORT_CHARS } from '../../api/contract';
import type { Block, DocumentBody, Mark, Section } from '../../core/model';
import { sniffImage } from '../../storage/image-sniff';
import { chapterContent } from './epub-chapter';
import { EpubError } from './epub-error';
import { packagePath, readPackage, type BookMetadata, type BookPackage } from './epub-package';
import { navEntries, ncxEntries, type TocEntry } from './epub-toc';
import { DEFAULT_ZIP_LIMITS, EpubArchive, decodeXml, type ZipLimits } from './epub-zip';
import { attribute, elements, type XmlReader, createXmlReader } from './xml';

export interface EpubBook extends BookMetadata {
  body: DocumentBody & { sections: Section[] };
  /** The book's pictures: each image block's index in `body.blocks` and the book file it shows. */
  images?: { block: number; path: string }[];
  /** The bytes of those files, within the picture limits (a file over them, or missing, is absent). */
  imageBytes?: Map<string, Uint8Array>;
}

/** Pictures kept per book: the same limits as a web page's (issue #19: 20 MB a picture, 50 MB an article). */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const MAX_BOOK_IMAGE_BYTES = 50 * 1024 * 1024;

/** The book file an `<img src>` in chapter `chapterPath` names; null for an address outside the book. */
export function bookFileOf(chapterPath: string, src: string): string | null {
  const bare = src.split(/[?#]/)[0] ?? '';
  if (!bare || /^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('/')) return null;
  const parts = chapterPath.split('/').slice(0, -1);
  for (const part of decodeURIComponent(bare).split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** Algorithms that only obfuscate embedded fonts (IDPF's and Adobe's): such a book's text is readable. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/x-dtbook+xml', '']);

/** Refuses a book whose content is encrypted (DRM); fonts obfuscated under the EPUB rules are fine. */
function checkNotEncrypted(archive: EpubArchive, reader: XmlReader): void {
  const drm =
    'This book is protected by DRM (its text is encrypted), so Lectio cannot read it. Import a DRM-free copy of the book.';
  if (archive.has('META-INF/rights.xml')) throw new EpubError(drm);
  const xml = archive.text('META-INF/encryption.xml');
  if (xml === null) return;
  const methods = elements(reader.parse(xml), 'encryptionmethod').map(
    (method) => attribute(method, 'Algorithm') || attribute(method, 'algorithm'),
  );
  if (methods.some((algorithm) => !FONT_OBFUSCATION.has(algorithm))) throw new EpubError(drm);
}

function tableOfContents(archive: EpubArchive, book: BookPackage, reader: XmlReader): TocEntry[] {
  for (const [item, read] of [
    [book.nav, navEntries],
    [book.ncx, ncxEntries],
  ] as const) {
    if (!item) continue;
    const text = archive.text(item.path);
    const entries = text === null ? [] : read(reader.parse(text), item.path);
    if (entries.length > 0) return entries;
  }
  return [];
}

/** The first heading of a chapter, else its first line when short enough to be a title; '' when neither. */
function headingOf(body: DocumentBody): string {
  const heading = body.blocks.find((block) => block.kind === 'heading');
  const first = heading ?? body.blocks[0];
  const text = first ? body.text.slice(first.start, first.end).trim() : '';
  return heading || text.length <= 80 ? text.slice(0, 200) : '';
}

class BookBuilder {
  parts: string[] = [];
  length = 0;
  blocks: Block[] = [];
  marks: Mark[] = [];
  sections: Section[] = [];
  images: { block: number; path: string }[] = [];

  add(
    chapter: DocumentBody,
    entry: TocEntry | undefined,
    startsSection: boolean,
    images: { block: number; path: string }[] = [],
  ): void {
    for (const image of images) this.images.push({ block: this.blocks.length + image.block, path: image.path });
    const offset = this.length === 0 ? 0 : this.length + 1;
    if (this.length > 0) this.parts.push('\n');
    this.parts.push(chapter.text);
    this.length = offset + chapter.text.length;
    if (this.length > MAX_IMPORT_CHARS)
      throw new EpubError(
        `This book is longer than Lectio can hold in one document (${MAX_IMPORT_CHARS.toLocaleString('en')} characters).`,
      );
    for (const block of chapter.blocks)
      this.blocks.push({ ...block, start: block.start + offset, end: block.end + offset });
    for (const mark of chapter.marks) this.marks.push({ ...mark, start: mark.start + offset, end: mark.end + offset });
    const last = this.sections.at(-1);
    if (startsSection || !last) {
      const title = entry?.title || headingOf(chapter) || `Part ${this.sections.length + 1}`;
      this.sections.push({ title: title.slice(0, 300), start: offset, end: this.length, level: entry?.level ?? 1 });
    } else {
      last.end = this.length;
    }
  }

  body(): EpubBook['body'] {
    return { text: this.parts.join(''), blocks: this.blocks, marks: this.marks, sections: this.sections };
  }
}

/** The bytes of the pictures the book shows, in the archive's order, until the per-book limit; oversized files and files that are no image are left out. */
function pictureBytes(archive: EpubArchive, images: readonly { path: string }[]): Map<string, Uint8Array> {
  const kept = new Map<string, Uint8Array>();
  let total = 0;
  for (const [path, bytes] of archive.read([...new Set(images.map((image) => image.path))])) {
    // Kept by its bytes, not its name: a file that is no picture Lectio can show is left out, with its block.
    if (bytes.length > MAX_IMAGE_BYTES || total + bytes.length > MAX_BOOK_IMAGE_BYTES || !sniffImage(bytes)) continue;
    total += bytes.length;
    kept.set(path, bytes);
  }
  return kept;
}

/**
 * The book in these bytes; throws EpubError for a broken or unsafe archive, a DRM-protected book, a missing package
 * document, or a book without text. `onProgress` hears of each chapter read, for the import panel's progress bar.
 */
export function readEpub(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  onProgress: (done: number, total: number) => void = () => {},
): EpubBook {
  const archive = new EpubArchive(bytes, limits);
  const reader = createXmlReader();
  try {
    checkNotEncrypted(archive, reader);
    const opfPath = packagePath(archive.text('META-INF/container.xml'), reader);
    const book = readPackage(opfPath, archive.text(opfPath), reader);
    const toc = tableOfContents(archive, book, reader);
    const byPath = new Map<string, TocEntry>();
    for (const entry of toc)
      if (!byPath.has(entry.path) || (byPath.get(entry.path)?.fragment && !entry.fragment))
        byPath.set(entry.path, entry);
    const chapters = book.spine.filter((item) => CHAPTER_TYPES.has(item.mediaType));
    const files = archive.read(chapters.map((item) => item.path));
    const env = { purify: DOMPurify(reader.window) };
    const builder = new BookBuilder();
    for (const [index, item] of chapters.entries()) {
      const file = files.get(item.path);
      onProgress(index, chapters.length);
      if (!file) continue;
      const { body, images } = chapterContent(decodeXml(file), env, (src) => {
        const path = bookFileOf(item.path, src);
        return path && archive.has(path) ? path : null;
      });
      if (!body.text.trim()) continue;
      const entry = byPath.get(item.path);
      builder.add(body, entry, entry !== undefined || toc.length === 0, images);
    }
    onProgress(chapters.length, chapters.length);
    const body = builder.body();
    if (!body.text.trim())
      throw new EpubError('This book has no text to read: its chapters are empty or missing (a book of images only?).');
    return { ...book.metadata, body, images: builder.images, imageBytes: pictureBytes(archive, builder.images) };
  } finally {
    reader.close();
  }
}
