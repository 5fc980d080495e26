/**
 * Hostile and awkward files through the real import UI in Chromium: text in UTF-16 and Latin-1 imports correctly;
 * binary files, files in an encoding Lectio cannot tell and files over the size limit are refused with a clear
 * message; and every XSS vector in e2e/fixtures/xss-vectors.ts goes through the page's own importer (one file per
 * vector), then in batches all the way into the Reader, with no dialog, no script run and no request leaving the app.
 */
import { openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { XSS_VECTORS } from '../fixtures/xss-vectors';
import { recordFigures } from '../support/figures';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

function watch(page: Page) {
  const outside: string[] = [];
  const dialogs: string[] = [];
  // Read once: the page may still make a call (its notices) after the test, when this server is gone.
  const origin = server.origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { outside, dialogs };
}

async function openImport(page: Page) {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  return page.locator('input[type=file]').first();
}

const LATIN = 'Grüße aus Köln: “Ação” — 10 €.';

test('UTF-16 and Latin-1 files import with their accents; binary, unknown encodings and huge files are refused clearly', async ({
  page,
}) => {
  const input = await openImport(page);
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(`${LATIN}\nSecond paragraph of the UTF-16 file.`, 'utf16le'),
  ]);
  await input.setInputFiles({ name: 'utf16.txt', mimeType: 'text/plain', buffer: utf16 });
  await expect(page.getByRole('textbox', { name: 'Article text' })).toHaveValue(
    `${LATIN}\nSecond paragraph of the UTF-16 file.`,
  );

  const cp1252 = Buffer.from(
    [...'Grüße aus Köln: ']
      .map((c) => c.charCodeAt(0))
      .concat(
        [0x93],
        [...'Ação'].map((c) => c.charCodeAt(0)),
        [0x94, 0x20, 0x97, 0x20],
        [...'10 '].map((c) => c.charCodeAt(0)),
        [0x80, 0x2e],
      ),
  );
  await input.setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: cp1252 });
  await expect(page.getByRole('textbox', { name: 'Article text' })).toHaveValue(LATIN);
  await page.getByRole('button', { name: 'Add to library' }).click();
  await expect(page.getByRole('article')).toContainText(LATIN);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'Import article' }).click();
  const again = page.locator('input[type=file]').first();
  await again.setInputFiles({
    name: 'photo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  });
  await expect(page.getByRole('alert')).toContainText('not text (it looks like a binary file)');
  await again.setInputFiles({
    name: 'japanese.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([
      0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x95, 0xb6, 0x8f, 0xcd, 0x82, 0xc5, 0x82, 0xb7,
    ]),
  });
  await expect(page.getByRole('alert')).toContainText('encoding is not one Lectio can read');
  const huge = path.join(server.dataDir, 'huge.txt');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 25_000_000); // sparse: 25 MB on paper, nothing written
  closeSync(fd);
  await again.setInputFiles(huge);
  await expect(page.getByRole('alert')).toContainText('huge.txt is 25.0 MB; Lectio opens files up to 24 MB');
  await saveScreen(page, 'import-refused-huge-file');
});

test(`${XSS_VECTORS.length} XSS vectors through the real importer and Reader: nothing runs, opens or loads`, async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { outside, dialogs } = watch(page);
  const input = await openImport(page);
  const status = page.locator('.file-row .muted');
  let structured = 0;
  for (const [i, vector] of XSS_VECTORS.entries()) {
    const name = `vector-${i}.html`;
    const html = `<!doctype html><html><head><title>Vector ${i}</title></head><body><article><p>Vector ${i} follows this ordinary sentence of article text.</p>${vector}<p>And an ordinary sentence follows it.</p></article></body></html>`;
    await input.setInputFiles({ name, mimeType: 'text/html', buffer: Buffer.from(html) });
    // A NUL byte makes the file binary: refused before it is read as HTML at all.
    const expected = vector.includes('\u0000') ? 'not text' : name;
    await page.waitForFunction(
      (text) => document.querySelector('form[aria-label="Import an article"]')?.textContent?.includes(text),
      expected,
      { polling: 'raf', timeout: 10_000 },
    );
    const shown = (await status.textContent()) ?? '';
    if (shown.includes(name) && shown.includes('formatting and links kept')) structured++;
  }
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

  const BATCH = 70;
  let batches = 0;
  for (let start = 0; start < XSS_VECTORS.length; start += BATCH) {
    const body = XSS_VECTORS.slice(start, start + BATCH)
      .map(
        (vector, j) =>
          `<section><h2>Vector ${start + j}</h2><p>Ordinary text before vector ${start + j}.</p><div>${vector}</div></section>`,
      )
      .join('\n');
    const file = path.join(server.dataDir, `batch-${start}.html`);
    writeFileSync(
      file,
      `<!doctype html><html><head><title>Batch ${start}</title></head><body><article>${body}</article></body></html>`,
    );
    await page.goto(`${server.origin}/?batch=${start}#/`); // a full load: the token stays in this tab's session storage
    await page.getByRole('button', { name: 'Import article' }).click();
    await page.locator('input[type=file]').first().setInputFiles(file);
    await expect(page.locator('.file-row .muted')).toContainText(`batch-${start}.html`);
    await page.getByRole('button', { name: 'Add to library' }).click();
    const article = page.getByRole('article');
    await expect(article).toContainText(`Ordinary text before vector ${start}`);
    await expect(
      article.locator(
        'script, img, iframe, svg, math, object, embed, style, link, form, input, video, audio, base, meta',
      ),
    ).toHaveCount(0);
    const handlers = await article.evaluate((root) =>
      [...root.querySelectorAll('*')]
        .filter((el) => [...el.attributes].some((a) => /^on|^srcdoc$|^formaction$/i.test(a.name)))
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(handlers).toEqual([]);
    const hrefs = await article.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
    batches++;
  }
  await page.mouse.move(300, 300);
  await page.waitForTimeout(300);
  await saveScreen(page, 'reader-xss-batch');
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
  recordFigures('xss-e2e', {
    vectors: XSS_VECTORS.length,
    importedOneByOne: XSS_VECTORS.length,
    keptAsFormattedArticle: structured,
    batchesOpenedInReader: batches,
    dialogs: dialogs.length,
    outsideRequests: outside.length,
  });
});
