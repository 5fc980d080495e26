/**
 * A PDF through the desktop app's native "Open a file…" dialog on the harness: the built main bundle reads the file,
 * the page sends it to importPdf, and the built PDF worker (beside the main bundle) reads it into the library.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPdf, column } from '@main/import/pdf-fixtures';
import { tempFolder } from '../electron-harness/launch';
import { expect, test } from './fixtures';

test('harness: “Open a file…” on a PDF imports it through the PDF worker, with its pages', async ({ harness }) => {
  test.setTimeout(180_000);
  const app = harness.launch();
  const folder = tempFolder('lectio-harness-files-');
  const file = path.join(folder, 'ferry-report.pdf');
  writeFileSync(
    file,
    await buildPdf(
      [column(['The ferry talks resumed on Monday.'], 72, 120), column(['Both sides signed on Friday.'], 72, 120)],
      { title: 'Ferry Report' },
    ),
  );
  const page = await app.window();
  await page.getByRole('button', { name: 'Import article' }).click();
  await app.queueOpenDialog({ canceled: false, filePaths: [file] });
  await page.getByRole('button', { name: 'Open a file…' }).click();
  await expect(page.getByRole('heading', { name: 'Ferry Report', level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('article')).toContainText('Both sides signed on Friday.');
  const index = JSON.parse(readFileSync(path.join(app.options.dataDir, 'library.json'), 'utf8')) as {
    documents: { title: string; pageCount?: number }[];
  };
  expect(index.documents.find((doc) => doc.title === 'Ferry Report')).toMatchObject({ pageCount: 2 });
  const filters = ((await app.records()).openDialogs[0]?.options as { filters: { extensions: string[] }[] }).filters;
  expect(filters[0]?.extensions).toContain('pdf');
});
