/**
 * One due count everywhere: the top bar's Review link, the Review screen and the Cards screen (heading, statistics and
 * the "Due now" filter) read the same moment's queue. A card in a learning step due later today used to count as
 * "due today" on Cards while Review had nothing due.
 */
import { expect, test, type Page } from '@playwright/test';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

async function addCard(page: Page, front: string, back: string) {
  await page.getByRole('button', { name: 'New card' }).click();
  await page.getByRole('textbox', { name: 'Front' }).fill(front);
  await page.getByRole('textbox', { name: 'Back' }).fill(back);
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(
    page.getByRole('list', { name: 'Cards' }).getByRole('listitem').filter({ hasText: front }),
  ).toBeVisible();
}

test('the top bar, Review and Cards show the same due and new counts at the same moment', async ({ page }) => {
  await page.goto(server.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Cards' }).click();
  await addCard(page, 'Capital of Mongolia?', 'Ulaanbaatar');
  await addCard(page, 'Capital of Bhutan?', 'Thimphu');
  await addCard(page, 'Capital of Laos?', 'Vientiane');

  // One card studied: graded Good, it is in a learning step due in ten minutes, so nothing is due right now.
  await nav.getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.getByText(/done this session/)).toBeVisible();

  const reviewHead = page.locator('.review-head p');
  await expect(reviewHead).toContainText('0 due · 2 new');
  await expect(nav.getByTestId('nav-due')).toHaveText('2');

  await nav.getByRole('link', { name: /^Review/ }).click();
  await nav.getByRole('link', { name: 'Cards' }).click();
  // Text nodes may wrap in the markup (the page shows one space): match across any whitespace.
  await expect(page.getByText(/^\s*3\s+cards · /)).toHaveText('3 cards · 0 due · 2 new');
  await expect(nav.getByTestId('nav-due')).toHaveText('2');
  await page.getByRole('combobox', { name: 'Filter by state' }).selectOption('due');
  await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Filter by state' }).selectOption('new');
  await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByText('Due now', { exact: true }).locator('..')).toHaveText(/Due now\s*0$/);
  await page.screenshot({ path: 'test-results/shots/study/cards-stats-due-1280.png' });

  // Back on Review the same figures, from the same queue.
  await nav.getByRole('link', { name: /^Review/ }).click();
  await expect(reviewHead).toContainText('0 due · 2 new');
  await expect(nav.getByTestId('nav-due')).toHaveText('2');
});
