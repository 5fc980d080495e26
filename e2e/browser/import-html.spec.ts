/** Importing a hostile HTML page: the article arrives, nothing in it runs, and nothing leaves the machine. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

const HOSTILE = `<!doctype html><html><head><title>Harbour strike ends</title>
<script>window.__pwned = 'head script'</script>
<link rel="stylesheet" href="https://cdn.example.com/evil.css">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
</head><body>
<article><h1>Harbour strike ends after nine days</h1>
<p>Dock workers returned to work on Monday, the union said. <img src="https://tracker.example/pixel.gif" onerror="window.__pwned='img onerror'"></p>
<p>Talks on pensions resume in March. <a href="javascript:window.__pwned='link'">Click</a> or read <a href="https://example.org/report">the report</a>.</p>
<p><svg onload="window.__pwned='svg'"></svg><iframe src="https://evil.example/frame"></iframe>The port authority put losses at 40 million euros a day.</p>
<p style="background:url(https://tracker.example/bg.png)">Shipping lines expect the backlog to clear within two weeks, officials said.</p>
</article><script>alert('pwned')</script></body></html>`;

test('an HTML article imports with its text and links, and nothing in it runs or loads', async ({ page }) => {
  const outside: string[] = [];
  // Read once: the page may still make a call (its notices) after the test, when this server is gone.
  const origin = server.origin;
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
      outside.push(request.url());
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  const file = path.join(server.dataDir, 'strike.html');
  writeFileSync(file, HOSTILE);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.locator('input[type=file]').first().setInputFiles(file);
  // Text nodes may wrap in the markup (the page shows one space): match across any whitespace.
  await expect(page.getByText(/formatting and links kept; scripts, images\s+and styles removed/)).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Harbour strike ends');
  await page.getByRole('button', { name: 'Add to library' }).click();

  const article = page.getByRole('article');
  await expect(article).toContainText('Dock workers returned to work on Monday');
  await expect(article).toContainText('The port authority put losses at 40 million euros a day.');
  await expect(article.getByRole('link', { name: 'the report' })).toHaveAttribute('href', 'https://example.org/report');
  await expect(article.locator('a', { hasText: 'Click' })).toHaveCount(0);
  await expect(article.locator('script, img, iframe, svg, link, style')).toHaveCount(0);
  await saveScreen(page, 'reader-html-import');

  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
});
