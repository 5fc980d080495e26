/**
 * Save from a web address with pictures and metadata, as a reader does it: the crafted pages of test-article-server.ts
 * (lazy, srcset, <picture> and <noscript> pictures, ads, share bars, a newsletter box) are served on the loopback
 * interface by this spec; the article is saved through the import panel, the fixture server is stopped and Lectio
 * restarted, and the text and the pictures are still there, with the lead picture on the Library card. Cancel while
 * the pictures download leaves nothing behind.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  ARTICLE_PARAGRAPHS,
  ARTICLE_TITLE,
  CAPTION,
  FURNITURE_TEXT,
  KEPT_ALTS,
  startArticleServer,
  type ArticleServer,
} from '@main/import/test-article-server';
import { serverPerTest } from '../support/server';

const server = serverPerTest();
let site: ArticleServer | undefined;

test.afterEach(async () => {
  await site?.close();
  site = undefined;
});

const SHOTS = 'test-results/shots/webimages';

async function shoot(page: Page, name: string, target?: Locator) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    if (target) await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** Every picture under `scope` has loaded from the app (its decoded width is known), not merely been placed. */
async function expectPicturesLoaded(scope: Locator, count: number) {
  const images = scope.locator('img');
  await expect(images).toHaveCount(count, { timeout: 30_000 });
  for (let i = 0; i < count; i++) {
    await images.nth(i).scrollIntoViewIfNeeded();
    await expect
      .poll(() => images.nth(i).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
        timeout: 30_000,
      })
      .toBe(true);
  }
}

function storedImages(dataDir: string): string[] {
  const folder = path.join(dataDir, 'images');
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((prefix) => readdirSync(path.join(folder, prefix)));
}

test('an article saved with its pictures keeps them, with their captions, after its site is gone', async ({ page }) => {
  site = await startArticleServer();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.getByLabel('From a web address').fill(`${site.base}/article`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const article = page.getByRole('article');
  await expect(article).toContainText(ARTICLE_PARAGRAPHS[0] as string, { timeout: 45_000 });
  for (const furniture of FURNITURE_TEXT) await expect(article).not.toContainText(furniture);
  await expect(article.locator('figure img')).toHaveCount(KEPT_ALTS.length);
  for (const alt of KEPT_ALTS) await expect(article.getByRole('img', { name: alt })).toBeVisible();
  await expect(article.locator('figure figcaption')).toHaveText(CAPTION);
  // The header carries the page's metadata.
  const byline = article.locator('.byline');
  await expect(byline).toContainText('The Harbour Times');
  await expect(byline).toContainText('By Ana Costa and Li Wei');
  await expect(byline).toContainText(/Published .*2026/);
  await expect(byline).toContainText(/Updated .*2026/);
  await shoot(page, 'reader-header');

  // The site goes away and Lectio restarts: everything comes from the library folder now.
  await site.close();
  site = undefined;
  await server.restart();
  await page.goto(server.url);
  const card = page.getByRole('list', { name: 'Documents' }).getByRole('listitem').filter({ hasText: ARTICLE_TITLE });
  await expectPicturesLoaded(card, 1);
  await expect(card.locator('img')).toHaveAttribute('src', /^\/images\/[0-9a-f]{64}\.png$/);
  await expect(card).toContainText('Ana Costa and Li Wei');
  await shoot(page, 'library-lead-image');

  await card.getByRole('button', { name: `Open ${ARTICLE_TITLE}` }).click();
  const reopened = page.getByRole('article');
  await expect(reopened).toContainText(ARTICLE_PARAGRAPHS[4] as string);
  await expectPicturesLoaded(reopened.locator('.article-body'), KEPT_ALTS.length);
  await shoot(page, 'reader-figure', reopened.locator('figure').first());
});

test('Cancel while the pictures download stops the save and leaves nothing in the library', async ({ page }) => {
  site = await startArticleServer();
  await page.goto(server.url);
  const documents = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
  await expect(documents).toHaveCount(1);
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.getByLabel('From a web address').fill(`${site.base}/slow`);
  await page.getByLabel('From a web address').press('Enter');
  // The pictures of /slow never answer until released: the save waits on them, showing how far it has got.
  const progress = page.getByRole('status').filter({ hasText: 'Downloading pictures… 0 of 3' });
  await expect(progress).toBeVisible({ timeout: 45_000 });
  await shoot(page, 'import-url-progress');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Cancelled: nothing was saved.')).toBeVisible({ timeout: 30_000 });
  site.release();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  await expect(documents).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);
  expect(storedImages(server.dataDir)).toEqual([]);
});

test('a page of links is refused with "No article found on this page", and can be imported whole', async ({ page }) => {
  site = await startArticleServer();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.getByLabel('From a web address').fill(`${site.base}/nav`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('No article found on this page', { timeout: 45_000 });
  await page.getByRole('button', { name: 'Import the whole page anyway' }).click();
  const article = page.getByRole('article');
  await expect(article).toContainText('Obituaries', { timeout: 45_000 });
});
