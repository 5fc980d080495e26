/**
 * Builds EPUB files for the tests and the benchmark, zipped with the same library the importer reads them with
 * (fflate): an EPUB 3 with a navigation document or an EPUB 2 with an NCX, chapters given as XHTML bodies, and hooks
 * to add or replace any file (to build broken, hostile or protected books).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface TestChapter {
  /** File name inside OEBPS/. */
  file: string;
  /** The TOC label; omit to leave the chapter out of the table of contents. */
  title?: string;
  /** XHTML body content. */
  body: string;
  /** Nesting depth in the table of contents (1 by default). */
  level?: number;
}

export interface TestBookOptions {
  version?: 2 | 3;
  title?: string;
  creators?: string[];
  language?: string;
  date?: string;
  publisher?: string;
  chapters: TestChapter[];
  /** Manifest order, as chapter file names, when it should differ from the spine (the chapters' order). */
  manifestOrder?: string[];
  /** Extra or replacing files, by path in the archive; null removes one. */
  files?: Record<string, string | Uint8Array | null>;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function chapterXhtml(chapter: TestChapter): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${escape(chapter.title ?? chapter.file)}</title></head>
<body>${chapter.body}</body></html>`;
}

/** Nested `<ol>`s for the EPUB 3 nav from the chapters' levels. */
function navList(chapters: TestChapter[]): string {
  let out = '<ol>';
  let depth = 1;
  let first = true;
  for (const chapter of chapters.filter((c) => c.title)) {
    const level = chapter.level ?? 1;
    if (level > depth) {
      out += '<ol>'.repeat(level - depth);
    } else {
      if (!first) out += '</li>';
      for (; depth > level; depth--) out += '</ol></li>';
    }
    depth = level;
    out += `<li><a href="${chapter.file}">${escape(chapter.title ?? '')}</a>`;
    first = false;
  }
  if (!first) out += '</li>';
  for (; depth > 1; depth--) out += '</ol></li>';
  return `${out}</ol>`;
}

function ncxPoints(chapters: TestChapter[]): string {
  let out = '';
  let depth = 0;
  let n = 0;
  for (const chapter of chapters.filter((c) => c.title)) {
    const level = chapter.level ?? 1;
    for (; depth >= level; depth--) out += '</navPoint>';
    n += 1;
    out += `<navPoint id="np${n}" playOrder="${n}"><navLabel><text>${escape(chapter.title ?? '')}</text></navLabel><content src="${chapter.file}"/>`;
    depth = level;
  }
  for (; depth > 0; depth--) out += '</navPoint>';
  return out;
}

/** The book's files by archive path (before zipping), for tests that edit one. */
export function testBookFiles(options: TestBookOptions): Record<string, string | Uint8Array> {
  const version = options.version ?? 3;
  const creators = (options.creators ?? ['Ana Costa'])
    .map((name, i) => `<dc:creator id="c${i}">${escape(name)}</dc:creator>`)
    .join('');
  const order = options.manifestOrder ?? options.chapters.map((c) => c.file);
  const byFile = new Map(options.chapters.map((c, i) => [c.file, i]));
  const manifest = order
    .map((file) => `<item id="ch${byFile.get(file)}" href="${file}" media-type="application/xhtml+xml"/>`)
    .join('\n');
  const spine = options.chapters.map((_c, i) => `<itemref idref="ch${i}"/>`).join('');
  const tocItem =
    version === 3
      ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
      : '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>';
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${version}.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="uid">urn:uuid:test-book</dc:identifier>
<dc:title>${escape(options.title ?? 'A Test Book')}</dc:title>${creators}
<dc:language>${options.language ?? 'en'}</dc:language>
${options.date ? `<dc:date>${options.date}</dc:date>` : ''}${options.publisher ? `<dc:publisher>${escape(options.publisher)}</dc:publisher>` : ''}
</metadata>
<manifest>${tocItem}
${manifest}
</manifest>
<spine${version === 2 ? ' toc="ncx"' : ''}>${spine}</spine>
</package>`;
  const files: Record<string, string | Uint8Array> = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    'OEBPS/content.opf': opf,
  };
  if (version === 3) {
    files['OEBPS/nav.xhtml'] =
      `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body><nav epub:type="toc"><h1>Contents</h1>${navList(options.chapters)}</nav></body></html>`;
  } else {
    files['OEBPS/toc.ncx'] =
      `<?xml version="1.0" encoding="utf-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle><text>${escape(options.title ?? 'A Test Book')}</text></docTitle><navMap>${ncxPoints(options.chapters)}</navMap></ncx>`;
  }
  for (const chapter of options.chapters) files[`OEBPS/${chapter.file}`] = chapterXhtml(chapter);
  for (const [name, content] of Object.entries(options.files ?? {})) {
    if (content === null) delete files[name];
    else files[name] = content;
  }
  return files;
}

/** Zips files as an EPUB: the `mimetype` entry first and stored, as the format requires (and sniffing expects). */
export function zipBook(files: Record<string, string | Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  if ('mimetype' in files)
    zippable.mimetype = [
      typeof files.mimetype === 'string' ? strToU8(files.mimetype) : (files.mimetype as Uint8Array),
      { level: 0 },
    ];
  for (const [name, content] of Object.entries(files)) {
    if (name !== 'mimetype') zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(zippable);
}

export function buildTestEpub(options: TestBookOptions): Uint8Array {
  return zipBook(testBookFiles(options));
}
