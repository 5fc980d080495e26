/**
 * The EPUB importer on books built here with fflate: EPUB 3 with a navigation document, EPUB 2 with an NCX, a spine
 * whose order differs from the manifest's, hostile chapters, and archives that are broken, unsafe or protected.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bookFileOf, readEpub } from './epub-book';
import { EpubError } from './epub-error';
import { buildTestEpub, testBookFiles, zipBook, type TestChapter } from './test-epub';

const CHAPTERS: TestChapter[] = [
  {
    file: 'one.xhtml',
    title: 'The Harbour',
    body: '<h1>The Harbour</h1><p>The council met on <em>Tuesday</em> to discuss the wall.</p>',
  },
  {
    file: 'two.xhtml',
    title: 'The Storm',
    body: '<h1>The Storm</h1><p>In 1911 a storm broke the <a href="https://example.org/storm">old wall</a>.</p>',
  },
  {
    file: 'two-a.xhtml',
    title: 'Aftermath',
    level: 2,
    body: '<h2>Aftermath</h2><p>The town rebuilt it within a year.</p>',
  },
  { file: 'three.xhtml', title: 'The Vote', body: '<h1>The Vote</h1><p>Ana Costa cast the deciding vote.</p>' },
];

function sectionTexts(book: ReturnType<typeof readEpub>): string[] {
  return book.body.sections.map((s) => book.body.text.slice(s.start, s.end));
}

// A real (tiny) PNG: pictures are kept by their bytes.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describe('pictures in a book', () => {
  it('names the book file an <img src> shows, and nothing outside the book', () => {
    expect(bookFileOf('OEBPS/text/c1.xhtml', '../images/wall.png')).toBe('OEBPS/images/wall.png');
    expect(bookFileOf('OEBPS/c1.xhtml', 'images/wall%20one.png#x')).toBe('OEBPS/images/wall one.png');
    expect(bookFileOf('OEBPS/c1.xhtml', '../../../etc/passwd')).toBe(null);
    expect(bookFileOf('OEBPS/c1.xhtml', 'https://example.com/a.png')).toBe(null);
    expect(bookFileOf('OEBPS/c1.xhtml', 'data:image/png;base64,AAAA')).toBe(null);
    expect(bookFileOf('OEBPS/c1.xhtml', '/abs.png')).toBe(null);
  });

  it('keeps each picture the chapters show as an image block with its alt text, and the bytes of its file', () => {
    const book = readEpub(
      buildTestEpub({
        chapters: [
          {
            file: 'c1.xhtml',
            title: 'The Wall',
            body: '<p>The wall was built in 1911.</p><figure><img src="images/wall.png" alt="The wall at low tide"/><figcaption>The northern wall.</figcaption></figure><p>It has lost a third of its stones.</p><img src="https://tracker.example/pixel.png" alt="web"/><img src="../../secret.png" alt="outside"/>',
          },
        ],
        files: { 'OEBPS/images/wall.png': PNG },
      }),
    );
    expect(book.images).toHaveLength(1);
    const image = book.images?.[0];
    const block = book.body.blocks[image?.block ?? -1];
    expect(block).toMatchObject({ kind: 'image', image: { alt: 'The wall at low tide' } });
    expect(image?.path).toBe('OEBPS/images/wall.png');
    expect(book.imageBytes?.get('OEBPS/images/wall.png')).toEqual(PNG);
    expect(book.body.text).toContain('The northern wall.');
    expect(book.body.blocks.filter((b) => b.kind === 'image')).toHaveLength(1);
  });
});

describe('readEpub', () => {
  it('reads an EPUB 3 book: metadata, chapters in spine order as sections, titles and levels from the nav document', () => {
    const book = readEpub(
      buildTestEpub({
        title: 'Walls & Water',
        creators: ['Ana Costa', 'Rui Lima'],
        language: 'en-GB',
        date: '2019-05-03',
        publisher: 'Harbour Press',
        chapters: CHAPTERS,
      }),
    );
    expect(book).toMatchObject({
      title: 'Walls & Water',
      authors: ['Ana Costa', 'Rui Lima'],
      language: 'en-GB',
      publishedDate: '2019-05-03',
      publisher: 'Harbour Press',
    });
    expect(book.body.sections.map(({ title, level }) => ({ title, level }))).toEqual([
      { title: 'The Harbour', level: 1 },
      { title: 'The Storm', level: 1 },
      { title: 'Aftermath', level: 2 },
      { title: 'The Vote', level: 1 },
    ]);
    const texts = sectionTexts(book);
    expect(texts[0]).toBe('The Harbour\nThe council met on Tuesday to discuss the wall.');
    expect(texts[3]).toBe('The Vote\nAna Costa cast the deciding vote.');
    // Sections tile the text in order, with one newline between chapters.
    expect(book.body.sections[0]?.start).toBe(0);
    expect(book.body.sections.at(-1)?.end).toBe(book.body.text.length);
    // Blocks and marks are shifted into the whole book's text.
    const heading = book.body.blocks.find(
      (b) => b.kind === 'heading' && book.body.text.slice(b.start, b.end) === 'The Vote',
    );
    expect(heading).toMatchObject({ level: 1 });
    const link = book.body.marks.find((m) => m.kind === 'link');
    expect(link && book.body.text.slice(link.start, link.end)).toBe('old wall');
    expect(link?.href).toBe('https://example.org/storm');
    const emphasis = book.body.marks.find((m) => m.kind === 'emphasis');
    expect(emphasis && book.body.text.slice(emphasis.start, emphasis.end)).toBe('Tuesday');
  });

  it('reads an EPUB 2 book with its NCX table of contents, nested levels included', () => {
    const book = readEpub(buildTestEpub({ version: 2, chapters: CHAPTERS, date: '2019' }));
    expect(book.body.sections.map(({ title, level }) => ({ title, level }))).toEqual([
      { title: 'The Harbour', level: 1 },
      { title: 'The Storm', level: 1 },
      { title: 'Aftermath', level: 2 },
      { title: 'The Vote', level: 1 },
    ]);
    // A year alone is no full date: the reference date stays unset rather than becoming 1 January.
    expect(book.publishedDate).toBeNull();
    expect(book.authors).toEqual(['Ana Costa']);
  });

  it('follows the spine, not the manifest, for the reading order', () => {
    const book = readEpub(
      buildTestEpub({ chapters: CHAPTERS, manifestOrder: ['three.xhtml', 'two-a.xhtml', 'one.xhtml', 'two.xhtml'] }),
    );
    expect(book.body.sections.map((s) => s.title)).toEqual(['The Harbour', 'The Storm', 'Aftermath', 'The Vote']);
    expect(book.body.text.indexOf('The council met')).toBeLessThan(book.body.text.indexOf('deciding vote'));
  });

  it('keeps a file the contents do not name inside the section before it, and titles untitled books by their headings', () => {
    const split: TestChapter[] = [
      CHAPTERS[0] as TestChapter,
      { file: 'one-b.xhtml', body: '<p>The meeting ran late into the night.</p>' },
      CHAPTERS[3] as TestChapter,
    ];
    const book = readEpub(buildTestEpub({ chapters: split }));
    expect(book.body.sections.map((s) => s.title)).toEqual(['The Harbour', 'The Vote']);
    expect(sectionTexts(book)[0]).toContain('ran late into the night');
    const noToc = testBookFiles({ chapters: CHAPTERS.map(({ title: _t, ...rest }) => rest) });
    expect(readEpub(zipBook(noToc)).body.sections.map((s) => s.title)).toEqual([
      'The Harbour',
      'The Storm',
      'Aftermath',
      'The Vote',
    ]);
  });

  it('strips scripts, event handlers and styles from chapters: nothing in the book can run', () => {
    const hostile: TestChapter[] = [
      {
        file: 'one.xhtml',
        title: 'One',
        body: `<p onclick="alert(1)">Clicked <a href="javascript:alert(2)">here</a>.</p><script>document.title = 'SCRIPT RAN'</script>
<p><img src="x" onerror="alert(3)"/>After the image.</p><iframe src="https://evil.example/"></iframe><style>p{display:none}</style>`,
      },
    ];
    const book = readEpub(buildTestEpub({ chapters: hostile }));
    expect(book.body.text).toBe('Clicked here.\nAfter the image.');
    expect(book.body.marks.filter((m) => m.kind === 'link')).toEqual([]);
    expect(JSON.stringify(book)).not.toMatch(/SCRIPT RAN|alert|onclick|onerror/);
  });

  it('reads XHTML as XML would: a self-closed script or anchor does not swallow the paragraphs after it', () => {
    // As HTML, `<script/>` opens a script whose text runs to the end of the file: the chapter would vanish with it.
    const body =
      '<p><a id="p1"/>First.</p><script type="text/javascript" src="notes.js"/><div class="rule"/><p>Second&#160;one.</p>';
    const book = readEpub(buildTestEpub({ chapters: [{ file: 'one.xhtml', title: 'One', body }] }));
    expect(book.body.text).toBe('First.\nSecond one.');
    expect(book.body.marks).toEqual([]);
  });

  it('reads a chapter written in UTF-16, as EPUB allows, by its byte-order mark', () => {
    const files = testBookFiles({ chapters: CHAPTERS });
    const utf16 = (text: string) =>
      Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    const chapter = String(files['OEBPS/one.xhtml'])
      .replace('encoding="utf-8"', 'encoding="utf-16"')
      .replace('Tuesday', 'Terça-feira');
    const book = readEpub(zipBook({ ...files, 'OEBPS/one.xhtml': utf16(chapter) }));
    expect(book.body.text.startsWith('The Harbour\nThe council met on Terça-feira to discuss the wall.')).toBe(true);
  });

  it('refuses a file name that climbs out of the archive', () => {
    const files = testBookFiles({ chapters: CHAPTERS });
    const bytes = zipBook({ ...files, '../../evil.xhtml': '<p>x</p>' });
    expect(() => readEpub(bytes)).toThrow(/“\.\.\/\.\.\/evil\.xhtml”, which points outside the book/);
    expect(() => readEpub(zipBook({ ...files, '/etc/passwd': 'x' }))).toThrow(EpubError);
  });

  it('refuses a zip bomb before inflating it: an entry compressed far harder than any text', () => {
    const files = testBookFiles({ chapters: CHAPTERS });
    const bomb = zipBook({ ...files, 'OEBPS/padding.xhtml': new Uint8Array(20 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => readEpub(bomb)).toThrow(/compressed \d+ times over \(a “zip bomb”\)/);
    // Many modest entries that together declare too much are refused by their total.
    const many = zipBook({
      ...files,
      'OEBPS/a.bin': new Uint8Array(300_000).fill(1),
      'OEBPS/b.bin': new Uint8Array(300_000).fill(2),
    });
    expect(() => readEpub(many, { maxEntries: 100, maxTotalBytes: 500_000, maxRatio: 100_000 })).toThrow(
      /would unpack to more than/,
    );
    expect(() => readEpub(many, { maxEntries: 5, maxTotalBytes: 1e9, maxRatio: 100_000 })).toThrow(/more than 5 files/);
  });

  it('refuses a DRM-protected book with a clear message, but reads one whose fonts are merely obfuscated', () => {
    const encryption = (algorithm: string) =>
      `<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="OEBPS/one.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`;
    const drm = buildTestEpub({
      chapters: CHAPTERS,
      files: { 'META-INF/encryption.xml': encryption('http://www.w3.org/2001/04/xmlenc#aes128-cbc') },
    });
    expect(() => readEpub(drm)).toThrow(/protected by DRM/);
    const fonts = buildTestEpub({
      chapters: CHAPTERS,
      files: { 'META-INF/encryption.xml': encryption('http://www.idpf.org/2008/embedding') },
    });
    expect(readEpub(fonts).body.sections).toHaveLength(4);
  });

  it('says what is missing: no container, no package document, no chapters, not a zip at all', () => {
    expect(() => readEpub(buildTestEpub({ chapters: CHAPTERS, files: { 'META-INF/container.xml': null } }))).toThrow(
      /no META-INF\/container\.xml/,
    );
    expect(() => readEpub(buildTestEpub({ chapters: CHAPTERS, files: { 'OEBPS/content.opf': null } }))).toThrow(
      /package document \(OEBPS\/content\.opf\) is missing/,
    );
    expect(() =>
      readEpub(buildTestEpub({ chapters: [{ file: 'cover.xhtml', title: 'Cover', body: '<div></div>' }] })),
    ).toThrow(/no text to read/);
    expect(() => readEpub(strToU8('PK\u0003\u0004 this is not really a zip'))).toThrow(/zip container is damaged/);
    const cut = buildTestEpub({ chapters: CHAPTERS });
    expect(() => readEpub(cut.subarray(0, cut.length - 30))).toThrow(EpubError);
    expect(() => readEpub(zipSync({ mimetype: strToU8('application/epub+zip') }))).toThrow(/container\.xml/);
  });
});
