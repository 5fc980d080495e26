/**
 * Launch order: the Library's rows come first. The top bar's due count reads every card (seconds on a library of
 * 50,000), and the server answers calls in the order they come, so it is asked for only once the Library has its list
 * and organisation. The Quiz and Today screens, whose code carries the extraction engine's word lists, are loaded
 * when first shown, and must still open straight from the top bar or from a link.
 */
import { expect, test, type Page } from '@playwright/test';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

/** When the page sent each API call and when its answer was in, on the page's own clock (Resource Timing). */
function apiTimings(page: Page): Promise<Record<string, { sent: number; answered: number }>> {
  return page.evaluate(() => {
    const calls: Record<string, { sent: number; answered: number }> = {};
    for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const name = /\/api\/(\w+)/.exec(entry.name)?.[1];
      // The first of each: the launch's.
      if (name && !calls[name]) calls[name] = { sent: entry.startTime, answered: entry.responseEnd };
    }
    return calls;
  });
}

test('the due count is asked for after the Library has its rows, and still shows', async ({ page }) => {
  await page.goto(server.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Cards' }).click();
  await page.getByRole('button', { name: 'New card' }).click();
  await page.getByRole('textbox', { name: 'Front' }).fill('Capital of Mongolia?');
  await page.getByRole('textbox', { name: 'Back' }).fill('Ulaanbaatar');
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(nav.getByTestId('nav-due')).toHaveText('1', { timeout: 20_000 });

  await nav.getByRole('link', { name: 'Library' }).click();
  await page.reload();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem').first()).toBeVisible();
  await expect(nav.getByTestId('nav-due')).toHaveText('1', { timeout: 20_000 });

  // By the time the count was asked for, the list and the organisation had been answered.
  const calls = await apiTimings(page);
  const { getDueCounts, listDocuments, getOrganisation } = calls;
  expect(getDueCounts && listDocuments && getOrganisation).toBeTruthy();
  expect(getDueCounts?.sent).toBeGreaterThanOrEqual(listDocuments?.answered ?? Infinity);
  expect(getDueCounts?.sent).toBeGreaterThanOrEqual(getOrganisation?.answered ?? Infinity);
});

test('Today and Quiz, loaded when first shown, open from the top bar and from their address', async ({ page }) => {
  await page.goto(server.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await nav.getByRole('link', { name: 'Quiz' }).click();
  await expect(nav.getByRole('link', { name: 'Quiz' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main').getByRole('heading', { name: 'Quiz', level: 1 })).toBeVisible({
    timeout: 20_000,
  });
  await nav.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('main').getByRole('heading', { name: 'Today', level: 1 })).toBeVisible({
    timeout: 20_000,
  });

  // Straight to the quiz's address (the tab keeps its token): the screen comes up without the Library first.
  await page.goto(new URL('/#/quiz', server.url).href);
  await page.reload();
  await expect(page.getByRole('main').getByRole('heading', { name: 'Quiz', level: 1 })).toBeVisible({
    timeout: 20_000,
  });
});
