/**
 * Importing on the harness goes through the real IPC handlers of the built main bundle and lands in the data folder:
 * a pasted article survives a restart of the main bundle, and "Open a file…" takes the native dialog's answer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempFolder } from '../electron-harness/launch';
import { expect, test } from './fixtures';

function libraryTitles(dataDir: string): string[] {
  const index = JSON.parse(readFileSync(path.join(dataDir, 'library.json'), 'utf8')) as {
    documents: { title: string }[];
  };
  return index.documents.map((doc) => doc.title);
}

test('harness: a pasted article is imported over IPC and is still there after the main bundle restarts', async ({
  harness,
}) => {
  const dataDir = tempFolder('lectio-harness-data-');
  const configHome = tempFolder('lectio-harness-config-');
  const first = harness.launch({ dataDir, configHome });
  let page = await first.window();
  await page.getByRole('button', { name: 'Import article' }).click();
  await page
    .getByRole('textbox', { name: 'Article text' })
    .fill('Ministers met in Lisbon on Monday.\nThey agreed to meet again in May.');
  await page.getByLabel('Title').fill('Lisbon talks');
  await page.getByRole('button', { name: 'Add to library' }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Lisbon talks');
  expect(libraryTitles(dataDir)).toContain('Lisbon talks');

  // Closing the last window quits the app (main's 'window-all-closed'), which closes the library.
  const exit = await first.closeWindows();
  expect(exit.code).toBe(0);
  expect(exit.records?.mainErrors).toEqual([]);

  const second = harness.launch({ dataDir, configHome });
  page = await second.window();
  await expect(page.getByRole('button', { name: 'Open Lisbon talks' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();
});

test('harness: “Open a file…” goes through the scripted dialog and imports the Markdown file', async ({ harness }) => {
  const app = harness.launch();
  const folder = tempFolder('lectio-harness-files-');
  const file = path.join(folder, 'brief.md');
  writeFileSync(
    file,
    '# Summit brief\n\n## Outcome\n\nThe *summit* ended with a **deal**.\n\n- first point\n- second point\n',
  );
  const page = await app.window();
  await page.getByRole('button', { name: 'Import article' }).click();

  // Nothing queued yet: the dialog answers as a user pressing Cancel, and the form stays empty.
  await page.getByRole('button', { name: 'Open a file…' }).click();
  await expect.poll(async () => (await app.records()).openDialogs.length).toBe(1);
  expect((await app.records()).openDialogs[0]).toMatchObject({ scripted: false, answer: { canceled: true } });
  await expect(page.getByLabel('Title')).toHaveValue('');

  await app.queueOpenDialog({ canceled: false, filePaths: [file] });
  await page.getByRole('button', { name: 'Open a file…' }).click();
  // The file's opening heading names it (and is not kept in the text to show twice).
  await expect(page.getByLabel('Title')).toHaveValue('Summit brief');
  await expect(page.getByText('brief.md (Markdown)')).toBeVisible();
  await page.getByRole('button', { name: 'Add to library' }).click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { name: 'Outcome', level: 2 })).toBeVisible();
  await expect(article.locator('.strong')).toHaveText('deal');
  expect(libraryTitles(app.options.dataDir)).toContain('Summit brief');

  const records = await app.records();
  expect(records.openDialogs).toHaveLength(2);
  expect(records.openDialogs[1]).toMatchObject({ windowId: 1, scripted: true, options: { properties: ['openFile'] } });
  const filters = (records.openDialogs[1]?.options as { filters: { extensions: string[] }[] }).filters;
  expect(filters[0]?.extensions).toEqual(expect.arrayContaining(['txt', 'md']));
});
