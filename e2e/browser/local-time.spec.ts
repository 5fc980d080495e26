/**
 * Times as the reader's clock shows them: a browser in New York (UTC-5 in winter) sees its own local times for quiz
 * sessions and due cards, and a published date as printed, never shifted a day by a UTC reading.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serverPerTest } from '../support/server';
import { storedReviewLog } from '../support/review-log';

const server = serverPerTest();
const ZONE = 'America/New_York';
test.use({ timezoneId: ZONE, locale: 'en-US' });

test('a published date reads as printed, and a quiz session shows its local start time', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await page.getByLabel('Reference date').getByRole('button', { name: 'Set the date' }).click();
  await page.getByLabel('Published on').fill('2025-01-22');
  await page.getByLabel('Reference date').getByRole('button', { name: 'Save' }).click();
  // Read as an instant, "2025-01-22" is 19:00 on 21 January in New York.
  await expect(page.locator('.article-head .byline')).toContainText('Jan 22, 2025');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText(/^Question 1 of/)).toBeVisible();
  await page.keyboard.press('Escape');
  const stored = JSON.parse(readFileSync(path.join(server.dataDir, 'quiz.json'), 'utf8')) as {
    sessions: { startedAt: string; zone?: string }[];
  };
  const startedAt = stored.sessions[0]?.startedAt ?? '';
  // Stored: the UTC instant, and a zone beside it.
  expect(startedAt).toMatch(/Z$/);
  expect(stored.sessions[0]?.zone).toBeTruthy();
  const local = new Intl.DateTimeFormat('en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: ZONE,
  }).format(new Date(startedAt));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('list', { name: 'Past sessions' })).toContainText(local);
});

test('after a grade the next due time is said in local terms, not as a UTC date', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
  await page.getByRole('button', { name: 'New card' }).click();
  await page.getByRole('textbox', { name: 'Front' }).fill('Capital of Mongolia?');
  await page.getByRole('textbox', { name: 'Back' }).fill('Ulaanbaatar');
  await page.getByRole('button', { name: 'Add card' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Review/ })
    .click();
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Easy/ })).toBeVisible();
  await page.keyboard.press('4');
  // Easy on a new card: days away, said as the reader's calendar counts them ("in 8 days (Dec 14)").
  await expect(page.getByRole('status').filter({ hasText: 'Graded' })).toHaveText(
    /^Graded Easy; next due (tomorrow|in \d+ days) \(\w{3} \d+\)$/,
  );
  const reviews = { reviews: storedReviewLog<{ reviewedAt: string; zone?: string }>(server.dataDir) };
  expect(reviews.reviews[0]?.reviewedAt).toMatch(/Z$/);
  expect(reviews.reviews[0]?.zone).toBeTruthy();
});
