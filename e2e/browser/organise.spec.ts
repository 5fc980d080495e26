/**
 * Organising the library as a reader does: collections, tags (on the card and in the Reader), filters and sort
 * remembered, select many (checkboxes, shift-click, keyboard) to tag, file, archive and delete with Undo (also across
 * a restart), search with the Library's filter, and reopening an article where it was left.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callApi, importArticles } from '../support/api-client';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

const ARTICLES = [
  {
    title: 'Alpha talks in Seoul',
    source: 'Donga',
    publishedDate: '2024-03-01',
    text: 'Seoul and Tokyo met on trade.\nThe talks went on for a week.',
  },
  {
    title: 'Beta budget vote',
    source: 'Reuters',
    publishedDate: '2025-06-10',
    text: 'Parliament in Seoul voted on the budget in June.\nThe vote was close.',
  },
  {
    title: 'Gamma summit',
    source: 'Donga',
    publishedDate: '2023-11-20',
    text: 'The summit in Hanoi ended without a deal.\nBoth sides left early.',
  },
];

/** Seeds the articles through the API (setup, not what is tested); returns their ids by title. */
async function seed(): Promise<Record<string, string>> {
  return importArticles(server, ARTICLES);
}

const rows = (page: Page) =>
  page
    .getByRole('list', { name: 'Documents' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('checkbox') });
const titles = async (page: Page) =>
  (await page.locator('ul.doc-list .doc-title').allTextContents()).map((t) => t.trim());
const organisationPath = () => path.join(server.dataDir, 'organisation.json');
/** The organisation file as saved; empty before the first change writes it. */
const organisationFile = () =>
  (existsSync(organisationPath())
    ? JSON.parse(readFileSync(organisationPath(), 'utf8'))
    : { collections: [], documents: {}, view: {} }) as {
    collections: { id: string; name: string }[];
    documents: Record<
      string,
      {
        tags: string[];
        collections: string[];
        archived: boolean;
        position: { offset: number } | null;
        progress: number;
      }
    >;
    view: { sort: string; direction: string; filter: Record<string, unknown> };
  };

test('collections: create one, file articles in it from a selection, filter by it, rename it, delete it (articles stay)', async ({
  page,
}) => {
  await seed();
  await page.goto(server.url);
  const sidebar = page.getByRole('navigation', { name: 'Collections' });
  await sidebar.getByRole('button', { name: '+ New collection' }).click();
  await page.getByRole('textbox', { name: 'New collection name' }).fill('Week 3');
  await page.getByRole('textbox', { name: 'New collection name' }).press('Enter');
  await expect(sidebar.getByRole('button', { name: /Week 3/ })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select Alpha talks in Seoul' }).check();
  await page.getByRole('checkbox', { name: 'Select Gamma summit' }).check();
  await expect(page.getByRole('region', { name: 'Selected articles' })).toContainText('2 selected');
  await page
    .getByRole('combobox', { name: 'Add the selected articles to a collection' })
    .selectOption({ label: 'Week 3' });
  await expect(sidebar.getByRole('button', { name: /Week 3/ })).toContainText('2');

  await sidebar.getByRole('button', { name: /Week 3/ }).click();
  // Newest added first, the default sort.
  await expect.poll(() => titles(page)).toEqual(['Gamma summit', 'Alpha talks in Seoul']);

  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'Collection name' }).fill('Korea week');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Korea week' })).toBeVisible();
  await expect.poll(() => organisationFile().collections.map((c) => c.name)).toEqual(['Korea week']);

  await page.getByRole('button', { name: 'Delete collection' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete collection' }).click();
  await expect(sidebar.getByRole('button', { name: /Korea week/ })).toHaveCount(0);
  await expect(sidebar.getByRole('button', { name: /All articles/ })).toHaveAttribute('aria-current', 'true');
  await expect(rows(page)).toHaveCount(4);
});

test('tags: added on a card and in the Reader, case-insensitive, shown on the card, filtered by; sort remembered after a restart', async ({
  page,
}) => {
  await seed();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Add a tag to Beta budget vote' }).click();
  await page.getByRole('combobox', { name: 'Add a tag to Beta budget vote' }).fill('Korea');
  await page.getByRole('combobox', { name: 'Add a tag to Beta budget vote' }).press('Enter');
  await expect(page.getByRole('group', { name: 'Tags of Beta budget vote' })).toContainText('#korea');

  await page.getByRole('button', { name: 'Open Alpha talks in Seoul' }).click();
  const article = page.getByRole('article');
  await article.getByRole('button', { name: 'Add a tag to Alpha talks in Seoul' }).click();
  await article.getByRole('combobox', { name: 'Add a tag to Alpha talks in Seoul' }).fill('#KOREA');
  await article.getByRole('combobox', { name: 'Add a tag to Alpha talks in Seoul' }).press('Enter');
  await expect(article.getByRole('group', { name: 'Tags of Alpha talks in Seoul' })).toContainText('#korea');
  await page.getByRole('button', { name: '← Library' }).click();

  await page
    .getByRole('navigation', { name: 'Collections' })
    .getByRole('button', { name: /#korea/ })
    .click();
  await expect.poll(() => titles(page)).toEqual(['Beta budget vote', 'Alpha talks in Seoul']);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Published date' });
  await expect.poll(() => titles(page)).toEqual(['Beta budget vote', 'Alpha talks in Seoul']);
  await page.getByRole('button', { name: /reverse the order/ }).click();
  await expect.poll(() => titles(page)).toEqual(['Alpha talks in Seoul', 'Beta budget vote']);
  await page.getByRole('button', { name: 'Remove tag korea from Beta budget vote' }).click();
  await expect.poll(() => titles(page)).toEqual(['Alpha talks in Seoul']);
  await page.getByRole('button', { name: 'Stop filtering by tag korea' }).click();
  await page.getByRole('combobox', { name: 'From' }).selectOption('Donga');
  // Oldest published first; the sample article (also Donga) has no printed date, so it comes last either way.
  const donga = ['Gamma summit', 'Alpha talks in Seoul', expect.stringMatching(/^Putin/)];
  await expect.poll(() => titles(page)).toEqual(donga);
  await expect
    .poll(() => organisationFile().view)
    .toMatchObject({ sort: 'published', direction: 'asc', filter: { source: 'Donga' } });

  await server.restart();
  await page.goto(server.url);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('published');
  await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue('Donga');
  await expect.poll(() => titles(page)).toEqual(donga);
});

test('select many with shift-click and the keyboard, archive and unarchive, delete with Undo', async ({ page }) => {
  await seed();
  await page.goto(server.url);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  await expect
    .poll(() => titles(page))
    .toEqual(['Alpha talks in Seoul', 'Beta budget vote', 'Gamma summit', expect.stringMatching(/^Putin/)]);

  // Shift-click selects the range between the last box toggled and this one.
  await page.getByRole('checkbox', { name: 'Select Alpha talks in Seoul' }).click();
  await page.getByRole('checkbox', { name: 'Select Gamma summit' }).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('region', { name: 'Selected articles' })).toContainText('3 selected');
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect.poll(() => titles(page)).toEqual([expect.stringMatching(/^Putin/)]);
  await page
    .getByRole('navigation', { name: 'Collections' })
    .getByRole('button', { name: /Archived/ })
    .click();
  await expect.poll(() => titles(page)).toEqual(['Alpha talks in Seoul', 'Beta budget vote', 'Gamma summit']);

  // The keyboard: Tab to a box, Space toggles it.
  await page.getByRole('checkbox', { name: 'Select Beta budget vote' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Selected articles' })).toContainText('1 selected');
  await page.getByRole('button', { name: 'Unarchive' }).click();
  await expect.poll(() => titles(page)).toEqual(['Alpha talks in Seoul', 'Gamma summit']);

  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Deleted 2 articles.' });
  await expect(toast).toBeVisible();
  await expect.poll(() => titles(page)).toEqual([]);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toHaveCount(0);
  await expect.poll(() => titles(page)).toEqual(['Alpha talks in Seoul', 'Gamma summit']);
  const index = JSON.parse(readFileSync(path.join(server.dataDir, 'library.json'), 'utf8')) as {
    documents: { deletedAt?: string }[];
  };
  expect(index.documents.filter((doc) => doc.deletedAt)).toEqual([]);
});

test('a deletion whose Undo was open when Lectio closed can still be undone after a restart, highlights included', async ({
  page,
}) => {
  const ids = await seed();
  const made = await callApi(server, 'createHighlight', {
    documentId: ids['Beta budget vote'] as string,
    start: 0,
    end: 10,
    color: 1,
    note: 'who voted',
  });
  expect(made.ok).toBe(true);
  await page.goto(server.url);
  await page.getByRole('checkbox', { name: 'Select Beta budget vote' }).check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Beta budget vote”.' })).toBeVisible();

  await server.restart();
  await page.goto(server.url);
  const toast = page.getByRole('status').filter({ hasText: 'Deleted “Beta budget vote”.' });
  await expect(toast).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Beta budget vote' })).toHaveCount(0);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Open Beta budget vote' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('who voted');
});

test('search finds only in what the Library filter shows', async ({ page }) => {
  await seed();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Add a tag to Alpha talks in Seoul' }).click();
  await page.getByRole('combobox', { name: 'Add a tag to Alpha talks in Seoul' }).fill('trade');
  await page.getByRole('combobox', { name: 'Add a tag to Alpha talks in Seoul' }).press('Enter');
  await page
    .getByRole('navigation', { name: 'Collections' })
    .getByRole('button', { name: /#trade/ })
    .click();
  await expect.poll(() => titles(page)).toEqual(['Alpha talks in Seoul']);

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the library' });
  await dialog.getByRole('combobox', { name: 'Search the library' }).fill('Seoul');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /Only in the Library’s view/ })).toBeChecked();
  await expect
    .poll(async () => [...new Set(await dialog.locator('.hit-title').allTextContents())])
    .toEqual(['Alpha talks in Seoul']);
  await dialog.getByRole('checkbox', { name: /Only in the Library’s view/ }).uncheck();
  await expect
    .poll(async () => [...new Set(await dialog.locator('.hit-title').allTextContents())].sort())
    .toEqual(['Alpha talks in Seoul', 'Beta budget vote']);
});

test('an article reopens where the reader left it, after a restart, and its card shows the progress', async ({
  page,
}) => {
  const paragraphs = Array.from(
    { length: 120 },
    (_, i) =>
      `Paragraph ${i + 1} tells of the long negotiation in detail, round after round, with every delegate named.`,
  );
  const made = await callApi(server, 'importDocument', {
    text: paragraphs.join('\n'),
    format: 'text',
    title: 'Long read',
    source: 'Wire',
  });
  if (!made.ok) throw new Error(made.error.message);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Open Long read' }).click();
  const target = page.getByRole('article').getByText('Paragraph 60 tells', { exact: false });
  await target.evaluate((el) =>
    window.scrollTo({ top: window.scrollY + el.getBoundingClientRect().top - 90, behavior: 'instant' }),
  );
  await expect
    .poll(() => organisationFile().documents[made.value.id]?.position?.offset ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(0);
  const saved = organisationFile().documents[made.value.id];
  const text = paragraphs.join('\n');
  expect(text.slice(saved?.position?.offset ?? 0)).toMatch(/^(aragraph|Paragraph) 6[01]|^.{0,110}Paragraph 6[01] /s);

  await server.restart();
  await page.goto(server.url);
  await expect(page.getByRole('group', { name: 'Tags of Long read' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Long read' })).toContainText(/\d+% read/);
  await page.getByRole('button', { name: 'Open Long read' }).click();
  // Back at paragraph 60: it is at the top of the window, under the bar.
  await expect
    .poll(
      async () =>
        page
          .getByRole('article')
          .getByText('Paragraph 60 tells', { exact: false })
          .evaluate((el) => Math.round(el.getBoundingClientRect().top)),
      { timeout: 15_000 },
    )
    .toBeLessThan(200);
  await expect
    .poll(async () =>
      page
        .getByRole('article')
        .getByText('Paragraph 60 tells', { exact: false })
        .evaluate((el) => Math.round(el.getBoundingClientRect().top)),
    )
    .toBeGreaterThan(-60);
});

test('screenshots of the organised Library at 800 and 1280 px', async ({ page }) => {
  await seed();
  const shots = process.env.LECTIO_SHOTS_DIR;
  await page.goto(server.url);
  const sidebar = page.getByRole('navigation', { name: 'Collections' });
  for (const name of ['Week 3', 'Korea']) {
    await sidebar.getByRole('button', { name: '+ New collection' }).click();
    await page.getByRole('textbox', { name: 'New collection name' }).fill(name);
    await page.getByRole('textbox', { name: 'New collection name' }).press('Enter');
    await expect(sidebar.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  }
  await page.getByRole('checkbox', { name: 'Select Alpha talks in Seoul' }).check();
  await page.getByRole('checkbox', { name: 'Select Beta budget vote' }).check();
  await page.getByRole('textbox', { name: 'Tag the selected articles' }).fill('korea');
  await page.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Tags of Beta budget vote' })).toContainText('#korea');
  await page
    .getByRole('combobox', { name: 'Add the selected articles to a collection' })
    .selectOption({ label: 'Week 3' });
  await expect(sidebar.getByRole('button', { name: /Week 3/ })).toContainText('2');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Published date' });
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.getByRole('region', { name: 'Selected articles' })).toBeVisible();
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `library-organised-${width}.png`) });
    }
  }
});

test("a semester's collections and tags leave the articles in view: a dozen tags, the rest a click away", async ({
  page,
}) => {
  const ids = Object.values(await seed());
  for (let week = 1; week <= 24; week++) {
    const made = await callApi(server, 'createCollection', { name: `Week ${week}` });
    if (!made.ok) throw new Error(made.error.message);
  }
  // 20 tags; the first article carries the least used one, so choosing it shows it beyond the dozen.
  for (let i = 1; i <= 20; i++) {
    const carriers = i === 20 ? [ids[0]!] : ids;
    const tagged = await callApi(server, 'organiseDocuments', { ids: carriers, addTags: [`topic-${i}`] });
    if (!tagged.ok) throw new Error(tagged.error.message);
  }
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url);
    const tagList = page.getByRole('list', { name: 'Tags' });
    await expect(tagList.getByRole('listitem')).toHaveCount(12);
    // The first article's card starts within the window, under 24 collections and 20 tags.
    const first = rows(page).first();
    await expect(first).toBeVisible();
    const box = await first.boundingBox();
    expect(box && box.y < 900).toBe(true);
    // The tags stay reachable: in the sticky sidebar (which scrolls on its own) or above the list.
    await tagList.scrollIntoViewIfNeeded();
    await expect(tagList).toBeInViewport();
    await saveScreen(page, `library-semester-${width}`);
  }
  const more = page.getByRole('button', { name: 'All 20 tags' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  const tagList = page.getByRole('list', { name: 'Tags' });
  await expect(tagList.getByRole('listitem')).toHaveCount(20);
  await tagList.getByRole('button', { name: /#topic-20/ }).click();
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Fewer tags' }).click();
  // The chosen tag stays in view with the dozen.
  await expect(tagList.getByRole('listitem')).toHaveCount(13);
  await expect(tagList.getByRole('button', { name: /#topic-20/ })).toHaveAttribute('aria-pressed', 'true');
  // Every collection is still reachable in the one-row bar of a narrow window.
  await page.setViewportSize({ width: 800, height: 900 });
  const week24 = page.getByRole('navigation', { name: 'Collections' }).getByRole('button', { name: /Week 24/ });
  await week24.scrollIntoViewIfNeeded();
  await week24.click();
  await expect(page.getByText('No article matches this view.')).toBeVisible();
});
