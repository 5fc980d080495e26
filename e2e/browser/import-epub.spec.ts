/**
 * An EPUB book through the UI, as a reader brings one in: chosen in the import panel, opened in the Reader with its
 * chapters in a Contents tab; a chapter chosen there scrolls into view, and a highlight made in it says which chapter
 * it is in. A DRM-protected book is refused with a message, and nothing is added.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildTestEpub, type TestChapter } from '@main/import/epub/test-epub';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';
import { dragSelect } from '../support/text';

const server = serverPerTest();

// A real (tiny) PNG: a book's pictures are kept by their bytes.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

const NAMES = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'];

/** Six chapters, each long enough that the next one starts below the fold. */
const CHAPTERS: TestChapter[] = NAMES.map((name, i) => ({
  file: `chapter-${i + 1}.xhtml`,
  title: `Chapter ${name}: ${['The harbour', 'The storm', 'The survey', 'The council', 'The vote', 'The wall'][i]}`,
  body:
    `<h1>Chapter ${name}</h1>` +
    Array.from(
      { length: 8 },
      (_, p) =>
        `<p>Paragraph ${p + 1} of chapter ${name.toLowerCase()}: the harbour council met again to weigh the engineers’ report on the northern breakwater, its cost and the winter storms.</p>`,
    ).join('') +
    (i === 0
      ? '<figure><img src="images/harbour.png" alt="The harbour at dawn"/><figcaption>The harbour.</figcaption></figure>'
      : '') +
    (i === 4
      ? '<p>Ana Costa cast the deciding vote for the new breakwater.</p><p onclick="window.__pwned = 1">The meeting closed at midnight.</p><script>window.__pwned = 2</script>'
      : ''),
}));

function writeBook(name: string, bytes: Uint8Array): string {
  const file = path.join(server.dataDir, name);
  writeFileSync(file, bytes);
  return file;
}

function libraryTitles(): string[] {
  const file = path.join(server.dataDir, 'library.json');
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { documents: { title: string }[] }).documents.map((d) => d.title)
    : [];
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.locator('input[type=file]').first().setInputFiles(file);
}

test('an EPUB imports through the UI: contents jump to a chapter, and a highlight shows its chapter', async ({
  page,
}) => {
  const file = writeBook(
    'harbour.epub',
    buildTestEpub({
      title: 'The Harbour Book',
      creators: ['Ana Costa'],
      date: '2025-11-02',
      publisher: 'Harbour Press',
      chapters: CHAPTERS,
      files: { 'OEBPS/images/harbour.png': PNG },
    }),
  );
  await importFile(page, file);

  const article = page.getByRole('article');
  await expect(page.getByRole('heading', { level: 1, name: 'The Harbour Book' })).toBeVisible({ timeout: 30_000 });
  await expect(article).toContainText('Ana Costa');
  await expect(article).toContainText('Paragraph 1 of chapter one');
  await expect(article).toContainText('The meeting closed at midnight.');
  // The book's picture, stored in the library and shown offline with its alt text.
  const picture = article.getByRole('img', { name: 'The harbour at dawn' });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  // The Contents tab lists the chapters from the book's navigation document.
  const contentsTab = page.getByRole('tab', { name: /Contents/ });
  await contentsTab.click();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('button')).toHaveText(CHAPTERS.map((c) => c.title as string));
  const fifth = page.locator('.article-body').getByText('Chapter Five', { exact: true });
  await expect(fifth).not.toBeInViewport();
  await contents.getByRole('button', { name: 'Chapter Five: The vote' }).click();
  await expect(fifth).toBeInViewport();
  await expect(contents.getByRole('button', { name: 'Chapter Five: The vote' })).toHaveAttribute(
    'aria-current',
    'location',
  );
  await saveScreen(page, 'reader-epub-contents-1280');

  // A highlight in chapter five says so in the Highlights tab.
  await dragSelect(page, 'Ana Costa cast the deciding vote');
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: /^Key point/ })
    .click();
  await page.getByRole('tab', { name: /Highlights/ }).click();
  const item = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem').first();
  await expect(item).toContainText('Ana Costa cast the deciding vote');
  await expect(item.locator('.place')).toHaveText('Chapter Five: The vote');

  // Nothing in the book ran.
  await page.locator('.article-body').getByText('The meeting closed at midnight.').click();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // In a narrow window the contents are in the drawer, and choosing a chapter closes it over the text.
  await page.setViewportSize({ width: 800, height: 860 });
  await page.getByRole('button', { name: 'Study panel', exact: true }).click();
  await page.getByRole('tab', { name: /Contents/ }).click();
  await expect(contents).toBeVisible();
  await saveScreen(page, 'reader-epub-contents-800');
  await contents.getByRole('button', { name: 'Chapter Two: The storm' }).click();
  await expect(contents).toBeHidden();
  await expect(page.locator('.article-body').getByText('Chapter Two', { exact: true })).toBeInViewport();
});

test('a DRM-protected book is refused with a message, and nothing is added', async ({ page }) => {
  const drm = buildTestEpub({ title: 'Locked', chapters: CHAPTERS, files: { 'META-INF/rights.xml': '<rights/>' } });
  await importFile(page, writeBook('locked.epub', drm));
  await expect(page.getByRole('alert')).toContainText('protected by DRM');
  await saveScreen(page, 'import-epub-drm-1280');
  expect(libraryTitles()).not.toContain('Locked');
});

const PEOPLE = ['Ana Costa', 'Rui Lima', 'Marta Sousa', 'João Pires', 'Inês Faria'];
const PLACES = ['Porto', 'Lisbon', 'Braga', 'Faro', 'Coimbra'];

/** A 150,000-word book in 40 chapters of news-like prose, with people, places and dates for the engine to find. */
function longBook(): Uint8Array {
  const chapters: TestChapter[] = Array.from({ length: 40 }, (_, c) => {
    const paragraphs = Array.from({ length: 60 }, (_, p) => {
      const who = PEOPLE[(c + p) % PEOPLE.length];
      const where = PLACES[(c * 3 + p) % PLACES.length];
      const day = ((c + p) % 28) + 1;
      return `<p>On ${day} March 2025 ${who}, the mayor of ${where}, told the harbour council that the northern breakwater would need repairs before the winter storms, and the council agreed to weigh the engineers’ report on its cost, its schedule and the people who would carry the work out over the coming months, after a long debate.</p>`;
    });
    return {
      file: `chapter-${c + 1}.xhtml`,
      title: `Chapter ${c + 1}`,
      body: `<h1>Chapter ${c + 1}</h1>${paragraphs.join('')}`,
    };
  });
  return buildTestEpub({ title: 'A Long Record', creators: ['Ana Costa'], date: '2025-11-02', chapters });
}

test('a 150,000-word book opens, jumps to its last chapter, and its analysis shows its progress chapter by chapter', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await importFile(page, writeBook('long.epub', longBook()));
  await expect(page.getByRole('heading', { level: 1, name: 'A Long Record' })).toBeVisible({ timeout: 90_000 });
  // The engine reads the book one chapter at a time, and the Actors tab says how far it has got.
  await page.getByRole('tab', { name: /Actors/ }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Finding the actors and dates… chapter \d+ of 40/ }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar', { name: 'Finding the actors and dates' })).toHaveAttribute('max', '40');
  await saveScreen(page, 'reader-epub-analysis-progress-1280');
  await page.getByRole('tab', { name: /Contents/ }).click();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('button')).toHaveCount(40);
  await contents.getByRole('button', { name: 'Chapter 40', exact: true }).click();
  await expect(page.locator('.article-body').getByText('Chapter 40', { exact: true })).toBeInViewport({
    timeout: 30_000,
  });
  // The analysis finishes with one result for the whole book.
  await page.getByRole('tab', { name: /Actors/ }).click();
  await expect(page.getByRole('tab', { name: /Actors/ }).locator('.count')).toHaveText(/^[1-9]\d*$/, {
    timeout: 180_000,
  });
});

test('a book being imported shows its chapters read, and Cancel stops it with nothing added', async ({ page }) => {
  test.setTimeout(180_000);
  // Long enough (about 600,000 words) that the import is still reading chapters when Cancel is pressed.
  const chapters: TestChapter[] = Array.from({ length: 400 }, (_, i) => ({
    file: `c${i + 1}.xhtml`,
    title: `Part ${i + 1}`,
    body: `<h1>Part ${i + 1}</h1>${'<p>The harbour council met again to weigh the engineers’ report on the northern breakwater, its cost and the winter storms that had worn it down.</p>'.repeat(60)}`,
  }));
  await importFile(page, writeBook('huge.epub', buildTestEpub({ title: 'The Huge Record', chapters })));
  const bar = page.getByRole('progressbar', { name: 'Importing huge.epub' });
  await expect(page.getByText(/Importing huge\.epub: chapter \d+ of 400…/)).toBeVisible({ timeout: 60_000 });
  await expect(bar).toHaveAttribute('max', '400');
  await bar.scrollIntoViewIfNeeded();
  await saveScreen(page, 'import-epub-progress-1280');
  await page.getByRole('status').filter({ has: bar }).getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Import an article' })).toBeVisible();
  expect(libraryTitles()).not.toContain('The Huge Record');
});
