/**
 * Imports that say what they are (issue #16): files are sniffed by their bytes (a PDF is read as a PDF and an EPUB
 * refused by name whatever it is called, a web page is read as HTML), a page with no article is refused with an offer to import it
 * anyway, advertising labels are dropped, a text file's first line is its title, and a page's own metadata dates it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

async function openImport(page: Page) {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  return page.locator('input[type=file]').first();
}

function storedDocument(title: string): { text: string; publishedDate: string | null; source: string } {
  const index = JSON.parse(readFileSync(path.join(server.dataDir, 'library.json'), 'utf8')) as {
    documents: { id: string; title: string; publishedDate: string | null; source: string }[];
  };
  const meta = index.documents.find((doc) => doc.title === title);
  if (!meta) throw new Error(`no document titled ${title}: ${index.documents.map((doc) => doc.title).join(', ')}`);
  const doc = JSON.parse(readFileSync(path.join(server.dataDir, 'documents', `${meta.id}.json`), 'utf8')) as {
    text?: string;
    body?: { text: string };
  };
  return { text: doc.body?.text ?? doc.text ?? '', publishedDate: meta.publishedDate, source: meta.source };
}

// A PDF written in plain ASCII, as many generators write small ones: it passes every "is this text?" test.
const ASCII_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj
4 0 obj << /Length 44 >> stream
BT /F1 12 Tf 72 712 Td (Ferry talks resume) Tj ET
endstream endobj
trailer << /Root 1 0 R >>
%%EOF
`;

/** The first bytes of an EPUB: a ZIP whose first entry is the stored file `mimetype`. */
function epubBytes(): Buffer {
  const name = Buffer.from('mimetype');
  const content = Buffer.from('application/epub+zip');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  return Buffer.concat([header, name, content, Buffer.from('PK\u0001\u0002 the rest of the archive')]);
}

// Since PDF import (issue #19) a PDF is no longer refused: whatever it is called, it is read as a PDF (its text, not
// its syntax); import-pdf.spec.ts covers the PDF import itself.
test('a PDF is read as a PDF and a cut-short EPUB is read as a book and refused as damaged, whatever the file is called', async ({
  page,
}) => {
  for (const name of ['report.pdf', 'report.txt']) {
    const pdfInput = await openImport(page);
    await pdfInput.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(ASCII_PDF) });
    const article = page.getByRole('article');
    await expect(article).toContainText('Ferry talks resume', { timeout: 60_000 });
    await expect(article).not.toContainText('%PDF');
  }
  // EPUBs are imported now too (import-epub.spec.ts): these first bytes of one, named as text, are read as a book that is cut short.
  const input = await openImport(page);
  await input.setInputFiles({ name: 'novel.txt', mimeType: 'text/plain', buffer: epubBytes() });
  await expect(page.getByRole('alert')).toContainText(
    'This file is not a readable EPUB: its zip container is damaged or cut short.',
  );
  await saveScreen(page, 'import-refused-pdf');
  await page.getByRole('button', { name: 'Add to library' }).click();
  await expect(page.getByRole('alert')).toContainText('Paste the article’s text, or choose a file.');
});

test('a web page saved as .txt is read as HTML, not as markup', async ({ page }) => {
  const input = await openImport(page);
  const html =
    '<!DOCTYPE html><html><head><title>Harbour strike ends</title></head><body><article><h1>Harbour strike ends</h1><p>Dock workers returned to work on <b>Monday</b>, the union said, after nine days on strike at the northern ports.</p></article></body></html>';
  await input.setInputFiles({ name: 'saved-page.txt', mimeType: 'text/plain', buffer: Buffer.from(html) });
  await expect(page.getByText(/saved-page\.txt: \d+ paragraphs, formatting and links kept/)).toBeVisible();
  await page.getByRole('button', { name: 'Add to library' }).click();
  const article = page.getByRole('article');
  await expect(article.locator('.strong')).toHaveText('Monday');
  await expect(article).not.toContainText('<p>');
});

const NAVIGATION = `<!doctype html><html><head><title>The Harbour Times: sections</title></head><body>
<nav><ul>${[
  'World',
  'Politics',
  'Business',
  'Climate',
  'Sport',
  'Culture',
  'Opinion',
  'Podcasts',
  'Newsletters',
  'Weather',
  'Crosswords',
  'Obituaries',
]
  .map(
    (section) =>
      `<li><a href="https://harbour.example/${section.toLowerCase()}">${section} news and analysis from our correspondents</a></li>`,
  )
  .join('')}</ul></nav>
<footer><p>© The Harbour Times</p></footer></body></html>`;

test('a page of navigation links is refused as having no article, and can be imported anyway', async ({ page }) => {
  const input = await openImport(page);
  await input.setInputFiles({ name: 'sections.html', mimeType: 'text/html', buffer: Buffer.from(NAVIGATION) });
  await expect(page.getByRole('alert')).toContainText('No article found on this page');
  await expect(page.getByRole('textbox', { name: 'Article text' })).toHaveValue('');
  await saveScreen(page, 'import-no-article');
  // Another file replaces the page waiting on the question (here one refused by its bytes); choosing the page again
  // asks again.
  await input.setInputFiles({
    name: 'report.rtf',
    mimeType: 'application/rtf',
    buffer: Buffer.from('{\\rtf1\\ansi The ferry talks resumed.}'),
  });
  await expect(page.getByRole('alert')).toContainText('This file is an RTF document');
  await expect(page.getByRole('button', { name: 'Import anyway' })).toHaveCount(0);
  await expect(page.getByText('sections.html')).toHaveCount(0);
  await input.setInputFiles({ name: 'sections.html', mimeType: 'text/html', buffer: Buffer.from(NAVIGATION) });
  await expect(page.getByRole('alert')).toContainText('No article found on this page');
  await page.getByRole('button', { name: 'Import anyway' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/sections\.html: \d+ paragraphs, formatting and links kept/)).toBeVisible();
  await page.getByRole('button', { name: 'Add to library' }).click();
  await expect(page.getByRole('article').getByRole('link', { name: /Politics news/ })).toBeVisible();
});

test('advertising labels standing alone are dropped from an imported page', async ({ page }) => {
  const input = await openImport(page);
  const html = `<!doctype html><html><head><title>Ferry talks resume</title></head><body><article><h1>Ferry talks resume</h1>
<p>Ferry operators and the island councils met again on Monday to settle the winter timetable for the crossings.</p>
<div class="ad-label">Advertisement</div>
<p>The councils want two more sailings a day in January, when the road bridge closes for repairs to its deck.</p>
<p>ADVERTISEMENT</p>
<p class="continue">Story continues below advertisement</p>
<p>The operators say they lack the crews, and asked the government for help with training and wages this year.</p>
<p>Sponsored</p>
<p>Talks resume on Friday; an advertisement campaign for the new timetable will follow in the spring.</p>
</article></body></html>`;
  await input.setInputFiles({ name: 'ferry.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(page.getByText(/ferry\.html: \d+ paragraphs/)).toBeVisible();
  await page.getByRole('button', { name: 'Add to library' }).click();
  const article = page.getByRole('article');
  await expect(article).toContainText('help with training and wages');
  // A sentence that mentions advertising is the article's own and stays.
  await expect(article).toContainText('an advertisement campaign for the new timetable');
  const text = storedDocument('Ferry talks resume').text;
  // (Readability drops the heading that repeats the page's title: the title is the document's own.)
  expect(text.split('\n')).toEqual([
    'Ferry operators and the island councils met again on Monday to settle the winter timetable for the crossings.',
    'The councils want two more sailings a day in January, when the road bridge closes for repairs to its deck.',
    'The operators say they lack the crews, and asked the government for help with training and wages this year.',
    'Talks resume on Friday; an advertisement campaign for the new timetable will follow in the spring.',
  ]);
});

const FERRY_NOTES =
  'Ferry talks resume\n\nFerry operators and the island councils met again on Monday.\nThe councils want two more sailings a day in January.\n';

test('a text file’s first line is its title, and is not repeated as the first paragraph', async ({ page }) => {
  const input = await openImport(page);
  await input.setInputFiles({ name: 'ferry-2023-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(FERRY_NOTES) });
  await expect(page.getByLabel('Title')).toHaveValue('Ferry talks resume');
  await expect(page.getByRole('textbox', { name: 'Article text' })).toHaveValue(
    'Ferry operators and the island councils met again on Monday.\nThe councils want two more sailings a day in January.\n',
  );
  await page.getByRole('button', { name: 'Add to library' }).click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Ferry talks resume');
  await expect(article.locator('p.block').first()).toHaveText(
    'Ferry operators and the island councils met again on Monday.',
  );
  expect(storedDocument('Ferry talks resume').text.startsWith('Ferry operators')).toBe(true);

  // Pasted without a title, the same: the title line names the article.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'Import article' }).click();
  await page
    .getByRole('textbox', { name: 'Article text' })
    .fill('Bridge repairs start in January\n\nThe road bridge closes for six weeks, the council said.');
  await page.getByRole('button', { name: 'Add to library' }).click();
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Bridge repairs start in January');
  await expect(article.locator('p.block')).toHaveCount(1);
  await expect(article.locator('p.block')).toHaveText('The road bridge closes for six weeks, the council said.');
});

test('a text file whose first line is a sentence keeps it, and takes its title from the file name', async ({
  page,
}) => {
  const input = await openImport(page);
  const text = 'Ferry operators met the island councils on Monday.\nThey agreed to meet again in May.';
  await input.setInputFiles({ name: 'ferry-2023-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByLabel('Title')).toHaveValue('ferry-2023-notes');
  await expect(page.getByRole('textbox', { name: 'Article text' })).toHaveValue(text);
});

const BODY =
  '<article><h1>Port strike ends</h1><p>Dock workers in Rotterdam returned to work on Monday, the union said, ending a strike that halted shipments of grain and fuel across the northern ports for nine days.</p><p>Talks on pensions will resume in March, officials said.</p></article>';
const DATED_PAGES: [string, string, string][] = [
  [
    'json-ld.html',
    `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Harbour Times"},{"@type":"NewsArticle","headline":"Port strike ends after nine days","datePublished":"2023-05-02T23:30:00-04:00","author":{"@type":"Person","name":"Ana Costa"},"publisher":{"@type":"Organization","name":"The Harbour Times"}}]}</script><meta property="article:published_time" content="2023-05-09T10:00:00Z">`,
    '2023-05-02',
  ],
  [
    'open-graph.html',
    '<meta property="article:published_time" content="2023-06-14T08:00:00+02:00"><meta name="citation_publication_date" content="2023/06/20">',
    '2023-06-14',
  ],
  [
    'citation.html',
    '<meta name="citation_publication_date" content="2023/07/21"><meta name="citation_title" content="Port strike ends after nine days">',
    '2023-07-21',
  ],
  ['time.html', '', '2023-08-30'],
];

test('a page’s published date is read from JSON-LD, article:published_time, citation_publication_date or <time>', async ({
  page,
}) => {
  for (const [name, head, date] of DATED_PAGES) {
    const body =
      name === 'time.html'
        ? BODY.replace('</h1>', '</h1><p class="dateline"><time datetime="2023-08-30T06:00">30 August</time></p>')
        : BODY;
    const input = await openImport(page);
    await input.setInputFiles({
      name,
      mimeType: 'text/html',
      buffer: Buffer.from(`<!doctype html><html><head><title>${name}</title>${head}</head><body>${body}</body></html>`),
    });
    await expect(page.getByLabel('Published')).toHaveValue(date);
    if (name === 'json-ld.html') {
      await expect(page.getByLabel('Title')).toHaveValue('Port strike ends after nine days');
      await expect(page.getByLabel('Source')).toHaveValue('The Harbour Times, Ana Costa');
      await saveScreen(page, 'import-html-metadata');
    }
    await page.getByRole('button', { name: 'Add to library' }).click();
    const header = page.getByRole('article').locator('header');
    await expect(header).not.toContainText('No printed date');
    const shown = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso)),
      date,
    );
    await expect(header).toContainText(shown);
  }
  const index = JSON.parse(readFileSync(path.join(server.dataDir, 'library.json'), 'utf8')) as {
    documents: { origin: string; publishedDate: string | null }[];
  };
  expect(
    Object.fromEntries(
      index.documents.filter((doc) => doc.origin.endsWith('.html')).map((doc) => [doc.origin, doc.publishedDate]),
    ),
  ).toEqual(Object.fromEntries(DATED_PAGES.map(([name, , date]) => [name, date])));
});
