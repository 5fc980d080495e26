/**
 * Screens act on a failed call's error code, never on its words: the renderer's client rebuilds the LectioError the
 * server sent (core/errors.ts), and the Reader tells an analysis the reader stopped ('cancelled') from one that failed.
 * The server's answers are played to the page, so the message can say anything and only the code decides.
 */
import { expect, test } from '@playwright/test';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

test('the Reader tells a stopped analysis from a failed one by the error code, whatever the message says', async ({
  page,
}) => {
  let error = { code: 'cancelled', message: 'Words that say nothing about what happened.' };
  await page.route('**/api/getAnalysis', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error }) }),
  );
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await page.getByRole('tab', { name: /Actors/ }).click();

  await expect(
    page.getByRole('status').filter({ hasText: 'Stopped. The actors and dates of this article have not been found.' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  error = { code: 'internal', message: 'The extraction worker stopped (exit code 1).' };
  await page.getByRole('button', { name: 'Find them now' }).click();
  await expect(page.getByRole('alert')).toHaveText('The extraction worker stopped (exit code 1).');
  await expect(page.getByText('Stopped. The actors and dates')).toHaveCount(0);
});
