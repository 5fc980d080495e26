/**
 * The library timeline as a reader uses it: reached from the Library (whole library, and a collection's), finding the
 * dates of articles never opened, one event reported by two articles shown once with both, each filter (collection,
 * actor, date range, only "did it happen?"), answering "did it happen?" (kept on disk and after a reload), and the
 * link that opens the Reader at the event's sentence.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callApi, importArticles } from '../support/api-client';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

// Published in 2025, so their 2025 dates have passed by the machine's today; 2031 is still to come.
const SUMMIT = 'The ministers of France and Germany will meet in Brussels on 3 March 2025 to sign the water treaty.';
const ARTICLES = [
  {
    title: 'Summit ahead',
    source: 'Le Monde',
    publishedDate: '2025-01-10',
    text: `${SUMMIT} The old treaty was signed in 1998.`,
  },
  {
    title: 'Treaty talks',
    source: 'El País',
    publishedDate: '2025-02-01',
    text: `${SUMMIT} Spain will hold elections in 2031.`,
  },
  {
    title: 'Putin abroad',
    source: 'Reuters',
    publishedDate: '2025-01-10',
    text: 'Russian President Vladimir Putin will visit Pyongyang on 12 April 2025 to sign a defence pact.',
  },
];

/** Seeds the articles through the API (setup, not what is tested), in place of the bundled sample and its many dates. */
async function seed(): Promise<Record<string, string>> {
  for (const method of ['deleteDocuments', 'purgeDeletedDocuments'] as const) {
    const done = await callApi(server, method, { ids: ['sample'] });
    if (!done.ok) throw new Error(done.error.message);
  }
  return importArticles(server, ARTICLES);
}

const events = (page: Page) => page.locator('li.lt-event');
const eventAt = (page: Page, text: string) => events(page).filter({ hasText: text });

/** Opens the Library, then its Timeline, and finds the dates of the articles never opened. */
async function openTimeline(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('3 articles have not been analysed yet');
  await page.getByRole('button', { name: 'Find their dates' }).click();
  await expect(page.getByRole('status')).toHaveCount(0, { timeout: 60_000 });
  await expect(eventAt(page, 'water treaty')).toHaveCount(1);
}

test('shows every article’s dates in order, one event reported twice once with both articles', async ({ page }) => {
  await seed();
  await openTimeline(page);
  await expect(page.getByRole('heading', { name: '1998', level: 2 })).toBeVisible();
  const years = await page.locator('h2.lt-year').allTextContents();
  expect(years).toEqual(['1998', '2025', '2031']);
  const summit = eventAt(page, 'water treaty');
  const sources = summit.getByRole('list', { name: 'Reported by 2 articles' });
  await expect(sources.getByRole('link')).toHaveText(['Summit ahead', 'Treaty talks']);
  await expect(page.locator('.library-head p')).toHaveText('4 events from 3 articles in the whole library');
});

test('filters by collection, actor, date range and “did it happen?”', async ({ page }) => {
  const ids = await seed();
  const week = await callApi(server, 'createCollection', { name: 'Week 1' });
  if (!week.ok) throw new Error(week.error.message);
  await callApi(server, 'organiseDocuments', { ids: [ids['Treaty talks'] ?? ''], addToCollection: week.value.id });
  await openTimeline(page);

  await page.getByRole('combobox', { name: 'Articles' }).selectOption({ label: 'Week 1' });
  await expect(page.locator('.library-head p')).toHaveText('2 events from 1 article in the collection “Week 1”');
  await expect(eventAt(page, 'Spain')).toHaveCount(1);
  await expect(eventAt(page, '1998')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Articles' }).selectOption({ label: 'Whole library' });

  await page.getByRole('combobox', { name: 'Actor' }).selectOption({ label: 'Vladimir Putin (1)' });
  await expect(events(page)).toHaveCount(1);
  await expect(events(page)).toContainText('Pyongyang');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(eventAt(page, 'Spain')).toHaveCount(1);

  await page.getByLabel('From').fill('2025-01-01');
  await page.getByLabel('From').blur();
  await page.getByLabel('To', { exact: true }).fill('2025-12-31');
  await page.getByLabel('To', { exact: true }).blur();
  await expect(eventAt(page, '1998')).toHaveCount(0);
  await expect(eventAt(page, 'Spain')).toHaveCount(0);
  await expect(eventAt(page, 'water treaty')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByRole('checkbox', { name: /Only “did it happen\?”/ }).check();
  await expect(events(page)).toHaveCount(2);
  await expect(eventAt(page, 'water treaty')).toHaveCount(1);
  await expect(eventAt(page, 'Pyongyang')).toHaveCount(1);
});

test('asks “did it happen?” of expected events whose date has passed, and keeps the answer', async ({ page }) => {
  await seed();
  await openTimeline(page);
  const summit = eventAt(page, 'water treaty');
  await expect(summit).toContainText('Did it happen?');
  await expect(eventAt(page, 'Spain')).not.toContainText('Did it happen?');
  await expect(eventAt(page, 'Spain')).toContainText('Expected');
  const answers = summit.getByRole('group', { name: 'Did it happen?' });
  await answers.getByRole('button', { name: 'It did not' }).click();
  await expect(answers.getByRole('button', { name: 'It did not' })).toHaveAttribute('aria-pressed', 'true');
  await expect(summit).toContainText('You said it did not happen');
  const file = path.join(server.dataDir, 'event-answers.json');
  await expect.poll(() => existsSync(file)).toBe(true);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { answers: Record<string, { outcome: string }> };
  expect(Object.values(saved.answers).map((a) => a.outcome)).toEqual(['did-not-happen']);

  await page.reload();
  await expect(eventAt(page, 'water treaty').getByRole('button', { name: 'It did not' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Changed from the keyboard.
  await eventAt(page, 'water treaty').getByRole('button', { name: 'It happened' }).focus();
  await page.keyboard.press('Enter');
  await expect(eventAt(page, 'water treaty').getByRole('button', { name: 'It happened' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('each article opens in the Reader at the event’s sentence; a collection has its own timeline', async ({
  page,
}) => {
  const ids = await seed();
  const week = await callApi(server, 'createCollection', { name: 'Week 1' });
  if (!week.ok) throw new Error(week.error.message);
  await callApi(server, 'organiseDocuments', { ids: [ids['Putin abroad'] ?? ''], addToCollection: week.value.id });
  await openTimeline(page);
  await eventAt(page, 'water treaty').getByRole('link', { name: 'Treaty talks' }).click();
  await expect(page).toHaveURL(new RegExp(`#/read/${ids['Treaty talks']}\\?at=\\d+-\\d+$`));
  await expect(page.getByRole('heading', { name: 'Treaty talks', level: 1 })).toBeVisible();
  await expect(page.getByRole('article')).toContainText('to sign the water treaty');

  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: 'Collections' })
    .getByRole('button', { name: /Week 1/ })
    .click();
  await page.getByRole('link', { name: 'Timeline of this collection' }).click();
  await expect(page.getByRole('combobox', { name: 'Articles' })).toHaveValue(week.value.id);
  await expect(events(page)).toHaveCount(1);
  await expect(events(page)).toContainText('Pyongyang');
});

test('screenshots of the library timeline at 800 and 1280 px', async ({ page }) => {
  await seed();
  const shots = process.env.LECTIO_SHOTS_DIR;
  await openTimeline(page);
  await eventAt(page, 'Pyongyang').getByRole('button', { name: 'It happened' }).click();
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(eventAt(page, 'water treaty')).toBeVisible();
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `library-timeline-${width}.png`), fullPage: true });
    }
  }
});
