/**
 * "Check this": what the engine is unsure of is marked in the Actors panel and the Timeline, kept out of quizzes, and
 * the reader's "Looks right" is stored. The article is invented: a mountain the engine reads as an organisation, and a
 * date counted from another date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

const ARTICLE = [
  'Nine days after she set out from Tornfell Base Camp on March 3, 2025, Mira Lindqvist stood on the summit of Tornfell at dawn.',
  'Lindqvist, the expedition leader, first reached the top of Tornfell in 2017. She came down the next day.',
  'The Alpine Rescue Service said on March 5, 2025 that all climbers had returned safely.',
].join('\n\n');

async function importArticle(page: Page) {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
  await page.getByLabel('Title').fill('Three peaks');
  await page.getByLabel('Published').fill('2025-03-10');
  await page.getByRole('button', { name: 'Add to library' }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Three peaks');
}

test('an unsure actor is marked with its reason, and "Looks right" is stored and lifts the mark', async ({ page }) => {
  await importArticle(page);
  await page.getByRole('tab', { name: /Actors/ }).click();
  const check = page.getByRole('group', { name: 'Check Tornfell' });
  await expect(check).toContainText('Check this');
  await expect(check).toContainText('never says or does anything');
  await expect(page.getByText(/marked “Check this”/)).toBeVisible();
  await saveScreen(page, 'reader-actors-check');

  await check.getByRole('button', { name: 'Looks right' }).click();
  await expect(check).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Organisations' })).toContainText('Tornfell');

  // Stored with the document's corrections, so it outlives a restart.
  await server.restart();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Open Three peaks' }).click();
  await page.getByRole('tab', { name: /Actors/ }).click();
  await expect(page.getByRole('list', { name: 'Organisations' })).toContainText('Tornfell');
  await expect(page.getByRole('group', { name: 'Check Tornfell' })).toHaveCount(0);
  const files = readdirSync(path.join(server.dataDir, 'annotations')).map((name) =>
    readFileSync(path.join(server.dataDir, 'annotations', name), 'utf8'),
  );
  expect(files.some((json) => /"confirmed":\s*\[\s*"actor:/.test(json))).toBe(true);
});

test('an unsure date is marked in the Timeline; "Wrong: remove" takes it out, and it can be put back', async ({
  page,
}) => {
  await importArticle(page);
  await page.getByRole('tab', { name: /Timeline/ }).click();
  const check = page.getByRole('group', { name: 'Check “the next day”' });
  await expect(check).toContainText('counted from another date');
  await saveScreen(page, 'reader-timeline-check');
  await check.getByRole('button', { name: 'Wrong: remove' }).click();
  await expect(check).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Timeline' })).not.toContainText('the next day');
  await expect(page.getByText('Dates removed by you')).toBeVisible();
  await page.getByRole('button', { name: /Put back/ }).click();
  await expect(page.getByRole('group', { name: 'Check “the next day”' })).toBeVisible();
});
