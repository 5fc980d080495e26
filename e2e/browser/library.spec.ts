/** Browser mode, as a newcomer meets it: the sample article, importing by paste and by file, restart, delete. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { REPO_ROOT, serverPerTest } from '../support/server';

const server = serverPerTest();

test('a new library opens on the sample article, readable in the Reader', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const sample = page.getByRole('button', { name: /Open Putin’s visit to North Korea/ });
  await expect(sample).toBeVisible();
  await expect(page.getByRole('list', { name: 'Documents' })).toContainText('Donga');
  await expect(page.getByRole('list', { name: 'Documents' })).toContainText('1,0');
  await expect(page).not.toHaveURL(/token=/);
  await saveScreen(page, 'library');

  await sample.click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(/Putin’s visit to North Korea/);
  await expect(article).toContainText(
    'As Russian President Vladimir Putin’s visit to North Korea becomes virtually official',
  );
  await expect(article).toContainText('No printed date');
  const paragraphs = readFileSync(path.join(REPO_ROOT, 'assets/sample-article.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  await expect(article.locator('p.block')).toHaveCount(paragraphs.length);
  await saveScreen(page, 'reader');
});

test('a pasted article joins the library and is still there after a restart', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  await page
    .getByRole('textbox', { name: 'Article text' })
    .fill('Ministers met in Lisbon on Monday.\nThey agreed to meet again in May.');
  await page.getByLabel('Title').fill('Lisbon talks');
  await page.getByLabel('Source').fill('Test Wire');
  await saveScreen(page, 'import');
  await page.getByRole('button', { name: 'Add to library' }).click();

  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Lisbon talks');
  await expect(page.getByRole('article')).toContainText('They agreed to meet again in May.');

  const index = JSON.parse(readFileSync(path.join(server.dataDir, 'library.json'), 'utf8')) as {
    schemaVersion: number;
    documents: { title: string }[];
  };
  expect(index.schemaVersion).toBe(1);
  expect(index.documents.map((doc) => doc.title)).toContain('Lisbon talks');

  await server.restart();
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Open Lisbon talks' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();
});

test('a Markdown file keeps its headings, emphasis and links, and links leave the app; its title heading names it, once', async ({
  page,
}) => {
  const file = path.join(server.dataDir, 'brief.md');
  writeFileSync(
    file,
    '# Summit brief\n\n## Outcome\n\nThe *summit* ended with a **deal**. See [the report](https://example.org/report).\n\n- first point\n- second point\n\n<script>alert(1)</script>\n',
  );
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  // The opening heading is the title, not the file's name, and it is not kept in the text to be shown twice.
  await expect(page.getByLabel('Title')).toHaveValue('Summit brief');
  await page.getByRole('button', { name: 'Add to library' }).click();

  await expect(page.getByRole('heading', { name: 'Summit brief', level: 1 })).toBeVisible();
  await expect(page.getByText('Summit brief', { exact: true })).toHaveCount(1);
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { name: 'Outcome', level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: /Article text/ })).not.toContainText('Summit brief');
  await expect(article.locator('.em')).toHaveText('summit');
  await expect(article.locator('.strong')).toHaveText('deal');
  const link = article.getByRole('link', { name: 'the report' });
  await expect(link).toHaveAttribute('href', 'https://example.org/report');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(article.locator('.list-item')).toHaveCount(2);
  await expect(article).not.toContainText('alert(1)');
});

test('deleting asks first, Cancel keeps the article, and Undo brings it back', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Delete Putin’s visit/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this article?' });
  await expect(dialog).toBeVisible();
  await saveScreen(page, 'delete-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();

  await page.getByRole('button', { name: /Delete Putin’s visit/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete article' }).click();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeHidden();
  // A deleted article can be brought back while the Undo stands, with its highlights and notes.
  const toast = page.getByRole('status').filter({ hasText: 'Deleted “Putin’s visit' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();

  await page.getByRole('button', { name: /Delete Putin’s visit/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete article' }).click();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeHidden();
  // Dismissing the toast lets the deletion stand: the article leaves the library's files.
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toBeHidden();
  await expect(page.getByText('Nothing to read yet')).toBeVisible();
  await expect
    .poll(
      () =>
        (JSON.parse(readFileSync(path.join(server.dataDir, 'library.json'), 'utf8')) as { documents: unknown[] })
          .documents.length,
      { timeout: 15_000 },
    )
    .toBe(0);
});

test('the page refuses to work without the token', async ({ page }) => {
  await page.goto(server.origin + '/');
  await expect(page.getByRole('alert')).toContainText('no valid access token');
});
