/**
 * Save from a web address, as a reader does it: the page is served by a fixture server on the loopback interface that
 * this spec starts; the article is saved through the import panel, the fixture server is stopped, Lectio restarted, and
 * the text is still there. A page that is not found is refused in place, and nothing joins the library.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { serverPerTest } from '../support/server';

const server = serverPerTest();
let fixture: Server | undefined;

const ARTICLE = `<!doctype html><html lang="en"><head><title>Why the old tide gauges still matter | Coastal Notes</title>
<meta property="og:site_name" content="Coastal Notes">
<meta property="article:published_time" content="2025-11-20T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/archive">Archive</a></nav>
<article><h1>Why the old tide gauges still matter</h1>
<p>The harbour's tide gauge has recorded the sea's height every hour since 1887, and its records are now the longest on the coast.</p>
<p>Scientists use the old ledgers to measure how fast the sea is rising, because satellite records go back only to the 1990s.</p>
<p>Volunteers have typed up forty thousand handwritten pages so far, and the work is expected to finish next spring.</p>
</article></body></html>`;

async function startFixture(): Promise<string> {
  fixture = createServer((request, response) => {
    if (request.url === '/notes/tide-gauges') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(ARTICLE);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end('<p>Not here</p>');
  });
  await new Promise<void>((resolve) => fixture?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(fixture.address() as AddressInfo).port}`;
}

async function stopFixture(): Promise<void> {
  const open = fixture;
  fixture = undefined;
  if (!open) return;
  open.closeAllConnections();
  await new Promise<void>((resolve) => open.close(() => resolve()));
}

test.afterEach(stopFixture);

async function shoot(page: Page, name: string) {
  mkdirSync('test-results/shots/capture', { recursive: true });
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/shots/capture/${name}-${width}.png`, fullPage: false });
  }
}

test('an article saved from a web address stays readable after its site is gone', async ({ page }) => {
  const site = await startFixture();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  const address = page.getByLabel('From a web address');

  // A page that is not there: the message shows in place, and nothing is added.
  await address.fill(`${site}/notes/missing`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('There is no page at this address (HTTP 404', {
    timeout: 30_000,
  });
  await shoot(page, 'import-url-error');

  await address.fill(`${site}/notes/tide-gauges`);
  await address.press('Enter');
  const article = page.getByRole('article');
  await expect(article).toContainText("recorded the sea's height every hour since 1887", { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Why the old tide gauges still matter' }).first()).toBeVisible();

  await stopFixture();
  await server.restart();
  await page.goto(server.url);
  const documents = page.getByRole('list', { name: 'Documents' });
  await expect(documents.getByRole('listitem')).toHaveCount(2);
  const saved = documents.getByRole('button', { name: 'Open Why the old tide gauges still matter' });
  await expect(saved).toContainText('Coastal Notes');
  await saved.click();
  const reopened = page.getByRole('article');
  await expect(reopened).toContainText('Volunteers have typed up forty thousand handwritten pages so far');
  // The header names the site the page came from (linking to it) and the page's own published date.
  await expect(reopened.getByRole('link', { name: '127.0.0.1' })).toHaveAttribute('href', `${site}/notes/tide-gauges`);
  await expect(reopened.locator('.byline')).toContainText(/2025/);
  await shoot(page, 'import-url-reader');
});

test('Ctrl+L opens the import panel with the web address field focused', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.keyboard.press('Control+l');
  await expect(page.getByLabel('From a web address')).toBeFocused();
  await page.getByLabel('From a web address').fill('ftp://example.org/article');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('only http and https addresses can be saved');
  await shoot(page, 'import-url-refused');
});

test('Ctrl+L from another screen goes to the Library and opens the import panel with the web address field focused', async ({
  page,
}) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('article')).toBeVisible();
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.getByLabel('From a web address')).toBeFocused();
  await page.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('heading', { name: 'Quiz', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+l');
  await expect(page.getByLabel('From a web address')).toBeFocused();
  // Pressed again on the Library, with the panel open, it keeps the panel and takes the focus back to the field.
  await page.getByLabel('Article text', { exact: true }).focus();
  await page.keyboard.press('Control+l');
  await expect(page.getByLabel('From a web address')).toBeFocused();
});
