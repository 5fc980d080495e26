/**
 * The Statistics tab's charts and Settings › Optimise, as a reader meets them, over a generated review log (a
 * learner unlike FSRS's defaults, deterministic): the heatmap, retention and forecast each say their figures in words
 * and in a table, reached from the keyboard; optimising shows the loss before and after, and goes back to defaults.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ReviewRecord } from '@core/cards/card';
import { readerDayOf } from '@core/cards/reader-day';
import { dueForecast, reviewHeatmap } from '@core/cards/review-charts';
import { makeCard } from '@core/cards/test-cards';
import { generateReviewLog } from '@core/cards/test-review-log';
import { CARDS_SCHEMA_VERSION, REVIEWS_SCHEMA_VERSION } from '@main/storage/card-file-schemas';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();
const DAY = 86_400_000;

/** Replaces the library's cards and review log with `days` days of a generated learner's study, ending yesterday. */
async function seedReviewLog(days: number): Promise<ReviewRecord[]> {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const log = generateReviewLog({ seed: 5, cards: 120, perDay: 4, days, start: new Date(today - days * DAY) });
  const createdAt = new Date(today - days * DAY).toISOString();
  const cards = log.cardIds.map((id, index) =>
    makeCard(id, {
      front: `Generated question ${index + 1}`,
      back: `Answer ${index + 1}`,
      createdAt,
      updatedAt: createdAt,
    }),
  );
  await server.stop();
  writeFileSync(
    path.join(server.dataDir, 'cards.json'),
    JSON.stringify({ schemaVersion: CARDS_SCHEMA_VERSION, cards }),
  );
  writeFileSync(
    path.join(server.dataDir, 'reviews.json'),
    JSON.stringify({ schemaVersion: REVIEWS_SCHEMA_VERSION, reviews: log.reviews }),
  );
  await server.start(server.dataDir);
  return log.reviews;
}

async function openStatistics(page: Page) {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
  const tab = page.getByRole('tab', { name: 'Browse' });
  await tab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Statistics' })).toHaveAttribute('aria-selected', 'true');
}

test('the Statistics tab shows a year’s heatmap, retention per week or month and the due forecast, in words too', async ({
  page,
}) => {
  const reviews = await seedReviewLog(90);
  // The reader's day as the server counts it: this machine's zone, starting at 04:00 (the default).
  const dayOf = readerDayOf({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, rolloverHour: 4 });
  const heatmap = reviewHeatmap(reviews, { today: dayOf(new Date()), dayOf });
  const latest = new Map(reviews.map((review) => [review.cardId, review.next]));
  const forecast = dueForecast(
    [...latest].map(([id, schedule]) => ({ card: makeCard(id), schedule })),
    { now: new Date(), dayOf },
  );
  const dueIn30 = forecast.reduce((sum, day) => sum + day.due, 0);

  await page.setViewportSize({ width: 1280, height: 900 });
  await openStatistics(page);

  const calendar = page.getByRole('img', { name: /^Calendar of reviews over the last year/ });
  await expect(calendar).toHaveAccessibleName(
    new RegExp(
      `^Calendar of reviews over the last year: ${heatmap.total.toLocaleString('en-US')} reviews on ${heatmap.activeDays} days`,
    ),
  );
  // Reached from the keyboard: the chart takes the focus, and Tab goes on to its numbers.
  await calendar.focus();
  await expect(calendar).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByText('Reviews by month, as a table')).toBeFocused();
  await page.keyboard.press('Enter');
  const months = page.getByRole('table', { name: 'Reviews by month' });
  await expect(months).toBeVisible();
  const total = (await months.getByRole('row').allInnerTexts())
    .slice(1)
    .reduce((sum, row) => sum + Number(row.split('\t')[1]), 0);
  expect(total).toBe(heatmap.total);

  const retention = page.getByRole('img', { name: /^True retention over the last 12 weeks/ });
  await expect(retention).toHaveAccessibleName(/young cards \d+(\.\d)?% of \d+ reviews, mature cards .*target is 90%/);
  await page.getByRole('button', { name: 'Months' }).click();
  await expect(page.getByRole('img', { name: /^True retention over the last 12 months/ })).toBeVisible();
  await page.getByText('Retention per month, as a table').click();
  await expect(page.getByRole('table', { name: 'True retention per month' }).getByRole('row')).toHaveCount(13);

  await expect(page.getByRole('img', { name: /^Cards due per day, next 30 days/ })).toHaveAccessibleName(
    new RegExp(`^Cards due per day, next 30 days: ${dueIn30} cards due`),
  );
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { name: 'The last year' }).scrollIntoViewIfNeeded();
    await saveScreen(page, `cards-statistics-charts-${width}`);
    await page.getByRole('heading', { name: 'True retention' }).evaluate((heading) => heading.scrollIntoView());
    await saveScreen(page, `cards-statistics-retention-${width}`);
    await page
      .getByRole('heading', { name: 'Due in the next 30 days' })
      .evaluate((heading) => heading.scrollIntoView());
    await saveScreen(page, `cards-statistics-forecast-${width}`);
  }
});

test('Settings › Optimise fits FSRS to the reader’s reviews, shows that it helps, and goes back to the defaults', async ({
  page,
}) => {
  await seedReviewLog(90);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Scheduling parameters (FSRS)' });
  await expect(section).toContainText(
    /\d+ reviews made a day or more after the card's previous one \(the optimiser needs 64\)/,
  );
  await expect(section).toContainText("In use: FSRS's default parameters.");

  await section.getByRole('button', { name: 'Optimise' }).click();
  await expect(section.getByRole('status')).toHaveText(/^Optimised: your cards are now scheduled/, { timeout: 60_000 });
  const table = section.getByRole('table', { name: /How well the parameters predict your \d+ reviews/ });
  const logLoss = table.getByRole('row', { name: /^Log loss/ });
  const [before, after] = (await logLoss.getByRole('cell').allInnerTexts()).map(Number);
  expect(after).toBeLessThan(before ?? 0);
  await expect(logLoss.getByRole('cell').last()).toHaveText(/^−\d+(\.\d)?%$/);
  await expect(section).toContainText('In use: your own parameters, optimised on');
  await section.scrollIntoViewIfNeeded();
  await saveScreen(page, 'settings-fsrs-optimised-1280');
  await page.setViewportSize({ width: 800, height: 900 });
  await section.scrollIntoViewIfNeeded();
  await saveScreen(page, 'settings-fsrs-optimised-800');

  // Kept across a restart, then undone.
  await page.reload();
  await expect(section).toContainText('In use: your own parameters, optimised on');
  await section.getByRole('button', { name: 'Back to defaults' }).click();
  await expect(section.getByRole('status')).toHaveText('Back to FSRS’s default parameters.');
  await expect(section).toContainText("In use: FSRS's default parameters.");
  await expect(section.getByRole('button', { name: 'Back to defaults' })).toHaveCount(0);
});

test('Optimise on a short review log says how many more reviews it needs, and changes nothing', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Scheduling parameters (FSRS)' });
  await expect(section).toContainText(
    "0 reviews made a day or more after the card's previous one — the optimiser needs 64, so 64 more.",
  );
  await section.getByRole('button', { name: 'Optimise' }).click();
  await expect(section.getByRole('alert')).toHaveText(
    /Your review log is too short to optimise: FSRS needs 64 reviews .* and there are 0\. Keep reviewing and try again after 64 more\./,
  );
  await expect(section).toContainText("In use: FSRS's default parameters.");
});
