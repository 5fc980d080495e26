/**
 * A book through the desktop app's native "Open a file…" dialog on the harness: the built main bundle reads the file,
 * the page sends it to importEpub, and the built EPUB worker (beside the main bundle) reads it, pictures included.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildTestEpub } from '@main/import/epub/test-epub';
import { tempFolder } from '../electron-harness/launch';
import { expect, test } from './fixtures';

// A real (tiny) PNG: a book's pictures are kept by their bytes.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

test('harness: “Open a file…” on an EPUB imports it through the EPUB worker, with its chapters and picture', async ({
  harness,
}) => {
  test.setTimeout(180_000);
  const app = harness.launch();
  const folder = tempFolder('lectio-harness-files-');
  const file = path.join(folder, 'ferry-book.epub');
  writeFileSync(
    file,
    buildTestEpub({
      title: 'The Ferry Book',
      creators: ['Ana Costa'],
      chapters: [
        {
          file: 'c1.xhtml',
          title: 'The Talks',
          body: '<p>The ferry talks resumed on Monday.</p><img src="ferry.png" alt="The ferry"/>',
        },
        { file: 'c2.xhtml', title: 'The Deal', body: '<p>Both sides signed on Friday.</p>' },
      ],
      files: { 'OEBPS/ferry.png': PNG },
    }),
  );
  const page = await app.window();
  await page.getByRole('button', { name: 'Import article' }).click();
  await app.queueOpenDialog({ canceled: false, filePaths: [file] });
  await page.getByRole('button', { name: 'Open a file…' }).click();
  await expect(page.getByRole('heading', { name: 'The Ferry Book', level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('article')).toContainText('Both sides signed on Friday.');
  const index = JSON.parse(readFileSync(path.join(app.options.dataDir, 'library.json'), 'utf8')) as {
    documents: { title: string; leadImage?: string }[];
  };
  const book = index.documents.find((doc) => doc.title === 'The Ferry Book');
  expect(book?.leadImage).toMatch(/^[0-9a-f]{64}\.png$/);
  const filters = ((await app.records()).openDialogs[0]?.options as { filters: { extensions: string[] }[] }).filters;
  expect(filters[0]?.extensions).toContain('epub');
});
