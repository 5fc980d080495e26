/**
 * PDF import as a reader does it (issue #19, item 6): a PDF chosen in the import panel is read page by page with a
 * progress bar and a Cancel, lands in the Reader in reading order without its running header and page numbers, and a
 * highlight and a card made from it say which page they are on. Scanned and encrypted files are refused in words.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildPdf, column, encryptedPdf, longReportPdf, scannedPdf, withRunningLines } from '@main/import/pdf-fixtures';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';
import { dragSelect } from '../support/text';

const server = serverPerTest();
// PDFs are built and read on a busy two-core machine: generous, polled timeouts.
test.setTimeout(180_000);

async function openImport(page: Page) {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  return page.locator('input[type=file]').first();
}

function libraryTitles(): string[] {
  const index = JSON.parse(readFileSync(path.join(server.dataDir, 'library.json'), 'utf8')) as {
    documents: { title: string }[];
  };
  return index.documents.map((doc) => doc.title);
}

async function shoot(page: Page, name: string) {
  mkdirSync('test-results/shots/pdf', { recursive: true });
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: `test-results/shots/pdf/${name}-${width}.png`,
      fullPage: false,
      animations: 'disabled',
    });
  }
  await saveScreen(page, name);
}

/** A three-page report in two columns on its first page, with a running header and page numbers on every page. */
async function harbourReport(): Promise<Buffer> {
  const bytes = await buildPdf(
    [
      withRunningLines(
        [
          ...column(['engineers found the old wall unsafe', 'after the winter storms.'], 320, 140),
          { text: 'Breakwater Survey', x: 72, top: 100, size: 20 },
          ...column(['The harbour authority surveyed the', 'northern breakwater in January, and its'], 72, 140),
        ],
        1,
      ),
      withRunningLines(
        column(['The council approved the repairs in March.', 'Work starts in April and ends in October.'], 72, 120),
        2,
      ),
      withRunningLines(column(['The cost is shared with the region.'], 72, 120), 3),
    ],
    { title: 'The Harbour Report', author: 'Ana Costa; Rui Lima', created: new Date('2025-11-20T10:00:00Z') },
  );
  return Buffer.from(bytes);
}

test('a PDF is read into the Reader in reading order, and a highlight and its card say their page', async ({
  page,
}) => {
  const input = await openImport(page);
  await input.setInputFiles({ name: 'harbour-report.pdf', mimeType: 'application/pdf', buffer: await harbourReport() });

  const article = page.getByRole('article');
  await expect(page.getByRole('heading', { name: 'The Harbour Report', level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('3 pages (PDF)')).toBeVisible();
  await expect(article).toContainText(
    'The harbour authority surveyed the northern breakwater in January, and its engineers found the old wall unsafe after the winter storms.',
  );
  await expect(article).not.toContainText('Journal of Careful Reading');
  await expect(article.getByRole('heading', { name: 'Breakwater Survey' })).toBeVisible();

  await dragSelect(page, 'The council approved the repairs in March.');
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: /^Key point/ })
    .click();
  const item = page
    .getByRole('list', { name: 'Highlights' })
    .getByRole('listitem')
    .filter({ hasText: 'The council approved the repairs' });
  await expect(item).toContainText('p. 2');
  await shoot(page, 'import-pdf-highlight');

  await page.keyboard.press('Escape');
  await item.getByRole('button', { name: /^Make card: The council approved/ }).click();
  await expect(item.getByRole('status')).toHaveText('Card made · Review');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
  await expect(
    page.getByRole('list', { name: 'Cards' }).getByRole('listitem').filter({ hasText: 'The council approved' }),
  ).toContainText('The Harbour Report, p. 2');

  const index = JSON.parse(readFileSync(path.join(server.dataDir, 'library.json'), 'utf8')) as {
    documents: { id: string; title: string; pageCount?: number; authors?: string[]; publishedDate: string | null }[];
  };
  const meta = index.documents.find((doc) => doc.title === 'The Harbour Report');
  expect(meta).toMatchObject({ pageCount: 3, authors: ['Ana Costa', 'Rui Lima'], publishedDate: '2025-11-20' });
  const stored = JSON.parse(readFileSync(path.join(server.dataDir, 'documents', `${meta?.id}.json`), 'utf8')) as {
    body: { blocks: { page?: number }[] };
  };
  expect(stored.body.blocks.map((block) => block.page)).toEqual([1, 1, 2, 3]);
});

test('a long PDF shows its progress page by page, and Cancel adds nothing', async ({ page }) => {
  const input = await openImport(page);
  await input.setInputFiles({
    name: 'long-report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(await longReportPdf(300)),
  });
  const bar = page.getByRole('progressbar', { name: 'Reading long-report.pdf' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /Reading long-report\.pdf… page \d+ of 300/ })).toBeVisible({
    timeout: 30_000,
  });
  await bar.scrollIntoViewIfNeeded();
  await shoot(page, 'import-pdf-progress');
  await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('form', { name: 'Import an article' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(libraryTitles()).not.toContain('A Report of 300 Pages');
});

test('a scanned PDF and an encrypted one are refused in words, and nothing is added', async ({ page }) => {
  const input = await openImport(page);
  await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await scannedPdf()) });
  await expect(page.getByRole('alert')).toContainText('This PDF has no text layer: it is probably scanned', {
    timeout: 60_000,
  });
  await input.setInputFiles({ name: 'locked.pdf', mimeType: 'application/pdf', buffer: Buffer.from(encryptedPdf()) });
  await expect(page.getByRole('alert')).toContainText('This PDF is protected by a password', { timeout: 60_000 });
  await page.getByRole('alert').scrollIntoViewIfNeeded();
  await shoot(page, 'import-pdf-refused');
  expect(libraryTitles()).toHaveLength(1);
});

test('a PDF saved from a web address is read as a PDF, with its pages', async ({ page }) => {
  const report = await harbourReport();
  const site = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/pdf' });
    response.end(report);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Import article' }).click();
    await page
      .getByLabel('From a web address')
      .fill(`http://127.0.0.1:${(site.address() as AddressInfo).port}/reports/harbour.pdf`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'The Harbour Report', level: 1 })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('3 pages (PDF)')).toBeVisible();
    await expect(page.getByRole('article')).toContainText('The council approved the repairs in March.');
  } finally {
    site.closeAllConnections();
    await new Promise<void>((resolve) => site.close(() => resolve()));
  }
});
