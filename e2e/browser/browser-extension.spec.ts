/**
 * The browser extension, loaded unpacked in Chromium as a reader loads it, against browser mode: pair it from
 * Settings › Browser extension, select a passage on a page whose article only its scripts put there, save it, and
 * find the document in Lectio with the passage as its first highlight. Then the same page again (already saved) and
 * Lectio stopped (not running). Where this Chromium cannot load extensions, that test says so and is skipped. And a
 * connector port another program holds is said in Settings, with Lectio running on.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { CHROMIUM_PATH } from '../support/chromium';
import { saveScreen } from '../support/screens';
import { newDataDir, REPO_ROOT, serverPerTest, startServer } from '../support/server';

/** The few extension APIs this spec calls inside the extension's service worker. */
declare const chrome: {
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
};

const server = serverPerTest();
const EXTENSION_FOLDER = path.join(REPO_ROOT, 'out', 'extension');
const EXTENSION = path.join(EXTENSION_FOLDER, 'chromium');

const PARAGRAPHS = [
  'The harbour council voted on Tuesday to rebuild the northern breakwater before the winter storms, ending a debate that had run for three years.',
  'Engineers told the council that the old wall, built in 1911, had lost a third of its stones since the last survey, and that a single bad storm could breach it.',
  'The work will cost 4.2 million euros, shared between the city and the regional government, and is due to start in April.',
  'Fishermen who moor behind the wall welcomed the decision, though several said the council should have acted after the flooding of 2023.',
];
const SELECTED = 'had lost a third of its stones';

// The article is not in the HTML the server sends: the page's script writes it, as many sites do. Only the rendered
// DOM, which the extension sends, holds it.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council votes to rebuild the breakwater</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main id="main">Loading…</main>
<script>
  const paragraphs = ${JSON.stringify(PARAGRAPHS)};
  document.getElementById('main').innerHTML = '<article><h1>Council votes to rebuild the breakwater</h1>' + paragraphs.map((p) => '<p>' + p + '</p>').join('') + '</article>';
</script></body></html>`;

let site: Server | undefined;
let context: BrowserContext | undefined;

test.afterEach(async () => {
  await context?.close();
  context = undefined;
  const open = site;
  site = undefined;
  if (open) {
    open.closeAllConnections();
    await new Promise<void>((resolve) => open.close(() => resolve()));
  }
});

async function startSite(): Promise<string> {
  site = createServer((request, response) => {
    response.writeHead(request.url === '/news/breakwater' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(request.url === '/news/breakwater' ? PAGE : 'Not here');
  });
  await new Promise<void>((resolve) => site?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}

/** Chromium with the unpacked extension, and its background service worker; skips the test where that cannot load. */
async function launchWithExtension(): Promise<{ worker: Worker; extensionId: string }> {
  // A missing build is a failure, not a reason to skip: only this Chromium's inability to load extensions is.
  expect(
    existsSync(path.join(EXTENSION, 'manifest.json')),
    `${EXTENSION} holds no extension: npm run build makes it`,
  ).toBe(true);
  // Extensions need a persistent profile, and Chromium's new headless mode (its plain --headless since 132) loads them.
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'lectio-ext-profile-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--no-first-run',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-sync',
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }).catch(() => null));
  test.skip(
    !worker,
    `This Chromium (${CHROMIUM_PATH}) did not start the extension's service worker: extensions cannot load here.`,
  );
  if (!worker) throw new Error('unreachable');
  return { worker, extensionId: new URL(worker.url()).host };
}

/** What the toolbar button does, asked of the background for the tab showing `url`. */
function saveFromToolbar(worker: Worker, url: string): Promise<{ kind: string; message: string }> {
  return worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return (globalThis as unknown as { saveTab: (tab: unknown) => Promise<{ kind: string; message: string }> }).saveTab(
      tab,
    );
  }, url);
}

function badgeOf(worker: Worker, url: string): Promise<string> {
  return worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return chrome.action.getBadgeText({ tabId: tab?.id });
  }, url);
}

/** Selects `phrase` on the page as a reader's drag would leave it: one range over the words. */
async function select(page: Page, phrase: string): Promise<void> {
  await page.evaluate((words) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(words) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return;
    }
    throw new Error(`"${words}" is not on the page`);
  }, phrase);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(phrase);
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/shots/connector', { recursive: true });
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { name: 'Browser extension' }).scrollIntoViewIfNeeded();
    await saveScreen(page, `${name}-${width}`);
    await page.screenshot({ path: `test-results/shots/connector/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test('a page saved from the browser extension arrives with the selection as its first highlight', async () => {
  test.setTimeout(180_000);
  const { worker, extensionId } = await launchWithExtension();
  if (!context) throw new Error('no browser');
  const origin = await startSite();
  const articleUrl = `${origin}/news/breakwater`;

  // Before pairing: the article page, selected and saved, is refused with what to do.
  const article = await context.newPage();
  await article.goto(articleUrl);
  await expect(article.getByRole('heading', { name: 'Council votes to rebuild the breakwater' })).toBeVisible();

  // Settings › Browser extension: the port it listens on, and a pairing token, shown once.
  const app = await context.newPage();
  await app.goto(server.url);
  await app.getByRole('link', { name: 'Settings' }).click();
  const section = app.getByRole('region', { name: 'Browser extension' });
  await expect(section.getByTestId('connector-state')).toHaveText(/^Listening on 127\.0\.0\.1:\d+\.$/);
  const port = /:(\d+)\./.exec((await section.getByTestId('connector-state').textContent()) ?? '')?.[1] ?? '';
  await expect(section).toContainText('Not paired yet');
  await expect(section.getByText(EXTENSION_FOLDER, { exact: true })).toBeVisible();

  // The extension's options, still set to the fixed port: Lectio (on another port in tests) is "not running" there.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByLabel('Port')).toHaveValue('23131');
  await article.bringToFront();
  await select(article, SELECTED);
  const offline = await saveFromToolbar(worker, articleUrl);
  expect(offline.kind).toBe('not-running');
  expect(offline.message).toBe('Lectio is not running. Open Lectio and try again.');

  // The right port, no token yet: pairing is needed.
  await options.getByLabel('Port').fill(port);
  await options.getByRole('button', { name: 'Check the connection' }).click();
  await options.getByLabel('Pairing token').fill('not-the-token');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toContainText('is running, but this token is not the one it made');
  expect(await saveFromToolbar(worker, articleUrl)).toMatchObject({
    kind: 'pairing-needed',
    message: expect.stringMatching(/^Pairing needed/),
  });
  expect(await badgeOf(worker, articleUrl)).toBe('KEY');

  await app.bringToFront();
  await section.getByRole('button', { name: 'Make a pairing token' }).click();
  const tokenField = section.getByRole('textbox', { name: 'Pairing token' });
  await expect(tokenField).toHaveValue(/^[\w-]{43}$/);
  const token = await tokenField.inputValue();
  await expect(section).toContainText('Paired: a token was made on');
  await expect(section.getByRole('button', { name: 'Make a new token' })).toBeVisible();
  await shoot(app, 'settings-browser-extension');

  await options.bringToFront();
  await options.getByLabel('Pairing token').fill(token);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText(/^Connected to Lectio [\d.]+: paired\.$/);

  // The page itself cannot call Lectio: its request needs the custom header, so a preflight, which Lectio refuses.
  const fromPage = await article.evaluate(async (url) => {
    try {
      await fetch(url, { method: 'POST', headers: { 'x-lectio-connector': '1' } });
      return 'answered';
    } catch {
      return 'blocked';
    }
  }, `http://127.0.0.1:${port}/connector/ping`);
  expect(fromPage).toBe('blocked');

  // The save itself: the rendered page and the selection.
  await article.bringToFront();
  await select(article, SELECTED);
  const saved = await saveFromToolbar(worker, articleUrl);
  expect(saved).toEqual({
    kind: 'saved',
    message: 'Saved to Lectio: “Council votes to rebuild the breakwater”. Your selection is its first highlight.',
  });
  expect(await badgeOf(worker, articleUrl)).toBe('✓');

  // In Lectio: the document, its text (which only the page's script wrote), and the first highlight.
  await app.bringToFront();
  await app.getByRole('link', { name: 'Library', exact: true }).click();
  const documents = app.getByRole('list', { name: 'Documents' });
  await documents.getByRole('button', { name: 'Open Council votes to rebuild the breakwater' }).click();
  const reader = app.getByRole('article');
  for (const paragraph of PARAGRAPHS) await expect(reader).toContainText(paragraph);
  await app.getByRole('tab', { name: 'Highlights' }).click();
  const highlights = app.getByRole('list', { name: 'Highlights' });
  await expect(highlights.getByRole('listitem')).toHaveCount(1);
  await expect(highlights).toContainText(SELECTED);

  // The same page again: not saved twice.
  expect(await saveFromToolbar(worker, articleUrl)).toMatchObject({
    kind: 'already-saved',
    message: expect.stringMatching(/^Already in Lectio: “Council votes to rebuild the breakwater”\./),
  });

  // Lectio stopped: the extension says so.
  await server.stop();
  expect(await saveFromToolbar(worker, articleUrl)).toEqual({
    kind: 'not-running',
    message: 'Lectio is not running. Open Lectio and try again.',
  });
  expect(await badgeOf(worker, articleUrl)).toBe('!');
  await server.restart();
  const library = JSON.parse(readFileSync(path.join(server.dataDir, 'library.json'), 'utf8')) as {
    documents: { url?: string; highlightCount?: number }[];
  };
  expect(library.documents.filter((doc) => doc.url === articleUrl)).toEqual([
    expect.objectContaining({ highlightCount: 1 }),
  ]);
});

test('Settings says so when another program holds the connector’s port, and Lectio runs on', async ({ page }) => {
  // Another program on the port: here a plain server of the test's own.
  const holder = createServer((_request, response) => response.end('not Lectio'));
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const taken = (holder.address() as AddressInfo).port;
  const second = await startServer(newDataDir(), { connectorPort: taken });
  try {
    await page.goto(second.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Browser extension' });
    await expect(section.getByTestId('connector-state')).toHaveText(
      `Port ${taken} is in use by another program (perhaps another Lectio), so the browser extension cannot reach this one. Close the other program and restart Lectio.`,
    );
    await expect(section).toContainText(`Port ${taken} Status`);
    await page.getByRole('link', { name: 'Library', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);
  } finally {
    await second.stop();
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  }
});
